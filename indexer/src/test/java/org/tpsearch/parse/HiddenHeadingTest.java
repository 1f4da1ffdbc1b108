package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * Nothing hides a turning point: a {@code ## 转折点} line is a point wherever Markdown would put it
 * (after an unclosed code fence, in a list, in an HTML block), a line separator inside a heading does
 * not hide it, and a line that only looks like a heading is a warning with its line. The real report
 * is changed here, line by line.
 */
class HiddenHeadingTest {
  private static final Path REAL = Golden.realReport();
  private static List<String> lines;
  private static Report whole;

  @BeforeAll
  static void readRealReport() throws Exception {
    lines = Files.readAllLines(REAL, StandardCharsets.UTF_8);
    whole = ReportParser.parse(REAL);
  }

  /** The real report with {@code insert} placed before 1-based line {@code at}. */
  private static Report withLinesBefore(int at, String... insert) {
    List<String> changed = new ArrayList<>(lines);
    changed.addAll(at - 1, Arrays.asList(insert));
    return parse(changed);
  }

  private static Report parse(List<String> changed) {
    return ReportParser.parse(REAL, String.join("\n", changed).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> ids(Report r) {
    return r.points().stream().map(TurningPoint::id).toList();
  }

  private static List<Problem> problems(Report r, String code) {
    return r.problems().stream().filter(p -> p.code().equals(code)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"```", "```python", "~~~", "<div>", "   - a list item"})
  void aStrayBlockBeforeAHeadingHidesNoPoint(String stray) {
    // Before the second heading (line 20): an unclosed fence would swallow every point after it.
    Report r = withLinesBefore(20, stray);

    assertEquals(ids(whole), ids(r));
    assertEquals(10, r.points().size());
    assertTrue(problems(r, "count-mismatch").isEmpty(), r.problems().toString());
  }

  @Test
  void aHeadingInsideAClosedFenceIsStillAPoint() {
    // A fence line after the heading: the heading sits inside a fenced block.
    List<String> changed = new ArrayList<>(lines);
    changed.add(19, "```");
    changed.add(21, "```");
    Report r = parse(changed);

    assertEquals(ids(whole), ids(r));
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"2028", "2029", "0085", "0009", "3000", "00A0"})
  void aSeparatorInsideAHeadingHidesNothing(String hex) {
    String sep = Character.toString(Integer.parseInt(hex, 16));
    List<String> changed = new ArrayList<>(lines);
    // "## 转折点: 2020-01-01 (Event) - 置信度: 0.56" with the separator in three places.
    changed.set(19, "##" + sep + "转折点:" + sep + "2020-01-01 (Event)" + sep + "- 置信度: 0.56");
    Report r = parse(changed);

    assertEquals(ids(whole), ids(r));
    TurningPoint p = r.points().get(1);
    assertEquals(20, p.line());
    assertEquals("2020-01-01", p.dateAsWritten());
    assertEquals("Event", p.type());
    assertEquals(0.56, p.confidence(), 1e-9);
    assertEquals(whole.problems(), r.problems());
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {
    "### 转折点: 2020-02-01 (Event) - 置信度: 0.60",
    "# 转折点: 2020-02-01 (Event) - 置信度: 0.60",
    "> ## 转折点: 2020-02-01 (Event) - 置信度: 0.60",
    "- ## 转折点: 2020-02-01 (Event) - 置信度: 0.60",
    "**转折点: 2020-02-01 (Event) - 置信度: 0.60**",
    "＃＃ 转折点: 2020-02-01 (Event)",
    "转折点：2020-02-01 (Event) - 置信度: 0.60",
    "#转折点",
    "## 轉折點: 2020-02-01 (Event) - 置信度: 0.60",
    "## 转折點: 2020-02-01 (Event) - 置信度: 0.60",
  })
  void aLineThatOnlyLooksLikeAHeadingIsAWarningWithItsLine(String lookalike) {
    Report r = withLinesBefore(23, lookalike);

    assertEquals(ids(whole), ids(r));
    List<Problem> warned = problems(r, "heading-like");
    assertEquals(1, warned.size(), r.problems().toString());
    assertEquals(23, warned.get(0).line());
    assertEquals(REAL, warned.get(0).file());
  }

  @Test
  void proseThatMentionsATurningPointIsNoWarning() {
    Report r = withLinesBefore(23, "以上政策的发布时间早于或接近该转折点，反映了结构调整。", "转折点前后的变化");

    // Only the real report's own warning (its cut-off end), two lines further down.
    assertEquals(whole.problems().stream().map(Problem::code).toList(),
        r.problems().stream().map(Problem::code).toList());
  }

  @Test
  void aHeadingIndentedOrInAListIsAPoint() {
    List<String> changed = new ArrayList<>(lines);
    changed.set(19, "    ## 转折点: 2020-01-01 (Event) - 置信度: 0.56");
    changed.set(25, "\t## 转折点: 2020-03-31 (Event) - 置信度: 0.56");
    Report r = parse(changed);

    assertEquals(ids(whole), ids(r));
  }

  @Test
  void theCountMismatchBlamesTheUnreadLineNotAClean_up() {
    List<String> changed = new ArrayList<>(lines);
    changed.set(19, "### 转折点: 2020-01-01 (Event) - 置信度: 0.56");
    Report r = parse(changed);

    assertEquals(9, r.points().size());
    assertEquals(List.of(20), problems(r, "heading-like").stream().map(Problem::line).toList());
    Problem mismatch = problems(r, "count-mismatch").get(0);
    assertFalse(mismatch.message().contains("clean-up"), mismatch.message());
    assertTrue(mismatch.message().contains("1 line looks like a turning-point heading but is not read as one"),
        mismatch.message());
  }

  @Test
  void aHeadingInsideAPerPointFileIsAWarning() throws Exception {
    Path file = Golden.sampleReports().resolve("Guangdong_Power_2019-05-16_Policy_info.txt");
    String text = Files.readString(file, StandardCharsets.UTF_8) + "\n## 转折点: 2019-06-01 (Event) - 置信度: 0.60\n";
    Report r = ReportParser.parse(file, text.getBytes(StandardCharsets.UTF_8));

    int line = (int) text.lines().count();
    assertEquals(1, r.points().size());
    assertEquals(List.of(line), problems(r, "heading-like").stream().map(Problem::line).toList());
  }
}
