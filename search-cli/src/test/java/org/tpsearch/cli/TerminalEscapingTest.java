package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * Control characters from reports never reach the terminal raw: the real report with an ESC
 * sequence that would retitle the terminal, a BEL, a C1 CSI, DEL and a U+2028 in its answer and
 * heading, in a folder whose name holds a newline, indexed, searched, shown and linted. Text output
 * shows them escaped ({@code \x1b}); colour output has no ESC but its own colour codes; one warning
 * is one line even with a newline in its file name.
 */
class TerminalEscapingTest {
  /** Raw C0 (but newline and tab, which multi-line text keeps), DEL, C1, separators, bidi overrides. */
  private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029\\u202A-\\u202E]");
  /** What is left of the text once tpsearch's own colour codes are taken out. */
  private static final Pattern OWN_COLOUR = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final String EVIL = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u007f\u2028\u202e";

  @TempDir static Path home;
  static Cli cli;
  static Path results;
  static Path index;

  @BeforeAll
  static void hostileReport() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), StandardCharsets.UTF_8));
    lines.set(9, "1. **事件名称**：Moyu County Integrated Industrial Park" + EVIL + " Construction");
    lines.set(10, "**发生时间**：2019年4月" + EVIL);
    lines.add(18, "以上" + EVIL + "光伏\t项目。");
    // The heading, one line down: a control character in it reads as a space.
    lines.set(20, "## 转折点: 2020-01-01 (Event" + EVIL + ") - 置信度: 0.56");
    results = home.resolve("results");
    Path folder = Files.createDirectories(results.resolve("evil\nfolder"));
    Files.writeString(folder.resolve("Xinjiang_Industry_combined_info.txt"), String.join("\n", lines),
        StandardCharsets.UTF_8);
    cli = Cli.at(home);
    index = home.resolve("index");
  }

  private static void assertNoRawControl(Cli.Result r) {
    for (String text : List.of(r.out(), r.err())) {
      assertFalse(RAW.matcher(OWN_COLOUR.matcher(text).replaceAll("")).find(), r::toString);
    }
  }

  @Test
  void indexSearchShowAndLintEscapeWhatTheReportHolds() {
    Cli.Result indexed = cli.run("index", results.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
    assertNoRawControl(indexed);
    // Each warning is one line: the folder's newline is shown as \n.
    assertFalse(indexed.errLines().isEmpty(), indexed::toString);
    for (String line : indexed.errLines()) {
      assertTrue(line.startsWith("warning: ") && line.contains("evil\\nfolder"), line);
    }
    assertEquals(2, indexed.errLines().size(), indexed::toString);

    Cli.Result search = cli.run("search", "Moyu", "--index", index.toString());
    assertEquals(0, search.exit(), search::toString);
    assertNoRawControl(search);
    assertTrue(search.out().contains("\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\\x7f\\u2028\\u202e"), search::toString);

    Cli.Result prose = cli.run("search", "光伏", "--index", index.toString());
    assertNoRawControl(prose);

    Cli.Result show = cli.run("show", "xinjiang/industry/2019-04-01/event", "--index", index.toString());
    assertEquals(0, show.exit(), show::toString);
    assertNoRawControl(show);
    assertTrue(show.out().contains("\\x1b]0;pwned"), show::toString);

    Cli.Result lint = cli.run("lint", results.toString());
    assertNoRawControl(lint);
    List<String> out = lint.outLines();
    // One warning a line, then the summary that counts them.
    assertTrue(out.get(out.size() - 1).endsWith(" " + (out.size() - 1) + " warnings"), lint::toString);
    for (String line : out.subList(0, out.size() - 1)) {
      assertTrue(line.startsWith(results.resolve("evil\\nfolder").toString()), line);
    }

    // JSON escapes by itself, and says the text as it is.
    Cli.Result json = cli.run("search", "Moyu", "--index", index.toString(), "--format", "json");
    assertTrue(json.out().contains("\\u001b]0;pwned\\u0007"), json::toString);
  }

  /**
   * Every other format a user may print to a terminal: JSON escapes the C1 controls and bidi
   * overrides too (valid JSON, the same string once read), CSV and TSV cells and styled references
   * show them escaped as text does (session 5: CSV, TSV and --style wrote ESC and BEL raw, JSON
   * U+009B and U+202E).
   */
  @Test
  void everyOtherFormatEscapesToo() {
    Cli.Result indexed = cli.run("index", results.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
    Cli cite = cli.with("TPSEARCH_CITE_LIB", CiteTest.CITE_LIB);
    String id = "xinjiang/industry/2019-04-01/event";
    List<List<String>> commands = new ArrayList<>();
    for (String f : List.of("json", "jsonl", "csv", "tsv", "bibtex", "ris", "csl-json")) {
      commands.add(List.of("search", "Moyu", "--index", index.toString(), "--format", f));
    }
    for (String f : List.of("csv", "tsv")) {
      commands.add(List.of("search", "Moyu", "--index", index.toString(), "--format", f, "--per-item"));
    }
    commands.add(List.of("search", "Moyu", "--index", index.toString(), "--format", "jsonl", "--full"));
    for (String f : List.of("json", "csv", "tsv", "bibtex", "ris", "csl-json")) {
      commands.add(List.of("show", id, "--index", index.toString(), "--format", f));
    }
    commands.add(List.of("cite", id, "--index", index.toString(), "--style", "apa"));
    for (List<String> c : commands) {
      Cli.Result r = cite.run(c.toArray(String[]::new));
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().contains("pwned"), r::toString);
      // (A CSV row ends CRLF, as RFC 4180 says.)
      assertNoRawControl(c.contains("csv") ? new Cli.Result(r.exit(), r.out().replace("\r\n", "\n"), r.err()) : r);
    }
    // Escaped, not dropped, where the format can say it: JSON and CSV.
    assertTrue(cite.run("search", "Moyu", "--index", index.toString(), "--format", "json").out()
        .contains("\\u009b31m\\u007f\\u2028\\u202e"));
    assertTrue(cite.run("search", "Moyu", "--index", index.toString(), "--format", "csv").out()
        .contains("\\x1b]0;pwned\\x07\\x1b[2J\\u009b31m\\x7f\\u2028\\u202e"));
  }

  @Test
  void theShellEscapesToo() throws Exception {
    Cli.Result indexed = cli.run("index", results.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
    Context ctx = new Context(java.util.Map.of(), false);
    java.io.StringWriter out = new java.io.StringWriter();
    try (org.tpsearch.search.IndexHandle h = org.tpsearch.search.IndexHandle.open(index, "test index")) {
      org.tpsearch.search.Searcher s =
          new org.tpsearch.search.Searcher(h, new org.tpsearch.search.QueryCompiler(ctx.glossary(), h.reader()));
      java.io.BufferedReader in = new java.io.BufferedReader(new java.io.StringReader(
          "Moyu\n:show xinjiang/industry/2019-04-01/event\n:show x\u001b[2Jy\n:quit\n"));
      new Shell(new org.tpsearch.search.LuceneBackend(s), ctx, new java.io.PrintWriter(out)).run(prompt -> in.readLine());
    }
    Cli.Result shell = new Cli.Result(0, out.toString(), "");
    assertTrue(shell.out().contains("\\x1b]0;pwned"), shell::toString);
    assertNoRawControl(shell);
  }

  @Test
  void colourCodesAreTpsearchsOwnOnly() {
    // Twice: the second run reads the index state, which records the file name with its newline.
    cli.run("index", results.toString(), "--index", index.toString());
    Cli.Result indexed = cli.run("index", results.toString(), "--index", index.toString());
    assertEquals(0, indexed.exit(), indexed::toString);
    Cli colour = cli.terminal(true);
    Cli.Result search = colour.run("search", "Moyu", "--index", index.toString());
    assertTrue(search.out().contains("\u001b["), "colour is on in a terminal: " + search);
    assertNoRawControl(search);
    assertNoRawControl(colour.run("show", "xinjiang/industry/2019-04-01/event", "--index", index.toString()));
  }
}
