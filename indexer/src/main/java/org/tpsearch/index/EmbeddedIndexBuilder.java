package org.tpsearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the index embedded in the sample-index jar: {@code main(outDir, reportsDir)}. Files are
 * recorded relative to the repository, the index is merged to one segment, and {@code index.files}
 * lists its files so the searcher can load it from the class path.
 */
public final class EmbeddedIndexBuilder {
  /** The listing of the embedded index's files, one name a line. */
  public static final String LISTING = "index.files";

  private EmbeddedIndexBuilder() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedIndexBuilder OUT_DIR REPORTS_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Path reports = Path.of(args[1]).toAbsolutePath().normalize();
    IndexSummary s = build(out, reports);
    System.out.printf("sample index: %d turning points from %d report files (%d warnings) -> %s%n",
        s.points(), s.reportFiles(), s.problems().size(), out);
  }

  /** Builds the embedded index of {@code reports} into {@code out}. */
  public static IndexSummary build(Path out, Path reports) throws IOException, IndexException {
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.list(out)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
    }
    // Paths relative to the repository root: sample-index/reports/...
    Path base = reports.getParent().getParent();
    IndexSummary summary = Indexer.run(List.of(reports), out,
        Indexer.Options.defaults().withFull(true).withDisplayBase(base).withThreads(1));
    try (FSDirectory dir = FSDirectory.open(out);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.forceMerge(1);
      w.setLiveCommitData(java.util.Map.of(Schema.COMMIT_VERSION_KEY, Schema.VERSION).entrySet());
      w.commit();
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        // Not the state, the locks or the mark: the embedded copy is read-only, not an index to update.
        if (!name.startsWith(Indexer.STATE_PREFIX) && !name.equals("write.lock") && !name.equals(IndexFolder.LOCK)
            && !name.equals(IndexFolder.MARKER)) {
          names.add(name);
        }
      }
    }
    Files.write(out.resolve(LISTING), names, StandardCharsets.UTF_8);
    return summary;
  }
}
