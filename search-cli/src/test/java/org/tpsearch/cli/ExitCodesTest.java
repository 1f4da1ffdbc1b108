package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exit codes and the shape of errors: 0 hits, 1 no hits, 2 usage errors, 3 input or index errors;
 * every error is one line on stderr starting {@code tpsearch: } (plus at most a {@code (see ...
 * --help)} hint for usage errors), with no stack trace unless {@code -v}.
 */
class ExitCodesTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  @Test
  void hitsExitZero() {
    Cli.Result r = cli.run("search", "绿色电力", "交易");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void aWordInNoReportExitsOneWithNothingOnStderr() {
    Cli.Result r = cli.run("search", "qwertyzzz");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().startsWith("0 turning points match 'qwertyzzz'"), r::toString);
    assertEquals("", r.err(), "no hits is an answer, not an error");
  }

  @Test
  void aTopicNoReportMentionsIsNamedOnStderr() {
    // 核电 occurs in no sample report in any form: the points with only 光伏 are not shown, so the
    // query finds nothing; stderr says which word, stdout stays the answer.
    Cli.Result r = cli.run("search", "光伏 核电");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().startsWith("0 turning points match '光伏 核电'"), r::toString);
    assertEquals(List.of("tpsearch: no report mentions 核电 in any form, so nothing matches the whole query "
        + "(points with only the other words are not shown)"), r.errLines());
    // Two such words are both named; a query that finds something, one word alone, or a word that
    // is no glossary topic (qwertyzzz) says nothing; nor do the formats for scripts.
    assertEquals(List.of("tpsearch: no report mentions 核电 or 核能 in any form, so nothing matches the whole query "
        + "(points with only the other words are not shown)"), cli.run("search", "光伏 核电 核能").errLines());
    for (List<String> args : List.of(List.of("光伏 电网"), List.of("核电"), List.of("光伏 qwertyzzz"),
        List.of("光伏 核电", "--format", "json"), List.of("光伏 核电", "--format", "jsonl"),
        List.of("光伏 核电", "--format", "csv"))) {
      List<String> all = new java.util.ArrayList<>(List.of("search"));
      all.addAll(args);
      assertEquals("", cli.run(all.toArray(new String[0])).err(), args::toString);
    }
  }

  @Test
  void theTopicHintComesBeforeTheAnswerAsThroughTheDaemon() {
    // The daemon's clients write a command's stderr, then its stdout: with both on one stream
    // (2>&1, a terminal) the in-process order must be the same, hint first (it came last).
    java.io.StringWriter both = new java.io.StringWriter();
    picocli.CommandLine cl = Main.newCommandLine(cli.context());
    cl.setOut(new java.io.PrintWriter(both, true));
    cl.setErr(new java.io.PrintWriter(both, true));
    assertEquals(1, cl.execute("search", "光伏 核电", "--no-daemon"));
    List<String> lines = both.toString().lines().toList();
    assertTrue(lines.size() >= 2, lines::toString);
    assertTrue(lines.get(0).startsWith("tpsearch: no report mentions 核电"), lines::toString);
    assertTrue(lines.get(1).startsWith("0 turning points match '光伏 核电'"), lines::toString);
  }

  @Test
  void aDamagedIndexIsSaidPlainlyAndRebuiltByFull() throws IOException {
    // An index whose files were cut short (a disk filled, a copy stopped) answered with Lucene's
    // own words, naming the Directory class (different through the daemon) and CheckIndex; an
    // incremental run said the same without naming the index.
    Path reports = Path.of("..", "sample-index", "reports").toAbsolutePath().normalize();
    Path idx = home.resolve("damaged");
    assertEquals(0, cli.run("index", reports.toString(), "--index", idx.toString(), "-qq").exit());
    Path segments;
    try (Stream<Path> files = Files.list(idx)) {
      segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    byte[] whole = Files.readAllBytes(segments);
    Files.write(segments, java.util.Arrays.copyOf(whole, whole.length / 2));
    Cli.Result r = cli.run("search", "光伏", "--index", idx.toString());
    assertEquals(3, r.exit(), r::toString);
    assertOneErrorLine(r, false);
    assertEquals("tpsearch: cannot open index at " + idx + ": the index is damaged: " + segments.getFileName()
        + " is damaged (cut short or overwritten); rebuild it with 'tpsearch index DIR --index " + idx + " --full'",
        r.errLines().get(0));
    Cli.Result update = cli.run("index", reports.toString(), "--index", idx.toString(), "-qq");
    assertEquals(3, update.exit(), update::toString);
    assertEquals("tpsearch: cannot update the index at " + idx + ": it is damaged: " + segments.getFileName()
        + " is damaged (cut short or overwritten); run again with --full to rebuild it", update.errLines().get(0));
    assertEquals(0, cli.run("index", reports.toString(), "--index", idx.toString(), "-qq", "--full").exit());
    assertEquals(0, cli.run("search", "光伏", "--index", idx.toString()).exit());

    // A folder that only looks like an index (someone's segments_5) is not offered a rebuild.
    Path foreign = Files.createDirectories(home.resolve("foreign"));
    Files.writeString(foreign.resolve("segments_5"), "not an index\n");
    Cli.Result f = cli.run("search", "光伏", "--index", foreign.toString());
    assertEquals(3, f.exit(), f::toString);
    assertEquals("tpsearch: cannot open index at " + foreign + ": not an index this tpsearch can read: segments_5 "
        + "was written by a version of Lucene this tpsearch cannot read", f.errLines().get(0));
  }

  @Test
  void showOfAMissingIdExitsOne() {
    Cli.Result r = cli.run("show", "nowhere/power/2020-01-01/event");
    assertEquals(1, r.exit(), r::toString);
    assertOneErrorLine(r, false);
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("search", "--bogus", "光伏"), "Unknown option: '--bogus'"),
        Arguments.of(List.of("--bogus"), "Unknown option: '--bogus'"),
        Arguments.of(List.of("search", "光伏", "--year", "20x"), "'--year': '20x'"),
        Arguments.of(List.of("search", "光伏", "--year"), "Missing required parameter for option '--year'"),
        Arguments.of(List.of("search", "光伏", "--year", "2023..2021"), "year range 2023..2021 is empty"),
        // --year 0000 meant every year (0 is an open end): years outside 1900..2100 are errors.
        Arguments.of(List.of("search", "光伏", "--year", "0000"), "'--year': '0000': 0000 is not a year from 1900 to 2100"),
        Arguments.of(List.of("search", "光伏", "--year", "0000..2022"), "0000 is not a year from 1900 to 2100"),
        Arguments.of(List.of("facets", "--year", "2021..9999"), "9999 is not a year from 1900 to 2100"),
        // Hundreds of words went past Lucene's clause limit (exit 4).
        Arguments.of(List.of("search", manyWords(200)), "the query has 200 different words; the limit is 32"),
        Arguments.of(List.of("search", manyWords(600)), "characters long; the limit is 1000"),
        // Unspaced Chinese is read as its words: they count too.
        Arguments.of(List.of("search", UNSPACED + " 武汉 深圳 广州 杭州 南京 成都"), "different words; the limit is 32"),
        Arguments.of(List.of("search", "光伏", "--min-confidence", "1.5"), "'--min-confidence': 1.5"),
        Arguments.of(List.of("search", "光伏", "--min-confidence", "-0.1"), "'--min-confidence': -0.1"),
        Arguments.of(List.of("search", "光伏", "--min-confidence", "NaN"), "'--min-confidence': NaN"),
        Arguments.of(List.of("search", "光伏", "--min-confidence", "abc"), "--min-confidence"),
        Arguments.of(List.of("search", "光伏", "--limit", "-1"), "'--limit': -1"),
        Arguments.of(List.of("search", "光伏", "--sort", "foo"), "'--sort': 'foo'"),
        Arguments.of(List.of("search", "\"光伏 发电"), "unclosed quote at column 1"),
        Arguments.of(List.of("search", "OR 光伏"), "OR needs a word on each side"),
        Arguments.of(List.of("search", "光伏 OR"), "OR needs a word on each side"),
        Arguments.of(List.of("search", "--", "-光伏"), "a query cannot only exclude"),
        Arguments.of(List.of("search", "--status", "bogus"), "unknown evidence status 'bogus'"),
        Arguments.of(List.of("search", "--type", "bogus"), "unknown type 'bogus'; this index has: Event, Policy, Seasonal, Trend"),
        Arguments.of(List.of("search", "光伏", "--region", ""), "empty region: give a value, or leave the filter out"),
        Arguments.of(List.of("search", "光伏", "--sector", "  "), "empty sector: give a value"),
        Arguments.of(List.of("facets", "--type", ""), "empty type: give a value"),
        Arguments.of(List.of("facets", "--year", "20x"), "'--year': '20x'"),
        Arguments.of(List.of("serve", "--threads", "0"), "'--threads': 0 (expected 1..256)"),
        Arguments.of(List.of("serve", "--threads", "100000"), "'--threads': 100000 (expected 1..256)"),
        Arguments.of(List.of("serve", "--max-connections", "0"), "'--max-connections': 0 (expected 1..65536)"),
        Arguments.of(List.of("serve", "--max-connections", "10000000"),
            "'--max-connections': 10000000 (expected 1..65536)"),
        Arguments.of(List.of("serve", "--time-limit", "NaN"), "'--time-limit': NaN (expected seconds"),
        Arguments.of(List.of("serve", "--read-timeout", "0"), "'--read-timeout': 0.0 (expected seconds"),
        Arguments.of(List.of("show"), "Missing required parameter: 'ID'"),
        Arguments.of(List.of("index"), "Missing required parameter: 'DIR'"),
        Arguments.of(List.of("lint"), "Missing required parameter: 'DIR'"));
  }

  /** About 32 words without a space between them. */
  static final String UNSPACED = "新疆广东北京河北湖北内蒙古江苏上海山西浙江电力工业地面交通居民航空光伏风电碳达峰绿色电力交易"
      + "钢铁水泥煤炭疫情政策节能减排产能用电停产限电新能源碳中和煤电";

  @Test
  void wordsRepeatedWithoutSpacesCountOnce() {
    // Split out of unspaced text, 400 words (32 different ones, 988 characters) went past Lucene's clause limit.
    Cli.Result r = cli.run("search", UNSPACED.repeat(13));
    assertTrue(r.exit() <= 1, r::toString);
    assertEquals("", r.err());
  }

  /** {@code n} different words. */
  static String manyWords(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append("w").append(i);
    }
    return sb.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorsExitTwoWithOneLine(List<String> args, String expected) {
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertEquals(2, r.exit(), r::toString);
    assertOneErrorLine(r, true);
    assertTrue(r.errLines().get(0).contains(expected), () -> "expected '" + expected + "' in\n" + r);
    assertEquals("", r.out(), "nothing on stdout");
  }

  @Test
  void serveHelpShowsItsExampleUrlWithoutAWarning() {
    // The % of the example URL was read as a format specifier (picocli's tracer warned on the
    // process's stderr, which this test cannot see), and the URL was wrapped in two.
    Cli.Result r = cli.run("serve", "--help");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    assertTrue(r.out().contains("\n  curl -s 'http://127.0.0.1:8080/search?q=%E5%85%89%E4%BC%8F&facets=true'\n"), r::toString);
  }

  @Test
  void anUnknownRegionListsTheIndexsRegions() {
    Cli.Result r = cli.run("search", "光伏", "--region", "Atlantis");
    assertEquals(2, r.exit(), r::toString);
    assertOneErrorLine(r, true);
    assertEquals("tpsearch: bad query: unknown region 'Atlantis'; this index has: Beijing, Guangdong, Hebei, Hubei, "
        + "Inner Mongolia, Jiangsu, Shanghai, Shanxi, Xinjiang, Zhejiang", r.errLines().get(0));
  }

  @Test
  void aKnownRegionThatIsNotInTheIndexIsNoHitsNotAnError() {
    Cli.Result r = cli.run("search", "--region", "西藏");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void indexOfAMissingFolderExitsThree() {
    Path missing = home.resolve("no-such-folder");
    Cli.Result r = cli.run("search", "光伏", "--index", missing.toString());
    assertEquals(3, r.exit(), r::toString);
    assertOneErrorLine(r, false);
    assertEquals("tpsearch: cannot open index at " + missing + ": no such folder", r.errLines().get(0));
  }

  @Test
  void indexOfAFolderWithNoIndexExitsThree() throws IOException {
    Path empty = Files.createDirectories(home.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "not an index");
    for (String command : List.of("search", "show", "facets", "stats")) {
      List<String> args = command.equals("show")
          ? List.of(command, "xinjiang/industry/2022-03-01/event", "--index", empty.toString())
          : List.of(command, "--index", empty.toString());
      Cli.Result r = cli.run(args.toArray(String[]::new));
      assertEquals(3, r.exit(), r::toString);
      assertOneErrorLine(r, false);
      assertTrue(r.errLines().get(0).startsWith("tpsearch: cannot open index at " + empty + ": no index there"), r::toString);
    }
  }

  @Test
  void lintAndIndexOfAMissingFolderExitThree() {
    Path missing = home.resolve("no-reports-here");
    for (List<String> args : List.of(List.of("lint", missing.toString()),
        List.of("index", missing.toString(), "--index", home.resolve("idx").toString()))) {
      Cli.Result r = cli.run(args.toArray(String[]::new));
      assertEquals(3, r.exit(), r::toString);
      assertOneErrorLine(r, false);
      assertEquals("tpsearch: " + missing + ": no such file or folder", r.errLines().get(0));
    }
  }

  @Test
  void indexIntoAFileExitsThree() throws IOException {
    Path file = Files.writeString(home.resolve("a file"), "not a folder");
    Path report = org.tpsearch.testing.Golden.sampleReports().resolve("Beijing_Residential_combined_info.txt");
    Cli.Result r = cli.run("index", report.toString(), "--index", file.toString());
    assertEquals(3, r.exit(), r::toString);
    assertOneErrorLine(r, false);
    assertEquals("tpsearch: cannot write index at " + file + ": it is a file, not a folder", r.errLines().get(0));
    Cli.Result below = cli.run("index", report.toString(), "--index", file.resolve("sub").toString());
    assertEquals(3, below.exit(), below::toString);
    assertOneErrorLine(below, false);
    assertTrue(below.errLines().get(0).contains(file.resolve("sub").toString()), below::toString);
  }

  @Test
  void tpsearchIndexPointingNowhereExitsThree() {
    Path nowhere = home.resolve("nowhere");
    Cli.Result r = cli.with("TPSEARCH_INDEX", nowhere.toString()).run("search", "光伏");
    assertEquals(3, r.exit(), r::toString);
    assertOneErrorLine(r, false);
    // The message says where the path came from.
    assertEquals("tpsearch: cannot open index at " + nowhere + " ($TPSEARCH_INDEX): no such folder", r.errLines().get(0));
  }

  @Test
  void verboseAddsTheStackTrace() {
    Path missing = home.resolve("no-such-folder");
    Cli.Result r = cli.run("-v", "search", "光伏", "--index", missing.toString());
    assertEquals(3, r.exit(), r::toString);
    assertEquals("tpsearch: cannot open index at " + missing + ": no such folder", r.errLines().get(0));
    assertTrue(r.err().contains("\tat org.tpsearch."), r::toString);
    // -v is accepted after the subcommand too.
    assertTrue(cli.run("search", "光伏", "-v", "--index", missing.toString()).err().contains("\tat "));
  }

  @Test
  void helpListsTheExitCodes() {
    Cli.Result r = cli.run("--help");
    assertEquals(0, r.exit(), r::toString);
    String help = r.out();
    assertTrue(help.contains("Exit codes:"), help);
    for (String code : List.of("0   found something", "1   no hits", "2   usage error", "3   input or index error",
        "4   internal error")) {
      assertTrue(help.contains(code), () -> code + " missing from\n" + help);
    }
  }

  /** The usage hint names a help option that exists. */
  @ParameterizedTest
  @MethodSource("subcommands")
  void everySubcommandHasHelp(String command) {
    Cli.Result r = cli.run(command, "--help");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Usage: tpsearch " + command), r::toString);
    assertEquals("", r.err());
  }

  static Stream<String> subcommands() {
    return Stream.of("search", "show", "facets", "stats", "index", "lint");
  }

  /**
   * One line on stderr starting {@code tpsearch: }, plus for usage errors at most a hint line
   * {@code (see 'tpsearch ... --help')}, and never a stack trace.
   */
  static void assertOneErrorLine(Cli.Result r, boolean hintAllowed) {
    List<String> lines = r.errLines();
    assertFalse(lines.isEmpty(), () -> "nothing on stderr\n" + r);
    assertTrue(lines.get(0).startsWith("tpsearch: "), r::toString);
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), () -> "stack trace without -v\n" + r);
    if (hintAllowed && lines.size() == 2) {
      assertTrue(lines.get(1).matches("\\(see 'tpsearch ([a-z]+ )*--help'\\)"), r::toString);
    } else {
      assertEquals(1, lines.size(), () -> "more than one line on stderr\n" + r);
    }
  }

  @Test
  void noCommandIsAUsageError(@org.junit.jupiter.api.io.TempDir Path home) {
    // Was: the help on stdout and exit 0, so 'tpsearch $cmd' with an empty $cmd looked fine.
    Cli.Result r = Cli.at(home).run();
    assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals("tpsearch: a command is required", r.errLines().get(0), r::toString);
    assertTrue(r.err().contains("Usage: tpsearch"), r::toString);
    assertEquals(0, Cli.at(home).run("--help").exit(), "asking for help is not an error");
  }
}
