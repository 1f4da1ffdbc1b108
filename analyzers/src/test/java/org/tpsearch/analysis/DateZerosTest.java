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
    assertEquals("3月1日", local("03月01日"));
    assertEquals("10月", local("10月"));
  }
}
