package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tpsearch completion}: scripts that real shells load and that complete option values. */
class CompletionTest {
  @TempDir
  Path home;

  private String script(String shell) {
    Cli.Result r = Cli.at(home).run("completion", shell);
    assertEquals(0, r.exit(), r.toString());
    return r.out();
  }

  /** Runs bash with the script loaded, then {@code commands}; returns stdout. */
  private String bash(String script, String commands) throws IOException, InterruptedException {
    Path file = home.resolve("tpsearch.bash");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder("bash", "-c", "source " + file + "; " + commands)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** The words bash would offer after typing {@code line} (the last word being completed). */
  private List<String> complete(String script, String... words) throws IOException, InterruptedException {
    StringBuilder cmd = new StringBuilder("COMP_WORDS=(");
    for (String w : words) {
      cmd.append('\'').append(w).append("' ");
    }
    cmd.append("); COMP_CWORD=").append(words.length - 1)
        .append("; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_tpsearch; printf '%s\\n' \"${COMPREPLY[@]}\"");
    return bash(script, cmd.toString()).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void bashLoadsTheScriptAndRegistersTpsearch() throws Exception {
    String out = bash(script("bash"), "complete -p tpsearch");
    assertTrue(out.contains("_complete_tpsearch") && out.strip().endsWith("tpsearch"), out);
  }

  @Test
  void subcommandsComplete() throws Exception {
    List<String> offered = complete(script("bash"), "tpsearch", "s");
    assertTrue(offered.containsAll(List.of("search", "show", "stats", "serve", "shell")), offered.toString());
  }

  @Test
  void regionNamesCompleteInBothLanguages() throws Exception {
    String s = script("bash");
    assertEquals(List.of("新疆", "新疆维吾尔自治区"), complete(s, "tpsearch", "search", "--region", "新"));
    assertEquals(List.of("Xinjiang"), complete(s, "tpsearch", "search", "-r", "Xin"));
    assertEquals(List.of("Inner-Mongolia"), complete(s, "tpsearch", "facets", "--region", "Inn"));
  }

  @Test
  void sectorsTypesStatusesSortsAndFormatsComplete() throws Exception {
    String s = script("bash");
    assertEquals(List.of("Ground-Transport"), complete(s, "tpsearch", "search", "--sector", "Gr"));
    assertEquals(List.of("地面交通"), complete(s, "tpsearch", "search", "--sector", "地"));
    assertEquals(List.of("Event"), complete(s, "tpsearch", "search", "--type", "E"));
    assertEquals(List.of("failed", "found"), complete(s, "tpsearch", "search", "--status", "f").stream().sorted().toList());
    assertEquals(List.of("date"), complete(s, "tpsearch", "search", "--sort", "d"));
    // show writes one document: no jsonl.
    assertEquals(List.of("json"), complete(s, "tpsearch", "show", "--format", "j"));
    assertEquals(List.of("json", "jsonl"), complete(s, "tpsearch", "search", "--format", "j"));
  }

  @Test
  void completedNamesAreAcceptedAsFilters() {
    Cli cli = Cli.at(home);
    for (String region : new Candidates.RegionNames()) {
      // Exit 1 is a region with no points in the sample index; an unknown name would be exit 2.
      Cli.Result r = cli.run("facets", "--region", region, "--format", "json");
      assertTrue(r.exit() <= 1 && r.err().isEmpty(), region + ": " + r);
    }
    for (String sector : new Candidates.SectorNames()) {
      Cli.Result r = cli.run("facets", "--sector", sector, "--format", "json");
      assertEquals(0, r.exit(), sector + ": " + r);
      assertTrue(r.err().isEmpty(), sector + ": " + r.err());
    }
  }

  /**
   * A tpsearch for the shell to run, as the launcher runs it: this JVM's java and class path, the
   * same HOME (so the embedded sample index answers).
   */
  private Path tpsearchCommand() throws IOException {
    Path command = home.resolve("tpsearch");
    Files.writeString(command, "#!/bin/sh\nHOME='" + home + "' XDG_DATA_HOME='" + home.resolve("xdg") + "' exec '"
        + ProcessHandle.current().info().command().orElseThrow() + "' -cp '" + System.getProperty("java.class.path")
        + "' " + Main.class.getName() + " \"$@\"\n", StandardCharsets.UTF_8);
    command.toFile().setExecutable(true);
    return command;
  }

  @Test
  void showCompletesPointIdsFromTheIndex() throws Exception {
    // What 'show --complete' lists: the ids of the index that starts with the prefix, in id order.
    Cli cli = Cli.at(home);
    List<String> xinjiang = SearchJson.ids(SearchJson.of(cli.run("search", "--region", "Xinjiang", "--sector", "Industry",
        "--format", "json", "-n", "all"))).stream().filter(id -> id.startsWith("xinjiang/industry/2022")).sorted().toList();
    assertEquals(2, xinjiang.size(), xinjiang::toString);
    Cli.Result listed = cli.run("show", "--complete", "--", "xinjiang/industry/2022");
    assertEquals(0, listed.exit(), listed::toString);
    assertEquals(xinjiang, listed.outLines());
    assertEquals(68, cli.run("show", "--complete", "").outLines().size(), "every id of the sample index");
    assertEquals(List.of(), cli.run("show", "--complete", "nowhere/").outLines());
    // Through bash, with the script loaded, as a user presses Tab after 'show xinjiang/industry/2022'.
    String s = script("bash");
    String command = tpsearchCommand().toString();
    assertEquals(xinjiang, complete(s, command, "show", "xinjiang/industry/2022"));
    // The line's --index is the index asked: none there, nothing offered (and no error printed).
    assertEquals(List.of(), complete(s, command, "show", "--index", home.resolve("none").toString(), "xinjiang/"));
    assertTrue(complete(s, command, "show", "--index", home.resolve("none").toString(), "--f").contains("--format"));
    // fish asks tpsearch the same way.
    String fish = script("fish");
    assertTrue(fish.contains("function __tpsearch_show_ids"), fish);
    assertTrue(fish.contains("complete -c tpsearch -n '__fish_seen_subcommand_from show' -a '(__tpsearch_show_ids)'"), fish);
  }

  @Test
  void zshGetsTheBashScriptBehindACompdefLine() {
    String zsh = script("zsh");
    assertTrue(zsh.startsWith("#compdef tpsearch\n"), zsh.substring(0, 40));
    assertTrue(zsh.contains("bashcompinit"), "picocli's script loads bashcompinit under zsh");
  }

  @Test
  void fishNamesEveryCommandAndOfferValues() {
    String fish = script("fish");
    for (String cmd : List.of("search", "show", "facets", "cite", "table", "stats", "index", "lint", "shell", "serve",
        "completion", "config")) {
      assertTrue(fish.contains("-n '__fish_use_subcommand' -a '" + cmd + "'"), cmd + " in\n" + fish);
    }
    assertTrue(fish.contains("-n '__fish_seen_subcommand_from search' -s r -l region -x -a 'Anhui 安徽 安徽省"), fish);
    // Each command offers the formats it writes.
    assertTrue(fish.contains("from search' -l format -x -a 'text json jsonl csv tsv bibtex csl-json ris'"), fish);
    assertTrue(fish.contains("from facets' -l format -x -a 'text json csv tsv'"), fish);
    assertTrue(fish.contains("from stats' -l format -x -a 'text json'"), fish);
    assertTrue(fish.contains("from cite' -l format -x -a 'bibtex csl-json ris'"), fish);
    assertTrue(fish.contains("from table' -l format -x -a 'json csv tsv markdown latex'"), fish);
  }

  @Test
  void unknownShellIsAUsageError() {
    Cli.Result r = Cli.at(home).run("completion", "tcsh");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains("bash, zsh, fish"), r.err());
  }
}
