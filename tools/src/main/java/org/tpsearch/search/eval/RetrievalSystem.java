package org.tpsearch.search.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A system under evaluation: a query string in, a ranking of turning-point ids out. */
public interface RetrievalSystem extends Closeable {
  /** How many hits a system returns at most: more than the sample corpus holds, so MRR sees every hit. */
  int DEPTH = 100;

  /** Short name for tables: tpsearch, plain, grep. */
  String name();

  /** One line saying what the system is. */
  String description();

  /** Runs {@code query}; a query the system cannot run returns no hits and says why. */
  Ranking search(String query) throws IOException;

  /**
   * A ranking.
   *
   * @param ids turning-point ids, best first, at most {@link #DEPTH}
   * @param total how many points matched (may exceed {@code ids.size()})
   * @param error why the query could not be run, or null
   */
  record Ranking(List<String> ids, long total, String error) {
    public Ranking {
      ids = List.copyOf(ids);
    }

    static Ranking failed(String error) {
      return new Ranking(List.of(), 0, error);
    }
  }

  @Override
  default void close() throws IOException {}
}
