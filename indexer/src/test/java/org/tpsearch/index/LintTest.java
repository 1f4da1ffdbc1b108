package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
import org.tpsearch.testing.Golden;

/** {@code tpsearch lint} on the sample corpus: every warning it gives, each checked against the files. */
class LintTest {
  @Test
  void lintTheSampleCorpus() throws Exception {
    Path reports = Golden.sampleReports();
    Indexer.LintResult r = Indexer.lint(List.of(reports), 2);

    assertEquals(IncrementalIndexTest.REPORT_FILES, r.reportFiles());
    assertEquals(IncrementalIndexTest.OTHER_FILES, r.skippedFiles());
    assertEquals(IncrementalIndexTest.POINTS, r.points());
    assertEquals(IncrementalIndexTest.DUPLICATES, r.duplicates());
    assertEquals(Map.of(EvidenceStatus.FOUND, 51, EvidenceStatus.NONE, 15, EvidenceStatus.FAILED, 2), r.byStatus());
    assertEquals(
        List.of(
            // 共包含 8 个 on line 4, five points left by the clean-up
            "Hebei_Industry_combined_info.txt:4 count-mismatch",
            // the sample written in GB18030
            "Shanxi_Power_combined_info.txt:1 encoding file is not UTF-8; decoded as GB18030 (GBK-compatible)",
            // the real report stops mid-sentence on line 117
            "Xinjiang_Industry_combined_info.txt:117 truncated",
            // the sample written with a BOM and CRLF
            "Zhejiang_Ground Transport_combined_info.txt:1 encoding file starts with a UTF-8 byte order mark",
            "Zhejiang_Ground Transport_combined_info.txt:1 encoding line ends are CRLF"),
        r.problems().stream().map(p -> describe(reports, p)).sorted().toList());
  }

  private static String describe(Path base, Problem p) {
    String where = base.relativize(p.file()) + ":" + p.line() + " " + p.code();
    return p.code().equals("encoding") ? where + " " + p.message() : where;
  }
}
