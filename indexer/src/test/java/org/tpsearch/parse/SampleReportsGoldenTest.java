package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.model.Report;
import org.tpsearch.testing.Dump;
import org.tpsearch.testing.Golden;

/**
 * Every report in {@code sample-index/reports}, parsed and pinned by one golden file each. The
 * goldens were read line by line against their sources; a change here is a change of behaviour.
 */
class SampleReportsGoldenTest {
  private static final Path REPORTS = Golden.sampleReports();

  /** Every report-shaped file of the sample corpus, in path order, relative to the reports folder. */
  static Stream<String> reports() throws IOException {
    try (Stream<Path> files = Files.walk(REPORTS)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> FileNames.parse(p).kind().isPresent())
          .map(p -> REPORTS.relativize(p).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void goldenParse(String relative) throws Exception {
    Path file = REPORTS.resolve(relative);
    Report report = ReportParser.parse(file);
    Golden.assertMatches(goldenName(relative), Dump.report(report, REPORTS));
  }

  /** The goldens cover the whole corpus: a report added without a golden fails here, not silently. */
  @Test
  void everySampleReportIsCovered() throws Exception {
    assertEquals(
        List.of(
            "Beijing_Residential_combined_info.txt",
            "Guangdong_Power_2019-05-16_Policy_info.txt",
            "Guangdong_Power_combined_info.txt",
            "Hebei_Industry_2020-02-01_Event_info.txt",
            "Hebei_Industry_combined_info.txt",
            "Hubei_Ground_Transport_combined_info.txt",
            "Inner Mongolia_Power_2021-10-12_Event_info.txt",
            "Inner Mongolia_Power_combined_info.txt",
            "Jiangsu_Power_combined_info.txt",
            "Shanghai_Aviation_combined_info.md",
            "Shanxi_Power_combined_info.txt",
            "Xinjiang_Industry_combined_info.txt",
            "Xinjiang_Power_combined_info.txt",
            "Zhejiang_Ground Transport_combined_info.txt",
            "organized_results/Jiangsu_Power/Jiangsu_Power_combined_info.txt"),
        reports().toList());
  }

  /** The real report keeps its own golden (RealReportTest); the others get one under samples/. */
  private static String goldenName(String relative) {
    if (relative.equals("Xinjiang_Industry_combined_info.txt")) {
      return "Xinjiang_Industry_combined_info.txt.golden";
    }
    return "samples/" + relative.replace('/', '_').replace(' ', '_') + ".golden";
  }
}
