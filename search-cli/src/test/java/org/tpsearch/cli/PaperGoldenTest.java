package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.testing.Golden;

/**
 * The exact output of every format for writing a paper (references, tables, csv/tsv, json --full)
 * on the real report (Xinjiang Industry) and the sample reports, against golden files. After an
 * intended change, regenerate with {@code -Dgolden.update=true} and read the diff.
 */
class PaperGoldenTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home).with("TPSEARCH_CITE_LIB", CiteTest.CITE_LIB);
  }

  private static final String[] REAL = {"xinjiang/industry/2019-04-01/event", "xinjiang/industry/2021-12-16/seasonal",
      "xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event"};

  private static String[] cite(String... extra) {
    String[] a = new String[1 + REAL.length + extra.length];
    a[0] = "cite";
    System.arraycopy(REAL, 0, a, 1, REAL.length);
    System.arraycopy(extra, 0, a, 1 + REAL.length, extra.length);
    return a;
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        // The real report: references in every format and two styles.
        Arguments.of("cite-xinjiang-industry.bib", cite()),
        Arguments.of("cite-xinjiang-industry.csl.json", cite("--format", "csl-json")),
        Arguments.of("cite-xinjiang-industry.ris", cite("--format", "ris")),
        Arguments.of("cite-xinjiang-industry.gb-t-7714.txt", cite("--style", "china-national-standard-gb-t-7714-2015-numeric")),
        Arguments.of("cite-xinjiang-industry.apa.txt", cite("--style", "apa")),
        // The sample reports: the references of every item of a series, from a search.
        Arguments.of("search-hebei-industry.bib", new String[] {"search", "--region", "Hebei", "--limit", "all", "--format", "bibtex"}),
        Arguments.of("search-hebei-industry.csl.json", new String[] {"search", "--region", "Hebei", "--limit", "all", "--format", "csl-json"}),
        Arguments.of("search-hebei-industry.ris", new String[] {"search", "--region", "Hebei", "--limit", "all", "--format", "ris"}),
        Arguments.of("show-shanghai-aviation.gb-t-7714.txt", new String[] {"cite", "shanghai/aviation/2022-04-01/event",
            "--style", "china-national-standard-gb-t-7714-2015-numeric"}),
        Arguments.of("cite-shanghai-aviation.apa.txt", new String[] {"cite", "shanghai/aviation/2022-04-01/event",
            "shanghai/aviation/2022-06-01/event", "--style", "apa"}),
        // Tables.
        Arguments.of("search-green-power-trading.csv", new String[] {"search", "绿色电力 交易", "-n", "3", "--format", "csv"}),
        Arguments.of("search-green-power-trading.tsv", new String[] {"search", "绿色电力 交易", "-n", "3", "--format", "tsv"}),
        Arguments.of("search-green-power-trading.per-item.csv", new String[] {"search", "绿色电力 交易", "-n", "3", "--format", "csv", "--per-item"}),
        Arguments.of("search-green-power-trading.full.json", new String[] {"search", "绿色电力 交易", "-n", "2", "--format", "json", "--full"}),
        Arguments.of("facets-xinjiang.csv", new String[] {"facets", "--region", "新疆", "--format", "csv"}),
        Arguments.of("facets-hebei.tsv", new String[] {"facets", "--region", "Hebei", "--format", "tsv"}),
        Arguments.of("show-shanghai-aviation-2022-06-01-event.csv", new String[] {"show", "shanghai/aviation/2022-06-01/event",
            "--format", "csv"}),
        Arguments.of("show-xinjiang-industry-2022-03-01-event.csv", new String[] {"show", "xinjiang/industry/2022-03-01/event", "--format", "csv"}),
        Arguments.of("show-xinjiang-industry-2022-03-01-event.tsv", new String[] {"show", "xinjiang/industry/2022-03-01/event", "--format", "tsv"}),
        Arguments.of("table-xinjiang-industry.md", new String[] {"table", "--region", "Xinjiang", "--sector", "Industry"}),
        Arguments.of("table-xinjiang-industry.tex", new String[] {"table", "--region", "Xinjiang", "--sector", "Industry", "--format", "latex"}),
        Arguments.of("table-xinjiang-industry.csv", new String[] {"table", "--region", "Xinjiang", "--sector", "Industry", "--format", "csv"}),
        Arguments.of("table-xinjiang-industry.json", new String[] {"table", "--region", "Xinjiang", "--sector", "Industry", "--format", "json"}),
        Arguments.of("table-hebei-industry.md", new String[] {"table", "-r", "河北", "-s", "工业"}),
        Arguments.of("table-hebei-industry.tex", new String[] {"table", "-r", "河北", "-s", "工业", "--format", "latex"}),
        Arguments.of("table-shanghai-aviation.md", new String[] {"table", "-r", "Shanghai", "-s", "Aviation"}));
  }

  /** The real report with two times the parser cannot read: an impossible date and a vague one. */
  static Path unparsedIndex() throws IOException {
    Path dir = home.resolve("unparsed-reports");
    Path index = home.resolve("unparsed-index");
    if (!java.nio.file.Files.exists(index)) {
      java.nio.file.Files.createDirectories(dir);
      String real = java.nio.file.Files.readString(
          Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), java.nio.charset.StandardCharsets.UTF_8);
      String changed = real.replace("**发生时间**：2022年1月11日\n", "**发生时间**：2022年2月30日\n")
          .replace("**发生时间**：2019年4月\n", "**发生时间**：近年来\n");
      if (changed.equals(real)) {
        throw new AssertionError("the real report's times moved");
      }
      java.nio.file.Files.writeString(dir.resolve("Xinjiang_Industry_combined_info.txt"), changed,
          java.nio.charset.StandardCharsets.UTF_8);
      Cli.Result r = cli.run("index", dir.toString(), "--index", index.toString());
      assertEquals(0, r.exit(), r::toString);
    }
    return index;
  }

  static Stream<Arguments> unparsed() {
    return Stream.of(
        Arguments.of("cite-unparsed-dates.apa.txt", new String[] {"--style", "apa"}),
        Arguments.of("cite-unparsed-dates.gb-t-7714.txt", new String[] {"--style",
            "china-national-standard-gb-t-7714-2015-numeric"}),
        Arguments.of("cite-unparsed-dates.csl.json", new String[] {"--format", "csl-json"}),
        Arguments.of("cite-unparsed-dates.bib", new String[] {}));
  }

  /**
   * Unparsed dates: written once as the report writes them (APA printed a CSL literal date twice,
   * "(近年来, 近年来)"); an impossible date (2022年2月30日) is one of them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unparsed")
  void goldenUnparsedDates(String name, String[] extra) throws IOException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("cite", "xinjiang/industry/2019-04-01/event#1",
        "xinjiang/industry/2022-03-01/event#3", "--index", unparsedIndex().toString()));
    args.addAll(java.util.List.of(extra));
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    Golden.assertMatches("paper/" + name, r.out());
    if (name.endsWith(".apa.txt")) {
      assertEquals(false, r.out().contains("近年来, 近年来"), r.out());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void golden(String name, String[] args) throws IOException {
    Cli.Result r = cli.run(args);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    Golden.assertMatches("paper/" + name, r.out());
  }
}
