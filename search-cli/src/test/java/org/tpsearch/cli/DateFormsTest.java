package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * A month or day typed with or without its leading zero finds both forms in the reports: the real
 * Xinjiang report writes "2022年05月", the Shanghai one "2022年5月31日"; users type either.
 */
class DateFormsTest {
  @TempDir
  Path home;

  /** The ids of the hits that match every word of {@code query}, on the sample index. */
  private List<String> fullMatches(String query) {
    Cli.Result r = Cli.at(home).run("search", query, "--format", "json", "-n", "all");
    assertTrue(r.exit() <= 1, r::toString);
    if (r.exit() == 1) {
      return List.of();
    }
    List<?> hits = (List<?>) MiniJson.object(r.out()).get("hits");
    return hits.stream().map(h -> (Map<?, ?>) h).filter(h -> "all".equals(h.get("match")))
        .map(h -> (String) h.get("id")).sorted().toList();
  }

  @Test
  void paddedAndUnpaddedMonthsFindEachOther() throws Exception {
    // What the reports write, checked on the files themselves.
    assertTrue(Files.readString(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt")).contains("至2022年05月）"));
    assertTrue(Files.readString(Golden.sampleReports().resolve("Shanghai_Aviation_combined_info.md")).contains("2022年5月31日"));

    List<String> unpadded = fullMatches("2022年5月");
    assertTrue(unpadded.contains("xinjiang/industry/2022-03-01/event"), "2022年05月 found by 2022年5月: " + unpadded);
    assertTrue(unpadded.stream().anyMatch(id -> id.startsWith("shanghai/aviation/")), unpadded::toString);
    assertEquals(unpadded, fullMatches("2022年05月"), "both forms find the same points");
    assertEquals(unpadded, fullMatches("２０２２年０５月"), "full width too");
  }

  @Test
  void paddedAndUnpaddedDaysFindEachOther() {
    List<String> unpadded = fullMatches("5月31日");
    assertTrue(unpadded.stream().anyMatch(id -> id.startsWith("shanghai/aviation/")), unpadded::toString);
    assertEquals(unpadded, fullMatches("05月31日"));
    List<String> march = fullMatches("3月1日");
    assertEquals(march, fullMatches("03月01日"));
  }

  @Test
  void aDateWithDashesSlashesOrPointsFindsTheReportsForm() throws Exception {
    // The Jiangsu and Inner Mongolia reports' evidence says 2021年7月16日 (the national carbon
    // market's first trading day); a researcher types 2021-07-16 as often.
    assertTrue(Files.readString(Golden.sampleReports().resolve("Jiangsu_Power_combined_info.txt")).contains("**发布时间**: 2021年7月16日"));
    List<String> written = fullMatches("2021年7月16日");
    assertTrue(written.contains("jiangsu/power/2021-07-16/policy"), written::toString);
    assertTrue(written.contains("inner-mongolia/power/2021-07-16/policy"), written::toString);
    for (String typed : List.of("2021-07-16", "2021-7-16", "2021/07/16", "2021.7.16", "２０２１－０７－１６")) {
      assertEquals(written, fullMatches(typed), typed);
    }
    // Not a date: a month 13 stays three numbers, and finds no such point.
    assertTrue(fullMatches("2021-13-16").isEmpty());
  }

  @Test
  void aDayWrittenHaoFindsTheDayWrittenRi() {
    List<String> ri = fullMatches("7月16日");
    assertTrue(ri.contains("jiangsu/power/2021-07-16/policy"), ri::toString);
    assertEquals(ri, fullMatches("7月16号"));
    assertEquals(ri, fullMatches("07月16号"));
    // A document number's 号 stays a 号: 国发〔2021〕23号 is not the 23rd.
    assertEquals(fullMatches("〔2021〕23号").isEmpty(), false, "the Guangdong report cites 国发〔2021〕23号");
    assertTrue(fullMatches("〔2021〕23日").isEmpty());
  }

  @Test
  void reportsThatWriteDatesWithDashesAreFoundByTheChineseForm() throws Exception {
    // The same real report with its evidence date written 2021-07-16: 2021年7月16日 finds it, and
    // the highlight covers the date as written.
    Path reports = Files.createDirectories(home.resolve("reports"));
    String jiangsu = Files.readString(Golden.sampleReports().resolve("Jiangsu_Power_combined_info.txt"));
    Files.writeString(reports.resolve("Jiangsu_Power_combined_info.txt"),
        jiangsu.replace("**发布时间**: 2021年7月16日", "**发布时间**: 2021-07-16"));
    Path index = home.resolve("idx");
    Cli cli = Cli.at(home);
    Cli.Result indexed = cli.run("index", reports.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
    for (String q : List.of("2021年7月16日", "2021年07月16日", "7月16号")) {
      Cli.Result r = cli.run("search", q, "--index", index.toString(), "--format", "json", "-n", "all");
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("\"jiangsu/power/2021-07-16/policy\""), q + ": " + r.out());
    }
    Cli.Result text = cli.run("search", "2021年7月16日", "--index", index.toString());
    assertTrue(text.out().contains("[2021-07-16]"), text::toString);
  }
}
