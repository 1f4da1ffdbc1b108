package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config.toml, the user glossary and {@code tpsearch config}: option > environment > config > default. */
class ConfigTest {
  @TempDir
  Path home;

  private Cli cli(String configToml) throws IOException {
    if (configToml != null) {
      Path dir = Files.createDirectories(home.resolve("config/tpsearch"));
      Files.writeString(dir.resolve("config.toml"), configToml, StandardCharsets.UTF_8);
    }
    return Cli.at(home).with("XDG_CONFIG_HOME", home.resolve("config").toString());
  }

  /** One row per layer combination: the limit in force is the highest layer that is set. */
  @ParameterizedTest(name = "option={0} env={1} config={2} -> {3} from {4}")
  @CsvSource(nullValues = "-", value = {
      // option  env  config  expected  source
      "-,        -,   -,      10,       default",
      "-,        -,   3,      3,        config config.toml line 1",
      "-,        5,   3,      5,        environment TPSEARCH_LIMIT",
      "-,        5,   -,      5,        environment TPSEARCH_LIMIT",
      "2,        5,   3,      2,        option",
      "2,        -,   3,      2,        option",
      "2,        -,   -,      2,        option",
  })
  void limitPrecedence(String option, String env, String config, int expected, String source) throws IOException {
    Cli c = cli(config == null ? null : "limit = " + config + "\n");
    if (env != null) {
      c = c.with("TPSEARCH_LIMIT", env);
    }
    List<String> args = new ArrayList<>(List.of("search", "--format", "jsonl"));
    if (option != null) {
      args.addAll(List.of("--limit", option));
    }
    Cli.Result r = c.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.toString());
    assertEquals(expected, r.outLines().size(), r.out());
    if (!source.equals("option")) {
      Cli.Result shown = c.run("config");
      String line = shown.outLines().stream().filter(l -> l.startsWith("limit ")).findFirst().orElseThrow();
      assertTrue(line.matches("limit\\s+" + expected + "\\s+" + source), line);
    }
  }

  /** The same layers for --format: json is one document, jsonl one object a line. */
  @ParameterizedTest(name = "option={0} env={1} config={2} -> {3}")
  @CsvSource(nullValues = "-", value = {
      "-,      -,     -,     text",
      "-,      -,     json,  json",
      "-,      jsonl, json,  jsonl",
      "text,   jsonl, json,  text",
      "json,   -,     jsonl, json",
  })
  void formatPrecedence(String option, String env, String config, String expected) throws IOException {
    Cli c = cli(config == null ? null : "format = \"" + config + "\"\n");
    if (env != null) {
      c = c.with("TPSEARCH_FORMAT", env);
    }
    List<String> args = new ArrayList<>(List.of("search", "--limit", "2"));
    if (option != null) {
      args.addAll(List.of("--format", option));
    }
    Cli.Result r = c.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.toString());
    String shape = r.out().startsWith("{\"query\"") ? "json" : r.out().startsWith("{\"id\"") ? "jsonl" : "text";
    assertEquals(expected, shape, r.out());
  }

  @Test
  void aDefaultFormatACommandCannotWriteLeavesItsOwnDefault() throws IOException {
    Cli c = cli("format = \"jsonl\"\n");
    Cli.Result search = c.run("search", "绿色电力 交易");
    assertEquals(0, search.exit(), search.toString());
    assertTrue(search.out().startsWith("{\"id\""), search.out());
    Cli.Result show = c.run("show", "xinjiang/industry/2022-03-01/event");
    assertEquals(0, show.exit(), show.toString());
    assertTrue(show.out().startsWith("xinjiang/industry/2022-03-01/event"), show.out());
    Cli.Result explicit = c.run("show", "xinjiang/industry/2022-03-01/event", "--format", "jsonl");
    assertEquals(2, explicit.exit(), "an explicit option still says what is wrong: " + explicit);
  }

  /**
   * Every format the CLI takes is a valid default (csv and bibtex were refused): search writes it,
   * a command that cannot (stats in bibtex) keeps its own default.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"csv, id,", "tsv, id\t", "bibtex, @misc{", "csl-json, [", "ris, TY  - ", "json, {\"query\"",
      "jsonl, {\"id\"", "text, ''"})
  void everyFormatTheCliTakesIsAValidDefault(String format, String start) throws IOException {
    Cli c = cli("format = \"" + format + "\"\n");
    Cli.Result search = c.run("search", "绿色电力 交易", "--limit", "2");
    assertEquals(0, search.exit(), search.toString());
    assertTrue(search.out().startsWith(start), format + ": " + search.out());
    Cli.Result stats = c.run("stats");
    assertEquals(0, stats.exit(), stats.toString());
  }

  @Test
  void indexPrecedenceOptionThenEnvironmentThenConfig() throws IOException {
    Cli c = cli("index = \"from-config\"\n");
    Cli.Result configOnly = c.run("stats");
    assertEquals(3, configOnly.exit(), configOnly.toString());
    assertTrue(configOnly.err().contains(home.resolve("config/tpsearch/from-config").toString())
        && configOnly.err().contains("config.toml line 1"), configOnly.err());
    Cli.Result env = c.with("TPSEARCH_INDEX", home.resolve("from-env").toString()).run("stats");
    assertTrue(env.err().contains("from-env") && !env.err().contains("from-config"), env.err());
    Cli.Result option = c.with("TPSEARCH_INDEX", home.resolve("from-env").toString())
        .run("stats", "--index", home.resolve("from-option").toString());
    assertTrue(option.err().contains("from-option") && !option.err().contains("from-env"), option.err());
    Cli.Result none = Cli.at(home).with("XDG_CONFIG_HOME", home.resolve("no-config").toString()).run("stats");
    assertEquals(0, none.exit(), none.toString());
    assertTrue(none.out().contains("embedded sample index"), none.out());
  }

  @Test
  void configPrintsEverySettingWithItsSource() throws IOException {
    Cli c = cli("# mine\ncolor = \"always\"\npager = \"\"\ndaemon-idle = \"30m\"\n").with("TPSEARCH_LIMIT", "7");
    Cli.Result r = c.run("config");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.contains(home.resolve("config/tpsearch/config.toml").toString()), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("limit\\s+7\\s+environment TPSEARCH_LIMIT")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("color\\s+always\\s+config config.toml line 2")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("pager\\s+\"\"\\s+config config.toml line 3")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("daemon-idle\\s+30m\\s+config config.toml line 4")), out);
    assertTrue(out.lines().anyMatch(l -> l.matches("format\\s+text\\s+default")), out);
    Cli.Result noColor = c.with("NO_COLOR", "1").run("config");
    assertTrue(noColor.out().lines().anyMatch(l -> l.matches("color\\s+never\\s+environment NO_COLOR")), noColor.out());
  }

  @Test
  void aBadConfigNamesTheFileAndLineAndIsAUsageError() throws IOException {
    Cli.Result syntax = cli("limit = 5\nformat = \n").run("search", "光伏");
    assertEquals(2, syntax.exit(), syntax.toString());
    assertTrue(syntax.err().startsWith("tpsearch: " + home.resolve("config/tpsearch/config.toml") + ":2"), syntax.err());
    Cli.Result unknown = cli("limt = 5\n").run("config");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().contains("config.toml:1: unknown setting 'limt'"), unknown.err());
    Cli.Result value = cli("format = \"xml\"\n").run("search", "光伏");
    assertEquals(2, value.exit(), value.toString());
    assertTrue(value.err().contains("config config.toml line 1: format = 'xml': expected one of text, json, jsonl, csv, tsv, bibtex, csl-json, ris, markdown, latex"), value.err());
  }

  @Test
  void theUserGlossaryExpandsAQueryWithoutARebuild() throws IOException {
    Cli before = cli(null);
    Cli.Result nothing = before.run("search", "sunpanelz", "--format", "jsonl");
    assertEquals(1, nothing.exit(), nothing.toString());
    Path dir = Files.createDirectories(home.resolve("config/tpsearch"));
    Files.writeString(dir.resolve("glossary.tsv"), "# my words\nenergy\t光伏|sunpanelz\n", StandardCharsets.UTF_8);
    Cli after = cli(null);
    Cli.Result found = after.run("search", "sunpanelz", "--format", "jsonl");
    assertEquals(0, found.exit(), found.toString());
    Cli.Result direct = after.run("search", "光伏", "--format", "jsonl", "--limit", "100");
    assertEquals(direct.outLines().size(), found.outLines().size(), "sunpanelz finds what 光伏 finds");
    assertTrue(after.run("config").out().contains("glossary.tsv (1 group)"));
  }

  @Test
  void aBadGlossaryLineIsNamed() throws IOException {
    Path dir = Files.createDirectories(home.resolve("config/tpsearch"));
    Files.writeString(dir.resolve("glossary.tsv"), "energy\t光伏|\n", StandardCharsets.UTF_8);
    Cli.Result r = cli(null).run("search", "光伏");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().contains(dir.resolve("glossary.tsv") + ":1: empty term"), r.err());
  }
}
