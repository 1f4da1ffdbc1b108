package org.tpsearch.cli;

import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tpsearch stats}: what the index holds. */
@Command(name = "stats", description = "Say which index answers and what it holds: turning points, files, counts per dimension.")
final class StatsCommand extends IndexReadingCommand {
  @Mixin
  FormatOption format;


  private Renderer renderer;

  @Override
  void validate() {
    renderer = format.renderer(spec, Renderer.Kind.STATS, context().colour());
  }

  @Override
  int run(Searcher searcher, IndexHandle handle) throws Exception {
    SearchResult s = searcher.stats();
    long files = handle.reader().maxDoc() == 0 ? 0 : countFiles(handle);
    long bytes = handle.path() == null ? -1 : sizeOf(handle.path());
    renderer.stats(new Renderer.IndexStats(s, files, bytes), out());
    out().flush();
    return ExitCodes.OK;
  }

  private static long countFiles(IndexHandle h) throws java.io.IOException {
    java.util.Set<String> files = new java.util.HashSet<>();
    org.apache.lucene.index.StoredFields sf = h.searcher().storedFields();
    java.util.Set<String> wanted = java.util.Set.of(org.tpsearch.index.Schema.FILE);
    org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(h.reader());
    for (int i = 0; i < h.reader().maxDoc(); i++) {
      if (live != null && !live.get(i)) {
        continue;
      }
      files.add(org.tpsearch.index.StoredPoint.read(sf.document(i, wanted)).file());
    }
    files.remove("");
    return files.size();
  }

  private static long sizeOf(java.nio.file.Path dir) throws java.io.IOException {
    try (var s = java.nio.file.Files.list(dir)) {
      long total = 0;
      for (java.nio.file.Path p : s.toList()) {
        total += java.nio.file.Files.size(p);
      }
      return total;
    }
  }
}
