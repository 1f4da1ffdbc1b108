package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

/** The pinyin field's terms: names read by word, pieces of unknown names joined. */
class PinyinAnalyzerTest {
  private static final Analyzer PINYIN = new PinyinAnalyzer();

  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = PINYIN.tokenStream(Schema.TEXT_PY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvFileSource(resources = "/pinyin/pinyin-cases.tsv", delimiter = '\t', quoteCharacter = '\u0000')
  void holdsTheNameInPinyin(String text, String term, String why) {
    List<String> terms = terms(text);
    assertTrue(terms.contains(term), text + " gives " + terms + ", not " + term + " (" + why + ")");
  }

  @Test
  void wordsAloneAndJoinedPiecesOnly() {
    // 浦东 虹桥 两 大 机场 航班 逐步 恢复: each word of two or more characters, and each window of two
    // or three adjacent pieces with a single character in it, four characters at most (the segmenter
    // cannot tell 白鹤+滩 from 虹桥+两, so both are joined; such extra terms cost little and match
    // only a query that types them). Never a lone character; 浦东 and 虹桥 are split by a comma.
    assertEquals(
        List.of("pudong", "hongqiao", "hongqiaoliang", "hongqiaoliangda", "liangda", "liangdajichang",
            "dajichang", "jichang", "hangban", "zhubu", "huifu"),
        terms("浦东、虹桥两大机场航班逐步恢复"));
  }

  @Test
  void englishDigitsAndPunctuationGiveNothing() {
    assertEquals(List.of(), terms("Pudong airport 2022, CO2 12%"));
    assertEquals(List.of(), terms("电"), "a lone character is never a term");
    assertEquals(List.of(), terms(""));
  }

  @Test
  void aGapEndsTheRun() {
    // 准 and 东 apart (a comma between) are not one name.
    assertFalse(terms("准，东").contains("zhundong"));
    assertTrue(terms("准东").contains("zhundong"));
  }

  @Test
  void reusedAcrossValues() {
    // The analyzer reuses its components: a second value starts clean.
    assertEquals(List.of("chongqing"), terms("重庆"));
    assertEquals(List.of("changsha"), terms("长沙"));
  }
  @Test
  void theSchemaReusesTheWordFieldsSegmentation() throws IOException {
    // At index time the pinyin field of a value takes the words the word field has just found in
    // the same value; the terms must be exactly those of the pinyin analyzer on its own.
    Analyzer schema = Schema.indexAnalyzer();
    String text = "浦东、虹桥两大机场航班逐步恢复。白鹤滩水电站投产，准东和古泉之间；Pudong 2022";
    long before = PinyinAnalyzer.replaysOnThisThread();
    List<String> words = analyze(schema, Schema.TEXT_W, text);
    assertTrue(words.contains("浦东"), words.toString());
    assertEquals(terms(text), analyze(schema, Schema.TEXT_PY, text));
    assertEquals(before + 1, PinyinAnalyzer.replaysOnThisThread(), "segmented once, not twice");
    // Another text than the word field's last one is segmented on its own, and gives its own terms.
    assertEquals(List.of("chongqing"), analyze(schema, Schema.TEXT_PY, "重庆"));
    assertEquals(before + 1, PinyinAnalyzer.replaysOnThisThread());
    // The same text again: the record still is that text's segmentation, so it is reused again.
    assertEquals(terms(text), analyze(schema, Schema.TEXT_PY, text));
    assertEquals(before + 2, PinyinAnalyzer.replaysOnThisThread());
  }

  private static List<String> analyze(Analyzer analyzer, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
