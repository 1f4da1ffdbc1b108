package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * Turning-point headings, well and badly written (fixtures/headings), dates in both of the
 * pipeline's forms, the declared count and the separators a clean-up leaves behind. A bad heading
 * never loses its point: the point is parsed, flagged, and a problem names the file and line.
 */
class HeadingTest {
  private static final Path MALFORMED =
      AnswerLayoutTest.FIXTURES.resolve("headings/Hebei_Industry_combined_info.txt");

  @ParameterizedTest(name = "line {0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # line | heading as written (for the name)     | id                                   | as written | type    | confidence | flags                        | problems                     | message
      # no colon, no type, no confidence
      8      | ## 转折点 2022-03-01                    | hebei/industry/2022-03-01/unknown    | 2022-03-01 | Unknown | NaN        | unknown-type no-confidence   | unknown-type no-confidence   | turning point has no type
      # missing type
      14     | ## 转折点: 2022-04-01 - 置信度: 0.69    | hebei/industry/2022-04-01/unknown    | 2022-04-01 | Unknown | 0.69       | unknown-type                 | unknown-type                 | turning point has no type
      # missing confidence
      20     | ## 转折点: 2022-05-01 (Event)           | hebei/industry/2022-05-01/event      | 2022-05-01 | Event   | NaN        | no-confidence                | no-confidence                | turning point has no confidence
      # confidence not a number
      26     | 置信度: 0.6x                            | hebei/industry/2022-06-01/event      | 2022-06-01 | Event   | NaN        | bad-confidence               | bad-confidence               | confidence '0.6x' is not a number in 0..1
      # confidence out of 0..1
      32     | 置信度: 1.5                             | hebei/industry/2022-07-01/event      | 2022-07-01 | Event   | NaN        | bad-confidence               | bad-confidence               | confidence '1.5' is not a number in 0..1
      # unknown type: kept as written, in the id too
      38     | (Policyy)                               | hebei/industry/2022-08-01/policyy    | 2022-08-01 | Policyy | 0.70       | unknown-type                 | unknown-type                 | unknown turning-point type 'Policyy'
      # DD/MM/YYYY, the pipeline's other date form: read, and the id uses YYYY-MM-DD
      44     | ## 转折点: 01/09/2022 (Seasonal)        | hebei/industry/2022-09-01/seasonal   | 01/09/2022 | Seasonal| 0.64       | ""                           | ""                           | ""
      # a date that is no date: the id keeps it as written
      50     | ## 转折点: 2022-13-01 (Trend)           | hebei/industry/2022-13-01/trend      | 2022-13-01 | Trend   | 0.58       | bad-date                     | bad-date                     | cannot read date '2022-13-01'
      # type in lower case: normalized, nothing to say
      56     | (event)                                 | hebei/industry/2022-11-01/event      | 2022-11-01 | Event   | 0.61       | ""                           | ""                           | ""
      # full-width colon, no parentheses, comma: not the heading's shape; date, type and confidence salvaged
      62     | ## 转折点：2022-12-01 Event, 置信度 0.66 | hebei/industry/2022-12-01/event      | 2022-12-01 | Event   | 0.66       | bad-heading                  | bad-heading                  | malformed turning-point heading '## 转折点：2022-12-01 Event, 置信度 0.66'
      """)
  void malformedHeadingsKeepTheirPoint(
      int line, String heading, String id, String asWritten, String type, double confidence, String flags,
      String problemCodes, String message) throws Exception {
    Report r = ReportParser.parse(MALFORMED);
    TurningPoint p = r.points().stream().filter(tp -> tp.line() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no point at line " + line));
    assertEquals(id, p.id());
    assertEquals(asWritten, p.dateAsWritten());
    assertEquals(type, p.type());
    if (Double.isNaN(confidence)) {
      assertFalse(p.hasConfidence(), "confidence " + p.confidence());
    } else {
      assertEquals(confidence, p.confidence(), 1e-9);
    }
    assertEquals(words(flags), p.flags());
    // The answer under a bad heading is still read.
    assertEquals(EvidenceStatus.NONE, p.status());

    List<Problem> here = r.problems().stream().filter(pr -> pr.line() == line).toList();
    assertEquals(words(problemCodes), here.stream().map(Problem::code).toList(), here.toString());
    for (Problem pr : here) {
      assertEquals(MALFORMED, pr.file());
    }
    if (!message.isEmpty()) {
      assertTrue(here.get(0).message().startsWith(message), here.get(0).message());
    }
  }

  @Test
  void everyHeadingIsAPointAndNothingElseIsWrong() throws Exception {
    Report r = ReportParser.parse(MALFORMED);
    assertEquals(10, r.points().size());
    assertEquals(10, r.declaredCount());
    // Only the heading problems of the table above: 9 in all, none about the file as a whole.
    assertEquals(9, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().stream().allMatch(pr -> pr.line() > 0), r.problems().toString());
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
  }

  @ParameterizedTest(name = "''{0}'' -> ''{1}''")
  @CsvSource({
    "2022-03-01, 2022-03-01",
    "2022-3-1,   2022-03-01",
    // DD/MM/YYYY: the day comes first
    "01/09/2022, 2022-09-01",
    "23/01/2020, 2020-01-23",
    "1/9/2022,   2022-09-01",
    "20220301,   2022-03-01",
    // no such day or month
    "2022-02-30, ''",
    "2022-13-01, ''",
    "13/13/2022, ''",
    // not a form the pipeline writes
    "2022/03/01, ''",
    "'',         ''",
  })
  void datesInBothForms(String written, String expected) {
    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(expected)),
        ReportParser.parseDate(written));
  }

  @Test
  void aDayFirstHeadingSortsLastAsTheSampleWritesIt() throws Exception {
    Report r = ReportParser.parse(Golden.sampleReports().resolve("Hubei_Ground_Transport_combined_info.txt"));
    TurningPoint last = r.points().get(r.points().size() - 1);
    assertEquals("hubei/ground-transport/2020-01-23/event", last.id());
    assertEquals("23/01/2020", last.dateAsWritten());
    assertEquals(LocalDate.of(2020, 1, 23), last.date().orElseThrow());
    assertEquals(0.93, last.confidence(), 1e-9);
    assertEquals(46, last.line());
    assertTrue(last.flags().isEmpty(), last.flags().toString());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void sectionsDeletedByTheCleanUpLeaveFewerPointsAndDoubledSeparators() throws Exception {
    Path hebei = Golden.sampleReports().resolve("Hebei_Industry_combined_info.txt");
    Report r = ReportParser.parse(hebei);
    assertEquals(8, r.declaredCount());
    assertEquals(List.of("2019-04-29", "2019-10-08", "2021-03-22", "2021-10-15", "2022-02-04"),
        r.points().stream().map(TurningPoint::dateAsWritten).toList());
    List<Problem> mismatch = r.problems().stream().filter(p -> p.code().equals("count-mismatch")).toList();
    assertEquals(1, mismatch.size());
    assertEquals(4, mismatch.get(0).line());
    assertEquals(hebei, mismatch.get(0).file());
    assertEquals("declares 8 turning points but has 5 (sections deleted by a clean-up, or the file was cut off)",
        mismatch.get(0).message());
    // The points before the doubled '---' (2019-10-08, 2021-10-15) end at their text, with no stray
    // separator in the answer, no empty prose, nothing flagged.
    for (TurningPoint p : List.of(r.points().get(1), r.points().get(3))) {
      assertFalse(p.answer().contains("---"), p.answer());
      assertEquals("", p.prose(), p.id());
      assertEquals(2, p.evidence().size(), p.id());
      assertTrue(p.flags().isEmpty(), p.flags().toString());
    }
    assertEquals(1, r.problems().size(), r.problems().toString());
  }

  @Test
  void moreFoundThanDeclaredIsSaidToo() throws Exception {
    Path hebei = Golden.sampleReports().resolve("Hebei_Industry_combined_info.txt");
    String text = Files.readString(hebei, StandardCharsets.UTF_8).replace("共包含 8 个", "共包含 4 个");
    Report r = ReportParser.parse(hebei, text.getBytes(StandardCharsets.UTF_8));
    List<String> messages = r.problems().stream().filter(p -> p.code().equals("count-mismatch"))
        .map(Problem::message).toList();
    assertEquals(List.of("declares 4 turning points but has 5"), messages);
  }

  @Test
  void aMatchingCountIsNotAProblem() throws Exception {
    Report r = ReportParser.parse(Golden.sampleReports().resolve("Beijing_Residential_combined_info.txt"));
    assertEquals(5, r.declaredCount());
    assertEquals(5, r.points().size());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }
}
