package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The query side's fast fold must agree with the index side's char filters, character by character. */
class FoldParityTest {
  private static String viaCharFilters(String s) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Reader r = TextNormalizer.wrapWithLuceneFilters(new StringReader(s))) {
      char[] buf = new char[64];
      for (int n = r.read(buf); n != -1; n = r.read(buf)) {
        sb.append(buf, 0, n);
      }
    }
    return sb.toString();
  }

  @Test
  void everyCharacterFoldsAlikeOnBothSides() throws IOException {
    int checked = 0;
    for (int cp = 0x20; cp <= 0x2FFFF; cp++) {
      // Half-width katakana (U+FF61..U+FF9F) is Japanese, folded only on the index side; not our text.
      if (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED
          || (cp >= 0xFF61 && cp <= 0xFF9F)) {
        continue;
      }
      String s = new String(Character.toChars(cp));
      assertEquals(viaCharFilters(s), TextNormalizer.fold(s), "U+" + Integer.toHexString(cp));
      checked++;
    }
    // Sanity: the loop really covered the CJK blocks.
    assertEquals(true, checked > 90_000, "checked " + checked);
  }

  @Test
  void theRunTimeCharFilterFoldsAndCorrectsOffsetsLikeLucenesFilters() throws IOException {
    // Mixed text with a mapping that changes the UTF-16 length (噁 -> U+2B6C7, two chars).
    String text = "綠色電力 ＡＢＣ 噁心 交易量74.7% 𠀀 end";
    org.apache.lucene.analysis.Analyzer a = new BigramAnalyzer(true);
    assertEquals(Tokens.of(a, text), Tokens.of(referenceAnalyzer(), text));
  }

  /** BigramAnalyzer's chain over Lucene's own char filters. */
  private static org.apache.lucene.analysis.Analyzer referenceAnalyzer() {
    return new org.apache.lucene.analysis.Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return TextNormalizer.wrapWithLuceneFilters(reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        org.apache.lucene.analysis.Tokenizer t = new org.apache.lucene.analysis.standard.StandardTokenizer();
        org.apache.lucene.analysis.TokenStream ts = new org.apache.lucene.analysis.LowerCaseFilter(t);
        ts = new org.apache.lucene.analysis.cjk.CJKBigramFilter(ts, org.apache.lucene.analysis.cjk.CJKBigramFilter.HAN
            | org.apache.lucene.analysis.cjk.CJKBigramFilter.HIRAGANA | org.apache.lucene.analysis.cjk.CJKBigramFilter.KATAKANA
            | org.apache.lucene.analysis.cjk.CJKBigramFilter.HANGUL, true);
        return new TokenStreamComponents(t, ts);
      }
    };
  }

  @Test
  void foldsTraditionalAndFullWidthInText() {
    assertEquals("绿色电力交易 ABC123", TextNormalizer.fold("綠色電力交易 ＡＢＣ１２３"));
    assertEquals("碳达峰", TextNormalizer.fold("碳達峰"));
  }
}
