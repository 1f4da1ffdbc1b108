package org.tpsearch.cli;

import org.tpsearch.search.SearchResult;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tpsearch stats}: what the index holds. */
@Command(name = "stats", description = "Say which index answers and what it holds: turning points, files, counts per dimension "
    + "(in text, the 20 commonest values of each and how many more; --format json lists them all).")
final class StatsCommand extends IndexReadingCommand {
  @Mixin
  FormatOption format;


  private Renderer renderer;

  @Override
  void validate() {
    renderer = format.renderer(spec, Renderer.Kind.STATS, context().colour());
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    SearchResult s = backend.stats();
    renderer.stats(new Renderer.IndexStats(s, backend.fileCount(), backend.sizeInBytes()), out());
    out().flush();
    return ExitCodes.OK;
  }
}
