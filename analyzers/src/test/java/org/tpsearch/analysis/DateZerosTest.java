package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The local rule and the pattern a cluster applies drop the same zeros. */
class DateZerosTest {
  private static String local(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (!DateZeros.padding(s, i)) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  @Test
  void theClusterPatternDropsWhatTheCharFilterDrops() {
    Pattern p = Pattern.compile(DateZeros.PATTERN);
    for (String s : List.of("2022年05月", "03月01日", "2021年12月至2022年05月", "０５月０１日", "10月", "100月", "0.05月",
        "2005年", "05号", "a05月", "x_05日", "05", "0", "05月", "月05", "00月", "2022-05-01", "第05日", "5月1日")) {
      assertEquals(p.matcher(s).replaceAll("$1"), local(s), s);
    }
    assertEquals("2022年5月", local("2022年05月"));
    assertEquals("5月5号", local("5月05号"));
    assertEquals("3月1日", local("03月01日"));
    assertEquals("10月", local("10月"));
  }

  /** What a cluster's char filters make of {@code s}: fold (or simplify), dates, 号 of a day, padding. */
  private static String cluster(String s, boolean widthToo) {
    StringBuilder folded = new StringBuilder();
    s.codePoints().forEach(cp -> folded.appendCodePoint(widthToo ? TextNormalizer.foldCodePoint(cp) : TextNormalizer.simplify(cp)));
    String t = Pattern.compile(DateZeros.ISO_PATTERN).matcher(folded).replaceAll(DateZeros.ISO_REPLACEMENT);
    t = Pattern.compile(DateZeros.DAY_HAO_PATTERN).matcher(t).replaceAll("日");
    return Pattern.compile(DateZeros.PATTERN).matcher(t).replaceAll("$1");
  }

  private static String charFilter(String s, boolean widthToo) throws java.io.IOException {
    try (java.io.Reader r = new FoldingCharFilter(new java.io.StringReader(s), widthToo)) {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[64];
      for (int n = r.read(buf, 0, buf.length); n != -1; n = r.read(buf, 0, buf.length)) {
        out.append(buf, 0, n);
      }
      return out.toString();
    }
  }

  @Test
  void theClusterReadsDatesAndDaysAsTheCharFilterDoes() throws Exception {
    // The reports write 2021年7月16日 (the Jiangsu report's 发布时间); users type 2021-07-16 too.
    assertEquals("2021年7月16日", charFilter("2021-07-16", true));
    assertEquals("于2022年5月1日起", charFilter("于2022/05/01起", true));
    assertEquals("2022年5月1日", charFilter("２０２２．０５．０１", true));
    assertEquals("5月1日", charFilter("5月1号", true));
    for (String s : List.of("2021-07-16", "2022/5/1", "2022.05.01", "于2022-05-01起", "2022-5-1。", "２０２２－０５－０１",
        "2022-12-31", "2022-13-01", "2022-05-32", "2022-00-10", "2022-05-00", "1.2022.05.01", "v2022-05-01", "x_2022-05-01",
        "2022-05-011", "12022-05-01", "2022-05", "2020-2025", "2019-05-16_Policy", "2021-10-12前后", "3022-01-01",
        "5月1号", "5月05号", "5月31号", "12月1号", "5月123号", "〔2018〕22号", "第19号", "05号", "1号", "月号",
        "2022年05月", "03月01日", "2022年5月31日", "綠色電力 2022-05-01", "0.05", "10月", "2022-05-01号")) {
      assertEquals(cluster(s, true), charFilter(s, true), s);
      assertEquals(cluster(s, false), charFilter(s, false), s);
    }
  }
}
