package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the highlighter marks a query's words: what the index matched, read lazily or whole. */
class PhraseHighlighterTest {
  private static void same(PhraseHighlighter h, String text, List<Snippet.Span> expected) {
    assertEquals(expected, h.spans(text, true), () -> "whole reading of " + text);
    assertEquals(expected, h.spans(text), () -> "lazy reading of " + text);
  }

  @Test
  void aWordBeginningWithADateCharacterTheFoldingWritesIsMarkedAlikeBothWays() {
    // The index reads 2020-10-29 as 2020年10月29日, so 2020-10-29前后 holds 日前 as 2020年10月29日前后
    // does; the highlighter marks it whichever other words come with it (a benchmark text and q499
    // of the tuning set: 日前实时市场分时价格 once marked it only beside 价格, and only when reading
    // the whole text).
    String text = "可能在2020-10-29前后导致转折，航油价格上涨";
    List<Snippet.Span> before = List.of(new Snippet.Span(text.indexOf("前后"), text.indexOf("前后") + 1));
    same(new PhraseHighlighter(List.of("日前")), text, before);
    List<Snippet.Span> withPrice = List.of(before.get(0),
        new Snippet.Span(text.indexOf("价格"), text.indexOf("价格") + 2));
    same(new PhraseHighlighter(List.of("日前", "实时", "市场", "分时", "价格")), text, withPrice);
    // 5月1号前: the 号 of a day is read 日.
    String hao = "5月1号前完成";
    same(new PhraseHighlighter(List.of("日前")), hao, List.of(new Snippet.Span(3, 5)));
    // Where the text spells 日前, as before.
    same(new PhraseHighlighter(List.of("日前", "价格")), "日前市场价格", List.of(new Snippet.Span(0, 2), new Snippet.Span(4, 6)));
    // No date: nothing.
    same(new PhraseHighlighter(List.of("日前", "价格")), "10-29前后", List.of());
  }
}
