package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, validation and normalized lookup of the bilingual glossary. */
class GlossaryTest {

  private static final String TABLE =
      """
      # category<TAB>terms
      energy\t绿色电力|绿电|green power|green electricity

      energy\t光伏|photovoltaic|PV|solar PV
        # indented comment
      policy\t碳达峰|carbon peak|peak carbon|峰值
      policy\t碳中和|carbon neutrality|net zero|綠電
      """;

  private static Glossary parse(String text) {
    return Glossary.parse(new StringReader(text), "test.tsv");
  }

  @Test
  void parsesGroupsInFileOrder() {
    Glossary g = parse(TABLE);
    assertEquals(4, g.size());
    assertEquals(List.of("光伏", "photovoltaic", "PV", "solar PV"), g.groups().get(1));
    assertThrows(UnsupportedOperationException.class, () -> g.groups().get(0).add("x"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "绿电; 绿色电力|green power|green electricity|碳中和|carbon neutrality|net zero",
        "綠電; 绿色电力|green power|green electricity|碳中和|carbon neutrality|net zero",
        "Green Power; 绿色电力|绿电|green electricity",
        "ＧＲＥＥＮ　ＰＯＷＥＲ; 绿色电力|绿电|green electricity",
        "  green   power ; 绿色电力|绿电|green electricity",
        "pv; 光伏|photovoltaic|solar PV",
        "碳達峰; carbon peak|peak carbon|峰值",
      })
  void expansionsMatchAfterNormalization(String term, String expected) {
    assertEquals(List.of(expected.split("\\|")), parse(TABLE).expansions(term));
  }

  @Test
  void narrowerTermsAreReachedFromTheGroupOnly() {
    Glossary g = parse("energy\t火电|thermal power > 煤电|燃气发电\nenergy\t煤电|coal power\n");
    assertEquals(List.of("thermal power", "煤电", "燃气发电"), g.expansions("火电"));
    assertEquals(List.of("coal power"), g.expansions("煤电"), "煤电 does not reach 火电");
    assertEquals(List.of(), g.expansions("燃气发电"));
    assertEquals(List.of("煤电", "燃气发电"), g.narrower("thermal power"));
    assertEquals(List.of(), g.narrower("煤电"));
    // A user's table keeps its narrower terms when added to another.
    assertEquals(List.of("thermal power", "煤电", "燃气发电"), Glossary.empty().with(g).expansions("火电"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("energy\t火电|thermal power > 煤电 > 燃煤机组\n"));
    assertTrue(e.getMessage().startsWith("test.tsv:1: more than one ' > '"), e.getMessage());
    // The bundled table: thermal power reaches the reports' coal power; coal power stays itself.
    Glossary bundled = Glossary.load();
    assertTrue(bundled.expansions("火电").contains("燃煤机组"));
    assertFalse(bundled.expansions("煤电").contains("火电"));
  }

  @Test
  void hyphenatedSpacedAndMarkedFormsAreOneTerm() {
    Glossary g = Glossary.load();
    // The bundled table writes ultra-low emission and coal-fired boiler with hyphens only.
    assertTrue(g.expansions("ultra low emission").contains("超低排放"));
    assertEquals(g.expansions("ultra-low emission"), g.expansions("ultra low emission"));
    assertTrue(g.expansions("coal fired boiler").contains("燃煤锅炉"));
    assertEquals("energy intensive", Glossary.key("Energy-Intensive"));
    assertEquals("coal-", Glossary.key("coal-"), "a hyphen between letters only");
  }

  @Test
  void unknownTermsHaveNoExpansions() {
    Glossary g = parse(TABLE);
    assertEquals(List.of(), g.expansions("风电"));
    assertEquals(List.of(), g.expansions("green")); // whole terms only, no prefix matching
    assertEquals(List.of(), g.expansions(""));
  }

  @Test
  void membersThatFoldAlikeAreReturnedOnce() {
    Glossary g = parse("energy\t绿电|綠電|GREEN POWER|green power|绿色电力\n");
    assertEquals(List.of("GREEN POWER", "绿色电力"), g.expansions("绿电"));
    assertEquals(List.of("绿电", "绿色电力"), g.expansions("green power"));
  }

  @Test
  void withGroupsAddsWithoutChangingTheOriginal() {
    Glossary base = parse(TABLE);
    Glossary more = base.withGroups(List.of(List.of("新疆", "Xinjiang", "新疆维吾尔自治区"), List.of("PV", "太阳能光伏")));
    assertEquals(4, base.size());
    assertEquals(6, more.size());
    assertEquals(List.of("Xinjiang", "新疆维吾尔自治区"), more.expansions("新疆"));
    // A term in two groups gets both groups' members, file groups first.
    assertEquals(List.of("光伏", "photovoltaic", "solar PV", "太阳能光伏"), more.expansions("PV"));
    assertEquals(List.of(), base.expansions("新疆"));
    assertThrows(IllegalArgumentException.class, () -> base.withGroups(List.of(List.of("a", " "))));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "energy 绿电|green power; no tab",
        "energy\\t绿电\\tgreen power; two tabs",
        "\\t绿电|green power; blank category",
        "' \\t绿电|green power'; blank category after a space",
        "energy\\t绿电||green power; empty term",
        "energy\\t绿电|green power|; trailing bar",
        "energy\\t绿电; single term",
      })
  void malformedLineIsRejectedWithSourceAndLine(String badLine, String why) {
    // The table spells TAB as a literal backslash-t: CsvSource would trim a real leading tab.
    String text = "# header\n\nenergy\t光伏|PV\n" + badLine.replace("\\t", "\t") + "\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
    assertTrue(e.getMessage().startsWith("test.tsv:4: "), why + ": " + e.getMessage());
  }

  @Test
  void toleratesByteOrderMarkAndCrlf() {
    Glossary g = parse("\uFEFFenergy\t风电|wind power\r\n# c\r\n");
    assertEquals(1, g.size());
    assertEquals(List.of("wind power"), g.expansions("風電"));
  }

  @Test
  void bundledGlossaryLoadsOrIsEmpty() {
    // The curated table may not exist yet; load() must then be empty rather than fail, and once
    // it exists every line must parse.
    Glossary g = Glossary.load();
    assertTrue(g.size() >= 0);
    boolean present = Glossary.class.getResource(Glossary.RESOURCE) != null;
    assertEquals(present, g.size() > 0, "resource present iff groups loaded");
  }
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // English names of organisations and projects that are not pinyin (issue 8): in the bundled
    // glossary as agency and energy groups, beside their Chinese names.
    "NDRC, 国家发改委",
    "NEA, 国家能源局",
    "SGCC, 国家电网",
    "CSG, 南方电网",
    "CNNC, 中核集团",
    "CGN, 中广核",
    "SPIC, 国家电投",
    "CTG, 三峡集团",
    "CHN Energy, 国家能源集团",
    "Huaneng, 华能集团",
    "Datang, 大唐集团",
    "Huadian, 华电集团",
    "MIIT, 工信部",
    "MEE, 生态环境部",
    "CAAC, 民航局",
    "Hualong One, 华龙一号",
    "华龙一号, hualong one",
    // What CC-CEDICT lacks for the issue's `highway toll` query: it has toll as 过路费 and 通行税,
    // the reports write 通行费 and 收费公路.
    "toll, 通行费",
    "toll road, 收费公路",
  })
  void bundledGlossaryHasTheEnglishNamesResearchersUse(String english, String chinese) {
    List<String> expansions = Glossary.load().expansions(english);
    assertTrue(expansions.contains(chinese), english + " -> " + expansions);
  }
}
