package org.tpsearch.search;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.tpsearch.index.StoredPoint;

/**
 * The local engine of a long-running command ({@code serve}, {@code shell}): each request is
 * answered from the newest commit of the index folder ({@link LiveIndex}), so a {@code tpsearch
 * index} run shows in the next request without a restart. A request that makes several calls
 * (a search and the look-ups of {@code --collapse}) pins one reader with {@link #acquire}.
 */
public final class LiveBackend implements SearchBackend {
  private final LiveIndex index;
  private final Function<IndexHandle, Searcher> searcher;

  /** Answers from {@code index}, searching each reader with the searcher {@code searcher} makes for it. */
  public LiveBackend(LiveIndex index, Function<IndexHandle, Searcher> searcher) {
    this.index = index;
    this.searcher = searcher;
  }

  /** The engine over the newest reader, until {@link #release}d: every call answers from that one state. */
  @Override
  public SearchBackend acquire() throws IOException {
    IndexHandle h = index.acquire();
    try {
      return new LuceneBackend(searcher.apply(h));
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  @Override
  public void release(SearchBackend acquired) throws IOException {
    if (acquired != this) {
      acquired.close();
    }
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException, QueryException {
    try (SearchBackend b = acquire()) {
      return b.search(r);
    }
  }

  @Override
  public SearchResult facets(SearchRequest r) throws IOException, QueryException {
    try (SearchBackend b = acquire()) {
      return b.facets(r);
    }
  }

  @Override
  public SearchResult stats() throws IOException, QueryException {
    try (SearchBackend b = acquire()) {
      return b.stats();
    }
  }

  @Override
  public StoredPoint show(String id) throws IOException {
    try (SearchBackend b = acquire()) {
      return b.show(id);
    }
  }

  @Override
  public List<String> idsStartingWith(String prefix, int max) throws IOException {
    try (SearchBackend b = acquire()) {
      return b.idsStartingWith(prefix, max);
    }
  }

  @Override
  public List<Duplicates.Cluster> duplicates(SearchRequest r) throws IOException, QueryException {
    try (SearchBackend b = acquire()) {
      return b.duplicates(r);
    }
  }

  @Override
  public List<String> facetLabels(String dim) throws IOException {
    try (SearchBackend b = acquire()) {
      return b.facetLabels(dim);
    }
  }

  @Override
  public String description() {
    return index.description();
  }

  /** The schema version of the newest commit, or null when it does not say or cannot be read. */
  @Override
  public String schemaVersion() {
    try (SearchBackend b = acquire()) {
      return b.schemaVersion();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public long fileCount() throws IOException {
    try (SearchBackend b = acquire()) {
      return b.fileCount();
    }
  }

  @Override
  public long sizeInBytes() throws IOException {
    try (SearchBackend b = acquire()) {
      return b.sizeInBytes();
    }
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
