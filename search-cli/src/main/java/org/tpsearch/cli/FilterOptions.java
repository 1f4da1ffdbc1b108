package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.List;
import org.tpsearch.search.SearchRequest;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Filters shared by {@code search} and {@code facets}. */
public final class FilterOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-r", "--region"}, paramLabel = "REGION", completionCandidates = Candidates.RegionNames.class,
      description = "Only this region; any name: 新疆, Xinjiang, 新疆维吾尔自治区. Repeat for several.")
  List<String> regions = new ArrayList<>();

  @Option(names = {"-s", "--sector"}, paramLabel = "SECTOR", completionCandidates = Candidates.SectorNames.class,
      description = "Only this sector: Power, Industry, Ground Transport, Residential, Aviation, or 电力, 工业...")
  List<String> sectors = new ArrayList<>();

  @Option(names = {"-t", "--type"}, paramLabel = "TYPE", completionCandidates = Candidates.TypeNames.class,
      description = "Only this turning-point type: Policy, Event, Seasonal, Trend, Unknown.")
  List<String> types = new ArrayList<>();

  @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Candidates.StatusNames.class,
      description = "Only this evidence status: found, none, failed.")
  List<String> statuses = new ArrayList<>();

  @Option(names = {"-y", "--year"}, paramLabel = "YEARS", description = "A year (2022) or a range (2021..2023, 2021.., ..2022).")
  String years;

  @Option(names = "--min-confidence", paramLabel = "C", description = "Only points with confidence >= C (0..1).")
  Double minConfidence;

  int[] yearRange() {
    try {
      return SearchRequest.parseYears(years);
    } catch (org.tpsearch.search.QueryException e) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--year': '" + years
          + "' (expected 2022, 2021..2023, 2021.. or ..2022)");
    }
  }



  /**
   * The query words as one query. Words starting with {@code -} reach here as query words
   * ({@code -煤电} excludes); one starting with {@code --} is a mistyped option, not a word.
   */
  String queryText(List<String> words) {
    for (String w : words) {
      // "--x" and a lone "-x" are mistyped options; "-word" is an exclusion.
      if ((w.startsWith("--") && w.length() > 2) || w.matches("-[A-Za-z]")) {
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + w + "'");
      }
    }
    return String.join(" ", words);
  }

  SearchRequest request(String query, int limit, SearchRequest.SortOrder sort, boolean facets, boolean expand, boolean explain) {
    // Written so that NaN (which Double parses) fails too: it compares false both ways.
    if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for option '--min-confidence': " + minConfidence + " (expected 0..1)");
    }
    int[] y = yearRange();
    return new SearchRequest(query, regions, sectors, types, statuses, y[0], y[1],
        minConfidence == null ? Double.NaN : minConfidence, limit, sort, facets, expand, explain);
  }
}
