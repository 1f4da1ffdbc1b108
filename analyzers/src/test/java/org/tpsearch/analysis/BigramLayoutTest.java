package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.junit.jupiter.api.Test;

/** Pins the position layout of CJKBigramFilter that phrase matching depends on. */
class BigramLayoutTest {

  private static List<String> layout(Tokens tokens) {
    return tokens.tokens().stream()
        .map(t -> t.term() + "/+" + t.posInc() + "/len" + t.posLen() + "/" + t.type())
        .toList();
  }

  @Test
  void indexSideStacksEachBigramOnItsFirstUnigram() {
    // Verified layout of CJKBigramFilter(outputUnigrams=true): unigram at +1, then the bigram
    // starting at it at +0 with position length 2; the last unigram of a run takes a position.
    Tokens t = Tokens.of(new BigramAnalyzer(true), "碳达峰");
    assertEquals(
        List.of(
            "碳/+1/len1/" + CJKBigramFilter.SINGLE_TYPE,
            "碳达/+0/len2/" + CJKBigramFilter.DOUBLE_TYPE,
            "达/+1/len1/" + CJKBigramFilter.SINGLE_TYPE,
            "达峰/+0/len2/" + CJKBigramFilter.DOUBLE_TYPE,
            "峰/+1/len1/" + CJKBigramFilter.SINGLE_TYPE),
        layout(t));
    assertEquals(0, t.finalIncrement());
  }

  @Test
  void querySideHasOnlyBigramsAndSkipsThePositionOfTheLastUnigram() {
    // CJKBigramFilter(outputUnigrams=false) alone would give 碳达 达峰 2030 at +1 +1 +1: the
    // run uses one position fewer than on the index side. BigramRunPositionFilter adds it back.
    Tokens t = Tokens.of(new BigramAnalyzer(false), "碳达峰2030");
    assertEquals(
        List.of(
            "碳达/+1/len1/" + CJKBigramFilter.DOUBLE_TYPE,
            "达峰/+1/len1/" + CJKBigramFilter.DOUBLE_TYPE,
            "2030/+2/len1/<NUM>"),
        layout(t));
  }

  @Test
  void consecutiveRunsSplitByPunctuationEachGetTheirHole() {
    // 四五 and 工业 are adjacent bigram tokens but belong to different runs (their offsets do
    // not overlap), so 工业 gets the hole.
    Tokens t = Tokens.of(new BigramAnalyzer(false), "十四五，工业");
    assertEquals(List.of("十四", "四五", "工业"), t.terms());
    assertEquals(List.of(1, 1, 2), t.increments());
    // A trailing run also owes a position: keep the end position equal to the index side's.
    assertEquals(1, t.finalIncrement());
  }

  @Test
  void endPositionsAgreeOnBothSides() {
    for (String text : List.of("十四五，工业", "晋政发〔2022〕29号", "碳达峰", "达", "green power 绿电")) {
      assertEquals(endPosition(Tokens.of(new BigramAnalyzer(true), text)),
          endPosition(Tokens.of(new BigramAnalyzer(false), text)), text);
    }
  }

  private static int endPosition(Tokens t) {
    return t.increments().stream().mapToInt(Integer::intValue).sum() + t.finalIncrement();
  }

  @Test
  void loneIdeographIsAUnigramOnTheQuerySide() {
    Tokens t = Tokens.of(new BigramAnalyzer(false), "达");
    assertEquals(List.of("达/+1/len1/" + CJKBigramFilter.SINGLE_TYPE), layout(t));
  }

  @Test
  void normalizeFoldsLikeTheTokenStream() {
    // Wildcard and prefix terms go through Analyzer.normalize, not createComponents.
    assertEquals("绿色电力abc", new BigramAnalyzer(false).normalize("body", "綠色電力ＡＢＣ").utf8ToString());
    assertEquals("绿色电力abc", new BigramAnalyzer(true).normalize("body", "綠色電力ＡＢＣ").utf8ToString());
    assertEquals("industry风电", new WordAnalyzer().normalize("body", "Industry風電").utf8ToString());
  }
}
