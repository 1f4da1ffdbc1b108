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
}
