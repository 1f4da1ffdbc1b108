package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Dump;
import org.tpsearch.testing.Golden;

/** The one real pipeline report, parsed: pinned by a golden file and by direct assertions. */
class RealReportTest {
  private static final Path REAL = Golden.realReport();

  @Test
  void goldenParseOfTheRealReport() throws Exception {
    Report report = ReportParser.parse(REAL);
    Golden.assertMatches("Xinjiang_Industry_combined_info.txt.golden", Dump.report(report, REAL.getParent()));
  }

  @Test
  void everyTurningPointIsThereWithIdDateTypeConfidenceAndStatus() throws Exception {
    Report report = ReportParser.parse(REAL);
    assertEquals("Xinjiang", report.region().name());
    assertEquals("新疆", report.region().zh());
    assertEquals("Industry", report.sector().name());
    assertEquals(10, report.declaredCount());
    List<String> ids = report.points().stream().map(TurningPoint::id).toList();
    assertEquals(
        List.of(
            "xinjiang/industry/2019-04-01/event",
            "xinjiang/industry/2020-01-01/event",
            "xinjiang/industry/2020-03-31/event",
            "xinjiang/industry/2020-12-01/event",
            "xinjiang/industry/2021-03-01/event",
            "xinjiang/industry/2021-12-16/seasonal",
            "xinjiang/industry/2022-03-01/event",
            "xinjiang/industry/2022-10-01/event",
            "xinjiang/industry/2023-03-01/event",
            "xinjiang/industry/2023-11-01/event"),
        ids);
    List<EvidenceStatus> statuses = report.points().stream().map(TurningPoint::status).toList();
    assertEquals(
        List.of(EvidenceStatus.FOUND, EvidenceStatus.NONE, EvidenceStatus.NONE, EvidenceStatus.NONE,
            EvidenceStatus.NONE, EvidenceStatus.FOUND, EvidenceStatus.FOUND, EvidenceStatus.NONE,
            EvidenceStatus.NONE, EvidenceStatus.FOUND),
        statuses);
    TurningPoint p = report.points().get(6);
    assertEquals(LocalDate.of(2022, 3, 1), p.date().orElseThrow());
    assertEquals(0.69, p.confidence(), 1e-9);
    assertEquals(3, p.evidence().size());
    EvidenceItem green = p.evidence().get(0);
    assertEquals("新疆绿色电力交易量同比增长74.7%", green.title());
    assertEquals("2022年全年", green.time());
    assertEquals(2022, green.year());
    assertEquals("新疆全区范围", green.place());
    assertEquals("https://www.chinadaily.com.cn/a/202503/25/WS67e2514ba3101d4e4dc2abbf.html",
        green.sources().get(0).url());
    assertEquals("China Daily", green.sources().get(0).title());
    assertTrue(p.prose().startsWith("以下是2022年3月"), p.prose());
    assertTrue(p.prose().contains("以上事件均来自官方报道"), p.prose());
  }

  @Test
  void theCutOffLastPointIsKeptAndFlagged() throws Exception {
    Report report = ReportParser.parse(REAL);
    TurningPoint last = report.points().get(9);
    assertTrue(last.flags().contains("truncated"), last.flags().toString());
    assertEquals("Xinjiang Green Power Trading Surge", last.evidence().get(0).title());
    assertTrue(last.evidence().get(0).text().endsWith("has surpassed 100"));
    assertTrue(report.problems().stream().anyMatch(pr -> pr.code().equals("truncated") && pr.line() == 117),
        report.problems().toString());
  }

  @Test
  void everyPointCarriesTheReportsAnalysisTimeAndAPerPointFileHasNone() throws Exception {
    // The analysis time is the access date of a citation (tpsearch cite).
    for (TurningPoint p : ReportParser.parse(REAL).points()) {
      assertEquals("2025-05-01 17:00:12", p.analyzed(), p.id());
    }
    Report alone = ReportParser.parse(Golden.sampleReports().resolve("Guangdong_Power_2019-05-16_Policy_info.txt"));
    assertEquals("", alone.points().get(0).analyzed());
  }
}
