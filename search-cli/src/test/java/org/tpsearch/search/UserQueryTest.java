package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query syntax: words, phrases in any quotes, -exclusions, OR groups, and its errors. */
class UserQueryTest {
  static UserQuery.Unit w(String text) {
    return new UserQuery.Unit(text, false);
  }

  static UserQuery.Unit q(String text) {
    return new UserQuery.Unit(text, true);
  }

  @Test
  void wordsPhrasesExclusionsAndOr() throws QueryException {
    UserQuery uq = UserQuery.parse("绿色电力 \"green power\" 光伏 OR 风电 OR “新能源” -煤电 -\"coal power\" AND 交易");
    assertEquals(List.of(List.of(w("绿色电力")), List.of(q("green power")), List.of(w("光伏"), w("风电"), q("新能源")),
        List.of(w("交易"))), uq.required());
    assertEquals(List.of(w("煤电"), q("coal power")), uq.excluded());
  }

  @Test
  void everyKindOfQuoteAndSpace() throws QueryException {
    for (String s : List.of("\"碳 达峰\"", "“碳 达峰”", "「碳 达峰」", "『碳 达峰』", "＂碳 达峰＂")) {
      assertEquals(List.of(List.of(q("碳 达峰"))), UserQuery.parse(s).required(), s);
    }
    assertEquals(List.of(List.of(w("碳达峰")), List.of(w("交易"))), UserQuery.parse("碳达峰\u3000交易").required(),
        "an ideographic space separates words");
    assertEquals(List.of(w("煤电")), UserQuery.parse("光伏 －煤电").excluded(), "a full-width minus excludes");
  }

  @Test
  void emptyAndBlankQueriesListEverything() throws QueryException {
    assertTrue(UserQuery.parse("").isEmpty());
    assertTrue(UserQuery.parse("   ").isEmpty());
    assertTrue(UserQuery.parse(null).isEmpty());
  }

  @Test
  void typedTextWithNothingToSearchForIsAnError() {
    // A hostile trial found these listing every point, exit 0, as if no query had been given.
    for (String q : List.of("\"\"", "-", "- -", "AND")) {
      QueryException e = assertThrows(QueryException.class, () -> UserQuery.parse(q), q);
      assertTrue(e.getMessage().startsWith("the query has no searchable words"), e.getMessage());
    }
  }

  @Test
  void aLoneMinusAndLowerCaseOrAreNotOperators() throws QueryException {
    assertEquals(List.of(List.of(w("光伏")), List.of(w("风电"))), UserQuery.parse("光伏 - 风电").required());
    assertEquals(List.of(List.of(w("a")), List.of(w("or")), List.of(w("b"))), UserQuery.parse("a or b").required());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"光伏 发电|unclosed quote at column 1",
      "光伏 “发电|unclosed quote at column 4",
      "OR 光伏|OR needs a word on each side (at column 1",
      "光伏 OR|OR needs a word on each side (at column 4",
      "光伏 OR OR 风电|OR needs a word on each side (at column 7",
      "光伏 -煤电 OR 风电|OR needs a word on each side",
      "光伏 OR -煤电|cannot OR an excluded word (at column 7",
      "-煤电|a query cannot only exclude",
      "-煤电 -\"coal\"|a query cannot only exclude"})
  void errorsSayWhatAndWhere(String query, String message) {
    QueryException e = assertThrows(QueryException.class, () -> UserQuery.parse(query));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aRepeatedWordIsOneWord() throws QueryException {
    // Issue 7, defect 8: repeated words each became clauses until Lucene's clause limit (exit 4).
    UserQuery uq = UserQuery.parse("光伏 交易 光伏 \"green power\" 光伏 OR 风电 OR 光伏 \"green power\" -煤电 -煤电");
    assertEquals(List.of(List.of(w("光伏")), List.of(w("交易")), List.of(q("green power")), List.of(w("光伏"), w("风电"))),
        uq.required());
    assertEquals(List.of(w("煤电")), uq.excluded());
    String many = String.join(" ", java.util.Collections.nCopies(100, "绿色电力 交易"));
    assertEquals(List.of(List.of(w("绿色电力")), List.of(w("交易"))), UserQuery.parse(many).required());
  }

  @Test
  void tooManyWordsOrCharactersIsAnErrorNamingTheLimit() throws QueryException {
    List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < UserQuery.MAX_WORDS; i++) {
      words.add("w" + i);
    }
    assertEquals(UserQuery.MAX_WORDS, UserQuery.parse(String.join(" ", words)).required().size());
    words.add("-w99");
    QueryException e = assertThrows(QueryException.class, () -> UserQuery.parse(String.join(" ", words)));
    assertEquals("the query has 33 different words; the limit is 32", e.getMessage());
    String longest = "碳".repeat(UserQuery.MAX_CHARS);
    assertEquals(List.of(List.of(w(longest))), UserQuery.parse(longest).required());
    e = assertThrows(QueryException.class, () -> UserQuery.parse(longest + "碳"));
    assertEquals("the query is 1001 characters long; the limit is 1000", e.getMessage());
  }
}
