package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.analysis.WordAnalyzer;
import org.tpsearch.index.Schema;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;

/**
 * The query side segments words without SmartChinese; it must produce what the index side's
 * WordAnalyzer produces wherever that is decidable without a dictionary (Latin, digits,
 * punctuation gaps), and only words the index holds for Chinese.
 */
class TermDictionarySegmenterTest {
  private static IndexHandle index;
  private static TermDictionarySegmenter segmenter;

  @BeforeAll
  static void open() throws Exception {
    index = IndexHandle.openEmbedded();
    segmenter = new TermDictionarySegmenter(index.reader());
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  private static List<TermDictionarySegmenter.Token> viaWordAnalyzer(Analyzer a, String text) throws IOException {
    List<TermDictionarySegmenter.Token> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body_w", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(new TermDictionarySegmenter.Token(term.toString(), pos));
      }
      ts.end();
    }
    return out;
  }

  /** Positions relative to the first token, so a leading gap does not count. */
  private static List<String> relative(List<TermDictionarySegmenter.Token> tokens) {
    List<String> out = new ArrayList<>();
    int base = tokens.isEmpty() ? 0 : tokens.get(0).position();
    for (TermDictionarySegmenter.Token t : tokens) {
      out.add(t.term() + "@" + (t.position() - base));
    }
    return out;
  }

  @Test
  void latinDigitsAndPunctuationMatchTheIndexSideOnEveryLineOfTheSampleCorpus() throws IOException {
    Analyzer words = new WordAnalyzer();
    int checked = 0;
    try (Stream<Path> files = Files.walk(Path.of("..", "sample-index", "reports"))) {
      for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md")).toList()) {
        Report r = ReportParser.parse(f);
        for (TurningPoint p : r.points()) {
          for (String line : p.answer().split("\n")) {
            // The non-Chinese stretches of the line: no dictionary decides how they are cut.
            for (String part : line.split("\\p{IsHan}+")) {
              if (part.isBlank()) {
                continue;
              }
              assertEquals(relative(viaWordAnalyzer(words, part)), relative(segmenter.tokens(part)), "'" + part + "' in " + f);
              checked++;
            }
          }
        }
      }
    }
    assertTrue(checked > 500, "checked " + checked + " stretches");
  }

  @Test
  void chineseIsCutIntoWordsTheIndexHolds() throws IOException {
    Terms body = MultiTerms.getTerms(index.reader(), Schema.TEXT_W);
    for (String q : List.of("绿色电力交易量", "碳达峰实施方案", "新能源汽车", "墨玉县综合产业园")) {
      List<String> tokens = segmenter.segment(q);
      assertEquals(q, String.join("", tokens), "segments cover the query");
      for (String t : tokens) {
        if (t.codePointCount(0, t.length()) > 1) {
          assertTrue(body.iterator().seekExact(new BytesRef(t)), t + " is an indexed word");
        }
      }
    }
    // Longest match: 交易量 is one word in the real report's title, so it is not cut.
    assertTrue(segmenter.segment("交易量").contains("交易量"), segmenter.segment("交易量").toString());
  }

  @Test
  void traditionalAndFullWidthAreFoldedFirst() {
    assertEquals(segmenter.segment("绿色电力"), segmenter.segment("綠色電力"));
    assertEquals(List.of("co", "2"), segmenter.segment("ＣＯ２"));
    assertEquals(List.of("industri"), segmenter.segment("Industries"));
  }
}
