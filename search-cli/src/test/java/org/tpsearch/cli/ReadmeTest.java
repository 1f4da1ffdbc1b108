package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's commands run as a test, so the README cannot rot. */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path home;

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** The commands of the first fenced block after "## Quick start", comments removed. */
  private static List<String> quickStart() throws IOException {
    String text = readme();
    int at = text.indexOf("## Quick start");
    assertTrue(at >= 0, "README has a Quick start section");
    Matcher m = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertTrue(m.find(at), "Quick start has a sh block");
    List<String> out = new ArrayList<>();
    for (String line : m.group(1).split("\n")) {
      String cmd = line.replaceFirst("\\s+#.*$", "").strip();
      if (!cmd.isEmpty()) {
        out.add(cmd);
      }
    }
    return out;
  }

  /** Splits a shell command line: double and single quotes, no expansion. */
  static List<String> shellWords(String line) {
    return ShellWords.split(line, true);
  }

  private record Run(int code, String out, String err) {}

  private Run tpsearch(List<String> args) {
    Context ctx = new Context(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("data").toString(),
        "TPSEARCH_CITE_LIB", CiteTest.CITE_LIB), false);
    CommandLine cl = Main.newCommandLine(ctx);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args.toArray(new String[0]));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void quickStartHasExactlyTwoCommandsAndCiRunsTheSecond() throws IOException {
    List<String> cmds = quickStart();
    assertEquals(2, cmds.size(), cmds.toString());
    assertTrue(cmds.get(0).startsWith("./tpsearch search "), cmds.get(0));
    String ci = Files.readString(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);
    assertTrue(ci.lines().anyMatch(l -> l.strip().equals(cmds.get(1))), ".ci/run runs '" + cmds.get(1) + "':\n" + ci);
  }

  @Test
  void quickStartSearchFindsXinjiang20220301AmongTheTopThree() throws IOException {
    List<String> words = shellWords(quickStart().get(0));
    List<String> args = new ArrayList<>(words.subList(1, words.size()));
    args.addAll(List.of("--format", "jsonl", "--limit", "3"));
    Run r = tpsearch(args);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"id\":\"xinjiang/industry/2022-03-01/event\""), r.out());
  }

  @Test
  void everyTutorialCommandOnTheSampleIndexSucceeds() throws IOException {
    Matcher m = Pattern.compile("(?m)^\\./tpsearch ((?:search|show|facets|stats|duplicates|cite|table)\\b[^\\n]*)$")
        .matcher(readme());
    int ran = 0;
    while (m.find()) {
      // A comment, then a redirection to a file ("> refs.bib"): the output is checked here instead.
      String cmd = m.group(1).replaceFirst("\\s+#.*$", "").replaceFirst("\\s+>\\s*[^\\s>]+$", "").strip();
      Run r = tpsearch(shellWords(cmd));
      assertEquals(0, r.code(), "./tpsearch " + cmd + "\n" + r.out() + r.err());
      ran++;
    }
    assertTrue(ran >= 6, "ran " + ran + " README commands");
  }
}
