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
 * {@code stats}, {@code facets} and {@code search --facets} stay readable whatever the index holds:
 * an index of 2,000 regions printed them all on one 60 KB line. Text shows the commonest values of a dimension and counts the rest, wrapped;
 * {@code --format json} lists every one.
 */
class StatsOutputTest {
  @TempDir Path home;

  private static String letters(int n) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 3; k++) {
      sb.insert(0, (char) ('a' + n % 26));
      n /= 26;
    }
    return "R" + sb;
  }

  @Test
  void twoThousandRegionsAreCountedNotListedInText() throws Exception {
    // 2,000 reports, each the real Xinjiang report's first turning point under another region.
    String real = Files.readString(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"));
    int second = real.indexOf("## 转折点", real.indexOf("## 转折点") + 1);
    String first = real.substring(0, second);
    assertTrue(first.startsWith("# Xinjiang省/市 Industry部门"), first);
    Path reports = Files.createDirectories(home.resolve("reports"));
    for (int i = 0; i < 2000; i++) {
      String region = letters(i);
      Files.writeString(reports.resolve(region + "_Industry_combined_info.txt"), first.replace("# Xinjiang省/市", "# " + region + "省/市"));
    }
    Path index = home.resolve("idx");
    Cli cli = Cli.at(home);
    Cli.Result made = cli.run("index", "-q", reports.toString(), "--index", index.toString());
    assertEquals(0, made.exit(), made::toString);

    Cli.Result text = cli.run("stats", "--index", index.toString());
    assertEquals(0, text.exit(), text::toString);
    assertTrue(text.out().contains("turning points: 2000\n"), text::toString);
    for (String line : text.out().split("\n")) {
      assertTrue(TextRenderer.columns(line) <= TextRenderer.STATS_COLUMNS, () -> "a line of " + line.length() + " chars: " + line);
    }
    assertTrue(text.out().contains("… and 1980 more (--format json lists them all)"), text::toString);
    assertTrue(text.out().length() < 4000, () -> text.out().length() + " chars");
    assertTrue(text.out().contains("  Raaa (1)"), text::toString);

    Map<String, Object> json = SearchJson.of(cli.run("stats", "--index", index.toString(), "--format", "json"));
    assertEquals(2000, SearchJson.facet(json, "region").size());

    // facets and search --facets printed every value on one line too (a 40 KB line here).
    for (List<String> args : List.of(List.of("facets", "--index", index.toString()),
        List.of("search", "工业园区", "--facets", "--index", index.toString()))) {
      Cli.Result counts = cli.run(args.toArray(String[]::new));
      assertEquals(0, counts.exit(), counts::toString);
      String facetLines = counts.out().substring(counts.out().indexOf("region:"));
      for (String line : facetLines.split("\n")) {
        assertTrue(TextRenderer.columns(line) <= TextRenderer.STATS_COLUMNS, () -> args + ": a line of " + line.length() + " chars");
      }
      assertTrue(counts.out().contains("… and 1980 more (--format json lists them all)"), counts::toString);
      Map<String, Object> all = SearchJson.of(cli.run(java.util.stream.Stream.concat(args.stream(),
          java.util.stream.Stream.of("--format", "json")).toArray(String[]::new)));
      assertEquals(2000, SearchJson.facet(all, "region").size(), args::toString);
    }
  }

  @Test
  void theSampleIndexShowsEveryValueWrapped() {
    Cli.Result text = Cli.at(home).run("stats");
    assertEquals(0, text.exit(), text::toString);
    for (String line : text.out().split("\n")) {
      assertTrue(TextRenderer.columns(line) <= TextRenderer.STATS_COLUMNS, line);
    }
    assertTrue(!text.out().contains(" more (--format json"), text::toString);
    Map<String, Object> json = SearchJson.of(Cli.at(home).run("stats", "--format", "json"));
    for (Object region : SearchJson.facet(json, "region").keySet()) {
      assertTrue(text.out().contains("  " + region + " ("), () -> region + " in\n" + text.out());
    }
    List<String> lines = text.out().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("region: ")), text::toString);
  }
}
