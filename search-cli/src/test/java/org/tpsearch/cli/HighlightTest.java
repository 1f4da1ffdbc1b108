package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tpsearch.testing.Golden;

/**
 * Highlights: {@code [...]} in text that is not on a terminal, {@code **...**} in JSON, adjacent
 * matches as one span, each span exactly the matched text; ANSI escapes only on a terminal without
 * NO_COLOR.
 */
class HighlightTest {
  static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]*)\\]");
  static final Pattern STARRED = Pattern.compile("\\*\\*(.*?)\\*\\*");

  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  static List<String> spans(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void adjacentMatchesAreOneSpan() {
    String out = cli.run("search", "碳达峰", "-n", "100").out();
    assertTrue(out.contains("[碳达峰]"), out);
    for (String split : List.of("[碳]", "[达]", "[峰]", "[碳达]", "[达峰]", "][")) {
      assertFalse(out.contains(split), () -> split + " in\n" + out);
    }
    for (List<String> query : List.of(List.of("绿色电力交易"), List.of("绿色电力 交易"), List.of("绿色电力", "交易"))) {
      List<String> args = new ArrayList<>(List.of("search", "-n", "100"));
      args.addAll(query);
      String text = cli.run(args.toArray(String[]::new)).out();
      assertTrue(text.contains("[绿色电力交易]"), text);
      assertFalse(text.contains("]["), text);
    }
  }

  /**
   * Every highlighted span, in item titles, snippets of any item and the answer prose, is exactly
   * the query: the match offsets map to the right item.
   */
  @ParameterizedTest
  @ValueSource(strings = {"碳达峰", "绿色电力交易", "新冠肺炎", "光伏", "国发〔2021〕23号", "发改价格〔2021〕1439号"})
  void everySpanIsTheQuery(String query) {
    Cli.Result text = cli.run("search", query, "--no-expand", "-n", "100");
    assertEquals(0, text.exit(), text::toString);
    List<String> bracketed = spans(BRACKETED, text.out());
    assertFalse(bracketed.isEmpty(), text::toString);
    for (String s : bracketed) {
      assertTrue(s.equalsIgnoreCase(query), () -> "[" + s + "] for " + query + " in\n" + text.out());
    }
    Map<String, Object> doc = SearchJson.of(cli.run("search", query, "--no-expand", "-n", "100", "--format", "json"));
    int marked = 0;
    for (Map<String, Object> hit : SearchJson.hits(doc)) {
      List<String> snippets = new ArrayList<>();
      for (Object e : (List<?>) hit.get("evidence")) {
        snippets.add((String) ((Map<?, ?>) e).get("snippet"));
      }
      if (hit.containsKey("snippet")) {
        snippets.add((String) hit.get("snippet"));
      }
      for (String snippet : snippets) {
        for (String s : spans(STARRED, snippet)) {
          marked++;
          assertTrue(s.equalsIgnoreCase(query), () -> "**" + s + "** for " + query + " in " + snippet);
        }
        assertFalse(snippet.contains("****"), snippet);
      }
    }
    assertTrue(marked > 0, "some snippet is highlighted");
  }

  @Test
  void aMatchInTheAnswerProseIsShownFromTheProse() {
    // 以上事件均来自官方报道 is in the prose of the Xinjiang 2022-03-01 point, not in an item.
    Map<String, Object> doc = SearchJson.of(cli.run("search", "\"以上事件均来自官方报道\"", "--format", "json", "-n", "100"));
    assertTrue(SearchJson.total(doc) > 0);
    for (Map<String, Object> hit : SearchJson.hits(doc)) {
      assertTrue(((String) hit.get("snippet")).contains("**以上事件均来自官方报道**"), hit::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"search 碳达峰 --facets --explain", "show xinjiang/industry/2022-03-01/event", "facets",
      "stats", "--help", "search --help", "search qwertyzzz", "search --year 20x"})
  void noAnsiEscapesWhenNotATerminalOrWithNoColor(String command) {
    String[] args = command.split(" ");
    for (Cli c : List.of(cli, cli.terminal(true).with("NO_COLOR", "1"), cli.terminal(true).with("NO_COLOR", ""),
        cli.terminal(true).with("TERM", "dumb"))) {
      Cli.Result r = c.run(args);
      assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), () -> c.env() + "\n" + r);
    }
  }

  @Test
  void noAnsiEscapesWhileIndexingWithNoColor() {
    Cli c = cli.terminal(true).with("NO_COLOR", "1");
    Cli.Result r = c.run("index", Golden.sampleReports().resolve("Beijing_Residential_combined_info.txt").toString(),
        "--index", home.resolve("index").toString());
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), r::toString);
  }

  @Test
  void colourOnATerminal() {
    Cli.Result r = cli.terminal(true).run("search", "碳达峰");
    assertTrue(r.out().contains("\u001b[1;33m碳达峰\u001b[0m"), r::toString);
    assertFalse(r.out().contains("[碳达峰]"), "brackets only without colour");
  }

  @Test
  void aHighlightEndsWhereTheMatchEndsBeforeAMonthsZero() throws Exception {
    // The real Xinjiang report writes 至2022年05月）; 2022年 matched, and its 年 took the 0 of 05
    // along (the zero is read away, and its offset fell to the token before it): [2022年0]5月.
    assertTrue(Files.readString(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt")).contains("至2022年05月）"));
    String out = cli.run("search", "2022年", "--region", "Xinjiang", "-n", "100").out();
    assertTrue(out.contains("[2022年]05月"), out);
    assertFalse(out.contains("年0]"), out);
    // The month asked for, padded or not, covers the 05 as written.
    for (String q : List.of("2022年5月", "2022年05月")) {
      String month = cli.run("search", q, "--region", "Xinjiang", "-n", "100").out();
      assertTrue(month.contains("至[2022年05月]）"), month);
    }
  }
}
