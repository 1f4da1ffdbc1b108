package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;

/** The interactive shell, driven line by line over the embedded sample index. */
class ShellTest {
  private static String run(String input) throws Exception {
    return run(input, Map.of());
  }

  private static String run(String input, Map<String, String> env) throws Exception {
    Context ctx = new Context(env, false);
    StringWriter out = new StringWriter();
    try (IndexHandle h = IndexHandle.openEmbedded()) {
      Searcher s = new Searcher(h, new QueryCompiler(ctx.glossary(), h.reader()));
      BufferedReader in = new BufferedReader(new StringReader(input));
      new Shell(new LuceneBackend(s), ctx, new PrintWriter(out)).run(prompt -> in.readLine());
    }
    return out.toString();
  }

  @Test
  void searchesNumbersFacetsAndDrillsDownWithStickyFilters() throws Exception {
    String out = run("绿色电力 交易\n:1\n:filters\n:clear\n:quit\n此后不再读\n");
    // The first search lists both regions; :1 is the first region value, Xinjiang (most hits).
    int first = out.indexOf("turning points match '绿色电力 交易'");
    assertTrue(first >= 0, out);
    assertTrue(out.contains(TextRenderer.dimensionLabel("region") + "  :1 Xinjiang"), out);
    assertTrue(out.contains("filter: region = Xinjiang"), out);
    String afterDrill = out.substring(out.indexOf("filter: region = Xinjiang"));
    // After drilling down, every hit is a Xinjiang point.
    assertFalse(afterDrill.substring(0, afterDrill.indexOf("filters: ")).contains("guangdong/"), afterDrill);
    assertTrue(afterDrill.contains("xinjiang/industry/2022-03-01/event"), afterDrill);
    assertTrue(out.contains("filters: region = Xinjiang"), out);
    assertTrue(out.contains("filters cleared"), out);
    assertFalse(out.contains("此后不再读"), "stops at :quit");
  }

  @Test
  void configuredLimitAndFormatHoldInTheShellAsOnTheCommandLine() throws Exception {
    // Was: the shell parsed each line without the user's settings, so TPSEARCH_LIMIT and
    // TPSEARCH_FORMAT (or config.toml) held for 'search' but not for the same line in the shell.
    String out = run("绿色电力 交易\n绿色电力 交易 --limit 2 --format text\n",
        Map.of("TPSEARCH_LIMIT", "1", "TPSEARCH_FORMAT", "jsonl"));
    String[] lines = out.split("\n");
    long jsonLines = java.util.Arrays.stream(lines).filter(l -> l.startsWith("{\"id\":")).count();
    assertEquals(1, jsonLines, out);
    // An option on the line still wins: the second search is text with two hits.
    String text = out.substring(out.indexOf("turning points match"));
    assertTrue(text.contains("\n2. "), out);
    assertFalse(text.contains("\n3. "), out);
  }

  @Test
  void takesSearchOptionsExclusionsAndShowsPoints() throws Exception {
    String out = run("光伏 --region 新疆 -n 1\n碳达峰 -工业\nshow xinjiang/industry/2022-03-01/event\n:show nope\n");
    assertTrue(out.contains("Xinjiang 新疆"), out);
    assertTrue(out.contains("turning point matches '碳达峰 -工业'") || out.contains("turning points match '碳达峰 -工业'"), out);
    assertTrue(out.contains("新疆绿色电力交易量同比增长74.7%"), out);
    assertTrue(out.contains("tpsearch: no turning point 'nope'"), out);
  }

  @Test
  void aTopicNoReportMentionsIsNamedBeforeTheAnswerAsSearchNamesIt() throws Exception {
    // 核电 occurs in no sample report in any form: 'search' says so on stderr; the shell said
    // nothing and showed only "0 turning points match". Same line, before the answer; none for
    // a query that finds something, nor for --format json.
    String out = run("光伏 核电\n光伏 电网\n光伏 核电 --format json\n");
    String hint = "tpsearch: no report mentions 核电 in any form, so nothing matches the whole query "
        + "(points with only the other words are not shown)";
    int at = out.indexOf(hint);
    assertTrue(at >= 0, out);
    assertTrue(at < out.indexOf("0 turning points match '光伏 核电'"), out);
    assertEquals(at, out.lastIndexOf(hint), out);
  }

  @Test
  void badInputIsAOneLineErrorAndTheShellGoesOn() throws Exception {
    String out = run("\"unclosed\n--limit -3 x\n:99\n碳达峰\n");
    assertTrue(out.contains("tpsearch: bad query: unclosed quote"), out);
    assertTrue(out.contains("tpsearch: Invalid value for option '--limit'"), out);
    assertTrue(out.contains("tpsearch: no facet value 99"), out);
    assertTrue(out.contains("turning points match '碳达峰'"), out);
    assertEquals(-1, out.indexOf("Exception"), out);
  }

  /** The number the shell gave to a facet value in the last listing of {@code out}, and its count. */
  private static int[] numberOf(String out, String dim, String value) {
    String listing = out.substring(out.lastIndexOf("\n" + dim + ":"));
    listing = listing.substring(0, listing.indexOf('\n', 1));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+) " + java.util.regex.Pattern.quote(value)
        + " \\((\\d+)\\)").matcher(listing);
    assertTrue(m.find(), listing);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** The total of the last search in {@code out}. */
  private static int lastTotal(String out) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(\\d+) turning points?\\b").matcher(out);
    int total = -1;
    while (m.find()) {
      total = Integer.parseInt(m.group(1));
    }
    return total;
  }

  @Test
  void drillingIntoAConfidenceBucketFiltersByIt() throws Exception {
    // Was: 'filter: confidence = 0.60-0.69' and the same hits as before.
    String first = run("-n 100\n");
    int[] bucket = numberOf(first, "confidence", "0.60-0.69");
    String out = run("-n 100\n:" + bucket[0] + "\n");
    assertTrue(out.contains("filter: confidence = 0.60-0.69"), out);
    assertEquals(bucket[1], lastTotal(out), out);
    assertTrue(bucket[1] < lastTotal(first), first);
  }

  @Test
  void aSecondYearWidensTheYearFilter() throws Exception {
    // Was: picking a second year dropped the year filter (all years again).
    String first = run("-n 100\n");
    int[] y2020 = numberOf(first, "year", "2020");
    int[] y2021 = numberOf(first, "year", "2021");
    String out = run("-n 100\n:" + y2020[0] + "\n");
    int[] again2021 = numberOf(out, "year", "2021"); // drill-sideways: the other years are still listed
    out = run("-n 100\n:" + y2020[0] + "\n:" + again2021[0] + "\n:filters\n");
    assertTrue(out.contains("filter: year = 2020 or 2021"), out);
    assertEquals(y2020[1] + y2021[1], lastTotal(out), out);
    assertTrue(out.contains("filters: year = 2020 or 2021"), out);
  }

  @Test
  void filtersAreListedReadablyAndDroppedOneAtATime() throws Exception {
    String first = run("-n 100\n");
    int[] xinjiang = numberOf(first, "region", "Xinjiang");
    int[] power = numberOf(first, "sector", "Power");
    // Numbers are given again after each search: take Power's number in the Xinjiang listing.
    int[] powerInXinjiang = numberOf(run("-n 100\n:" + xinjiang[0] + "\n"), "sector", "Power");
    String out = run("-n 100\n:" + xinjiang[0] + "\n:" + powerInXinjiang[0] + "\n:filters\n:drop Xinjiang\n:filters\n");
    // Was: 'filters: {region=[Xinjiang], sector=[Power]}' and no way to drop one filter.
    assertTrue(out.contains("filters: region = Xinjiang; sector = Power"), out);
    assertFalse(out.contains("{"), out);
    assertTrue(out.contains("dropped Xinjiang; filters: sector = Power"), out);
    assertEquals(power[1], lastTotal(out), out);
    out = run("-n 100\n:" + xinjiang[0] + "\n:drop region\n:drop nothing\n");
    assertTrue(out.contains("dropped region; no filters"), out);
    assertTrue(out.contains("tpsearch: no sticky filter 'nothing'; no filters"), out);
  }

  @Test
  void formatJsonIsHonoured() throws Exception {
    // Was: text whatever --format said.
    String out = run("绿色电力 交易 --format json\n绿色电力 交易 --format jsonl -n 2\n");
    List<String> lines = out.lines().toList();
    String json = lines.stream().filter(l -> l.startsWith("{\"query\":")).findFirst().orElseThrow(() -> new AssertionError(out));
    Map<String, Object> doc = MiniJson.object(json);
    assertEquals("绿色电力 交易", doc.get("query"));
    assertFalse(doc.containsKey("facets"), "facets only when asked, as in search");
    assertEquals(2, lines.stream().filter(l -> l.startsWith("{\"id\":")).count(), out);
    assertFalse(out.contains("turning points match"), out);
  }

  /**
   * A search line with --format bibtex writes the references search writes, and they parse with a
   * real BibTeX parser (jbibtex).
   */
  @Test
  void formatBibtexWritesWhatSearchWritesAndItParses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
      throws Exception {
    String out = run("绿色电力 交易 --format bibtex -n 2\n");
    Cli.Result search = Cli.at(home).run("search", "绿色电力 交易", "--format", "bibtex", "--limit", "2");
    assertEquals(0, search.exit(), search.toString());
    assertTrue(search.out().startsWith("@misc{"), search.out());
    assertTrue(out.contains(search.out()), "shell:\n" + out + "\nsearch:\n" + search.out());
    String bib = out.substring(out.indexOf("@misc{"));
    org.jbibtex.BibTeXDatabase db = CiteTest.parse(bib);
    assertEquals(bib.split("@misc\\{", -1).length - 1, db.getEntries().size(), bib);
    assertTrue(db.getEntries().size() >= 2, bib);
    assertTrue(db.getEntries().containsKey(new org.jbibtex.Key("guangdong-power-2021-09-10-policy-1")), bib);
  }

  @Test
  void tabCompletesOptionsCommandsRegionsAndSectors() throws Exception {
    org.jline.reader.Completer completer = Shell.completer();
    org.jline.reader.impl.DefaultParser parser = new org.jline.reader.impl.DefaultParser();
    java.util.List<org.jline.reader.Candidate> candidates = new java.util.ArrayList<>();
    completer.complete(null, parser.parse("光伏 --reg", "光伏 --reg".length()), candidates);
    List<String> values = candidates.stream().map(org.jline.reader.Candidate::value).toList();
    for (String want : List.of("--region", "--sector", "--year", "--source-domain", "--format", ":filters", ":drop",
        "Xinjiang", "新疆", "Inner Mongolia", "Industry", "工业", "Ground Transport")) {
      assertTrue(values.contains(want), want + " in " + values);
    }
  }
}
