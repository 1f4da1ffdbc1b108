package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.Problem;

/**
 * The same point in several files: the organized_results copy of a report, and a per-point file
 * whose point is also in the combined report. Indexed once, counted as duplicates, and a copy that
 * says something else is a warning with file and line.
 */
class DuplicatesTest {
  private static final String JIANGSU = "Jiangsu_Power_combined_info.txt";
  private static final String GUANGDONG_POINT = "guangdong/power/2019-05-16/policy";

  Path corpus;
  Path index;
  IndexSummary first;

  @BeforeEach
  void indexedCorpus() throws Exception {
    IndexedCorpus.Baseline b = IndexedCorpus.indexed();
    corpus = b.corpus();
    index = b.index();
    first = b.summary();
  }

  private IndexSummary run() throws Exception {
    return Indexer.run(List.of(corpus), index, Indexer.Options.defaults());
  }

  @Test
  void aReportInTwoFoldersIsIndexedOnce() throws Exception {
    IndexSummary s = first;
    assertEquals(IncrementalIndexTest.DUPLICATES, s.duplicates());
    for (String id : List.of("jiangsu/power/2019-02-05/seasonal", "jiangsu/power/2020-01-24/event",
        "jiangsu/power/2020-07-15/event", "jiangsu/power/2021-07-16/policy", "jiangsu/power/2021-09-16/policy",
        "jiangsu/power/2022-12-10/event")) {
      List<Document> hits = IndexedCorpus.byId(index, id);
      assertEquals(1, hits.size(), id);
      // Path order decides between two combined copies: the flat one comes first.
      assertEquals(corpus.resolve(JIANGSU).toString(), hits.get(0).get(Schema.FILE), id);
    }
    // Identical copies are no conflict.
    assertTrue(s.problems().stream().noneMatch(p -> p.code().equals("conflict")), s.problems().toString());
  }

  @Test
  void whenTheWinningCopyGoesTheOtherTakesOver() throws Exception {
    Files.delete(corpus.resolve(JIANGSU));

    IndexSummary s = run();
    // The six points stay; their documents now point at the organized_results copy.
    assertEquals(IncrementalIndexTest.POINTS, s.points());
    assertEquals(6, s.updated());
    assertEquals(0, s.deleted());
    assertEquals(IncrementalIndexTest.DUPLICATES - 6, s.duplicates());
    Document d = IndexedCorpus.byId(index, "jiangsu/power/2020-01-24/event").get(0);
    assertEquals(corpus.resolve("organized_results/Jiangsu_Power/" + JIANGSU).toString(), d.get(Schema.FILE));
  }

  @Test
  void aPerPointFileWhosePointIsInTheCombinedReportIsIndexedOnceFromTheReport() throws Exception {
    List<Document> hits = IndexedCorpus.byId(index, GUANGDONG_POINT);
    assertEquals(1, hits.size());
    // The combined report wins: it has the confidence the per-point file lacks.
    assertEquals(corpus.resolve("Guangdong_Power_combined_info.txt").toString(), hits.get(0).get(Schema.FILE));
    assertEquals(41, hits.get(0).getField(Schema.LINE).numericValue().intValue());
    assertEquals(0.72, hits.get(0).getField(Schema.CONFIDENCE).numericValue().doubleValue(), 1e-9);
  }

  @Test
  void aPerPointFileThatSaysSomethingElseIsAConflict() throws Exception {
    Path perPoint = corpus.resolve("Guangdong_Power_2019-05-16_Policy_info.txt");
    IndexedCorpus.rewrite(perPoint, "**发布/发生时间**：2019年5月", "**发布/发生时间**：2019年6月");

    IndexSummary s = run();
    List<Problem> conflicts = s.problems().stream().filter(p -> p.code().equals("conflict")).toList();
    assertEquals(1, conflicts.size(), s.problems().toString());
    Problem c = conflicts.get(0);
    assertEquals(perPoint, c.file());
    assertEquals(1, c.line());
    assertEquals("turning point " + GUANGDONG_POINT + " is also in " + corpus.resolve("Guangdong_Power_combined_info.txt")
        + ":41 with different content; the index keeps that one", c.message());
    // The index keeps the report's version.
    assertTrue(IndexedCorpus.byId(index, GUANGDONG_POINT).get(0).get(Schema.ANSWER).contains("2019年5月"));
    assertEquals(0, s.added() + s.updated() + s.deleted());
  }

  @Test
  void aConflictIsStillSaidOnARunThatReadsNothing() throws Exception {
    Path perPoint = corpus.resolve("Guangdong_Power_2019-05-16_Policy_info.txt");
    IndexedCorpus.rewrite(perPoint, "**发布/发生时间**：2019年5月", "**发布/发生时间**：2019年6月");
    run();
    IndexSummary again = run();
    assertEquals(0, again.parsedFiles());
    assertEquals(1, again.problems().stream().filter(p -> p.code().equals("conflict")).count(), again.problems().toString());
  }

  @Test
  void aFullRunOnManyThreadsKeepsTheSameCopies(@org.junit.jupiter.api.io.TempDir Path again) throws Exception {
    // A full run writes each file's points as it reads them: on eight workers the copies reach the
    // index in any order, and the one kept must still be the one the rule names, written once.
    IndexSummary s = Indexer.run(List.of(corpus), again.resolve("index"),
        Indexer.Options.defaults().withFull(true).withThreads(8));
    assertEquals(first.points(), s.points());
    assertEquals(first.duplicates(), s.duplicates());
    assertEquals(first.problems(), s.problems());
    for (String id : List.of("jiangsu/power/2020-01-24/event", "jiangsu/power/2022-12-10/event", GUANGDONG_POINT)) {
      List<Document> mine = IndexedCorpus.byId(again.resolve("index"), id);
      List<Document> theirs = IndexedCorpus.byId(index, id);
      assertEquals(1, mine.size(), id);
      assertEquals(theirs.get(0).get(Schema.FILE), mine.get(0).get(Schema.FILE), id);
      assertEquals(theirs.get(0).get(Schema.LINE), mine.get(0).get(Schema.LINE), id);
    }
  }
}
