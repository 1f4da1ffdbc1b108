package org.tpsearch.cli;

import java.util.List;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tpsearch show ID}: one turning point in full. */
@Command(name = "show", description = "Show one turning point in full: every evidence item, field and source.",
    footer = {"", "Example:", "  tpsearch show xinjiang/industry/2022-03-01/event"})
final class ShowCommand extends IndexReadingCommand {
  @Parameters(paramLabel = "ID", description = "Turning-point id: {region}/{sector}/{YYYY-MM-DD}/{type}.")
  String id;

  @Mixin
  FormatOption format;

  /** For the completion scripts: the ids that start with ID, one a line (hidden from help). */
  @Option(names = "--complete", hidden = true)
  boolean complete;

  /** At most this many ids to complete: a shell shows no more usefully. */
  static final int MAX_COMPLETIONS = 1000;

  private Renderer renderer;

  @Override
  void validate() {
    renderer = format.renderer(spec, Renderer.Kind.POINT, context().colour(), context().hyperlinks());
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    if (complete) {
      for (String known : backend.idsStartingWith(id.strip().toLowerCase(java.util.Locale.ROOT), MAX_COMPLETIONS)) {
        out().println(TerminalText.line(known));
      }
      out().flush();
      return ExitCodes.OK;
    }
    StoredPoint p = backend.show(id);
    if (p == null) {
      // Suggest ids sharing the longest prefix that any id has: the id as typed, then without
      // its last part (type, date, sector) one at a time, down to the region.
      List<String> near = List.of();
      for (String prefix = id.strip().toLowerCase(java.util.Locale.ROOT); near.isEmpty() && !prefix.isEmpty();
          prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1)) {
        near = backend.idsStartingWith(prefix, 5);
      }
      err().println("tpsearch: no turning point '" + TerminalText.line(id) + "' in " + backend.description()
          + (near.isEmpty() ? "" : "; did you mean: " + TerminalText.line(String.join(", ", near))));
      return ExitCodes.NO_HITS;
    }
    renderer.point(p, out());
    out().flush();
    return ExitCodes.OK;
  }
}
