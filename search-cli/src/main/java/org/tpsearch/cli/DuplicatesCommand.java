package org.tpsearch.cli;

import java.util.List;
import org.tpsearch.search.Duplicates;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tpsearch duplicates}: the same event or document cited under several turning points. */
@Command(name = "duplicates", description = "List the duplicate clusters: the same event or document cited under "
    + "several turning points (same title after normalisation, same 《document》 or 文号, or same document URL). "
    + "With a query or filters, the clusters that have a member among the matching points.",
    footer = {"", "Examples:", "  tpsearch duplicates", "  tpsearch duplicates --region Xinjiang",
        "  tpsearch duplicates 疫情 --min-points 3 --format json"})
final class DuplicatesCommand extends IndexReadingCommand {
  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Optional query words: clusters with a member among the points that match.")
  List<String> query = List.of();

  @Mixin
  FilterOptions filters;

  @Mixin
  FormatOption format;

  @Option(names = "--min-points", paramLabel = "N", defaultValue = "2",
      description = "Only clusters under at least N turning points (default: ${DEFAULT-VALUE}).")
  int minPoints = 2;

  private SearchRequest request;
  private Renderer renderer;

  @Override
  void validate() {
    if (minPoints < 2) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--min-points': " + minPoints + " (expected 2 or more: a cluster spans two points)");
    }
    request = filters.request(filters.queryText(query), Integer.MAX_VALUE, SearchRequest.SortOrder.RELEVANCE, false, true,
        false);
    renderer = format.renderer(spec, Renderer.Kind.DUPLICATES, context().colour());
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    List<Duplicates.Cluster> clusters = backend.duplicates(request).stream().filter(c -> c.points() >= minPoints).toList();
    renderer.duplicates(clusters, backend.description(), out());
    out().flush();
    return clusters.isEmpty() ? ExitCodes.NO_HITS : ExitCodes.OK;
  }
}
