package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * One long line never aborts a parse: every regular expression that runs on report text is linear
 * (no recursion per repeated group, no backtracking between ambiguous runs), so a line of 100,000
 * separators, quote markers, emphasis or brackets is read like any other. Each row puts one long line
 * into an answer of the real report; the other points come out as they were.
 */
class LongLineTest {
  private static final Path REAL = Golden.realReport();
  private static List<String> lines;
  private static Report whole;

  @BeforeAll
  static void readRealReport() throws Exception {
    lines = Files.readAllLines(REAL, StandardCharsets.UTF_8);
    whole = ReportParser.parse(REAL);
  }

  static Report withLine(int at, String line) {
    List<String> changed = new ArrayList<>(lines);
    changed.add(at - 1, line);
    return ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "''{0}'' x {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # thematic breaks, emphasis and list markers (the SEPARATOR and LIST_MARKER regexes recursed per character)
      -        | 100000
      "- "     | 50000
      *        | 100000
      "* "     | 50000
      _        | 100000
      "_ "     | 50000
      "> "     | 50000
      >        | 100000
      # headings, tables, links, tags, code
      #        | 100000
      "|--"    | 30000
      "| -- "  | 25000
      [        | 100000
      "]("     | 50000
      "[a](b"  | 20000
      "![a]("  | 20000
      "**a**：" | 15000
      <        | 100000
      "<a "    | 30000
      `        | 100000
      "1. "    | 30000
      "一、"    | 50000
      "http://a.b/" | 10000
      # plain text in one line
      a        | 200000
      新        | 200000
      "a "     | 100000
      "2022年3月" | 20000
      """)
  void oneLongLineInAnAnswer(String unit, int times) {
    String line = unit.repeat(times);
    // First in the 2020-01-01 point's answer (line 22), and among the 2022-03-01 items.
    for (int at : new int[] {22, 70}) {
      Report r = withLine(at, line);

      assertEquals(whole.points().stream().map(TurningPoint::id).toList(),
          r.points().stream().map(TurningPoint::id).toList());
      TurningPoint host = r.points().stream().filter(p -> p.line() < at).reduce((a, b) -> b).orElseThrow();
      assertTrue(host.answer().contains(line), host.id());
    }
  }

  /**
   * Many short lines in one evidence item: the item's lines were joined pairwise (each join copying
   * the text so far), so 2,000,000 lines of one character never finished. The timeout is a guard
   * against that hang, not a speed figure: the joined item takes about a second here.
   */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anItemOfHalfAMillionLinesIsRead() {
    List<String> changed = new ArrayList<>(lines);
    // After the 2022-03-01 point's first item's title line (line 70): the lines belong to that item.
    changed.addAll(70, java.util.Collections.nCopies(500_000, "x"));
    Report r = ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));

    assertEquals(whole.points().stream().map(TurningPoint::id).toList(),
        r.points().stream().map(TurningPoint::id).toList());
    TurningPoint host = r.points().stream().filter(p -> p.line() < 70).reduce((a, b) -> b).orElseThrow();
    assertTrue(host.answer().contains("x\nx\nx\nx"), host.id());
  }

  static Report withHeading(String heading) {
    List<String> changed = new ArrayList<>(lines);
    changed.set(19, heading);
    return ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));
  }

  private static List<Problem> problems(Report r, String code) {
    return r.problems().stream().filter(p -> p.code().equals(code)).toList();
  }

  @Test
  void aLongTypeIsCutAndFlagged() {
    // A 9,000-character type once aborted indexing with a facet path-length error.
    Report r = withHeading("## 转折点: 2020-01-01 (" + "P".repeat(9000) + ") - 置信度: 0.56");

    TurningPoint p = r.points().get(1);
    assertEquals(10, r.points().size());
    assertEquals(ReportParser.MAX_NAME, p.type().length());
    assertEquals(4, p.id().split("/").length, p.id());
    assertTrue(p.flags().contains("long-field"), p.flags().toString());
    assertEquals(List.of(20), problems(r, "long-field").stream().map(Problem::line).toList());
    assertTrue(r.problems().stream().allMatch(pr -> pr.message().length() < 400), r.problems().toString());
  }

  @Test
  void aLongDateIsCutAndFlagged() {
    // A 32 KB date once aborted indexing with Lucene's "immense term" (it is part of the id).
    Report r = withHeading("## 转折点: " + "2".repeat(32768) + " (Event) - 置信度: 0.56");

    TurningPoint p = r.points().get(1);
    assertEquals(ReportParser.MAX_NAME, p.dateAsWritten().length());
    assertTrue(p.flags().containsAll(List.of("bad-date", "long-field")), p.flags().toString());
    assertEquals(List.of(20), problems(r, "long-field").stream().map(Problem::line).toList());
  }

  @Test
  void aLongConfidenceIsABadConfidence() {
    Report r = withHeading("## 转折点: 2020-01-01 (Event) - 置信度: " + "1".repeat(100000) + "x");

    assertTrue(r.points().get(1).flags().contains("bad-confidence"));
    assertTrue(problems(r, "bad-confidence").get(0).message().length() < 400);
  }

  @Test
  void aLongRegionInTheTitleIsCutAndFlagged() {
    List<String> changed = new ArrayList<>(lines);
    changed.set(0, "# " + "新".repeat(50000) + "省/市 Industry部门 碳排放变点相关政策与事件汇总");
    Report r = ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));

    assertEquals(10, r.points().size());
    assertEquals(ReportParser.MAX_NAME, r.region().name().length());
    assertEquals(List.of(1), problems(r, "long-field").stream().map(Problem::line).toList());
  }

  @Test
  void aCountTooLargeForAnIntIsNoCount() {
    List<String> changed = new ArrayList<>(lines);
    changed.set(3, "共包含 99999999999 个重要转折点的相关信息");
    Report r = ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));

    assertEquals(10, r.points().size());
    assertEquals(-1, r.declaredCount());
  }

  @Test
  void aSlashInARegionOrTypeMakesNoExtraIdSegment() {
    List<String> changed = new ArrayList<>(lines);
    changed.set(0, "# North/South省/市 Industry部门 碳排放变点相关政策与事件汇总");
    changed.set(19, "## 转折点: 2020-01-01 (Policy/Event) - 置信度: 0.56");
    Report r = ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));

    assertEquals("north-south/industry/2020-01-01/policy-event", r.points().get(1).id());
    assertTrue(r.points().stream().allMatch(p -> p.id().split("/").length == 4));
  }
}
