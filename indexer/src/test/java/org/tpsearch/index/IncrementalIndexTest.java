package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.EvidenceStatus;

/**
 * Indexing a copy of the sample corpus, then changing it: only what changed is written, and the
 * index read back through Lucene always holds one document per turning point.
 */
class IncrementalIndexTest {
  /**
   * Points in the sample corpus, counted from its headings: combined reports Beijing 5, Guangdong 7,
   * Hebei 5, Hubei 5, Inner Mongolia 5, Jiangsu 6, Shanghai 6, Shanxi 5, Xinjiang Industry 10,
   * Xinjiang Power 6, Zhejiang 6 (= 66), plus the two per-point files whose point is in no combined
   * report (Hebei 2020-02-01, Inner Mongolia 2021-10-12).
   */
  static final int POINTS = 68;
  /** The organized_results copy of Jiangsu (6) and the Guangdong per-point file also in its report (1). */
  static final int DUPLICATES = 7;
  /** 15 report files: 12 combined (one a copy) and 3 per-point; 2 others (CSV, change points). */
  static final int REPORT_FILES = 15;
  static final int OTHER_FILES = 2;

  @TempDir Path tmp;
  Path corpus;
  Path index;
  /** The summary of the first, full run over the corpus (made once, see {@link IndexedCorpus#indexed()}). */
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
  void fullIndexOfTheSampleCorpus() throws Exception {
    IndexSummary s = first;
    assertEquals(REPORT_FILES, s.reportFiles());
    assertEquals(REPORT_FILES, s.parsedFiles());
    assertEquals(0, s.unchangedFiles());
    assertEquals(OTHER_FILES, s.skippedFiles());
    assertEquals(POINTS, s.points());
    assertEquals(POINTS, s.added());
    assertEquals(0, s.updated());
    assertEquals(0, s.deleted());
    assertEquals(DUPLICATES, s.duplicates());
    // found/none/failed, counted from the answers: 2 failures, both in Jiangsu; 15 "not found".
    assertEquals(Map.of(EvidenceStatus.FOUND, 51, EvidenceStatus.NONE, 15, EvidenceStatus.FAILED, 2), s.byStatus());

    Map<String, Document> docs = IndexedCorpus.documents(index);
    assertEquals(POINTS, docs.size());

    List<Document> hits = IndexedCorpus.byId(index, "xinjiang/industry/2022-03-01/event");
    assertEquals(1, hits.size());
    Document d = hits.get(0);
    assertEquals("Xinjiang", d.get(Schema.REGION));
    assertEquals("新疆", d.get(Schema.REGION_ZH));
    assertEquals("Industry", d.get(Schema.SECTOR));
    assertEquals("Event", d.get(Schema.TYPE));
    assertEquals("found", d.get(Schema.STATUS));
    assertEquals("2022-03-01", d.get(Schema.DATE_TEXT));
    assertEquals(0.69, d.getField(Schema.CONFIDENCE).numericValue().doubleValue(), 1e-9);
    assertEquals(66, d.getField(Schema.LINE).numericValue().intValue());
    assertEquals(corpus.resolve("Xinjiang_Industry_combined_info.txt").toString(), d.get(Schema.FILE));
    assertEquals(List.of("新疆绿色电力交易量同比增长74.7%", "新疆克拉玛依高新技术产业开发区升级为国家级", "墨玉县综合产业园建设"),
        List.of(d.getValues(Schema.EV_TITLE)));

    // The cut real report's last point carries its flag into the index.
    Document last = IndexedCorpus.byId(index, "xinjiang/industry/2023-11-01/event").get(0);
    assertEquals(List.of("truncated"), List.of(last.getValues(Schema.FLAG)));
    // A point known only from its per-point file.
    Document hebei = IndexedCorpus.byId(index, "hebei/industry/2020-02-01/event").get(0);
    assertEquals("none", hebei.get(Schema.STATUS));
    assertEquals(corpus.resolve("Hebei_Industry_2020-02-01_Event_info.txt").toString(), hebei.get(Schema.FILE));
    // A failed retrieval is indexed as failed, not none.
    assertEquals("failed", IndexedCorpus.byId(index, "jiangsu/power/2020-07-15/event").get(0).get(Schema.STATUS));
    // The GB18030 report is searchable as text like any other.
    assertEquals("山西电力现货市场转入正式运行",
        IndexedCorpus.byId(index, "shanxi/power/2023-12-22/policy").get(0).get(Schema.EV_TITLE));
  }

  @Test
  void reindexWithNothingChangedWritesNothing() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);

    IndexSummary s = run();
    assertEquals(0, s.parsedFiles());
    assertEquals(REPORT_FILES, s.unchangedFiles());
    assertEquals(0, s.added());
    assertEquals(0, s.updated());
    assertEquals(0, s.deleted());
    assertEquals(POINTS, s.points());
    assertEquals(DUPLICATES, s.duplicates());
    assertEquals(List.of(), s.problems(), "no file was read, so no file warnings");
    assertEquals(before, IndexedCorpus.hashes(index));
    // Only the last state file is kept beside the index.
    try (var files = Files.list(index)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(Indexer.STATE_PREFIX)).count());
    }
  }

  @Test
  void aChangedFileUpdatesOnlyItsChangedPoints() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);

    // One line of one answer, same line count: only that point's document changes.
    IndexedCorpus.rewrite(corpus.resolve("Xinjiang_Power_combined_info.txt"),
        "，工商业用电下降，", "，工商业用电明显下降，");
    IndexSummary s = run();
    assertEquals(1, s.parsedFiles());
    assertEquals(REPORT_FILES - 1, s.unchangedFiles());
    assertEquals(0, s.added());
    assertEquals(1, s.updated());
    assertEquals(0, s.deleted());
    assertEquals(POINTS, s.points());

    Map<String, String> after = IndexedCorpus.hashes(index);
    assertEquals(before.keySet(), after.keySet());
    Set<String> changed = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id)))
        .collect(Collectors.toSet());
    assertEquals(Set.of("xinjiang/power/2020-07-20/event"), changed);
    assertTrue(IndexedCorpus.byId(index, "xinjiang/power/2020-07-20/event").get(0).get(Schema.ANSWER)
        .contains("工商业用电明显下降"));
  }

  @Test
  void aTouchedButUnchangedFileIsNotReadAgainAndRewritesNothing() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);
    IndexedCorpus.touch(corpus.resolve("Beijing_Residential_combined_info.txt"));

    // Its bytes are the same (their digest says so): nothing to read, nothing to write.
    IndexSummary s = run();
    assertEquals(0, s.parsedFiles());
    assertEquals(REPORT_FILES, s.unchangedFiles());
    assertEquals(0, s.added() + s.updated() + s.deleted());
    assertEquals(before, IndexedCorpus.hashes(index));
  }

  /**
   * An edit of the same size whose modification time is put back (touch -r, cp -p, rsync -t, an
   * editor that keeps it) was taken for an unchanged file: size and time were all a run compared.
   */
  @Test
  void anEditOfTheSameSizeWithItsTimePutBackIsReadAgain() throws Exception {
    Path real = corpus.resolve("Xinjiang_Industry_combined_info.txt");
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(real);
    long size = Files.size(real);
    String text = Files.readString(real);
    assertTrue(text.contains("绿色电力交易量达到52.6亿千瓦时"));
    Files.writeString(real, text.replace("绿色电力交易量达到52.6亿千瓦时", "绿色电力交易量达到58.6亿千瓦时"));
    Files.setLastModifiedTime(real, time);
    assertEquals(size, Files.size(real));
    assertEquals(time, Files.getLastModifiedTime(real));

    IndexSummary s = run();
    assertEquals(1, s.parsedFiles());
    assertEquals(1, s.updated());
    assertTrue(IndexedCorpus.byId(index, "xinjiang/industry/2022-03-01/event").get(0).get(Schema.ANSWER)
        .contains("58.6亿千瓦时"), "the edit is in the index");
    // And the next run, with nothing changed, reads nothing.
    assertEquals(0, run().parsedFiles());
  }

  /** A state written before digests has none: its files are read once more, then compared by digest. */
  @Test
  void aStateWithoutDigestsReadsEachFileOnceMore() throws Exception {
    IndexState withDigests = IndexState.parse(IndexState.parse(stateText()).serialize());
    assertTrue(withDigests.files.values().stream().noneMatch(f -> f.digest().isEmpty()));
    StringBuilder old = new StringBuilder();
    for (String line : stateText().split("\n")) {
      // The F lines as a state of before digests wrote them: five fields.
      old.append(line.startsWith("F\t") ? line.substring(0, line.lastIndexOf('\t')) : line).append('\n');
    }
    IndexState before = IndexState.parse(old.toString());
    assertTrue(before.files.values().stream().allMatch(f -> f.digest().isEmpty()));
    assertEquals(withDigests.files.keySet(), before.files.keySet());
  }

  private String stateText() throws Exception {
    try (var files = Files.list(index)) {
      Path state = files.filter(p -> p.getFileName().toString().startsWith(Indexer.STATE_PREFIX)).findFirst().orElseThrow();
      return Files.readString(state);
    }
  }

  @Test
  void aRemovedFileTakesItsPointsWithIt() throws Exception {
    Files.delete(corpus.resolve("Beijing_Residential_combined_info.txt"));

    IndexSummary s = run();
    assertEquals(5, s.deleted());
    assertEquals(0, s.added() + s.updated());
    assertEquals(POINTS - 5, s.points());
    Map<String, Document> docs = IndexedCorpus.documents(index);
    assertEquals(POINTS - 5, docs.size());
    assertTrue(docs.keySet().stream().noneMatch(id -> id.startsWith("beijing/")), docs.keySet().toString());
    assertEquals(List.of(), IndexedCorpus.byId(index, "beijing/residential/2022-02-04/event"));
  }

  @Test
  void anAddedFileAddsItsPoints() throws Exception {
    Path layouts = Path.of("src/test/resources/fixtures/layouts/Tianjin_Power_combined_info.txt");
    Files.copy(layouts, corpus.resolve("Tianjin_Power_combined_info.txt"));

    IndexSummary s = run();
    assertEquals(1, s.parsedFiles());
    assertEquals(6, s.added());
    assertEquals(0, s.updated() + s.deleted());
    assertEquals(POINTS + 6, IndexedCorpus.documents(index).size());
    assertEquals("Tianjin", IndexedCorpus.byId(index, "tianjin/power/2021-07-16/policy").get(0).get(Schema.REGION));
  }

  @Test
  void fullRebuildWritesEverythingAgainToTheSameIndex() throws Exception {
    Map<String, String> before = IndexedCorpus.hashes(index);

    IndexSummary s = Indexer.run(List.of(corpus), index, Indexer.Options.defaults().withFull(true));
    assertEquals(REPORT_FILES, s.parsedFiles());
    assertEquals(POINTS, s.added());
    assertEquals(0, s.deleted());
    // Same documents, no old ones left beside them.
    assertEquals(before, IndexedCorpus.hashes(index));
  }

  @Test
  void hiddenFoldersAndNotesAreNotReports() throws Exception {
    // A hidden folder (such as an index kept inside the results) and a README: neither is a report.
    Path hidden = corpus.resolve(".tpsearch");
    Files.createDirectories(hidden);
    Files.copy(corpus.resolve("Beijing_Residential_combined_info.txt"), hidden.resolve("Beijing_Residential_combined_info.txt"));
    Files.writeString(corpus.resolve("README.md"), "# Results\n\nPipeline output of 2025-05-01.\n");

    IndexSummary s = run();
    assertEquals(REPORT_FILES, s.reportFiles());
    assertEquals(0, s.parsedFiles());
    assertEquals(OTHER_FILES + 1, s.skippedFiles());
    assertEquals(DUPLICATES, s.duplicates());
  }

  @Test
  void filesAreRecordedRelativeToTheDisplayBase() throws Exception {
    Path results = IndexedCorpus.copySamples(tmp.resolve("results"));
    index = tmp.resolve("index");
    Indexer.run(List.of(results), index, Indexer.Options.defaults().withDisplayBase(tmp));
    Map<String, String> files = new TreeMap<>();
    IndexedCorpus.documents(index).forEach((id, d) -> files.put(id, d.get(Schema.FILE)));
    assertEquals(Path.of("results", "Hubei_Ground_Transport_combined_info.txt").toString(),
        files.get("hubei/ground-transport/2020-01-23/event"));
    assertFalse(files.values().stream().anyMatch(f -> f.startsWith("/")), files.values().toString());
    assertNotEquals(0, files.size());
  }
}
