package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tpsearch.index.Dimension;

/**
 * A filter value as an engine indexed it, the same for every engine: a value the dimension's
 * resolver knows is always fine (zero hits is an answer); an unknown one must exist in the index
 * (in any case), or the user gets the list of values that do.
 */
final class FilterValues {
  private FilterValues() {}

  /** What an engine knows of a dimension's values. */
  interface Index {
    /** Every value of {@code dim} in the index. */
    List<String> facetLabels(String dim) throws IOException;

    /** Whether the index has {@code value} in {@code dim}, as written. */
    default boolean hasFacetValue(String dim, String value) throws IOException {
      return facetLabels(dim).contains(value);
    }
  }

  /** The indexed values that {@code typed} stands for in dimension {@code d} of {@code index}. */
  static List<String> of(Index index, Dimension d, String typed) throws IOException, QueryException {
    if (typed.isBlank()) {
      // Lucene refuses an empty facet path: before, --region "" was an internal error (exit 4).
      throw new QueryException("empty " + d.name() + ": give a value, or leave the filter out");
    }
    Optional<List<String>> known;
    try {
      known = d.resolver().resolve(typed);
    } catch (IllegalArgumentException e) {
      throw new QueryException("bad " + d.name() + ": " + e.getMessage());
    }
    if (known.isPresent()) {
      return known.get();
    }
    String value = typed.strip();
    if (index.hasFacetValue(d.name(), value)) {
      return List.of(value);
    }
    List<String> values = index.facetLabels(d.name());
    for (String v : values) {
      if (v.equalsIgnoreCase(value)) {
        return List.of(v);
      }
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    throw new QueryException("unknown " + d.name() + " '" + typed + "'; this index has"
        + (sorted.isEmpty() ? " no points" : ": " + String.join(", ", sorted)));
  }
}
