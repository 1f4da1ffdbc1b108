package org.tpsearch.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final Map<String, Integer> JUDGED = new LinkedHashMap<>(Map.of("a", 3, "b", 2, "c", 1));

  @Test
  void idealRankingScoresOne() {
    List<String> ideal = List.of("a", "b", "c", "x");
    assertEquals(1.0, Metrics.ndcg(ideal, JUDGED, 10), 1e-12);
    assertEquals(1.0, Metrics.recall(ideal, JUDGED, 10), 1e-12);
    assertEquals(1.0, Metrics.reciprocalRank(ideal, JUDGED), 1e-12);
  }

  @Test
  void gainsAreExponentialAndDiscountedByLog2() {
    // Ranking x, c, a: DCG = 0 + 1/log2(3) + 7/log2(4); IDCG = 7 + 3/log2(3) + 1/log2(4).
    double log3 = Math.log(3) / Math.log(2);
    double dcg = 1 / log3 + 7 / 2.0;
    double idcg = 7 + 3 / log3 + 1 / 2.0;
    List<String> r = List.of("x", "c", "a");
    assertEquals(dcg / idcg, Metrics.ndcg(r, JUDGED, 10), 1e-12);
    assertEquals(2 / 3.0, Metrics.recall(r, JUDGED, 10), 1e-12);
    assertEquals(0.5, Metrics.reciprocalRank(r, JUDGED), 1e-12);
  }

  @Test
  void cutOffAtK() {
    List<String> r = List.of("x", "y", "a");
    assertEquals(0.0, Metrics.ndcg(r, JUDGED, 2), 1e-12);
    assertEquals(0.0, Metrics.recall(r, JUDGED, 2), 1e-12);
    assertEquals(1 / 3.0, Metrics.reciprocalRank(r, JUDGED), 1e-12);
  }

  @Test
  void negativeQueriesScoreOnlyWhenNothingComesBack() {
    RelevanceSet.Topic neg = new RelevanceSet.Topic("n1", RelevanceSet.NEGATIVE, "区块链", "");
    assertEquals(1.0, Evaluation.score(neg, Map.of(), new RetrievalSystem.Ranking(List.of(), 0, null)).negative());
    assertEquals(0.0, Evaluation.score(neg, Map.of(), new RetrievalSystem.Ranking(List.of("a"), 1, null)).negative());
  }
}
