package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * The real report cut at chosen byte offsets, as files really arrive ("cut off at any byte"): every
 * point before the cut is still there and unchanged, the last one is flagged truncated, nothing is
 * thrown. The cuts are made here from the real file's bytes.
 */
class TruncationTest {
  private static final Path REAL = Golden.realReport();
  private static byte[] bytes;
  private static Report whole;

  @BeforeAll
  static void readRealReport() throws Exception {
    bytes = Files.readAllBytes(REAL);
    whole = ReportParser.parse(REAL, bytes);
  }

  /** The byte offset just after the first occurrence of {@code text} in the real report. */
  private static int after(String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i + needle.length;
    }
    throw new AssertionError("not in the real report: " + text);
  }

  private static Report cut(int offset) {
    return ReportParser.parse(REAL, Arrays.copyOf(bytes, offset));
  }

  private static List<Problem> problems(Report r, String code) {
    return r.problems().stream().filter(p -> p.code().equals(code)).toList();
  }

  /** Points before the last are exactly the uncut ones; the last one lost nothing before the cut. */
  private static void assertPointsKept(Report r) {
    assertPointsKept(r, true);
  }

  /** As above; a last heading cut inside itself cannot keep its id (its type or date is cut). */
  private static void assertPointsKept(Report r, boolean lastHeadingWhole) {
    for (int i = 0; i < r.points().size(); i++) {
      TurningPoint got = r.points().get(i);
      TurningPoint was = whole.points().get(i);
      boolean last = i == r.points().size() - 1;
      if (!last || lastHeadingWhole) {
        assertEquals(was.id(), got.id());
      }
      assertEquals(was.line(), got.line());
      if (!last) {
        assertEquals(was.answer(), got.answer(), got.id());
        assertEquals(was.status(), got.status(), got.id());
        assertEquals(was.evidence(), got.evidence(), got.id());
        assertEquals(was.prose(), got.prose(), got.id());
        assertFalse(got.flags().contains("truncated"), got.id());
      } else {
        // Cut inside the answer: a prefix of it. Cut after it, inside the separator or the next
        // heading's first bytes ("## 转"): the whole answer followed by those bytes.
        assertTrue(was.answer().startsWith(got.answer()) || got.answer().startsWith(was.answer()),
            got.id() + " lost text: " + got.answer());
      }
    }
  }

  @Test
  void cutInsideAMultiByteCharacter() {
    // 墨 is three bytes in UTF-8: keep only its first byte. The cut falls in item 3 of 2022-03-01.
    int offset = after("3. **事件名称**：") + 1;
    Report r = cut(offset);

    assertEquals(7, r.points().size());
    TurningPoint last = r.points().get(6);
    assertEquals("xinjiang/industry/2022-03-01/event", last.id());
    assertTrue(last.flags().contains("truncated"), last.flags().toString());
    assertTrue(last.answer().endsWith("3. **事件名称**："), last.answer());
    assertEquals(3, last.evidence().size());
    assertEquals("新疆克拉玛依高新技术产业开发区升级为国家级", last.evidence().get(1).title());
    assertPointsKept(r);
    // The dropped byte is said, and so is the cut, on the line it happened (86).
    assertTrue(problems(r, "encoding").stream().anyMatch(p -> p.message().contains("1 byte(s) dropped")), r.problems().toString());
    assertEquals(List.of(86), problems(r, "truncated").stream().map(Problem::line).toList());
    assertEquals("UTF-8", r.encoding());
  }

  @Test
  void cutRightAfterAHeadingLine() {
    Report r = cut(after("## 转折点: 2022-03-01 (Event) - 置信度: 0.69"));

    assertEquals(7, r.points().size());
    TurningPoint last = r.points().get(6);
    assertEquals("xinjiang/industry/2022-03-01/event", last.id());
    assertEquals(0.69, last.confidence(), 1e-9);
    assertEquals("", last.answer());
    assertTrue(last.flags().contains("truncated"), last.flags().toString());
    // No answer at all: retrieval did not happen as far as we can tell, not "none found".
    assertEquals(EvidenceStatus.FAILED, last.status());
    assertPointsKept(r);
    assertEquals(List.of(66), problems(r, "truncated").stream().map(Problem::line).toList());
  }

  @Test
  void cutRightAfterAHeadingsLineEnd() {
    // Ends with a newline, so only the missing closing '---' shows the cut.
    Report r = cut(after("## 转折点: 2022-03-01 (Event) - 置信度: 0.69\n"));

    assertEquals(7, r.points().size());
    assertTrue(r.points().get(6).flags().contains("truncated"), r.points().get(6).flags().toString());
    assertPointsKept(r);
    assertEquals(1, problems(r, "truncated").size());
    assertTrue(problems(r, "truncated").get(0).message().contains("no closing '---'"));
  }

  @Test
  void cutAtALineEndInsideAnAnswer() {
    // After item 1's source line of 2022-03-01: items 2 and 3 are gone, item 1 is whole.
    Report r = cut(after("WS67e2514ba3101d4e4dc2abbf.html)\n"));

    TurningPoint last = r.points().get(6);
    assertTrue(last.flags().contains("truncated"), last.flags().toString());
    assertEquals(1, last.evidence().size());
    assertEquals(whole.points().get(6).evidence().get(0), last.evidence().get(0));
    assertPointsKept(r);
    assertEquals(List.of(76), problems(r, "truncated").stream().map(Problem::line).toList());
  }

  @Test
  void cutInsideTheConfidenceIsNotReadAsZero() {
    // "置信度: 0." would parse as 0.0; it is a cut number, not a confidence.
    Report r = cut(after("## 转折点: 2022-03-01 (Event) - 置信度: 0."));

    TurningPoint last = r.points().get(6);
    assertFalse(last.hasConfidence());
    assertTrue(last.flags().containsAll(List.of("bad-confidence", "truncated")), last.flags().toString());
  }

  @Test
  void cutBetweenTwoPointsLeavesTheLastWholeAndTheCountShort() {
    // Right after the '---' that closes 2021-12-16 and its blank line.
    int offset = after("期间针对Industry部门季节性调整的具体政策文件。其他类别的信息未找到相关政策或事件。\n\n---\n\n");
    Report r = cut(offset);

    assertEquals(6, r.points().size());
    assertPointsKept(r);
    TurningPoint last = r.points().get(5);
    assertEquals(whole.points().get(5).answer(), last.answer());
    assertFalse(last.flags().contains("truncated"), last.flags().toString());
    assertEquals(List.of(4), problems(r, "count-mismatch").stream().map(Problem::line).toList());
  }

  @ParameterizedTest(name = "cut after {0} bytes of the header")
  @CsvSource({
    // inside the title line: no point, and the cut is said
    "20, truncated",
    // right after the title's line end: no count either, so the file is said to have no points
    "title-line-end, no-points",
    // right after 共包含 10 个...\n: ten declared, none there
    "declared-line-end, count-mismatch",
  })
  void cutInTheHeader(String where, String code) {
    int offset =
        switch (where) {
          case "title-line-end" -> after("碳排放变点相关政策与事件汇总\n");
          case "declared-line-end" -> after("个重要转折点的相关信息\n");
          default -> Integer.parseInt(where);
        };
    Report r = cut(offset);

    assertEquals(0, r.points().size());
    assertEquals(1, problems(r, code).size(), r.problems().toString());
  }

  /**
   * Every 21st byte (381 offsets; the trial of issue 7 cut at 379): nothing throws, earlier points
   * are kept, and a cut never goes unnoticed (the last point is flagged, or the count falls short,
   * or the file is said to be cut or empty).
   */
  @Test
  void anyCutIsReadAndNoticed() {
    IntStream.iterate(1, i -> i < bytes.length, i -> i + 21).forEach(offset -> {
      Report r = cut(offset);
      String prefix = new String(bytes, 0, offset, StandardCharsets.UTF_8);
      // A heading cut inside "## 转折点" itself is not a heading yet.
      long headings = prefix.lines().filter(l -> l.startsWith("## 转折点")).count();
      assertEquals(headings, r.points().size(), "cut at " + offset);
      assertPointsKept(r, !prefix.substring(prefix.lastIndexOf('\n') + 1).startsWith("## 转折点"));
      boolean noticed = r.problems().stream()
          .anyMatch(p -> List.of("truncated", "count-mismatch", "no-points").contains(p.code()));
      assertTrue(noticed, "cut at " + offset + " went unnoticed: " + r.problems());
    });
  }
}
