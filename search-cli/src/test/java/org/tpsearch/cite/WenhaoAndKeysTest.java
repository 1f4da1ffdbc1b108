package org.tpsearch.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of a reference that are read from text: 文号, title, key, dates. */
class WenhaoAndKeysTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // in a title, after the book-title marks (the sample reports' form)
      "《2030年前碳达峰行动方案》（国发〔2021〕23号）|国发〔2021〕23号",
      // a longer issuer
      "《完善能源消费强度和总量双控制度方案》（发改环资〔2021〕1310号）|发改环资〔2021〕1310号",
      // retyped brackets
      "晋政发[2022]29号文件|晋政发[2022]29号",
      "国办发【2020】1号|国办发【2020】1号",
      // inside prose
      "随后印发《通知》（发改价格〔2021〕1439号）。|发改价格〔2021〕1439号",
      // not one: no issuer, no 号, a year of three digits
      "〔2021〕23号|''",
      "国发〔2021〕23|''",
      "国发〔202〕23号|''",
      "no number here|''"})
  void wenhao(String text, String want) {
    assertEquals(want, Wenhao.find(text));
  }

  @Test
  void aLongRunOfBracketsIsScannedOnce() {
    // Linear: a hostile line of openers and digits ends at once.
    String s = "国".repeat(50_000) + "〔2021".repeat(50_000);
    assertEquals("", Wenhao.find(s));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "《2030年前碳达峰行动方案》（国发〔2021〕23号）|2030年前碳达峰行动方案",
      "《新疆维吾尔自治区工业领域碳达峰实施方案》|新疆维吾尔自治区工业领域碳达峰实施方案",
      // marks inside a longer title stay
      "关于《方案》的解读|关于《方案》的解读",
      "《A》与《B》|《A》与《B》",
      "Moyu County Integrated Industrial Park Construction|Moyu County Integrated Industrial Park Construction"})
  void title(String raw, String want) {
    assertEquals(want, Citation.cleanTitle(raw));
  }

  @Test
  void keysAreStableValidBibtexKeysAndNeverShared() {
    assertEquals("xinjiang-industry-2022-03-01-event-1", Citation.key("xinjiang/industry/2022-03-01/event", 1));
    assertEquals("inner-mongolia-ground-transport-2019-12-29-event-12",
        Citation.key("inner-mongolia/ground-transport/2019-12-29/event", 12));
    assertEquals("shanghai-aviation-undated-event-2", Citation.key("shanghai/aviation/undated/event", 2));
    String chinese = Citation.key("新疆/industry/2022-03-01/event", 1);
    assertEquals("tp._65b0__7586_.industry.2022-03-01.event.1", chinese);
    assertEquals("tp.2022.undated.industry.x.1", Citation.key("2022/undated/industry/x", 1));
    assertNotEquals(Citation.key("a/b/c/d", 1), Citation.key("a/b/c/d", 11));
  }

  /**
   * Ids that differ only in a/b against a-b, or in where a hyphenated name splits, never share a key
   * (they did when / and - both became -).
   */
  @Test
  void idsThatDifferOnlyInSlashOrHyphenHaveDifferentKeys() {
    List<String> ids = List.of("a-b/c/2022-03-01/event", "a/b-c/2022-03-01/event", "a/b/c/2022-03-01/event",
        "a-b-c/2022-03-01/event", "inner-mongolia/power/2021-07-16/policy", "inner/mongolia-power/2021-07-16/policy",
        "inner-mongolia-power/2021-07-16/policy", "inner-mongolia/power/2021-07-16-policy", "a_b/c/d/e", "a/b/c/d/1",
        "a/b/c/d");
    java.util.Set<String> keys = new java.util.HashSet<>();
    for (String id : ids) {
      for (int n : new int[] {1, 11}) {
        assertTrue(keys.add(Citation.key(id, n)), id + " #" + n + " gives a key already given: " + Citation.key(id, n));
      }
    }
    assertEquals("inner-mongolia-power-2021-07-16-policy-1", Citation.key("inner-mongolia/power/2021-07-16/policy", 1));
    assertEquals("tp.inner.mongolia-power.2021-07-16.policy.1", Citation.key("inner/mongolia-power/2021-07-16/policy", 1));
    // No two known region and sector names join into the same text.
    java.util.Map<String, String> joined = new java.util.HashMap<>();
    for (org.tpsearch.model.Region r : org.tpsearch.model.Regions.ALL) {
      for (org.tpsearch.model.Sector s : org.tpsearch.model.Sectors.ALL) {
        String prior = joined.put(r.slug() + "-" + s.slug(), r.slug() + "/" + s.slug());
        assertEquals(null, prior, r.slug() + "/" + s.slug() + " joins as " + prior + " does");
      }
    }
  }

  @Test
  void issuedAtThePrecisionTheDaysSpan() {
    assertEquals("2022", Citation.Issued.of(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)).iso());
    assertEquals("2022-03", Citation.Issued.of(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31)).iso());
    assertEquals("2020-02-17", Citation.Issued.of(LocalDate.of(2020, 2, 17), LocalDate.of(2020, 2, 17)).iso());
    assertEquals("2021-12/2022-03", Citation.Issued.of(LocalDate.of(2021, 12, 1), LocalDate.of(2022, 3, 31)).iso());
    assertEquals("2020-02-15/2020-02-17", Citation.Issued.of(LocalDate.of(2020, 2, 15), LocalDate.of(2020, 2, 17)).iso());
  }

  @Test
  void theAccessDateIsTheAnalysisDay() {
    assertEquals(Optional.of(LocalDate.of(2025, 5, 1)), Citation.accessed("2025-05-01 17:00:12"));
    assertEquals(Optional.empty(), Citation.accessed(""));
    assertEquals(Optional.empty(), Citation.accessed("2025-13-01 00:00"));
  }

  @Test
  void bibtexValuesEscapeEveryLatexSpecial() {
    assertEquals("a\\&b \\% \\$ \\# \\_ \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
        CitationWriter.tex("a&b % $ # _ {x} ~ ^ \\"));
    assertEquals("https://x.cn/a%7Bb%7D?q=1%20", CitationWriter.url("https://x.cn/a{b}?q=1 "));
  }
}
