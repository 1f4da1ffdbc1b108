package org.tpsearch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch facets}: counts per dimension under a query and filters. */
@Command(name = "facets", description = "Count turning points per region, sector, year, type, evidence status and "
    + "confidence, under an optional query and filters (filtered dimensions count sideways).")
final class FacetsCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Optional query words.")
  List<String> query = List.of();

  @Mixin
  FilterOptions filters;

  @Mixin
  FormatOption format;

  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws Exception {
    SearchRequest r = filters.request(filters.queryText(query), 0, SearchRequest.SortOrder.RELEVANCE, true, true, false);
    IndexHandle handle = main.context().openIndex(index.index);
    Context.warnIfStale(handle, spec.commandLine().getErr());
    try {
      SearchResult result = main.context().searcher(handle).facets(r);
      if (format.format == FormatOption.Format.text) {
        spec.commandLine().getOut().println(result.total() + " turning points — " + result.index());
        Renderers.facets(result.facets(), spec.commandLine().getOut(), main.context().colour());
        spec.commandLine().getOut().flush();
      } else {
        SearchCommand.print(result, spec.commandLine().getOut(), FormatOption.Format.json, false);
      }
      return result.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
    } finally {
      Context.closeQuietly(handle);
    }
  }
}
