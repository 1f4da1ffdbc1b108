package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.tpsearch.opensearch.ClusterSchema;
import org.tpsearch.opensearch.JsonText;

/**
 * A compiled query (see {@link QueryCompiler}) as OpenSearch query DSL that makes the same Lucene
 * query inside the cluster: the same clauses, terms, phrase positions, slops and boosts, so it
 * matches the same points with the same scores on one shard. Phrases are sent as their analyzed
 * terms through the index's {@value ClusterSchema#TERMS_ANALYZER} analyzer (a gap token keeps an
 * empty position), so the cluster analyzes nothing of the query.
 */
final class QueryDsl {
  private QueryDsl() {}

  /**
   * The DSL of {@code q}.
   *
   * @throws IllegalArgumentException for a kind of query the compiler does not make
   */
  static Map<String, Object> of(Query q) {
    if (q instanceof BooleanQuery b) {
      List<Object> must = new ArrayList<>();
      List<Object> should = new ArrayList<>();
      List<Object> filter = new ArrayList<>();
      List<Object> mustNot = new ArrayList<>();
      for (BooleanClause c : b.clauses()) {
        Map<String, Object> sub = of(c.query());
        switch (c.occur()) {
          case MUST -> must.add(sub);
          case SHOULD -> should.add(sub);
          case FILTER -> filter.add(sub);
          case MUST_NOT -> mustNot.add(sub);
        }
      }
      Map<String, Object> body = JsonText.obj();
      if (!must.isEmpty()) {
        body.put("must", must);
      }
      if (!should.isEmpty()) {
        body.put("should", should);
      }
      if (!filter.isEmpty()) {
        body.put("filter", filter);
      }
      if (!mustNot.isEmpty()) {
        body.put("must_not", mustNot);
      }
      // Lucene's own defaults, spelled out: OpenSearch would require one SHOULD clause of a
      // query with FILTER clauses, and would match everything with only MUST_NOT clauses.
      body.put("minimum_should_match", Integer.toString(b.getMinimumNumberShouldMatch()));
      body.put("adjust_pure_negative", false);
      return JsonText.obj("bool", body);
    }
    if (q instanceof BoostQuery bq) {
      return boosted(of(bq.getQuery()), bq.getBoost());
    }
    if (q instanceof ConstantScoreQuery cs) {
      return JsonText.obj("constant_score", JsonText.obj("filter", of(cs.getQuery())));
    }
    if (q instanceof TermQuery tq) {
      return JsonText.obj("term", JsonText.obj(tq.getTerm().field(), JsonText.obj("value", tq.getTerm().text())));
    }
    if (q instanceof PhraseQuery pq) {
      Term[] terms = pq.getTerms();
      int[] positions = pq.getPositions();
      if (terms.length == 0) {
        return JsonText.obj("match_none", JsonText.obj());
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < terms.length; i++) {
        if (i > 0) {
          if (positions[i] <= positions[i - 1]) {
            throw new IllegalArgumentException("a phrase with stacked terms cannot be sent to the cluster: " + pq);
          }
          for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) {
            text.append(' ').append(ClusterSchema.GAP);
          }
          text.append(' ');
        }
        text.append(terms[i].text());
      }
      return JsonText.obj("match_phrase", JsonText.obj(terms[0].field(), JsonText.obj("query", text.toString(),
          "analyzer", ClusterSchema.TERMS_ANALYZER, "slop", pq.getSlop())));
    }
    if (q instanceof MatchAllDocsQuery) {
      return JsonText.obj("match_all", JsonText.obj());
    }
    if (q instanceof MatchNoDocsQuery) {
      return JsonText.obj("match_none", JsonText.obj());
    }
    throw new IllegalArgumentException("no query DSL for " + q.getClass().getSimpleName() + ": " + q);
  }

  /** {@code dsl} with its boost multiplied by {@code boost}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> boosted(Map<String, Object> dsl, float boost) {
    Map.Entry<String, Object> only = dsl.entrySet().iterator().next();
    Map<String, Object> body = (Map<String, Object>) only.getValue();
    Map<String, Object> target = body;
    if (only.getKey().equals("term") || only.getKey().equals("match_phrase")) {
      target = (Map<String, Object>) body.values().iterator().next(); // the field's parameters
    }
    Object old = target.get("boost");
    target.put("boost", old instanceof Float f ? f * boost : boost);
    return dsl;
  }
}
