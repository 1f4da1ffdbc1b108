package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.TurningPoint;

/**
 * Whether an answer found evidence, found none, or failed to retrieve: the three must not be
 * confused (a failed query is not "nothing happened").
 */
class AnswerStatusTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # the no-evidence wordings of the format notes
      未找到任何相关政策或事件。                                          | NONE
      未找到相关政策或事件                                                | NONE
      未找到相关政策或事件。                                              | NONE
      # the retrieval failures of the format notes
      抱歉，无法获取相关信息。API调用失败: 尝试了 3 次。                  | FAILED
      查询失败: 处理出错: 'NoneType' object has no attribute 'get'        | FAILED
      查询失败: 处理出错: Read timed out                                  | FAILED
      # an outro saying other categories found nothing does not undo the items
      "1. **事件名称**：全国碳排放权交易市场上线交易\\n**发生时间**：2021年7月16日\\n\\n其他类别的信息未找到相关政策或事件。" | FOUND
      """)
  void statusOfAnAnswer(String answer, EvidenceStatus expected) {
    AnswerParser.Result r = AnswerParser.parse(answer.replace("\\n", "\n"), 10);
    assertEquals(expected, r.status());
    if (expected != EvidenceStatus.FOUND) {
      assertEquals(List.of(), r.items());
      // The wording itself stays searchable, as prose.
      assertEquals(answer.strip(), r.prose());
    }
  }

  @ParameterizedTest(name = "blank answer {index}")
  @ValueSource(strings = {"", "   ", "\n\n"})
  void anEmptyAnswerIsAFailureNotNoneFound(String answer) {
    AnswerParser.Result r = AnswerParser.parse(answer, 1);
    assertEquals(EvidenceStatus.FAILED, r.status());
    assertEquals(List.of("empty-answer"), r.flags());
  }

  @Test
  void proseThatCitesSomethingIsOneUnstructuredItem() {
    String answer = "2021年7月16日，全国碳排放权交易市场上线交易，第一个履约周期纳入发电行业重点排放单位2162家。";
    AnswerParser.Result r = AnswerParser.parse(answer, 10);
    assertEquals(EvidenceStatus.FOUND, r.status());
    assertEquals(List.of("unstructured-answer"), r.flags());
    assertEquals(1, r.items().size());
    assertEquals(answer, r.items().get(0).text());
    assertEquals(10, r.items().get(0).line());
    assertEquals("", r.prose());
  }

  @Test
  void theJiangsuSampleHasAllThree() {
    List<TurningPoint> points = AnswerLayoutTest.report("Jiangsu_Power_combined_info.txt").points();
    assertEquals(
        List.of(EvidenceStatus.NONE, EvidenceStatus.FOUND, EvidenceStatus.FAILED, EvidenceStatus.FOUND,
            EvidenceStatus.FOUND, EvidenceStatus.FAILED),
        points.stream().map(TurningPoint::status).toList());
    assertEquals("抱歉，无法获取相关信息。API调用失败: 尝试了 3 次。", points.get(2).prose());
    assertTrue(points.get(5).prose().startsWith("查询失败: 处理出错: "), points.get(5).prose());
  }
}
