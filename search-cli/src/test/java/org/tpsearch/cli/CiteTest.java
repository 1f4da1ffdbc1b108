package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tpsearch cite} and the reference formats of {@code search} and {@code show}, on the real
 * report and the sample reports of the embedded index: BibTeX read back by a real BibTeX parser
 * (jbibtex), CSL-JSON formatted by a real CSL processor (citeproc-java) in GB/T 7714 and APA.
 */
class CiteTest {
  /** The real report's points that cite evidence, and how many items each has. */
  static final Map<String, Integer> REAL = Map.of(
      "xinjiang/industry/2019-04-01/event", 1,
      "xinjiang/industry/2021-12-16/seasonal", 2,
      "xinjiang/industry/2022-03-01/event", 3,
      "xinjiang/industry/2023-11-01/event", 1);

  /** The citation module as the tests find it: the cite-styles module's build output. */
  static final String CITE_LIB = Path.of("..", "cite-styles", "target", "classes").toAbsolutePath() + java.io.File.pathSeparator
      + Path.of("..", "cite-styles", "target", "cite-lib").toAbsolutePath() + java.io.File.separator + "*";

  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home).with("TPSEARCH_CITE_LIB", CITE_LIB);
  }

  static String[] args(String... a) {
    return a;
  }

  static List<String> realIds() {
    return REAL.keySet().stream().sorted().toList();
  }

  static BibTeXDatabase parse(String bib) throws Exception {
    return new BibTeXParser().parse(new StringReader(bib));
  }

  static String field(BibTeXEntry e, String name) {
    Value v = e.getField(new Key(name));
    return v == null ? null : v.toUserString();
  }

  @Test
  void theBibtexOfTheRealReportParsesWithOneEntryPerItem() throws Exception {
    List<String> a = new ArrayList<>(List.of("cite"));
    a.addAll(realIds());
    Cli.Result r = cli.run(a.toArray(new String[0]));
    assertEquals(0, r.exit(), r::toString);
    BibTeXDatabase db = parse(r.out());
    Map<Key, BibTeXEntry> entries = db.getEntries();
    assertEquals(REAL.values().stream().mapToInt(Integer::intValue).sum(), entries.size(), r.out());
    BibTeXEntry plan = entries.get(new Key("xinjiang-industry-2021-12-16-seasonal-2"));
    assertEquals("misc", plan.getType().getValue());
    // An institution is one name: BibTeX's double braces.
    assertEquals("{新疆维吾尔自治区工业和信息化厅}", field(plan, "author"));
    assertEquals("{新疆维吾尔自治区工业领域碳达峰实施方案}", field(plan, "title"));
    assertEquals("https://scjgj.xinjiang.gov.cn/xjaic/zdwjhb/202306/770947c0f3b249a3aa36af4a40ce1e2a.shtml", field(plan, "url"));
    // The access date is the report's analysis time (分析时间: 2025-05-01 17:00:12).
    assertEquals("2025-05-01", field(plan, "urldate"));
    assertEquals("zh-CN", field(plan, "language"));
    assertTrue(field(plan, "note").contains("xinjiang/industry/2021-12-16/seasonal, evidence item 2"), field(plan, "note"));
    assertTrue(field(plan, "note").contains("time as written: 2022年6月"), field(plan, "note"));
    // An outlet is the author of a news item.
    BibTeXEntry green = entries.get(new Key("xinjiang-industry-2022-03-01-event-1"));
    assertEquals("{China Daily}", field(green, "author"));
    // LaTeX specials in a title are escaped, so LaTeX prints them.
    assertEquals("{新疆绿色电力交易量同比增长74.7\\%}", field(green, "title"));
  }

  @Test
  void everyItemOfEverySampleReportHasAUniqueKeyAndParses() throws Exception {
    // No query: every point, every item.
    Cli.Result r = cli.run("search", "--status", "found", "--limit", "all", "--format", "bibtex");
    assertEquals(0, r.exit(), r::toString);
    BibTeXDatabase db = parse(r.out());
    long items = r.out().lines().filter(l -> l.startsWith("@misc{")).count();
    assertEquals(items, db.getEntries().size(), "a key was repeated");
    assertTrue(items >= 70, "only " + items + " references");
    Set<String> numbers = new HashSet<>();
    for (BibTeXEntry e : db.getEntries().values()) {
      assertTrue(e.getKey().getValue().matches("[a-z][a-z0-9-]*-[0-9]+"), e.getKey().getValue());
      assertEquals("zh-CN", field(e, "language"));
      if (field(e, "number") != null) {
        numbers.add(field(e, "number"));
      }
    }
    // The 文号 of the sample reports' policies.
    assertTrue(numbers.containsAll(List.of("国发〔2021〕23号", "国发〔2018〕22号", "发改环资〔2021〕1310号")), numbers.toString());
  }

  @Test
  void oneItemAloneWithHashN() throws Exception {
    Cli.Result r = cli.run("cite", "xinjiang/industry/2022-03-01/event#2");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(Set.of(new Key("xinjiang-industry-2022-03-01-event-2")), parse(r.out()).getEntries().keySet());
  }

  @Test
  void theCslJsonRendersInGbt7714AndApaThroughTheProcessor() {
    List<String> a = new ArrayList<>(List.of("cite", "--style", "china-national-standard-gb-t-7714-2015-numeric"));
    a.addAll(realIds());
    a.add("hebei/industry/2021-10-15/policy");
    Cli.Result gb = cli.run(a.toArray(new String[0]));
    assertEquals(0, gb.exit(), gb::toString);
    assertEquals("", gb.err());
    String text = gb.out();
    assertTrue(text.startsWith("[1]"), text);
    assertTrue(text.contains("新疆维吾尔自治区工业和信息化厅. 新疆维吾尔自治区工业领域碳达峰实施方案[EB/OL]."), text);
    // GB/T 7714: access date in brackets, the 文号 after the title.
    assertTrue(text.contains("[2025-05-01]"), text);
    assertTrue(text.contains("国务院. 2030年前碳达峰行动方案: 国发〔2021〕23号[EB/OL]."), text);
    // Several issuing agencies are several authors, each an institution.
    assertTrue(text.contains("中共中央, 国务院. "), text);

    a.set(2, "apa");
    Cli.Result apa = cli.run(a.toArray(new String[0]));
    assertEquals(0, apa.exit(), apa::toString);
    assertTrue(apa.out().contains("国务院. ("), apa.out());
    assertTrue(apa.out().contains("2030年前碳达峰行动方案 (No. 国发〔2021〕23号). https://www.gov.cn/"), apa.out());
  }

  @Test
  void risRecordsHaveTheirTagsAndEnd() {
    Cli.Result r = cli.run("cite", "hebei/industry/2021-10-15/policy", "--format", "ris");
    assertEquals(0, r.exit(), r::toString);
    for (String line : r.outLines()) {
      assertTrue(line.isEmpty() || line.matches("[A-Z][A-Z0-9]  - .*"), line);
    }
    assertTrue(r.out().contains("TY  - ELEC\nID  - hebei-industry-2021-10-15-policy-1\nTI  - 2030年前碳达峰行动方案\nAU  - 国务院\n"
        + "M1  - 国发〔2021〕23号\n"), r.out());
    assertTrue(r.out().contains("AU  - 中共中央\nAU  - 国务院\n"), r.out());
    assertEquals(r.out().lines().filter(l -> l.startsWith("TY  - ")).count(),
        r.out().lines().filter(l -> l.equals("ER  - ")).count());
  }

  @Test
  void badArgumentsAreUsageErrorsAndAMissingPointIsNoHit() {
    Cli.Result missing = cli.run("cite", "xinjiang/industry/1999-01-01/event");
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("no turning point 'xinjiang/industry/1999-01-01/event'"), missing.err());

    Cli.Result zero = cli.run("cite", "xinjiang/industry/2022-03-01/event#0");
    assertEquals(2, zero.exit(), zero::toString);
    Cli.Result past = cli.run("cite", "xinjiang/industry/2022-03-01/event#9");
    assertEquals(2, past.exit(), past::toString);
    assertTrue(past.err().contains("has 3 evidence items"), past.err());

    Cli.Result style = cli.run("cite", "xinjiang/industry/2022-03-01/event", "--style", "no-such-style");
    assertEquals(2, style.exit(), style::toString);
    assertTrue(style.err().contains("no CSL style 'no-such-style'"), style.err());
    Cli.Result both = cli.run("cite", "xinjiang/industry/2022-03-01/event", "--style", "apa", "--format", "ris");
    assertEquals(2, both.exit(), both::toString);
    Cli.Result text = cli.run("cite", "xinjiang/industry/2022-03-01/event", "--format", "csv");
    assertEquals(2, text.exit(), text::toString);
    assertTrue(text.err().contains("--format csv cannot write references (cite writes bibtex, csl-json or ris)"), text.err());

    Cli.Result none = cli.run("cite", "xinjiang/industry/2020-01-01/event");
    assertEquals(1, none.exit(), none::toString);
    assertTrue(none.err().contains("cites no evidence"), none.err());
    assertEquals("", none.out());
  }

  @Test
  void withoutTheModuleAStyleIsAnInputErrorAndTheFormatsStillWork() {
    Cli bare = Cli.at(home).with("TPSEARCH_CITE_LIB", home.resolve("nothing-here").toString() + "/*");
    Cli.Result r = bare.run("cite", "xinjiang/industry/2022-03-01/event", "--style", "apa");
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("the citation module is not installed"), r.err());
    assertEquals(0, bare.run("cite", "xinjiang/industry/2022-03-01/event").exit());
  }

  @Test
  void showWritesTheReferencesOfEveryItem() throws Exception {
    Cli.Result r = cli.run("show", "xinjiang/industry/2022-03-01/event", "--format", "bibtex");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(3, parse(r.out()).getEntries().size());
    assertFalse(r.out().contains("\t"));
  }
}
