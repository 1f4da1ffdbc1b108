package org.tpsearch.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/** The local engine: a Lucene index folder or the embedded sample index, searched by {@link Searcher}. */
public final class LuceneBackend implements SearchBackend {
  private final Searcher searcher;

  /** Answers with {@code searcher}; closing this closes its index. */
  public LuceneBackend(Searcher searcher) {
    this.searcher = searcher;
  }

  /** The searcher (for tools that measure Lucene itself). */
  public Searcher searcher() {
    return searcher;
  }

  /** The open index. */
  public IndexHandle index() {
    return searcher.index();
  }

  @Override
  public SearchResult search(SearchRequest r) throws IOException, QueryException {
    return searcher.search(r);
  }

  @Override
  public SearchResult facets(SearchRequest r) throws IOException, QueryException {
    return searcher.facets(r);
  }

  @Override
  public SearchResult stats() throws IOException, QueryException {
    return searcher.stats();
  }

  @Override
  public StoredPoint show(String id) throws IOException {
    StoredPoint p = searcher.show(id);
    return p == null ? null : DuplicateClusters.withAlsoCitedUnder(index().searcher(), p);
  }

  @Override
  public List<Duplicates.Cluster> duplicates(SearchRequest r) throws IOException, QueryException {
    return DuplicateClusters.of(index().reader(), r.matchesEverything() ? null : searcher.matchingDocs(r));
  }

  @Override
  public List<String> idsStartingWith(String prefix, int max) throws IOException {
    return searcher.idsStartingWith(prefix, max);
  }

  @Override
  public List<String> facetLabels(String dim) throws IOException {
    return searcher.facetLabels(dim);
  }

  @Override
  public String description() {
    return searcher.index().description();
  }

  @Override
  public String schemaVersion() {
    return searcher.index().schemaVersion();
  }

  @Override
  public long fileCount() throws IOException {
    IndexHandle h = searcher.index();
    if (h.reader().maxDoc() == 0) {
      return 0;
    }
    Set<String> files = new HashSet<>();
    StoredFields sf = h.searcher().storedFields();
    Set<String> wanted = Set.of(Schema.FILE);
    Bits live = MultiBits.getLiveDocs(h.reader());
    for (int i = 0; i < h.reader().maxDoc(); i++) {
      if (live != null && !live.get(i)) {
        continue;
      }
      files.add(StoredPoint.read(sf.document(i, wanted)).file());
    }
    files.remove("");
    return files.size();
  }

  @Override
  public long sizeInBytes() throws IOException {
    Path dir = searcher.index().path();
    if (dir == null) {
      return -1;
    }
    try (var s = Files.list(dir)) {
      long total = 0;
      for (Path p : s.toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }

  @Override
  public void close() throws IOException {
    searcher.index().close();
  }
}
