package org.tpsearch.search.eval;

import java.util.List;
import java.util.Map;

/** Ranking metrics over graded judgments (grade 1..3; a point not judged has grade 0). */
public final class Metrics {
  /** The cut-off of nDCG and recall. */
  public static final int K = 10;

  private Metrics() {}

  /**
   * nDCG@k with exponential gains: DCG = sum over ranks i = 1..k of (2^grade - 1) / log2(i + 1),
   * divided by the DCG of the judged points sorted by grade. 0 when nothing is judged.
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> judgments, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      dcg += gain(judgments.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
    }
    List<Integer> ideal = judgments.values().stream().sorted((a, b) -> b - a).limit(k).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** The share of judged points (grade 1 or more) in the first {@code k}; 0 when nothing is judged. */
  public static double recall(List<String> ranking, Map<String, Integer> judgments, int k) {
    if (judgments.isEmpty()) {
      return 0;
    }
    long found = ranking.stream().limit(k).filter(id -> judgments.getOrDefault(id, 0) >= 1).count();
    return found / (double) judgments.size();
  }

  /** 1 / the rank of the first judged point in the whole ranking, 0 when there is none. */
  public static double reciprocalRank(List<String> ranking, Map<String, Integer> judgments) {
    for (int i = 0; i < ranking.size(); i++) {
      if (judgments.getOrDefault(ranking.get(i), 0) >= 1) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
