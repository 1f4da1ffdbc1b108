package org.tpsearch.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.cli.Context;

/**
 * Search quality on the relevance set must not fall below the floors, set a little under what was
 * measured (see BENCHMARKS.md, "Search quality"), and tpsearch must beat both baselines. Raise a
 * floor when a change lifts the score for good; lowering one needs a reason in the commit message.
 * {@code tpsearch eval --per-query} shows where points are lost.
 */
class RelevanceFloorTest {
  // Measured on the tuning set (88 queries, with unspaced Chinese, questions, English over Chinese
  // and pinyin): nDCG@10 0.976, recall@10 0.992, MRR 1.000.
  static final double NDCG_FLOOR = 0.96;
  static final double RECALL_FLOOR = 0.97;
  static final double MRR_FLOOR = 0.98;

  static Evaluation.Result result;
  static final List<RetrievalSystem> systems = new ArrayList<>();

  @BeforeAll
  static void run() throws Exception {
    // Tests run in search-cli/; the reports are the sample index's.
    EvalCorpus corpus = EvalCorpus.load(Path.of("..").resolve(EvalCorpus.SAMPLE_REPORTS));
    systems.add(TpsearchSystem.embedded(new Context(Map.of(), false)::searcher));
    systems.add(new PlainBaseline(corpus));
    systems.add(new GrepScan(corpus));
    result = Evaluation.run(RelevanceSet.loadDefault(), corpus, systems);
  }

  @AfterAll
  static void close() throws Exception {
    for (RetrievalSystem s : systems) {
      s.close();
    }
  }

  static Evaluation.Summary overall(String system) {
    return result.system(system).overall();
  }

  static String table() {
    StringBuilder sb = new StringBuilder("\n");
    for (Evaluation.SystemScores s : result.systems()) {
      Evaluation.Summary o = s.overall();
      sb.append(String.format(Locale.ROOT, "%-9s nDCG@10 %.3f recall@10 %.3f MRR %.3f negative %.3f%n", s.system(),
          o.ndcg(), o.recall(), o.mrr(), o.negativeAccuracy()));
    }
    return sb.toString();
  }

  @Test
  void theSetIsConsistentWithTheCorpus() {
    assertEquals(List.of(), result.problems(), "every judged id is a point of the sample corpus, and the embedded "
        + "index holds the same points as the reports");
    assertTrue(result.set().topics().size() >= 40);
    assertTrue(overall("tpsearch").negatives() >= 1);
    assertTrue(result.kinds().size() >= 10, "queries of every kind: " + result.kinds());
  }

  @Test
  void tpsearchStaysAboveTheFloors() {
    Evaluation.Summary t = overall("tpsearch");
    assertTrue(t.ndcg() >= NDCG_FLOOR, "nDCG@10 " + t.ndcg() + " < " + NDCG_FLOOR + table());
    assertTrue(t.recall() >= RECALL_FLOOR, "recall@10 " + t.recall() + " < " + RECALL_FLOOR + table());
    assertTrue(t.mrr() >= MRR_FLOOR, "MRR " + t.mrr() + " < " + MRR_FLOOR + table());
  }

  @Test
  void tpsearchReturnsNothingForTheNegativeQueries() {
    assertEquals(1.0, overall("tpsearch").negativeAccuracy(), table());
  }

  /**
   * The blind set is scored, never tuned on: only its must-return-nothing queries are checked here
   * (the issue asks that every one of both sets returns nothing), and only as a share.
   */
  @Test
  void tpsearchReturnsNothingForTheBlindSetsNegativeQueries() throws Exception {
    Evaluation.Result blind = Evaluation.run(RelevanceSet.loadBlind(),
        EvalCorpus.load(Path.of("..").resolve(EvalCorpus.SAMPLE_REPORTS)), List.of(systems.get(0)));
    Evaluation.Summary t = blind.system("tpsearch").overall();
    assertTrue(t.negatives() >= 1);
    assertEquals(1.0, t.negativeAccuracy(), "share of the blind set's negative queries that returned nothing");
  }

  @Test
  void tpsearchBeatsBothBaselines() {
    Evaluation.Summary t = overall("tpsearch");
    for (String baseline : List.of("plain", "grep")) {
      Evaluation.Summary b = overall(baseline);
      assertTrue(t.ndcg() > b.ndcg(), "nDCG@10 vs " + baseline + table());
      assertTrue(t.recall() > b.recall(), "recall@10 vs " + baseline + table());
    }
  }
}
