package org.tpsearch.cli;

import java.util.List;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tpsearch facets}: counts per dimension under a query and filters. */
@Command(name = "facets", description = "Count turning points per value of every facet dimension (region, sector, "
    + "year, ...), under an optional query and filters (filtered dimensions count sideways). Text shows the "
    + "20 commonest values of a dimension and how many more there are; --format json lists them all.")
final class FacetsCommand extends IndexReadingCommand {
  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Optional query words.")
  List<String> query = List.of();

  @Mixin
  FilterOptions filters;

  @Mixin
  FormatOption format;


  private SearchRequest request;
  private Renderer renderer;

  @Override
  void validate() {
    request = filters.request(filters.queryText(query), 0, SearchRequest.SortOrder.RELEVANCE, true, true, false);
    renderer = format.renderer(spec, Renderer.Kind.FACETS, context().colour());
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    SearchResult result = backend.facets(request);
    renderer.facets(result, out());
    out().flush();
    return result.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
  }
}
