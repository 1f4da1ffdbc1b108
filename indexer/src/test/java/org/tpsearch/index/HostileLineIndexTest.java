package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.Problem;
import org.tpsearch.testing.Golden;

/**
 * One hostile line does not abort a run: the real report with a 9,000-character type, a 32 KB date
 * and lines of 100,000 separators and letters is indexed whole, next to an untouched report, and each
 * cut is a warning with file and line.
 */
class HostileLineIndexTest {
  @TempDir Path tmp;

  @Test
  void theRestOfTheFileAndTheRunIsIndexed() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Golden.realReport(), StandardCharsets.UTF_8));
    lines.set(19, "## 转折点: 2020-01-01 (" + "P".repeat(9000) + ") - 置信度: 0.56");
    lines.set(25, "## 转折点: " + "2".repeat(32768) + " (Event) - 置信度: 0.56");
    lines.add(21, "-".repeat(100000));
    lines.add(21, "> ".repeat(50000));
    lines.add(21, "a".repeat(200000));
    lines.add(21, "新".repeat(100000));
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path report = results.resolve("Xinjiang_Industry_combined_info.txt");
    Files.writeString(report, String.join("\n", lines), StandardCharsets.UTF_8);
    Files.copy(Golden.sampleReports().resolve("Hebei_Industry_combined_info.txt"),
        results.resolve("Hebei_Industry_combined_info.txt"));

    IndexSummary s = Indexer.run(List.of(results), tmp.resolve("index"), Indexer.Options.defaults());

    Map<String, String> ids = IndexedCorpus.hashes(tmp.resolve("index"));
    assertEquals(s.points(), ids.size());
    assertEquals(10 + 5, ids.size(), ids.keySet().toString());
    List<Problem> cut = s.problems().stream().filter(p -> p.code().equals("long-field")).toList();
    assertEquals(List.of(20, 30), cut.stream().map(Problem::line).toList(), cut.toString());
    assertTrue(cut.stream().allMatch(p -> p.file().endsWith("Xinjiang_Industry_combined_info.txt")));
  }
}
