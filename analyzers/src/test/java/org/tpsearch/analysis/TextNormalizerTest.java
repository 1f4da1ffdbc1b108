package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.CharFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The T2S table and the string and reader folding built on it. */
class TextNormalizerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "綠色電力; 绿色电力",
        "碳達峰; 碳达峰",
        "風電; 风电",
        "電; 电",
        "發; 发",
        "ＡＢＣ１２３; abc123",
        "Green Power; green power",
        "ＧＲＥＥＮ　ＰＯＷＥＲ; green power",
        "'  a \t b  '; a b",
        "绿色电力; 绿色电力",
        "晋政发〔2022〕29号; 晋政发〔2022〕29号",
      })
  void normalizeFoldsScriptWidthCaseAndSpace(String in, String expected) {
    assertEquals(expected, TextNormalizer.normalize(in));
  }

  @Test
  void tableIsWellFormedAndHasTheCharactersWeNeed() throws IOException {
    Map<String, String> table = new HashMap<>();
    InputStream stream = TextNormalizer.class.getResourceAsStream(TextNormalizer.T2S_RESOURCE);
    assertNotNull(stream);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      boolean sawLicense = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          sawLicense |= line.contains("Unicode License");
          continue;
        }
        String[] kv = line.split("\t", -1);
        assertEquals(2, kv.length, line);
        assertEquals(1, kv[0].codePointCount(0, kv[0].length()), line);
        assertEquals(1, kv[1].codePointCount(0, kv[1].length()), line);
        assertNotEquals(kv[0], kv[1], line);
        assertEquals(null, table.put(kv[0], kv[1]), "duplicate " + line);
      }
      assertTrue(sawLicense, "header names the ICU data license");
    }
    assertEquals(table.size(), TextNormalizer.t2sSize());
    assertTrue(table.size() > 2500, "table has " + table.size() + " entries");
    for (String[] kv : new String[][] {{"綠", "绿"}, {"電", "电"}, {"達", "达"}, {"風", "风"}, {"發", "发"}}) {
      assertEquals(kv[1], table.get(kv[0]), kv[0]);
    }
  }

  @Test
  void wrapCorrectsOffsetsBackToTheOriginal() throws IOException {
    // 㠣 maps to the supplementary 𫵷 (one char to two) and ＡＢ to ab: offsets still line up.
    String original = "㠣ＡＢ綠";
    CharFilter filter = (CharFilter) TextNormalizer.wrap(new StringReader(original));
    StringBuilder out = new StringBuilder();
    for (int c = filter.read(); c != -1; c = filter.read()) {
      out.append((char) c);
    }
    assertEquals("𫵷AB绿", out.toString());
    assertEquals(0, filter.correctOffset(0));
    assertEquals(1, filter.correctOffset(2)); // after 𫵷 -> after 㠣
    assertEquals(3, filter.correctOffset(4)); // after AB -> after ＡＢ
    assertEquals(4, filter.correctOffset(5));
  }

  @Test
  void loadIsTimedAndRepeatable() {
    assertTrue(TextNormalizer.t2sFirstLoadNanos() > 0);
    assertTrue(AnalyzerThroughput.t2sLoadNanos() > 0);
  }

  /**
   * foldLowerInPlace's quick paths (ASCII, ideographs and CJK punctuation) give what folding and
   * lower-casing each code point gives, for every BMP character alone and between others, for
   * supplementary and lone surrogates, and for the real report.
   */
  @Test
  void foldLowerInPlaceIsTheCodePointFoldingForEveryCharacter() throws IOException {
    for (int c = 0; c < 0x10000; c++) {
      String alone = String.valueOf((char) c);
      assertArrayEquals(foldLowerEachCodePoint(alone), TextNormalizer.foldLowerInPlace(alone), "U+" + Integer.toHexString(c));
      String between = "Ａb" + (char) c + "綠Z。";
      assertArrayEquals(foldLowerEachCodePoint(between), TextNormalizer.foldLowerInPlace(between), "U+" + Integer.toHexString(c));
    }
    for (String s : new String[] {"𫵷綠ＡＢ", "a\uD800b", "\uDC00綠", "𠀀İΣ", "㠣ab"}) {
      assertArrayEquals(foldLowerEachCodePoint(s), TextNormalizer.foldLowerInPlace(s), s);
    }
    String report = java.nio.file.Files.readString(java.nio.file.Path.of("..", "sample-index", "reports",
        "Xinjiang_Industry_combined_info.txt"), StandardCharsets.UTF_8);
    char[] folded = TextNormalizer.foldLowerInPlace(report);
    assertNotNull(folded);
    assertArrayEquals(foldLowerEachCodePoint(report), folded);
  }

  /** foldLowerInPlace as it was defined first: each code point folded, then lower-cased, or null. */
  private static char[] foldLowerEachCodePoint(String s) {
    char[] out = new char[s.length()];
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      int folded = TextNormalizer.foldCodePoint(cp);
      int mapped = Character.toLowerCase(folded);
      if (Character.charCount(mapped) != n || folded == '\u0130' || folded == '\u03A3') {
        return null;
      }
      Character.toChars(mapped, out, i);
      i += n;
    }
    return out;
  }
}
