package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.DateRange;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Golden;

/** The evidence checks on the real report first, then the sample reports, then the rules' edges. */
class EvidenceChecksTest {
  private static List<TurningPoint> points(Path file) throws Exception {
    return ReportParser.parse(file).points();
  }

  /**
   * The real report, read by hand: 7 items. Out of window (point ±90 days): the 工业领域碳达峰实施方案
   * of 2022年6月 under 2021-12-16 (window ends 2022-03-16) and 克拉玛依 of 2022年6月 under 2022-03-01
   * (window ends 2022-05-30). In: 2019年4月 under 2019-04-01; 2022年3月 under 2021-12-16 (overlaps
   * until 03-16); 2022年全年 and 2022年1月11日 under 2022-03-01; 2023年全年 under 2023-11-01.
   */
  @Test
  void theRealReportHasTwoItemsOutOfWindowAndFiveIn() throws Exception {
    Map<String, Integer> byWindow = new TreeMap<>();
    Map<String, String> pointWindows = new LinkedHashMap<>();
    List<String> sourceChecks = new ArrayList<>();
    for (TurningPoint p : points(Golden.realReport())) {
      for (EvidenceItem e : p.evidence()) {
        EvidenceChecks.Check c = EvidenceChecks.of(e, p.date());
        byWindow.merge(c.window().label(), 1, Integer::sum);
        sourceChecks.addAll(c.sources());
      }
      pointWindows.put(p.id(), EvidenceChecks.pointWindow(p));
    }
    assertEquals(Map.of("in-window", 5, "out-of-window", 2), byWindow);
    assertEquals("all-in-window", pointWindows.get("xinjiang/industry/2019-04-01/event"));
    assertEquals("some-out-of-window", pointWindows.get("xinjiang/industry/2021-12-16/seasonal"));
    assertEquals("some-out-of-window", pointWindows.get("xinjiang/industry/2022-03-01/event"));
    assertEquals("all-in-window", pointWindows.get("xinjiang/industry/2023-11-01/event"));
    assertEquals("no-evidence", pointWindows.get("xinjiang/industry/2020-01-01/event"));
    // The last item is cut off before its source line: it cites no URL. The others cite documents.
    assertEquals(List.of("no-url"), sourceChecks);
  }

  @Test
  void theSampleReportsBareAndMissingUrls() throws Exception {
    Map<String, List<String>> checks = new LinkedHashMap<>();
    for (TurningPoint p : points(Golden.sampleReports().resolve("Shanghai_Aviation_combined_info.md"))) {
      for (EvidenceItem e : p.evidence()) {
        checks.put(p.date().orElseThrow() + "#" + e.ordinal(), EvidenceChecks.of(e, p.date()).labels());
      }
    }
    assertEquals(List.of("in-window", "bare-url"), checks.get("2020-01-24#1")); // https://www.shanghai.gov.cn/
    assertEquals(List.of("in-window", "no-url"), checks.get("2022-04-01#1")); // 来源：新华社, no URL
    assertEquals(List.of("in-window", "no-url"), checks.get("2023-01-08#2")); // no source line
    assertEquals(List.of("in-window", "bare-url"), checks.get("2023-01-08#1")); // https://www.gov.cn/
  }

  @Test
  void theWindowIsThePointDatePlusOrMinusNinetyDaysBothEndsIncluded() {
    Optional<LocalDate> point = Optional.of(LocalDate.of(2022, 3, 1));
    LocalDate last = LocalDate.of(2022, 5, 30); // +90 days
    LocalDate first = LocalDate.of(2021, 12, 1); // -90 days
    assertEquals(EvidenceChecks.Window.IN, EvidenceChecks.window(day(last), point));
    assertEquals(EvidenceChecks.Window.OUT, EvidenceChecks.window(day(last.plusDays(1)), point));
    assertEquals(EvidenceChecks.Window.IN, EvidenceChecks.window(day(first), point));
    assertEquals(EvidenceChecks.Window.OUT, EvidenceChecks.window(day(first.minusDays(1)), point));
    // A range that starts before the window and ends inside it overlaps: in.
    assertEquals(EvidenceChecks.Window.IN, EvidenceChecks.window(
        Optional.of(new DateRange(LocalDate.of(2020, 1, 1), first)), point));
    assertEquals(EvidenceChecks.Window.UNDATED, EvidenceChecks.window(Optional.empty(), point));
    assertEquals(EvidenceChecks.Window.UNDATED, EvidenceChecks.window(day(last), Optional.empty()));
  }

  private static Optional<DateRange> day(LocalDate d) {
    return Optional.of(new DateRange(d, d));
  }

  @Test
  void aPointsWindowValue() {
    var in = EvidenceChecks.Window.IN;
    var out = EvidenceChecks.Window.OUT;
    var undated = EvidenceChecks.Window.UNDATED;
    assertEquals("no-evidence", EvidenceChecks.pointWindow(List.of()));
    assertEquals("no-dated-evidence", EvidenceChecks.pointWindow(List.of(undated, undated)));
    assertEquals("all-in-window", EvidenceChecks.pointWindow(List.of(in, undated)));
    assertEquals("all-out-of-window", EvidenceChecks.pointWindow(List.of(out, undated)));
    assertEquals("some-out-of-window", EvidenceChecks.pointWindow(List.of(in, out)));
  }

  @Test
  void bareUrls() {
    for (String bare : List.of("https://www.ndrc.gov.cn/", "http://www.caac.gov.cn", "https://www.gov.cn/index.htm",
        "https://www.shanghai.gov.cn//", "www.news.cn", "https://x.cn/#top", "https://x.cn/default.aspx")) {
      assertTrue(EvidenceChecks.isBareUrl(bare), bare);
    }
    for (String doc : List.of("https://www.gov.cn/zhengce/content/2021-10/26/content_5644984.htm",
        "https://x.cn/?id=3", "https://x.cn/news/", "https://x.cn/index/a.html", "https://x.cn/indexes.html")) {
      assertFalse(EvidenceChecks.isBareUrl(doc), doc);
    }
    assertEquals(List.of("no-url"), EvidenceChecks.sourceChecks(List.of(new Link("新华社", "新华社"))));
    assertEquals(List.of(), EvidenceChecks.sourceChecks(List.of(new Link("", "https://www.ndrc.gov.cn/"),
        new Link("", "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202110/t20211012_1299461.html"))));
  }

  /** Written at index time, read back by the one codec: the dates and labels of every item. */
  @Test
  void theChecksAreStoredAndReadBack() throws Exception {
    List<TurningPoint> points = points(Golden.realReport());
    List<StoredPoint> read = new ArrayList<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        for (TurningPoint p : points) {
          w.addDocument(PointDocuments.build(p, "x.txt", Schema.facetsConfig()));
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        StoredFields sf = r.storedFields();
        for (int i = 0; i < r.maxDoc(); i++) {
          read.add(StoredPoint.read(sf.document(i, StoredPoint.HIT_FIELDS)));
        }
      }
    }
    for (int k = 0; k < points.size(); k++) {
      TurningPoint p = points.get(k);
      StoredPoint s = read.get(k);
      assertEquals(EvidenceChecks.pointWindow(p), s.evidenceWindow(), p.id());
      for (int i = 0; i < p.evidence().size(); i++) {
        assertEquals(EvidenceChecks.of(p.evidence().get(i), p.date()), s.items().get(i).check(), p.id() + " #" + (i + 1));
      }
    }
    StoredPoint.Item karamay = read.get(6).items().get(1);
    assertEquals("2022-06", karamay.check().dates().orElseThrow().label());
    assertEquals(List.of("out-of-window"), karamay.check().labels());
    assertEquals(List.of("gov.cn"), karamay.domains());
  }
}
