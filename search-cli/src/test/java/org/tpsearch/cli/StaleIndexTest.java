package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
    // Every command that answers from an index goes through the one lifecycle: each warns once.
    for (String[] args : List.of(new String[] {"show", "xinjiang/industry/2022-03-01/event"}, new String[] {"facets"},
        new String[] {"stats"})) {
      List<String> all = new java.util.ArrayList<>(List.of(args));
      all.addAll(List.of("--index", index.toString()));
      Cli.Result r = cli.run(all.toArray(String[]::new));
      assertEquals(0, r.exit(), r::toString);
      assertEquals(List.of(old.errLines().get(0)), r.errLines(), r::toString);
    }
  }
}
