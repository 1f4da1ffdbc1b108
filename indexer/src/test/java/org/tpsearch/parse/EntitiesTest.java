package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.Link;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * HTML character references in report text ({@code &amp;}, {@code &nbsp;}, {@code &#x4E2D;}) are
 * decoded when a report is parsed, as CommonMark reads them: they were kept literally in titles,
 * fields, prose and sources, so {@code &#x65B0;&#30086;} was indexed and shown, not 新疆.
 */
class EntitiesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    // named, decimal and hexadecimal references
    "AT&amp;T                 | AT&T",
    "&#x4E2D;&#22269;&#X56FD; | 中国国",
    "&quot;green power&quot;  | \"green power\"",
    "&mdash;&hellip;&copy;    | —…©",
    "&#x1F600;                | 😀",
    // one level only: &amp;amp; is the text &amp;
    "&amp;amp;                | &amp;",
    // not a reference: kept as written
    "&bogus; & amp; &;        | &bogus; & amp; &;",
    "&#; &#x; &#12345678;     | &#; &#x; &#12345678;",
    "a &amp b                 | a &amp b",
    "&#x4E2D                  | &#x4E2D",
    // no character: U+FFFD, as CommonMark says
    "&#0;&#xD800;&#x110000;   | \uFFFD\uFFFD\uFFFD",
    // decoded after the Markdown is removed: a decoded tag or asterisk is text
    "&lt;div&gt;&#42;强调&#42; | <div>*强调*",
    "**&#x7EFF;色**电力         | 绿色电力",
  })
  void referencesAreDecodedAsCommonMarkDoes(String written, String read) {
    assertEquals(read, Markdown.plainInline(written));
  }

  @Test
  void aNonBreakingSpaceIsOne() {
    assertEquals("52.6\u00A0亿", Markdown.plainInline("52.6&nbsp;亿"));
  }

  @Test
  void linksAndTheirUrlsAreDecoded() {
    assertEquals(List.of(new Link("Q&A 问答", "https://www.ndrc.gov.cn/xxgk/?a=1&b=2")),
        Markdown.links("[Q&amp;A 问答](https://www.ndrc.gov.cn/xxgk/?a=1&amp;b=2)"));
    assertEquals(List.of(new Link("", "http://english.news.cn/a.html?id=1&page=2")),
        Markdown.links("见 http://english.news.cn/a.html?id=1&amp;page=2 "));
  }

  /**
   * The real report with characters of its answers written as references (each % as {@code &#37;},
   * 新疆 as {@code &#x65B0;&#30086;}, 亿 as {@code &#x4EBF;}) parses to the same points: the same
   * titles, fields, prose, sources, lines. Only the answer as written differs.
   */
  @Test
  void theRealReportWrittenWithReferencesReadsAsTheRealReport() throws Exception {
    Path real = Golden.realReport();
    String text = Files.readString(real, StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      // Headings stay as they are: the references are in the answers' text.
      String l = line.startsWith("#") ? line
          : line.replace("%", "&#37;").replace("新疆", "&#x65B0;&#30086;").replace("亿", "&#x4EBF;");
      encoded.append(encoded.isEmpty() ? "" : "\n").append(l);
    }
    assertNotEquals(text, encoded.toString());
    Report original = ReportParser.parse(real, text.getBytes(StandardCharsets.UTF_8));
    Report withReferences = ReportParser.parse(real, encoded.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(original.points().size(), withReferences.points().size());
    assertTrue(original.points().size() >= 5, "the real report's points");
    int references = 0;
    for (int i = 0; i < original.points().size(); i++) {
      TurningPoint a = original.points().get(i);
      TurningPoint b = withReferences.points().get(i);
      assertEquals(read(a), read(b), a.id());
      if (!a.answer().equals(b.answer())) {
        references++;
      }
    }
    assertTrue(references >= 3, "answers that held references: " + references);
    assertEquals(original.problems(), withReferences.problems());
  }

  /** A point as read: everything but its answer as written. */
  private static List<Object> read(TurningPoint p) {
    return List.of(p.id(), p.dateAsWritten(), p.type(), p.confidence(), p.status(), p.evidence(), p.prose(), p.line(),
        p.flags());
  }
}
