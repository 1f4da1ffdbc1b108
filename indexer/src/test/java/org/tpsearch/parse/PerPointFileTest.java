package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Field;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * {@code {Region}_{Sector}_{date}_{Type}_info.txt}: {@code 问题: ...}, a blank line, {@code 回答:},
 * the answer. The point comes from the file name; the question is never part of the answer (it
 * always contains 未找到相关政策或事件, as the instruction of what to say when nothing is found).
 */
class PerPointFileTest {
  private static final Path SAMPLES = Golden.sampleReports();
  private static final Path FIXTURES = AnswerLayoutTest.FIXTURES.resolve("per-point");

  private static TurningPoint only(Report r) {
    assertEquals(ReportKind.PER_POINT, r.kind());
    assertEquals(1, r.points().size());
    assertEquals(1, r.declaredCount());
    return r.points().get(0);
  }

  @Test
  void theSamePointAsInTheCombinedReport() throws Exception {
    TurningPoint alone = only(ReportParser.parse(SAMPLES.resolve("Guangdong_Power_2019-05-16_Policy_info.txt")));
    TurningPoint combined = AnswerLayoutTest.point("Guangdong_Power_combined_info.txt", "guangdong/power/2019-05-16/policy");

    assertEquals(combined.id(), alone.id());
    assertEquals(combined.answer(), alone.answer());
    assertEquals(combined.status(), alone.status());
    // Same items; only the lines differ (line 4 here, 43 in the combined report).
    assertEquals(combined.evidence().stream().map(EvidenceItem::title).toList(),
        alone.evidence().stream().map(EvidenceItem::title).toList());
    assertEquals(4, alone.evidence().get(0).line());
    assertEquals(List.of(4, 5, 6, 7, 8, 9), alone.evidence().get(0).fields().stream().map(Field::line).toList());
    // The file has no confidence: absent, and said so in a flag rather than a warning.
    assertFalse(alone.hasConfidence());
    assertEquals(List.of("no-confidence-in-file"), alone.flags());
    assertEquals(1, alone.line());
  }

  @Test
  void theQuestionIsNotTheAnswer() throws Exception {
    Report r = ReportParser.parse(SAMPLES.resolve("Hebei_Industry_2020-02-01_Event_info.txt"));
    TurningPoint p = only(r);
    assertEquals("hebei/industry/2020-02-01/event", p.id());
    assertEquals("未找到相关政策或事件", p.answer());
    assertEquals(EvidenceStatus.NONE, p.status());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void aPointInNoCombinedReport() throws Exception {
    TurningPoint p = only(ReportParser.parse(SAMPLES.resolve("Inner Mongolia_Power_2021-10-12_Event_info.txt")));
    assertEquals("inner-mongolia/power/2021-10-12/event", p.id());
    assertEquals("Inner Mongolia", p.region().name());
    assertEquals(EvidenceStatus.FOUND, p.status());
    assertEquals(2, p.evidence().size());
    assertTrue(p.prose().startsWith("以下是2021年10月"), p.prose());
    assertTrue(p.evidence().get(0).text().contains("photovoltaic (PV)"), p.evidence().get(0).text());
  }

  @Test
  void crlfPerPointFile() throws Exception {
    Report r = ReportParser.parse(FIXTURES.resolve("Hubei_Ground_Transport_2020-04-08_Event_info.txt"));
    TurningPoint p = only(r);
    assertEquals("hubei/ground-transport/2020-04-08/event", p.id());
    assertEquals("Ground Transport", p.sector().name());
    EvidenceItem e = p.evidence().get(0);
    assertEquals("武汉解除离汉离鄂通道管控", e.title());
    assertEquals("湖北省武汉市", e.place());
    assertEquals(List.of(4, 5, 6, 7), e.fields().stream().map(Field::line).toList());
    assertEquals("http://www.wuhan.gov.cn/", e.sources().get(0).url());
    assertFalse(p.answer().contains("\r"));
    assertEquals(List.of("line ends are CRLF"), r.problems().stream().map(Problem::message).toList());
  }

  @Test
  void answerOnTheSameLineAsTheMarkerAndSpacesAndUnderscoresInTheName() throws Exception {
    Report r = ReportParser.parse(FIXTURES.resolve("Inner Mongolia_Ground_Transport_2020-02-03_Event_info.txt"));
    TurningPoint p = only(r);
    assertEquals("inner-mongolia/ground-transport/2020-02-03/event", p.id());
    assertEquals("未找到相关政策或事件", p.answer());
    assertEquals(EvidenceStatus.NONE, p.status());
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void withoutTheAnswerMarkerEverythingAfterTheQuestionIsTheAnswer() throws Exception {
    Path file = FIXTURES.resolve("Jiangsu_Power_2020-07-15_Event_info.txt");
    Report r = ReportParser.parse(file);
    TurningPoint p = only(r);
    assertEquals("抱歉，无法获取相关信息。API调用失败: 尝试了 3 次。", p.answer());
    assertEquals(EvidenceStatus.FAILED, p.status());
    assertEquals(List.of("no-answer-marker", "no-confidence-in-file"), p.flags());
    assertEquals(List.of(new Problem(file, 1, "no-answer-marker", "no '回答:' line; the whole file is taken as the answer")),
        r.problems());
  }

  @Test
  void blankLinesAroundTheAnswerAreNotPartOfIt() throws Exception {
    Path file = SAMPLES.resolve("Guangdong_Power_2019-05-16_Policy_info.txt");
    String text = Files.readString(file).replace("回答:\n", "回答:\n\n\n");
    TurningPoint p = only(ReportParser.parse(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    TurningPoint combined = AnswerLayoutTest.point("Guangdong_Power_combined_info.txt", "guangdong/power/2019-05-16/policy");
    assertEquals(combined.answer(), p.answer());
    assertEquals(6, p.evidence().get(0).line());
  }

  @Test
  void aCutPerPointFileIsFlagged() throws Exception {
    Path file = SAMPLES.resolve("Guangdong_Power_2019-05-16_Policy_info.txt");
    byte[] bytes = Files.readAllBytes(file);
    // Drop the final newline and the last '/' of the URL.
    Report r = ReportParser.parse(file, Arrays.copyOf(bytes, bytes.length - 2));
    TurningPoint p = only(r);
    assertTrue(p.flags().contains("truncated"), p.flags().toString());
    assertEquals("https://www.nea.gov.cn", p.evidence().get(0).sources().get(0).url());
    assertEquals(List.of(9), r.problems().stream().filter(pr -> pr.code().equals("truncated")).map(Problem::line).toList());
  }
}
