package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.DuplicateKeys;
import org.tpsearch.index.StoredPoint;

/**
 * {@code search --collapse}: hits in rank order; a hit is collapsed (left out, and listed as a
 * duplicate of the hit above it) when it has evidence items and every one of them shares a duplicate
 * key (same normalised title, 《document》, 文号 or document URL) with an item of a hit kept above
 * it. A hit with one item of its own stays. The page is filled from further hits, so it still holds
 * {@code limit} hits when there are enough; the total counts every matching point, collapsed or not.
 */
public final class Collapse {
  private Collapse() {}

  /** Hits the search looks at to fill a page of {@code limit} after collapsing. */
  static int room(int limit) {
    return (int) Math.min(10_000L, Math.max(limit, 3L * limit + 10));
  }

  /** Runs {@code r} on {@code backend} and collapses its hits. */
  public static SearchResult search(SearchBackend backend, SearchRequest r) throws IOException, QueryException {
    SearchResult res = backend.search(r.limit() == 0 ? r : r.withLimit(room(r.limit())));
    Map<String, String> ownerOfKey = new HashMap<>();
    List<SearchResult.Hit> kept = new ArrayList<>();
    List<SearchResult.Collapsed> collapsed = new ArrayList<>();
    for (SearchResult.Hit h : res.hits()) {
      if (kept.size() >= r.limit()) {
        break;
      }
      StoredPoint p = backend.show(h.id());
      List<List<String>> itemKeys = new ArrayList<>();
      if (p != null) {
        for (StoredPoint.Item it : p.items()) {
          itemKeys.add(DuplicateKeys.of(it.title(), it.sources()));
        }
      }
      String duplicateOf = null;
      boolean every = !itemKeys.isEmpty();
      for (List<String> keys : itemKeys) {
        String owner = keys.stream().map(ownerOfKey::get).filter(o -> o != null).findFirst().orElse(null);
        if (owner == null) {
          every = false;
          break;
        }
        duplicateOf = duplicateOf == null ? owner : duplicateOf;
      }
      if (every) {
        collapsed.add(new SearchResult.Collapsed(h.id(), duplicateOf));
        continue;
      }
      kept.add(h);
      for (List<String> keys : itemKeys) {
        keys.forEach(k -> ownerOfKey.putIfAbsent(k, h.id()));
      }
    }
    return res.withCollapsed(kept, collapsed);
  }
}
