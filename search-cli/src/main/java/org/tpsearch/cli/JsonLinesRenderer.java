package org.tpsearch.cli;

import java.io.PrintWriter;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.Problem;
import org.tpsearch.search.SearchResult;

/**
 * JSON Lines, for streams: one object a line, for results that are lists (hits, lint problems).
 * A turning point, facet counts and statistics are one document: use JSON for those.
 */
final class JsonLinesRenderer implements Renderer {
  static final JsonLinesRenderer INSTANCE = new JsonLinesRenderer(false);
  /** With {@code --full}: each hit also carries every item of its point in full. */
  static final JsonLinesRenderer FULL = new JsonLinesRenderer(true);

  private final boolean full;

  private JsonLinesRenderer(boolean full) {
    this.full = full;
  }

  @Override
  public void search(SearchResult r, Points points, PrintWriter out) throws java.io.IOException {
    for (SearchResult.Hit h : r.hits()) {
      out.println(JsonRenderer.hitLine(h, full ? points.get(h.id()) : null));
    }
  }

  @Override
  public boolean supports(Kind kind) {
    return kind == Kind.SEARCH || kind == Kind.LINT || kind == Kind.DUPLICATES;
  }

  @Override
  public void duplicates(java.util.List<org.tpsearch.search.Duplicates.Cluster> clusters, String index, PrintWriter out) {
    clusters.forEach(c -> out.println(JsonRenderer.cluster(new Json(), c)));
  }

  @Override
  public void search(SearchResult r, PrintWriter out) {
    r.hits().forEach(h -> out.println(JsonRenderer.hitLine(h)));
  }

  @Override
  public void lint(Indexer.LintResult r, PrintWriter out) {
    for (Problem p : r.problems()) {
      out.println(JsonRenderer.problem(new Json(), p));
    }
  }

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    throw unsupported(Kind.POINT);
  }

  @Override
  public void facets(SearchResult r, PrintWriter out) {
    throw unsupported(Kind.FACETS);
  }

  @Override
  public void stats(IndexStats s, PrintWriter out) {
    throw unsupported(Kind.STATS);
  }

  private static UnsupportedOperationException unsupported(Kind kind) {
    // FormatOption.renderer refuses the combination first; reaching this is a bug.
    return new UnsupportedOperationException("jsonl cannot write " + kind.what);
  }
}
