package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.Snippet.Span;

/** Highlight spans: merged when they touch or overlap, and kept on the right text when cut to a window. */
class SnippetTest {
  @Test
  void adjacentAndOverlappingSpansMerge() {
    // 碳 达 峰 matched one character at a time: one span, not three.
    assertEquals(List.of(new Span(0, 3)), Snippet.merge(List.of(new Span(2, 3), new Span(0, 1), new Span(1, 2))));
    // Bigram matches overlap: 碳达 + 达峰.
    assertEquals(List.of(new Span(0, 3)), Snippet.merge(List.of(new Span(0, 2), new Span(1, 3))));
    // Nested and duplicate spans.
    assertEquals(List.of(new Span(0, 4)), Snippet.merge(List.of(new Span(0, 4), new Span(1, 2), new Span(1, 2))));
    // A gap of one character keeps them apart.
    assertEquals(List.of(new Span(0, 2), new Span(3, 5)), Snippet.merge(List.of(new Span(3, 5), new Span(0, 2))));
  }

  @Test
  void marked() {
    Snippet s = new Snippet("推动碳达峰行动", Snippet.merge(List.of(new Span(2, 3), new Span(3, 5))));
    assertEquals("推动[碳达峰]行动", s.marked("[", "]"));
    assertEquals("推动碳达峰行动", Snippet.plain("推动碳达峰行动").marked("[", "]"));
    assertThrows(IllegalArgumentException.class, () -> new Snippet("短", List.of(new Span(0, 2))));
  }

  @Test
  void aWindowKeepsItsSpansOnTheMatchedText() {
    String text = "第一句没有匹配。".repeat(20) + "这一句提到碳达峰和碳中和。" + "后面的句子。".repeat(20);
    int at = text.indexOf("碳达峰");
    Snippet s = Snippet.window(text, List.of(new Span(at, at + 3)), 80, 160);
    assertTrue(s.text().startsWith("…") && s.text().endsWith("…"), s.text());
    assertTrue(s.marked("[", "]").contains("这一句提到[碳达峰]和碳中和。"), s.marked("[", "]"));
    assertTrue(s.text().length() <= 160 + 2, "at most max characters plus the ellipses");
  }

  @Test
  void aLongSentenceIsCutAroundTheMatch() {
    String text = "很长".repeat(200) + "碳达峰" + "很长".repeat(200);
    int at = text.indexOf("碳达峰");
    Snippet s = Snippet.window(text, List.of(new Span(at, at + 3)), 80, 160);
    assertTrue(s.marked("[", "]").contains("[碳达峰]"), s.marked("[", "]"));
    assertTrue(s.text().length() <= 162, s.text());
  }

  @Test
  void aWindowNeverSplitsASurrogatePair() {
    String emoji = "😀";
    String text = (emoji + "。").repeat(100);
    for (int target = 1; target < 10; target++) {
      Snippet s = Snippet.window(text, List.of(), target, 3);
      for (int i = 0; i < s.text().length(); i++) {
        char c = s.text().charAt(i);
        if (Character.isHighSurrogate(c)) {
          assertTrue(i + 1 < s.text().length() && Character.isLowSurrogate(s.text().charAt(i + 1)), s.text());
        } else {
          assertTrue(!Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(s.text().charAt(i - 1)), s.text());
        }
      }
    }
  }

  @Test
  void linesBecomeOneLine() {
    Snippet s = Snippet.window("发生时间：2022年\n地点：新疆", List.of(new Span(5, 9)), 80, 160);
    assertEquals("发生时间：[2022]年 地点：新疆", s.marked("[", "]"));
  }
}
