package org.tpsearch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.Schema;
import org.tpsearch.search.SearchRequest;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Filters shared by {@code search} and {@code facets}: one option per facet dimension, made from
 * {@link Schema#DIMENSIONS} (see {@link #addDimensionOptions}), and {@code --min-confidence}.
 */
public final class FilterOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--min-confidence", paramLabel = "C", description = "Only points with confidence >= C (0..1).")
  Double minConfidence;

  /** Adds a repeatable filter option per facet dimension ({@code -r/--region}, ...) to {@code command}. */
  static void addDimensionOptions(CommandSpec command) {
    for (Dimension d : Schema.DIMENSIONS) {
      String[] names = d.shortOption().isEmpty() ? new String[] {d.longOption()}
          : new String[] {"-" + d.shortOption(), d.longOption()};
      command.addOption(OptionSpec.builder(names)
          .paramLabel(d.name().toUpperCase(java.util.Locale.ROOT))
          .description(d.description())
          .type(List.class)
          .auxiliaryTypes(String.class)
          .completionCandidates(Candidates.forDimension(d.name()))
          .build());
    }
  }

  /** The filter values given per dimension, each checked by the dimension's resolver. */
  Map<String, List<String>> dimensionFilters() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Dimension d : Schema.DIMENSIONS) {
      OptionSpec o = spec.findOption(d.longOption());
      List<String> values = o == null ? null : o.getValue();
      if (values == null || values.isEmpty()) {
        continue;
      }
      for (String v : values) {
        try {
          d.resolver().resolve(v);
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "Invalid value for option '" + d.longOption() + "': " + e.getMessage());
        }
      }
      out.put(d.name(), List.copyOf(values));
    }
    return out;
  }

  /**
   * The query words as one query. Words starting with {@code -} reach here as query words
   * ({@code -煤电} excludes); one starting with {@code --} is a mistyped option, not a word.
   */
  String queryText(List<String> words) {
    // Words after "--" are words, whatever they look like (search -- --x), as in rg and git.
    int asWords = wordsAfterEndOfOptions();
    for (int k = 0; k < words.size() - asWords; k++) {
      String w = words.get(k);
      // "--x" and a lone "-x" are mistyped options; "-word" is an exclusion.
      if ((w.startsWith("--") && w.length() > 2) || w.matches("-[A-Za-z]")) {
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + w + "'");
      }
    }
    return String.join(" ", words);
  }

  /** How many of the last arguments came after "--"; 0 when there is none. */
  private int wordsAfterEndOfOptions() {
    picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed == null) {
      return 0;
    }
    List<String> args = parsed.originalArgs();
    int end = args.indexOf("--");
    return end < 0 ? 0 : args.size() - end - 1;
  }

  SearchRequest request(String query, int limit, SearchRequest.SortOrder sort, boolean facets, boolean expand, boolean explain) {
    if (minConfidence != null) {
      try {
        SearchRequest.checkMinConfidence(minConfidence);
      } catch (org.tpsearch.search.QueryException e) {
        throw new ParameterException(spec.commandLine(),
            "Invalid value for option '--min-confidence': " + minConfidence + " (expected 0..1)");
      }
    }
    return new SearchRequest(query, dimensionFilters(), minConfidence == null ? Double.NaN : minConfidence, limit, sort,
        facets, expand, explain);
  }
}
