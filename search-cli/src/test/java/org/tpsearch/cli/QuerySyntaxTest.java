package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query syntax of {@code search --help} as typed on a command line: words, "phrases", -word,
 * a OR b, in one quoted argument or as separate arguments.
 */
class QuerySyntaxTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  static Map<String, Object> search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--format", "json", "-n", "100"));
    all.addAll(List.of(args));
    return SearchJson.of(cli.run(all.toArray(String[]::new)));
  }

  static Set<String> ids(String... args) {
    return new TreeSet<>(SearchJson.ids(search(args)));
  }

  @Test
  void anExcludedWordRemovesThePointsThatHaveIt() {
    Set<String> solar = ids("光伏");
    Set<String> coal = ids("煤电", "--no-expand");
    Set<String> expected = new TreeSet<>(solar);
    expected.removeAll(coal);
    assertFalse(coal.stream().noneMatch(solar::contains), "the test needs points with both words");
    assertFalse(expected.isEmpty());
    assertEquals(expected, ids("光伏 -煤电"));
  }

  /** "-word excludes" holds when the shell splits the query into arguments, too. */
  @Test
  void anExcludedWordMayBeItsOwnArgument() {
    for (String[] split : List.of(new String[] {"光伏", "-煤电"}, new String[] {"光伏", "-coal"},
        new String[] {"-煤电", "光伏"})) {
      Cli.Result r = cli.run(SearchOutputTest.with(List.of("search", "--format", "json", "-n", "100"), split));
      assertEquals(0, r.exit(), r::toString);
      Map<String, Object> doc = SearchJson.of(r);
      assertEquals(String.join(" ", split), doc.get("query"));
      assertEquals(ids(String.join(" ", split)), new TreeSet<>(SearchJson.ids(doc)));
    }
    Cli.Result facets = cli.run("facets", "光伏", "-煤电", "--format", "json");
    assertEquals(0, facets.exit(), facets::toString);
    assertEquals(ids("光伏 -煤电").size(), SearchJson.total(SearchJson.of(facets)));
  }

  @Test
  void unknownLongOptionsAreStillErrors() {
    for (String command : List.of("search", "facets")) {
      Cli.Result r = cli.run(command, "光伏", "--bogus");
      assertEquals(2, r.exit(), r::toString);
      assertEquals(List.of("tpsearch: Unknown option: '--bogus'", "(see 'tpsearch " + command + " --help')"), r.errLines());
    }
    Cli.Result onlyExcluded = cli.run("search", "-煤电");
    assertEquals(2, onlyExcluded.exit(), onlyExcluded::toString);
    assertTrue(onlyExcluded.err().startsWith("tpsearch: bad query: a query cannot only exclude"), onlyExcluded::toString);
  }

  @Test
  void doubleDashEndsTheOptions() {
    // As in rg and git: after --, a word that looks like an option is a word of the query.
    Cli.Result r = cli.run("search", "--format", "json", "--", "光伏", "--bogus");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("光伏 --bogus", SearchJson.of(r).get("query"));
    // Before it, the same word is still a mistyped option.
    Cli.Result before = cli.run("search", "--bogus", "--", "光伏");
    assertEquals(2, before.exit(), before::toString);
  }

  @Test
  void orMatchesEither() {
    Set<String> either = new TreeSet<>(ids("光伏"));
    either.addAll(ids("风电"));
    assertEquals(either, ids("光伏 OR 风电"));
    assertEquals(either, ids("光伏", "OR", "风电"));
  }

  @Test
  void wordsAreAllRequiredAndAndIsASpace() {
    Set<String> both = new TreeSet<>(ids("光伏"));
    both.retainAll(ids("交易"));
    assertFalse(both.isEmpty());
    assertEquals(both, new TreeSet<>(SearchJson.allWordIds(search("光伏 交易"))));
    assertEquals(both, new TreeSet<>(SearchJson.allWordIds(search("光伏 AND 交易"))));
    assertEquals(both.size(), SearchJson.total(search("光伏 交易")), "the total counts the points with every word");
  }

  @Test
  void quotedPhrasesMatchExactlyInAnyQuotes() {
    Set<String> phrase = ids("\"绿色电力交易\"");
    assertFalse(phrase.isEmpty());
    for (String q : List.of("“绿色电力交易”", "「绿色电力交易」", "＂绿色电力交易＂")) {
      assertEquals(phrase, ids(q), q);
    }
    // A phrase is not expanded: "green power" alone finds only the English text.
    assertTrue(ids("绿色电力").size() >= phrase.size());
  }
}
