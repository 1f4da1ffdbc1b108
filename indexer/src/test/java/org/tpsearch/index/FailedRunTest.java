package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails halfway commits nothing: the previous index stays whole and searchable. */
class FailedRunTest {
  @TempDir Path tmp;
  Path corpus;
  Path index;

  @BeforeEach
  void indexedCorpus() throws Exception {
    IndexedCorpus.Baseline b = IndexedCorpus.indexed();
    corpus = b.corpus();
    index = b.index();
  }

  private static Indexer.Options failingAfter(int documents) {
    return Indexer.Options.defaults().withFailAfterDocuments(documents);
  }

  @Test
  void aFailedUpdateKeepsThePreviousIndex() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);
    assertEquals(IncrementalIndexTest.POINTS, before.size());

    // Change two reports (11 points to rewrite) and remove a third; fail after 3 documents.
    IndexedCorpus.rewrite(corpus.resolve("Shanghai_Aviation_combined_info.md"), "分析时间: 2025-05-01 17:52:40",
        "分析时间: 2025-05-01 17:52:41\n");
    IndexedCorpus.rewrite(corpus.resolve("Hubei_Ground_Transport_combined_info.txt"), "分析时间: 2025-05-01 18:11:09",
        "分析时间: 2025-05-01 18:11:09\n");
    Files.delete(corpus.resolve("Beijing_Residential_combined_info.txt"));
    IndexException e = assertThrows(IndexException.class, () -> Indexer.run(List.of(corpus), index, failingAfter(3)));
    assertEquals(index, e.index());
    // Documents are written on several threads: the one that reports may have counted past 3.
    assertTrue(e.getMessage().startsWith("indexing failed, the previous index is kept: injected failure after "),
        e.getMessage());

    // Same documents, same ids, same content, still searchable by id.
    assertEquals(before, IndexedCorpus.hashes(index));
    assertEquals(1, IndexedCorpus.byId(index, "beijing/residential/2022-02-04/event").size());
    try (var files = Files.list(index)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(Indexer.STATE_PREFIX)).count(),
          "the failed run's state file is gone");
    }

    // The next run does the whole change: the failed one left nothing half-done behind.
    IndexSummary s = Indexer.run(List.of(corpus), index, Indexer.Options.defaults());
    assertEquals(2, s.parsedFiles());
    assertEquals(11, s.updated());
    assertEquals(5, s.deleted());
    assertEquals(IncrementalIndexTest.POINTS - 5, IndexedCorpus.documents(index).size());
  }

  @Test
  void aFailedFullRebuildKeepsThePreviousIndex() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);

    assertThrows(IndexException.class,
        () -> Indexer.run(List.of(corpus), index, failingAfter(10).withFull(true)));
    assertEquals(before, IndexedCorpus.hashes(index));
  }

  @Test
  void aFailedFirstRunLeavesNoIndex() throws Exception {
    corpus = IndexedCorpus.copySamples(tmp.resolve("results"));
    index = tmp.resolve("index");
    assertThrows(IndexException.class, () -> Indexer.run(List.of(corpus), index, failingAfter(1)));
    assertFalse(Files.exists(index), "the folder this run made is gone again");
    // And a run after it builds the index from scratch.
    assertEquals(IncrementalIndexTest.POINTS, Indexer.run(List.of(corpus), index, Indexer.Options.defaults()).added());
    assertTrue(Files.exists(index));
  }

  @Test
  void aMistypedResultsFolderLeavesNoIndexFolderBehind() throws Exception {
    index = tmp.resolve("new/index");
    Path typo = tmp.resolve("resluts");
    java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
        () -> Indexer.run(List.of(typo), index, Indexer.Options.defaults()));
    assertEquals(typo.toString(), e.getFile());
    assertFalse(Files.exists(tmp.resolve("new")), "nothing made at the index path");
  }

  @Test
  void aFailedFirstRunInAnEmptyFolderKeepsTheFolderAndLeavesItEmpty() throws Exception {
    corpus = IndexedCorpus.copySamples(tmp.resolve("results"));
    index = Files.createDirectories(tmp.resolve("empty"));
    assertThrows(IndexException.class, () -> Indexer.run(List.of(corpus), index, failingAfter(1)));
    try (var files = Files.list(index)) {
      assertEquals(List.of(), files.toList(), "only what the run made is removed, and all of it");
    }
  }
}
