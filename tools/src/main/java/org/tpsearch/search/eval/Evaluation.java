package org.tpsearch.search.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs every query of a {@link RelevanceSet} through several systems and scores them: nDCG@10,
 * recall@10 and MRR for judged queries; for negative queries (no judgments) 1 when the system
 * returns nothing and 0 otherwise, kept apart as the negative accuracy.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * The scores of one system on one query.
   *
   * @param ndcg nDCG@10 (NaN for a negative query)
   * @param recall recall@10 (NaN for a negative query)
   * @param rr reciprocal rank of the first judged point (NaN for a negative query)
   * @param negative 1 or 0 for a negative query (NaN otherwise)
   * @param ranking the ids returned, best first
   * @param total how many points matched
   * @param error why the system could not run the query, or null
   */
  public record QueryScore(RelevanceSet.Topic topic, double ndcg, double recall, double rr, double negative,
      List<String> ranking, long total, String error) {}

  /**
   * Means over a set of queries.
   *
   * @param judged judged queries
   * @param ndcg mean nDCG@10 over them (NaN when none)
   * @param recall mean recall@10
   * @param mrr mean reciprocal rank
   * @param negatives negative queries
   * @param negativeAccuracy share of negative queries that returned nothing (NaN when none)
   */
  public record Summary(int judged, double ndcg, double recall, double mrr, int negatives, double negativeAccuracy) {
    static Summary of(List<QueryScore> scores) {
      List<QueryScore> judged = scores.stream().filter(s -> !s.topic().negative()).toList();
      List<QueryScore> negative = scores.stream().filter(s -> s.topic().negative()).toList();
      return new Summary(judged.size(),
          mean(judged.stream().mapToDouble(QueryScore::ndcg).toArray()),
          mean(judged.stream().mapToDouble(QueryScore::recall).toArray()),
          mean(judged.stream().mapToDouble(QueryScore::rr).toArray()),
          negative.size(),
          mean(negative.stream().mapToDouble(QueryScore::negative).toArray()));
    }

    private static double mean(double[] xs) {
      if (xs.length == 0) {
        return Double.NaN;
      }
      double s = 0;
      for (double x : xs) {
        s += x;
      }
      return s / xs.length;
    }
  }

  /** One system's scores: per query, overall and per kind (kinds in order of first appearance). */
  public record SystemScores(String system, String description, List<QueryScore> queries, Summary overall,
      Map<String, Summary> byKind) {}

  /**
   * The whole evaluation.
   *
   * @param set the relevance set
   * @param corpus the corpus the baselines read
   * @param systems scores per system, in the order given
   * @param problems judgments naming points the corpus does not have, and points one system's
   *     corpus has and another's not
   */
  public record Result(RelevanceSet set, EvalCorpus corpus, List<SystemScores> systems, List<String> problems) {
    public SystemScores system(String name) {
      return systems.stream().filter(s -> s.system().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no system " + name));
    }

    /** The kinds of the set, in order of first appearance. */
    public List<String> kinds() {
      List<String> out = new ArrayList<>();
      set.topics().forEach(t -> {
        if (!out.contains(t.kind())) {
          out.add(t.kind());
        }
      });
      return out;
    }
  }

  /** Scores {@code systems} on {@code set}; {@code corpus} is what the judgments must refer to. */
  public static Result run(RelevanceSet set, EvalCorpus corpus, List<RetrievalSystem> systems) throws IOException {
    List<String> problems = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>();
    corpus.points().forEach(p -> ids.add(p.id()));
    set.qrels().forEach((qid, judged) -> judged.keySet().forEach(id -> {
      if (!ids.contains(id)) {
        problems.add("qrels: " + qid + " judges " + id + ", which is not a turning point of " + corpus.root());
      }
    }));
    List<SystemScores> out = new ArrayList<>();
    for (RetrievalSystem system : systems) {
      if (system instanceof TpsearchSystem t) {
        List<String> indexed = t.ids();
        if (!indexed.equals(new ArrayList<>(ids))) {
          TreeSet<String> onlyIndex = new TreeSet<>(indexed);
          onlyIndex.removeAll(ids);
          TreeSet<String> onlyCorpus = new TreeSet<>(ids);
          indexed.forEach(onlyCorpus::remove);
          problems.add("tpsearch's index and the reports differ (rebuild the sample index?): only in the index "
              + onlyIndex + ", only in the reports " + onlyCorpus);
        }
      }
      List<QueryScore> scores = new ArrayList<>();
      for (RelevanceSet.Topic topic : set.topics()) {
        scores.add(score(topic, set.judgments(topic.qid()), system.search(topic.query())));
      }
      Map<String, List<QueryScore>> grouped = new LinkedHashMap<>();
      scores.forEach(s -> grouped.computeIfAbsent(s.topic().kind(), k -> new ArrayList<>()).add(s));
      Map<String, Summary> byKind = new LinkedHashMap<>();
      grouped.forEach((k, v) -> byKind.put(k, Summary.of(v)));
      out.add(new SystemScores(system.name(), system.description(), scores, Summary.of(scores), byKind));
    }
    return new Result(set, corpus, out, problems);
  }

  static QueryScore score(RelevanceSet.Topic topic, Map<String, Integer> judged, RetrievalSystem.Ranking r) {
    List<String> ids = r.ids();
    if (topic.negative()) {
      return new QueryScore(topic, Double.NaN, Double.NaN, Double.NaN, r.total() == 0 ? 1 : 0, ids, r.total(),
          r.error());
    }
    return new QueryScore(topic, Metrics.ndcg(ids, judged, Metrics.K), Metrics.recall(ids, judged, Metrics.K),
        Metrics.reciprocalRank(ids, judged), Double.NaN, ids, r.total(), r.error());
  }
}
