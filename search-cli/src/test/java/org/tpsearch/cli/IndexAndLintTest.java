package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * {@code index}, {@code lint} and {@code stats}, and which index answers: {@code --index}, else
 * {@code $TPSEARCH_INDEX}, else the default index {@code index} wrote, else the embedded one.
 */
class IndexAndLintTest {
  static final Pattern WARNING = Pattern.compile("^(/.+?)(?::(\\d+))?: (.+) \\[([a-z-]+)\\]$");

  @TempDir static Path home;
  static Cli cli;
  static Path reports;
  static Path index;
  /** The output of {@code index REPORTS --index INDEX}, run once. */
  static Cli.Result indexed;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
    reports = Golden.sampleReports();
    index = home.resolve("built index");
    indexed = cli.run("index", reports.toString(), "--index", index.toString());
  }

  @Test
  void indexSaysWhatItDid() {
    assertEquals(0, indexed.exit(), indexed::toString);
    List<String> out = indexed.outLines();
    assertEquals("indexed " + index + ": 15 report files (15 read, 0 unchanged), 2 other files skipped", out.get(0));
    assertEquals("68 turning points: 51 with evidence, 15 none found, 2 retrieval failed; 68 added, 0 updated, "
        + "0 removed, 7 duplicates indexed once; 5 warnings in the files read (tpsearch lint lists all)", out.get(1));
    assertTrue(out.get(2).matches("\\d+\\.\\d s; reports \\d+\\.\\d MB, index \\d+\\.\\d MB .*"), out.get(2));
    assertEquals(3, out.size());
    // Warnings go to stderr, each with its file and line, the same as lint's.
    List<String> warnings = indexed.errLines();
    assertEquals(5, warnings.size(), indexed::toString);
    assertEquals(lintWarnings(), warnings.stream().map(w -> w.substring("warning: ".length())).toList());
  }

  @Test
  void reindexingUnchangedFilesReadsNothing() {
    Path copy = home.resolve("reindexed");
    Path single = reports.resolve("Beijing_Residential_combined_info.txt");
    assertEquals(0, cli.run("index", single.toString(), "--index", copy.toString()).exit());
    Cli.Result again = cli.run("index", single.toString(), "--index", copy.toString(), "-q");
    assertEquals(0, again.exit(), again::toString);
    assertEquals("indexed " + copy + ": 1 report files (0 read, 1 unchanged), 0 other files skipped", again.outLines().get(0));
    assertTrue(again.outLines().get(1).contains("0 added, 0 updated, 0 removed"), again::toString);
  }

  /** A freshly built index answers exactly like the embedded one: same hits, scores, facets. */
  @Test
  void aBuiltIndexFindsWhatTheEmbeddedIndexFinds() {
    for (List<String> args : List.<List<String>>of(List.of("绿色电力 交易"), List.of("碳达峰"), List.of("光伏", "--region", "新疆"),
        List.of("电力", "--sort", "date"), List.of("--status", "failed"), List.of(), List.of("碳达峰 qwertyzzz"),
        List.of("\"Urumqi\" OR 乌鲁木齐 -封控"))) {
      List<String> search = new ArrayList<>(List.of("search", "--format", "json", "--facets", "-n", "100"));
      search.addAll(args);
      Map<String, Object> embedded = SearchJson.of(cli.run(search.toArray(String[]::new)));
      search.addAll(List.of("--index", index.toString()));
      Map<String, Object> built = SearchJson.of(cli.run(search.toArray(String[]::new)));
      assertEquals("index at " + index, built.get("index"));
      assertEquals(embedded.get("total"), built.get("total"), args::toString);
      assertEquals(embedded.get("match"), built.get("match"));
      assertEquals(embedded.get("facets"), built.get("facets"), args::toString);
      // Every hit, every field, in order: documents are written on several threads, in another
      // order in each build, and tied hits still come in the same order (by id).
      assertEquals(hits(embedded), hits(built), args::toString);
    }
  }

  /** The hits in order, the file made relative to the repository as in the embedded index. */
  static List<Map<String, Object>> hits(Map<String, Object> doc) {
    List<Map<String, Object>> out = new ArrayList<>();
    Path repo = reports.getParent().getParent();
    for (Map<String, Object> h : SearchJson.hits(doc)) {
      Map<String, Object> copy = new LinkedHashMap<>(h);
      Path file = Path.of((String) h.get("file"));
      copy.put("file", (file.isAbsolute() ? repo.relativize(file) : file).toString());
      out.add(copy);
    }
    return out;
  }

  @Test
  void theOutputNamesTheIndexThatAnswered() {
    assertTrue(cli.run("search", "光伏").outLines().get(0).endsWith(" — the embedded sample index"));
    assertTrue(cli.run("search", "光伏", "--index", index.toString()).outLines().get(0).endsWith(" — index at " + index));
    assertEquals("index:          index at " + index, cli.run("stats", "--index", index.toString()).outLines().get(0));
    assertTrue(cli.run("facets", "--index", index.toString()).outLines().get(0).endsWith(" — index at " + index));
    Cli.Result missing = cli.run("show", "nowhere/power/2020-01-01/event", "--index", index.toString());
    assertTrue(missing.err().contains(" in index at " + index), missing::toString);
  }

  @Test
  void tpsearchIndexIsHonouredAndNamed() {
    Cli env = cli.with("TPSEARCH_INDEX", index.toString());
    Cli.Result r = env.run("search", "光伏");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.outLines().get(0).endsWith(" — index at " + index + " ($TPSEARCH_INDEX)"), r::toString);
    assertEquals("index:          index at " + index + " ($TPSEARCH_INDEX)", env.run("stats").outLines().get(0));
    // --index wins over the environment.
    Path other = home.resolve("other index");
    assertEquals(0, env.run("index", reports.resolve("Beijing_Residential_combined_info.txt").toString(),
        "--index", other.toString()).exit());
    Cli.Result flag = env.run("search", "--index", other.toString(), "--format", "json", "-n", "100");
    assertEquals("index at " + other, SearchJson.of(flag).get("index"));
    assertTrue(SearchJson.ids(SearchJson.of(flag)).stream().allMatch(id -> id.startsWith("beijing/")));
  }

  @Test
  void indexWithoutIndexWritesTpsearchIndexWhenSet() {
    Path target = home.resolve("from env");
    Cli env = Cli.at(home.resolve("home-env")).with("TPSEARCH_INDEX", target.toString());
    Cli.Result r = env.run("index", reports.resolve("Shanxi_Power_combined_info.txt").toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.outLines().get(0).startsWith("indexed " + target + ": 1 report files"), r::toString);
    assertFalse(Files.exists(home.resolve("home-env").resolve("xdg")), "not the default index");
    Map<String, Object> doc = SearchJson.of(env.run("search", "--format", "json", "-n", "100"));
    assertEquals("index at " + target + " ($TPSEARCH_INDEX)", doc.get("index"));
    assertEquals(5, SearchJson.total(doc));
  }

  @Test
  void indexWithoutIndexWritesTheDefaultIndexThatLaterSearchesUse() {
    Path userHome = home.resolve("user");
    Cli user = Cli.at(userHome);
    Path expected = userHome.resolve("xdg").resolve("tpsearch").resolve("index");
    assertEquals(68, SearchJson.total(SearchJson.of(user.run("search", "--format", "json"))), "before: the sample");
    Cli.Result r = user.run("index", reports.resolve("Xinjiang_Industry_combined_info.txt").toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.outLines().get(0).startsWith("indexed " + expected + ": 1 report files"), r::toString);
    assertTrue(Files.isDirectory(expected));

    Cli.Result search = user.run("search", "光伏");
    assertEquals(0, search.exit(), search::toString);
    assertTrue(search.outLines().get(0).endsWith(" — your default index at " + expected), search::toString);
    Map<String, Object> doc = SearchJson.of(user.run("search", "--format", "json", "-n", "100"));
    assertEquals("your default index at " + expected, doc.get("index"));
    assertEquals(10, SearchJson.total(doc), "the ten points of the one report indexed");
    assertEquals("index:          your default index at " + expected, user.run("stats").outLines().get(0));
    // TPSEARCH_INDEX still wins over the default index.
    assertEquals("index at " + index + " ($TPSEARCH_INDEX)",
        SearchJson.of(user.with("TPSEARCH_INDEX", index.toString()).run("search", "--format", "json")).get("index"));
    // Without XDG_DATA_HOME the default index is under HOME.
    assertEquals(userHome.resolve(".local/share/tpsearch/index"),
        org.tpsearch.search.IndexLocation.defaultIndex(Map.of("HOME", userHome.toString())));
  }

  static List<String> lintWarnings() {
    Cli.Result r = cli.run("lint", reports.toString());
    List<String> lines = r.outLines();
    return lines.subList(0, lines.size() - 1);
  }

  @Test
  void lintListsEveryWarningWithFileAndLine() {
    Cli.Result r = cli.run("lint", reports.toString());
    assertEquals(1, r.exit(), "warnings: exit 1");
    assertEquals("", r.err());
    List<String> lines = r.outLines();
    assertEquals("15 report files, 2 other files skipped, 68 turning points (51 with evidence, 15 none found, "
        + "2 retrieval failed), 7 duplicates, 5 warnings", lines.getLast());
    Set<String> seen = new TreeSet<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      Matcher m = WARNING.matcher(line);
      assertTrue(m.matches(), () -> "not file:line: message [code]: " + line);
      assertTrue(Files.isRegularFile(Path.of(m.group(1))), line);
      seen.add(Path.of(m.group(1)).getFileName() + ":" + (m.group(2) == null ? "" : m.group(2)) + ":" + m.group(4));
    }
    // Encoding warnings too have a line: the one they concern, line 1 for a BOM or a fallback.
    assertEquals(new TreeSet<>(List.of("Hebei_Industry_combined_info.txt:4:count-mismatch",
        "Shanxi_Power_combined_info.txt:1:encoding", "Xinjiang_Industry_combined_info.txt:117:truncated",
        "Zhejiang_Ground Transport_combined_info.txt:1:encoding")), seen);
    assertEquals(6, lines.size());
  }

  @Test
  void lintAsJsonIsOneDocumentWithTheSummary() {
    // Was JSON Lines under --format json, without the summary the text ends with.
    Cli.Result r = cli.run("lint", reports.toString(), "--format", "json");
    assertEquals(1, r.exit(), r::toString);
    assertEquals(1, r.outLines().size(), r::toString);
    Map<String, Object> doc = MiniJson.object(r.out().strip());
    assertEquals(List.of("report_files", "skipped_files", "turning_points", "by_status", "duplicates", "warnings",
        "problems"), List.copyOf(doc.keySet()));
    List<String> text = lintWarnings();
    Cli.Result plain = cli.run("lint", reports.toString());
    String summary = plain.outLines().getLast();
    assertTrue(summary.startsWith(doc.get("report_files") + " report files, " + doc.get("skipped_files")
        + " other files skipped, " + doc.get("turning_points") + " turning points ("), summary);
    assertTrue(summary.endsWith(", " + doc.get("duplicates") + " duplicates, " + text.size() + " warnings"), summary);
    assertEquals(java.math.BigDecimal.valueOf(text.size()), doc.get("warnings"));
    Map<?, ?> byStatus = (Map<?, ?>) doc.get("by_status");
    assertTrue(summary.contains("(" + byStatus.get("found") + " with evidence, " + byStatus.get("none") + " none found, "
        + byStatus.get("failed") + " retrieval failed)"), summary);
    assertEquals(text.size(), ((List<?>) doc.get("problems")).size());
  }

  @Test
  void lintAsJsonLines() {
    Cli.Result r = cli.run("lint", reports.toString(), "--format", "jsonl");
    assertEquals(1, r.exit());
    List<String> text = lintWarnings();
    List<String> lines = r.outLines();
    assertEquals(text.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> w = MiniJson.object(lines.get(i));
      assertEquals(List.of("file", "line", "code", "message"), List.copyOf(w.keySet()));
      int line = ((java.math.BigDecimal) w.get("line")).intValueExact();
      assertEquals(w.get("file") + (line > 0 ? ":" + line : "") + ": " + w.get("message") + " [" + w.get("code") + "]",
          text.get(i));
    }
  }

  @Test
  void lintOfACleanReportExitsZero() {
    Cli.Result r = cli.run("lint", reports.resolve("Beijing_Residential_combined_info.txt").toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("1 report files, 0 other files skipped, 5 turning points (4 with evidence, 1 none found, "
        + "0 retrieval failed), 0 duplicates, 0 warnings"), r.outLines());
  }

  @Test
  void statsOfABuiltIndex() {
    Cli.Result r = cli.run("stats", "--index", index.toString());
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("turning points: 68", lines.get(1));
    assertTrue(lines.get(3).matches("index size: +\\d+ bytes"), lines.get(3));
    // Past the header, the same counts as the embedded index.
    List<String> embedded = cli.run("stats").outLines();
    assertEquals(embedded.subList(embedded.size() - 6, embedded.size()), lines.subList(lines.size() - 6, lines.size()));
    assertEquals(lines.get(2), embedded.get(2), "report files");
  }

  @Test
  void theProgressBarIsDrawnOnlyWhenStderrIsATerminal() {
    // Was decided by stdout: 'index ... 2>log' filled the log with \r bars.
    Cli.Result toLog = cli.terminal(true).run("index", reports.toString(), "--index", home.resolve("bar1").toString());
    assertEquals(0, toLog.exit(), toLog::toString);
    assertFalse(toLog.err().contains("\r"), toLog::toString);
    Cli.Result onTerminal = cli.errTerminal(true).run("index", reports.toString(), "--index", home.resolve("bar2").toString());
    assertTrue(onTerminal.err().contains("\r") && onTerminal.err().contains("] "), onTerminal::toString);
    Cli.Result quiet = cli.errTerminal(true).run("index", "-q", reports.toString(), "--index", home.resolve("bar3").toString());
    assertFalse(quiet.err().contains("\r"), quiet::toString);
  }

  @Test
  void quietKeepsWarningsAndQuieterDropsThem() {
    // Was: -q hid warnings too, so a quiet run could lose a problem silently.
    Cli.Result quiet = cli.run("index", "-q", reports.toString(), "--index", home.resolve("q1").toString());
    assertEquals(0, quiet.exit(), quiet::toString);
    long warnings = quiet.errLines().stream().filter(l -> l.startsWith("warning: ")).count();
    assertEquals(lintWarnings().size(), warnings, quiet::toString);
    Cli.Result quieter = cli.run("index", "-qq", reports.toString(), "--index", home.resolve("q2").toString());
    assertEquals(0, quieter.exit(), quieter::toString);
    assertFalse(quieter.err().contains("warning: "), quieter::toString);
    assertEquals(quiet.outLines().size(), quieter.outLines().size(), "the summary either way");
  }
}
