package org.tpsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.tpsearch.index.StoredPoint;

/**
 * A search engine that answers tpsearch's requests: the local Lucene index ({@link LuceneBackend})
 * or a search cluster. Commands, the shell, the HTTP API and the renderers use only this, so they
 * do not know which engine answers; each answer says which one did ({@link #description}).
 */
public interface SearchBackend extends Closeable {
  /**
   * This engine as one request sees it, until {@link #release}: a search and the look-ups made for
   * it answer from one state of the index, though the index is written meanwhile. An engine that
   * follows a changing index ({@link LiveBackend}) pins its newest reader; the others are their own.
   */
  default SearchBackend acquire() throws IOException {
    return this;
  }

  /** Gives back what {@link #acquire} returned (an engine's own self is not closed). */
  default void release(SearchBackend acquired) throws IOException {}

  /** Runs {@code r}: ranked hits in tiers, totals, and facet counts when asked. */
  SearchResult search(SearchRequest r) throws IOException, QueryException;

  /** Facet counts under the query and filters of {@code r}, without hits. */
  default SearchResult facets(SearchRequest r) throws IOException, QueryException {
    return search(r.withFacets(true).withLimit(0));
  }

  /** Counts of the whole index. */
  default SearchResult stats() throws IOException, QueryException {
    return facets(SearchRequest.of(""));
  }

  /** The stored turning point with this id, or null. */
  StoredPoint show(String id) throws IOException;

  /** Ids that start with {@code prefix}, sorted, at most {@code max}: for "did you mean" messages. */
  List<String> idsStartingWith(String prefix, int max) throws IOException;

  /**
   * The duplicate clusters with a member among the points that match {@code r}'s query and filters
   * (every cluster when it has neither), the most points first. See {@link Duplicates}.
   */
  default List<Duplicates.Cluster> duplicates(SearchRequest r) throws IOException, QueryException {
    throw new NotSupportedByEngine(description() + " cannot list duplicate clusters yet; "
        + "run 'tpsearch duplicates' on a local index ('tpsearch index DIR --index FOLDER')");
  }

  /** Every value of facet dimension {@code dim} in the index. */
  List<String> facetLabels(String dim) throws IOException;

  /** Which engine and index answers, for people: "the embedded sample index", "index at X", a URL. */
  String description();

  /** The schema version the index was written with, or null when it does not say. */
  String schemaVersion();

  /** How many distinct report files the points came from. */
  long fileCount() throws IOException;

  /** The index's size in bytes, or -1 when it has no size of its own to show (embedded). */
  long sizeInBytes() throws IOException;
}
