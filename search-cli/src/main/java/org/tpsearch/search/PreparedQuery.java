package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A compiled query whose rewritten form and weights are made once for one searcher and then
 * reused: a weight holds the index statistics of every term (a term-dictionary seek per term of
 * every phrase, 10% of a warm query), and those change only with the reader. Lucene's weights are
 * stateless between searches and shared across threads, as its concurrent search shares them.
 * With any other searcher, or under a boost, it is the plain query.
 */
final class PreparedQuery extends Query {
  private final Query query;
  private final IndexSearcher searcher;
  private volatile Query rewritten;
  private final Map<ScoreMode, Weight> weights = new ConcurrentHashMap<>();

  PreparedQuery(Query query, IndexSearcher searcher) {
    this.query = query;
    this.searcher = searcher;
  }

  /** {@code q} prepared for {@code searcher}; null stays null. */
  static Query of(Query q, IndexSearcher searcher) {
    return q == null ? null : new PreparedQuery(q, searcher);
  }

  /** The query this one stands for. */
  Query query() {
    return query;
  }

  private Query rewritten() throws IOException {
    Query r = rewritten;
    if (r == null) {
      r = searcher.rewrite(query);
      rewritten = r;
    }
    return r;
  }

  @Override
  public Query rewrite(IndexSearcher s) throws IOException {
    // Rewritten once, in createWeight; with another searcher, the plain query's own rewrite.
    return s == searcher ? this : query;
  }

  @Override
  public Weight createWeight(IndexSearcher s, ScoreMode scoreMode, float boost) throws IOException {
    if (s != searcher || boost != 1f) {
      return s.createWeight(s.rewrite(query), scoreMode, boost);
    }
    Weight w = weights.get(scoreMode);
    if (w == null) {
      try {
        w = weights.computeIfAbsent(scoreMode, m -> {
          try {
            return s.createWeight(rewritten(), m, 1f);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return w;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return query.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((PreparedQuery) other).query)
        && searcher == ((PreparedQuery) other).searcher;
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + query.hashCode();
  }
}
