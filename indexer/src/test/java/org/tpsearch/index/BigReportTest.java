package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * A report with thousands of points is indexed in work linear in its points: finding the point to
 * write for each planned one must not scan the whole file again (a 100 MB report with 195k points
 * once took 645 s that way). Counted, not timed: {@code tools/bench/big-report.sh} measures the time.
 */
class BigReportTest {
  @TempDir Path tmp;

  /**
   * The real Xinjiang report's complete turning points, repeated until there are {@code points},
   * each with a date of its own (so each has its own id) and the declared count set to match.
   */
  static Path bigReport(Path dir, int points) throws Exception {
    String real = Files.readString(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), StandardCharsets.UTF_8);
    String[] parts = real.split("(?m)^(?=## 转折点: )");
    String header = parts[0];
    // The last point of the real report is cut off: repeat the complete ones.
    List<String> sections = new ArrayList<>(List.of(parts).subList(1, parts.length - 1));
    StringBuilder sb = new StringBuilder(header.replace("共包含 10 个", "共包含 " + points + " 个"));
    for (int i = 0; i < points; i++) {
      String section = sections.get(i % sections.size());
      int day = i;
      String date = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", 1900 + day / 336, 1 + day % 336 / 28, 1 + day % 28);
      sb.append(section.replaceFirst("^## 转折点: \\d{4}-\\d{2}-\\d{2}", "## 转折点: " + date));
    }
    Path file = Files.createDirectories(dir).resolve("Xinjiang_Industry_combined_info.txt");
    Files.writeString(file, sb, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void findingThePointsToWriteIsLinearInThePoints() throws Exception {
    int points = 2_000;
    Path results = bigReport(tmp.resolve("results"), points);
    Indexer.POINTS_EXAMINED.reset();
    IndexSummary s = Indexer.run(List.of(results), tmp.resolve("index"), Indexer.Options.defaults());
    assertEquals(points, s.points(), () -> s.problems().size() + " warnings, first " + s.problems().get(0));
    assertEquals(points, s.added());
    long examined = Indexer.POINTS_EXAMINED.sum();
    // Each point once to build the look-up; the file-by-file scan looked at ~points²/2 = 2,000,000.
    assertTrue(examined <= 2L * points, "examined " + examined + " points to write " + points);
  }
}
