package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * Evidence fields long enough to make index terms Lucene refuses (hostile trial, session 3): an
 * evidence title of 12,000 characters (its duplicate key, the whole normalised title, was one term
 * of 36 KB) and a source URL whose "host" is 40,000 characters (its source_domain facet value and
 * its duplicate key). Lucene refuses a term of more than 32,766 bytes, and the whole run failed
 * with exit 3, every other report unindexed.
 */
class HostileEvidenceIndexTest {
  @TempDir Path home;

  @Test
  void aHugeTitleOrHostIsIndexedAndTheOtherReportsToo() throws Exception {
    Path reports = Files.createDirectories(home.resolve("results"));
    Files.copy(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"),
        reports.resolve("Xinjiang_Industry_combined_info.txt"), StandardCopyOption.REPLACE_EXISTING);
    String title = "超长标题" + "碳排放".repeat(4000);
    String host = "a".repeat(40_000) + ".com";
    Files.writeString(reports.resolve("Hubei_Power_combined_info.txt"), """
        # Hubei省/市 Power部门 碳排放变点相关政策与事件汇总

        ---

        ## 转折点: 2021-06-01 (Policy) - 置信度: 0.70

        1. **政策名称**：%s
        **发布时间**：2021年6月
        **信息来源网址**：[long](https://%s/doc.html)

        2. **政策名称**：湖北长域名测试
        **发布时间**：2021年5月
        **信息来源网址**：[long](https://www.%s/a/b.html)

        ---
        """.formatted(title, host, host), StandardCharsets.UTF_8);
    Path index = home.resolve("index");
    Cli cli = Cli.at(home);
    Cli.Result r = cli.run("index", reports.toString(), "--index", index.toString());
    assertEquals(0, r.exit(), () -> r.toString().substring(0, Math.min(3000, r.toString().length())));
    // Every point of both reports is there and found.
    Cli.Result hubei = cli.run("search", "超长标题", "--index", index.toString(), "--format", "json");
    assertEquals(0, hubei.exit(), hubei::toString);
    assertTrue(hubei.out().contains("\"id\":\"hubei/power/2021-06-01/policy\""), () -> hubei.out().substring(0, 500));
    Cli.Result xinjiang = cli.run("search", "绿色电力交易", "--index", index.toString(), "--region", "Xinjiang");
    assertEquals(0, xinjiang.exit(), xinjiang::toString);
    // The 40,000-character "host" is no domain: the item counts as citing no URL with a host.
    Cli.Result show = cli.run("show", "hubei/power/2021-06-01/policy", "--index", index.toString(), "--format", "json");
    assertEquals(0, show.exit(), show::toString);
    assertTrue(show.out().contains("\"domains\":[]"), () -> show.out().substring(0, 300));
    // Both items keep their duplicate keys: the duplicates command runs over them.
    Cli.Result dups = cli.run("duplicates", "--index", index.toString());
    assertTrue(dups.exit() == 0 || dups.exit() == 1, dups::toString);
  }
}
