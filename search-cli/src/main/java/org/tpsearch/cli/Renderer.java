package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.tpsearch.cite.Citation;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchResult;

/**
 * Writes results in one output format (as ripgrep's printers: one per format, each fed the same
 * results). A command picks its renderer once, with {@link FormatOption#renderer}, and hands it its
 * result; it never switches on the format again. A format that cannot write a kind of result says so
 * before any work is done: {@link #supports}.
 */
interface Renderer {
  /** The kinds of result a command may hand over. */
  enum Kind {
    SEARCH("a search result"),
    POINT("a turning point"),
    FACETS("facet counts"),
    STATS("index statistics"),
    LINT("lint problems"),
    CITATIONS("references"),
    TABLE("a series table"),
    DUPLICATES("duplicate clusters");

    final String what;

    Kind(String what) {
      this.what = what;
    }
  }

  /** Whether this format can write results of {@code kind}. */
  boolean supports(Kind kind);

  /** Hits (and facet counts and explanations, when the result has them). */
  void search(SearchResult r, PrintWriter out);

  /** Reads a turning point in full (every item, every field) by id; null when there is none. */
  @FunctionalInterface
  interface Points {
    StoredPoint get(String id) throws IOException;
  }

  /**
   * Hits, for a format that may write more of each point than a hit holds (every item in full,
   * references of every item): it reads them from {@code points}, once per hit. Other formats write
   * the result alone.
   */
  default void search(SearchResult r, Points points, PrintWriter out) throws IOException {
    search(r, out);
  }

  /** References ({@code tpsearch cite}). */
  default void citations(List<Citation> citations, PrintWriter out) {
    throw cannotWrite(Kind.CITATIONS);
  }

  /** The turning points of one series, for a paper ({@code tpsearch table}). */
  default void table(SeriesTable t, PrintWriter out) {
    throw cannotWrite(Kind.TABLE);
  }

  /** What a renderer throws for a kind it does not support: a bug, since {@link FormatOption#renderer} checks first. */
  default UnsupportedOperationException cannotWrite(Kind kind) {
    return new UnsupportedOperationException(getClass().getSimpleName() + " cannot write " + kind.what);
  }

  /** One turning point in full. */
  void point(StoredPoint p, PrintWriter out);

  /** The counts of a {@code facets} command: total and facets, no hits. */
  void facets(SearchResult r, PrintWriter out);

  /** What the index holds. */
  void stats(IndexStats s, PrintWriter out);

  /** Every problem lint found, and its summary. */
  void lint(Indexer.LintResult r, PrintWriter out);

  /** The duplicate clusters of {@code tpsearch duplicates}, from the index described by {@code index}. */
  default void duplicates(java.util.List<org.tpsearch.search.Duplicates.Cluster> clusters, String index, PrintWriter out) {
    throw new UnsupportedOperationException("this format cannot write " + Kind.DUPLICATES.what);
  }

  /**
   * What {@code stats} reports.
   *
   * @param counts the facet counts of the whole index (its total is the number of points)
   * @param reportFiles the report files the points come from
   * @param indexBytes the index's size on disk, or -1 for the embedded index
   */
  record IndexStats(SearchResult counts, long reportFiles, long indexBytes) {}
}
