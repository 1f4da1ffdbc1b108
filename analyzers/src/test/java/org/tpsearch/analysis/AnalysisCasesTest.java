package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every row of {@code analysis-cases.tsv} against the analyzer it names. */
class AnalysisCasesTest {

  private static final Map<String, Analyzer> ANALYZERS =
      Map.of(
          "word", new WordAnalyzer(),
          "bigram-index", new BigramAnalyzer(true),
          "bigram-query", new BigramAnalyzer(false));

  @AfterAll
  static void close() {
    ANALYZERS.values().forEach(Analyzer::close);
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    InputStream stream = AnalysisCasesTest.class.getResourceAsStream("/analysis-cases.tsv");
    assertNotNull(stream, "analysis-cases.tsv on the test classpath");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 6) {
          throw new IllegalStateException("analysis-cases.tsv:" + lineNumber + ": need 6 columns");
        }
        rows.add(Arguments.of(c[0] + " (line " + lineNumber + ")", c[1], c[2], c[3], c[4], c[5]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyzes(
      String behaviour, String analyzer, String input, String terms, String increments, String offsets) {
    Analyzer a = ANALYZERS.get(analyzer);
    assertNotNull(a, "unknown analyzer " + analyzer);
    Tokens actual = Tokens.of(a, input);

    List<String> expectedTerms = terms.equals("(none)") ? List.of() : split(terms);
    assertEquals(expectedTerms, actual.terms(), "terms");
    if (!increments.equals("-")) {
      assertEquals(split(increments).stream().map(Integer::valueOf).toList(), actual.increments(), "increments");
    }
    if (!offsets.equals("-")) {
      assertEquals(split(offsets), actual.offsets(), "offsets");
    }

    // Invariants IndexWriter and highlighters rely on, whatever the row says.
    int lastStart = 0;
    for (Tokens.Token t : actual.tokens()) {
      assertTrue(t.start() >= lastStart, "start offsets never go backwards: " + t);
      assertTrue(t.start() <= t.end() && t.end() <= input.length(), "offsets inside the input: " + t);
      lastStart = t.start();
      if (!analyzer.equals("word")) {
        // No stemming in the bigram analyzers: each token is exactly its folded surface form.
        // (A zero padding a month or day, DateZeros, is dropped: it falls inside the digit's token.
        // A date with dashes reads as 2022年5月1日: 年 and 月 stand on the separators, 日 on
        // nothing; a day's 号 after a month reads as 日.)
        StringBuilder surface = new StringBuilder();
        for (int i = t.start(); i < t.end(); i++) {
          if (!DateZeros.padding(input, i)) {
            surface.append(input.charAt(i));
          }
        }
        String s = TextNormalizer.normalize(surface.toString());
        boolean dateWord = (t.term().equals("年") || t.term().equals("月")) && s.length() == 1 && "-/.".contains(s)
            || t.term().equals("日") && (s.isEmpty() || s.equals("号"))
            || s.length() == 2 && s.charAt(0) == '0' && t.term().equals(s.substring(1)); // 05 of 2022-05-01
        if (!dateWord) {
          assertEquals(t.term(), s, "offsets map back to the surface form of " + t);
        }
      }
    }
    assertEquals(input.length(), actual.finalOffset(), "final offset is the input length");
  }

  private static List<String> split(String s) {
    return Arrays.asList(s.trim().split(" +"));
  }
}
