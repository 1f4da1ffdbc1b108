package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/** What file names and report titles say: kind, region, sector; unknown names kept with a warning. */
class ReportNamesTest {
  private static final Path NAMES = AnswerLayoutTest.FIXTURES.resolve("names");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # file name                                                  | kind      | region         | known | sector           | known | date       | type
      Xinjiang_Industry_combined_info.txt                            | COMBINED  | Xinjiang       | true  | Industry         | true  |            |
      # a region with a space
      Inner Mongolia_Power_combined_info.txt                         | COMBINED  | Inner Mongolia | true  | Power            | true  |            |
      Inner_Mongolia_Power_combined_info.txt                         | COMBINED  | Inner Mongolia | true  | Power            | true  |            |
      # a sector with a space, with an underscore, in lower case
      Zhejiang_Ground Transport_combined_info.txt                    | COMBINED  | Zhejiang       | true  | Ground Transport | true  |            |
      Hubei_Ground_Transport_combined_info.txt                       | COMBINED  | Hubei          | true  | Ground Transport | true  |            |
      hubei_ground_transport_combined_info.txt                       | COMBINED  | Hubei          | true  | Ground Transport | true  |            |
      Shanghai_Domestic Aviation_combined_info.txt                   | COMBINED  | Shanghai       | true  | Aviation         | true  |            |
      # the report as Markdown
      Shanghai_Aviation_combined_info.md                             | COMBINED  | Shanghai       | true  | Aviation         | true  |            |
      # Chinese names
      新疆_工业_combined_info.txt                                     | COMBINED  | Xinjiang       | true  | Industry         | true  |            |
      # unknown: kept as written
      Hong Kong_Power_combined_info.txt                              | COMBINED  | Hong Kong      | false | Power            | true  |            |
      Beijing_Cement_combined_info.txt                               | COMBINED  | Beijing        | true  | Cement           | false |            |
      # per-point files
      Guangdong_Power_2019-05-16_Policy_info.txt                     | PER_POINT | Guangdong      | true  | Power            | true  | 2019-05-16 | Policy
      Inner Mongolia_Ground_Transport_2020-02-03_Event_info.txt      | PER_POINT | Inner Mongolia | true  | Ground Transport | true  | 2020-02-03 | Event
      Zhejiang_Ground Transport_2020-05-06_Policy_info.txt           | PER_POINT | Zhejiang       | true  | Ground Transport | true  | 2020-05-06 | Policy
      """)
  void fileNames(String name, ReportKind kind, String region, boolean regionKnown, String sector, boolean sectorKnown,
      String date, String type) {
    FileNames.Parsed p = FileNames.parse(Path.of("results", name));
    assertEquals(kind, p.kind().orElseThrow());
    assertEquals(region, p.region().name());
    assertEquals(regionKnown, p.region().known());
    assertEquals(sector, p.sector().name());
    assertEquals(sectorKnown, p.sector().known());
    assertEquals(date == null ? "" : date, p.date());
    assertEquals(type == null ? "" : type, p.type());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    // the pipeline's other files
    "Jiangsu_Power_change_points.txt", "all_change_points_info.csv", "Jiangsu_Power.csv", "Jiangsu_Power_trend.png",
    "Jiangsu_Power.svg", "processing_progress.txt", "all_change_points_summary.txt", "run.log",
    // a combined report's name with another extension
    "Jiangsu_Power_combined_info.txt.bak", "Jiangsu_Power_combined_info.csv",
  })
  void otherFilesAreNotReports(String name) {
    FileNames.Parsed p = FileNames.parse(Path.of("results", name));
    assertTrue(p.kind().isEmpty(), name + " taken as " + p.kind());
    assertNull(p.region());
  }

  @Test
  void chineseRegionAndSectorInTheTitle() throws Exception {
    // # 新疆省/市 工业部门 ...: the title alone names the series.
    Report r = ReportParser.parse(NAMES.resolve("新疆_工业_combined_info.txt"));
    assertEquals("Xinjiang", r.region().name());
    assertEquals("Industry", r.sector().name());
    assertEquals("xinjiang/industry/2020-01-01/event", r.points().get(0).id());
    assertTrue(r.problems().isEmpty(), r.problems().toString());

    Report beijing = ReportParser.parse(Golden.sampleReports().resolve("Beijing_Residential_combined_info.txt"));
    assertEquals("Beijing", beijing.region().name());
    assertEquals("Residential", beijing.sector().name());
  }

  @Test
  void theTitleIsReadWhatEverTheFileIsCalled() throws Exception {
    // A name that says nothing: region and sector come from the title.
    Path file = Path.of("results", "report.md");
    byte[] bytes = java.nio.file.Files.readAllBytes(NAMES.resolve("新疆_工业_combined_info.txt"));
    Report r = ReportParser.parse(file, bytes);
    assertEquals("Xinjiang", r.region().name());
    assertEquals("Industry", r.sector().name());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Hong Kong_Power_combined_info.txt  | hong-kong/power/2020-02-01/event   | unknown-region | unknown region 'Hong Kong', kept as written
      Beijing_Cement_combined_info.txt   | beijing/cement/2020-02-01/event    | unknown-sector | unknown sector 'Cement', kept as written
      """)
  void unknownRegionOrSectorIsKeptAsWrittenWithAWarning(String name, String id, String code, String message)
      throws Exception {
    Path file = NAMES.resolve(name);
    Report r = ReportParser.parse(file);
    TurningPoint p = r.points().get(0);
    assertEquals(id, p.id());
    assertEquals(List.of(new Problem(file, 0, code, message)), r.problems());
    assertEquals("", code.equals("unknown-region") ? r.region().zh() : r.sector().zh());
  }

  @Test
  void aTitleThatDisagreesWithTheFileNameWinsAndIsSaid() throws Exception {
    // Hebei_Industry_combined_info.txt titled # 河北省/市 电力部门
    Path file = NAMES.resolve("Hebei_Industry_combined_info.txt");
    Report r = ReportParser.parse(file);
    assertEquals("Power", r.sector().name());
    assertEquals("hebei/power/2020-02-01/event", r.points().get(0).id());
    assertEquals(List.of(new Problem(file, 1, "sector-mismatch",
        "title says sector 'Power' but the file name says 'Industry'; using the title")), r.problems());
    assertFalse(r.problems().stream().anyMatch(pr -> pr.code().equals("region-mismatch")));
  }
}
