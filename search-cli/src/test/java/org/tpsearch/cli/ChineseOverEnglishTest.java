package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese query word reaches a point written in English only, through CC-CEDICT (the sample
 * reports have no such point for a word the glossary lacks, so this indexes one: Tianwan unit 6,
 * a pressurised water reactor, entered commercial operation on 2 June 2021).
 */
class ChineseOverEnglishTest {
  @TempDir static Path home;
  static Cli cli;
  static Path index;

  @BeforeAll
  static void indexAnEnglishOnlyPoint() throws Exception {
    Path reports = Files.createDirectories(home.resolve("reports"));
    Files.writeString(reports.resolve("Jiangsu_Power_combined_info.txt"), """
        # Jiangsu省/市 Power部门 碳排放变点相关政策与事件汇总

        分析时间: 2025-05-01 18:00:00
        共包含 1 个重要转折点的相关信息

        ---

        ## 转折点: 2021-06-02 (Event) - 置信度: 0.60

        1. **事件名称**：Tianwan Nuclear Power Plant Unit 6 enters commercial operation
        **发生时间**：2021年6月2日
        **地点**：Lianyungang, Jiangsu
        **影响**：The pressurised water reactor adds low-carbon generation to the Jiangsu grid.

        ---
        """, StandardCharsets.UTF_8);
    cli = Cli.at(home);
    index = home.resolve("index");
    Cli.Result indexed = cli.run("index", reports.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
  }

  @Test
  void aChineseWordFindsItsEnglishSense() {
    // 反应堆 is not in the glossary; the dictionary says "reactor".
    Cli.Result r = cli.run("search", "反应堆", "--index", index.toString(), "--explain");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("jiangsu/power/2021-06-02/event"), r::toString);
    assertTrue(r.out().contains("dictionary: [reactor]"), r::toString);
  }

  @Test
  void aChineseWordWhoseSensesAreAbsentStillFindsNothing() {
    // 核聚变 is nuclear fusion: "nuclear" occurs, "fusion" does not.
    Cli.Result r = cli.run("search", "核聚变", "--index", index.toString());
    assertEquals(1, r.exit(), r::toString);
  }
}
