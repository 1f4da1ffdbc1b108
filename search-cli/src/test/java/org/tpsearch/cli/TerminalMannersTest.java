package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** --color (NO_COLOR wins) and the pager. */
class TerminalMannersTest {
  @TempDir
  Path home;

  /** terminal, option, TPSEARCH_COLOR, NO_COLOR set -> colour escapes in the output. */
  @ParameterizedTest(name = "terminal={0} option={1} env={2} NO_COLOR={3} -> {4}")
  @CsvSource(nullValues = "-", value = {
      "false, -,      -,      false, false",
      "true,  -,      -,      false, true",
      "false, always, -,      false, true",
      "false, -,      always, false, true",
      "true,  never,  always, false, false",
      "false, always, never,  false, true",
      "true,  -,      never,  false, false",
      "false, always, -,      true,  false",
      "true,  auto,   -,      true,  false",
  })
  void colourPrecedence(boolean terminal, String option, String env, boolean noColor, boolean escapes) {
    Cli c = Cli.at(home).terminal(terminal);
    if (env != null) {
      c = c.with("TPSEARCH_COLOR", env);
    }
    if (noColor) {
      c = c.with("NO_COLOR", "1");
    }
    String[] args = option == null ? new String[] {"search", "绿色电力 交易"} : new String[] {"search", "绿色电力 交易", "--color=" + option};
    Cli.Result r = c.run(args);
    assertEquals(0, r.exit(), r.toString());
    assertEquals(escapes, r.out().contains("\u001b["), r.out());
  }

  /** terminal, extra environment -> OSC 8 hyperlinks around source URLs in show's text. */
  @ParameterizedTest(name = "terminal={0} {1} -> {2}")
  @CsvSource(nullValues = "-", value = {
      "true,  TERM_PROGRAM=iTerm.app,          true",
      "true,  VTE_VERSION=7600,                true",
      "true,  TERM=xterm-kitty,                true",
      "true,  FORCE_HYPERLINK=1,               true",
      "true,  -,                               false",
      "true,  VTE_VERSION=4200,                false",
      "true,  TERM=screen-256color VTE_VERSION=7600, false",
      "true,  TERM_PROGRAM=WezTerm FORCE_HYPERLINK=0, false",
      "true,  TERM_PROGRAM=iTerm.app NO_COLOR=1, false",
      "false, TERM_PROGRAM=iTerm.app,          false",
      "false, FORCE_HYPERLINK=1,               false",
  })
  void hyperlinksOnlyWhereTheTerminalIsKnownToShowThem(boolean terminal, String env, boolean links) {
    Cli c = Cli.at(home).terminal(terminal);
    if (env != null) {
      for (String kv : env.split(" ")) {
        c = c.with(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    Cli.Result r = c.run("show", "xinjiang/industry/2022-03-01/event", "--no-pager");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(links, r.out().contains("\u001b]8;;https://"), r.out());
    if (links) {
      // Every link is closed on the same line, around the URL shown as text.
      for (String line : r.out().lines().filter(l -> l.contains("\u001b]8;;h")).toList()) {
        assertTrue(line.matches(".*\u001b]8;;(https?://\\S+)\u001b\\\\<\\1>\u001b]8;;\u001b\\\\.*"), line);
      }
    }
  }

  @Test
  void onlyPlainHttpUrlsBecomeLinks() {
    assertTrue(TextRenderer.linkable("https://www.ndrc.gov.cn/"));
    assertFalse(TextRenderer.linkable("https://example.org/\u001b]8;;evil"));
    assertFalse(TextRenderer.linkable("https://example.org/a b"));
    assertFalse(TextRenderer.linkable("javascript:alert(1)"));
  }

  @Test
  void aBadColorValueIsAUsageError() {
    Cli.Result r = Cli.at(home).run("search", "光伏", "--color=sometimes");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("auto, always, never"), r.err());
  }

  private Context context(boolean terminal, String... env) {
    Map<String, String> m = new HashMap<>(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()));
    for (int i = 0; i < env.length; i += 2) {
      m.put(env[i], env[i + 1]);
    }
    return new Context(m, terminal);
  }

  @Test
  void onATerminalResultsGoThroughThePager() throws IOException {
    Path paged = home.resolve("paged.txt");
    Context ctx = context(true, "TPSEARCH_PAGER", "cat > '" + paged + "'");
    CommandLine cl = Main.newCommandLine(ctx);
    StringWriter direct = new StringWriter();
    cl.setOut(new PrintWriter(direct));
    List<String> args = List.of("search", "绿色电力 交易");
    Pager pager = Pager.start(ctx, cl, args);
    assertTrue(pager != null, "a pager on a terminal");
    assertEquals(0, cl.execute(args.toArray(new String[0])));
    pager.close();
    assertEquals("", direct.toString());
    String out = Files.readString(paged, StandardCharsets.UTF_8);
    assertTrue(out.contains("xinjiang/industry/2022-03-01/event"), out);
  }

  @Test
  void noPagerWhenNotATerminalWithNoPagerOrAnEmptyPagerOrForTheShell() {
    assertNull(Pager.start(context(false), Main.newCommandLine(context(false)), List.of("search", "x")));
    Context t = context(true);
    assertNull(Pager.start(t, Main.newCommandLine(t), List.of("search", "x", "--no-pager")));
    assertNull(Pager.start(t, Main.newCommandLine(t), List.of("shell")));
    assertNull(Pager.start(t, Main.newCommandLine(t), List.of("serve")));
    Context empty = context(true, "TPSEARCH_PAGER", "");
    assertEquals("less -FRX", Pager.command(empty), "a blank variable is unset");
    Context cat = context(true, "PAGER", "cat");
    assertNull(Pager.start(cat, Main.newCommandLine(cat), List.of("search", "x")));
    assertEquals("more", Pager.command(context(true, "PAGER", "more")));
    assertEquals("most", Pager.command(context(true, "PAGER", "more", "TPSEARCH_PAGER", "most")));
  }

  private String indexErr(boolean stdoutTerminal, boolean stderrTerminal, String name) {
    Context ctx = new Context(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString()),
        stdoutTerminal, () -> stderrTerminal);
    CommandLine cl = Main.newCommandLine(ctx);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("index", org.tpsearch.testing.Golden.sampleReports().toString(), "--index", home.resolve(name).toString());
    assertEquals(0, exit, err.toString());
    return err.toString();
  }

  @Test
  void theProgressBarIsDrawnWhenStderrIsATerminalWhateverStdoutIs() {
    String toTerminal = indexErr(false, true, "a");
    // The rate shows only once a tenth of a second has passed, which a fast machine may not reach
    // on the sample reports; ProgressBarTest checks the rate and time left with a clock of its own.
    assertTrue(toTerminal.contains("\rindexing ["), toTerminal);
    String toFile = indexErr(true, false, "b");
    assertFalse(toFile.contains("\r") || toFile.contains("indexing ["), toFile);
  }

  @Test
  void noPagerIsAnAcceptedOption() {
    Cli.Result r = Cli.at(home).run("search", "绿色电力 交易", "--no-pager", "--format", "jsonl");
    assertEquals(0, r.exit(), r.toString());
    assertFalse(r.out().isEmpty());
  }
}
