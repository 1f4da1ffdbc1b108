package org.tpsearch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.PointView;
import org.tpsearch.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch show ID}: one turning point in full. */
@Command(name = "show", description = "Show one turning point in full: every evidence item, field and source.",
    footer = {"", "Example:", "  tpsearch show xinjiang/industry/2022-03-01/event"})
final class ShowCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Turning-point id: {region}/{sector}/{YYYY-MM-DD}/{type}.")
  String id;

  @Mixin
  FormatOption format;

  @Mixin
  IndexOption index;

  @Override
  public Integer call() throws Exception {
    IndexHandle handle = main.context().openIndex(index.index);
    Context.warnIfStale(handle, spec.commandLine().getErr());
    try {
      Searcher searcher = main.context().searcher(handle);
      PointView p = searcher.show(id);
      if (p == null) {
        // Suggest ids sharing the longest prefix that any id has: the id as typed, then without
        // its last part (type, date, sector) one at a time, down to the region.
        List<String> near = List.of();
        for (String prefix = id.strip().toLowerCase(java.util.Locale.ROOT); near.isEmpty() && !prefix.isEmpty();
            prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1)) {
          near = searcher.idsStartingWith(prefix, 5);
        }
        spec.commandLine().getErr().println("tpsearch: no turning point '" + id + "' in " + handle.description()
            + (near.isEmpty() ? "" : "; did you mean: " + String.join(", ", near)));
        return ExitCodes.NO_HITS;
      }
      if (format.format == FormatOption.Format.text) {
        Renderers.text(p, spec.commandLine().getOut(), main.context().colour());
      } else {
        spec.commandLine().getOut().println(Renderers.json(p));
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    } finally {
      Context.closeQuietly(handle);
    }
  }
}
