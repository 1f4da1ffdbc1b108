package org.tpsearch.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  static EvalCorpus corpus() {
    return new EvalCorpus(java.nio.file.Path.of("mem"), 1, List.of(
        new EvalCorpus.Point("p1", List.of("绿色电力交易 green power", "上海")),
        new EvalCorpus.Point("p2", List.of("绿色电力 绿色电力 and COVID-19", "北京")),
        new EvalCorpus.Point("p3", List.of("国发〔2021〕23号 spot market", "上海"))));
  }

  @Test
  void escapingKeepsQuotesExclusionAndOperatorsOnly() {
    assertEquals("国发\\[2021\\]23号", PlainBaseline.escape("国发[2021]23号"));
    assertEquals("COVID\\-19 -上海", PlainBaseline.escape("COVID-19 -上海"));
    assertEquals("\"spot market\" OR 0.25元\\/千瓦时", PlainBaseline.escape("\"spot market\" OR 0.25元/千瓦时"));
    assertEquals("《新疆\"十四五\"规划》", PlainBaseline.escape("《新疆\"十四五\"规划》"));
    assertEquals("a\\\" b", PlainBaseline.escape("a\" b"), "an unbalanced quote is a character");
    assertEquals("a \\- b", PlainBaseline.escape("a - b"));
  }

  @Test
  void plainBaselineRunsEveryQueryOfTheSet() throws IOException {
    try (PlainBaseline p = new PlainBaseline(corpus())) {
      for (RelevanceSet.Topic t : RelevanceSet.loadDefault().topics()) {
        assertNull(p.search(t.query()).error(), t.query());
      }
      assertEquals(List.of("p1"), p.search("green -北京").ids());
      assertEquals(List.of("p3"), p.search("\"spot market\"").ids());
    }
  }

  @Test
  void grepNeedsEveryWordAndRanksByOccurrences() {
    GrepScan g = new GrepScan(corpus());
    assertEquals(List.of("p2", "p1"), g.search("绿色电力").ids());
    assertEquals(List.of("p1"), g.search("绿色电力 GREEN").ids());
    assertEquals(List.of("p2"), g.search("绿色电力 -上海").ids());
    assertEquals(List.of("p1", "p3"), g.search("交易 OR 23号").ids());
    assertEquals(List.of(), g.search("\"market spot\"").ids());
    assertEquals(List.of(), g.search("绿電").ids(), "no folding: grep is literal");
  }

  @Test
  void theSetLoadsStrictly() throws IOException {
    RelevanceSet set = RelevanceSet.loadDefault();
    assertTrue(set.topics().size() >= 40);
    IOException e = assertThrows(IOException.class, () -> RelevanceSet.parse("q1\tzh-word\t碳\n", "Q1\tp\t3\n", "t"));
    assertTrue(e.getMessage().contains("qrels.tsv:1: unknown query id 'Q1'"), e.getMessage());
    e = assertThrows(IOException.class, () -> RelevanceSet.parse("q1\tzh-word\t碳\n", "q1\tp\t4\n", "t"));
    assertTrue(e.getMessage().contains("grade must be 1..3"), e.getMessage());
    e = assertThrows(IOException.class, () -> RelevanceSet.parse("q1\tzh-word\t碳\n", "", "t"));
    assertTrue(e.getMessage().contains("has no judgments"), e.getMessage());
    e = assertThrows(IOException.class, () -> RelevanceSet.parse("q1\tnegative\t碳\n", "q1\tp\t1\n", "t"));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }
}
