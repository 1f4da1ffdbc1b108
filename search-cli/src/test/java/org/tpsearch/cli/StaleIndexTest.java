package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.index.Schema;
import org.tpsearch.search.IndexHandle;

/** An index written by another schema version still answers, with a one-line warning. */
class StaleIndexTest {
  @TempDir
  Path home;

  @Test
  void anIndexOfAnotherSchemaVersionWarnsOnceOnStderr() throws Exception {
    Path index = home.resolve("old-index");
    java.nio.file.Files.createDirectories(index);
    IndexHandle.copyEmbedded(index);
    Cli cli = Cli.at(home);
    Cli.Result fresh = cli.run("search", "碳达峰", "--index", index.toString());
    assertEquals(0, fresh.exit(), fresh::toString);
    assertEquals("", fresh.err(), "a current index: no warning");

    // Pretend an older tpsearch wrote it.
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of(Schema.COMMIT_VERSION_KEY, "0").entrySet());
      w.commit();
    }
    Cli.Result old = cli.run("search", "碳达峰", "--index", index.toString());
    assertEquals(0, old.exit(), old::toString);
    assertEquals(fresh.out(), old.out(), "the answer is the same");
    assertEquals(1, old.errLines().size(), old::toString);
    assertTrue(old.errLines().get(0).startsWith("tpsearch: warning: index at " + index
        + " was written by another version of tpsearch (schema 0, this one is " + Schema.VERSION + ")"), old::toString);
  }
}
