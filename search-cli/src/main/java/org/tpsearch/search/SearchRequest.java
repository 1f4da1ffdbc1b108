package org.tpsearch.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.Schema;

/**
 * A search: the query string (empty lists every point matching the filters) and the filters.
 *
 * @param query the query string, see {@link UserQuery}
 * @param filters values per facet dimension ({@link Schema#DIMENSIONS}), as typed: any alias
 *     (新疆, Xinjiang), a year range (2021..2023); several values of a dimension are OR'ed,
 *     dimensions AND'ed
 * @param minConfidence lowest confidence, or NaN for none
 * @param limit hits to return
 * @param sort order of hits
 * @param facets whether to count facets
 * @param expand whether to expand words with the glossary
 * @param explain whether to say how the query was analyzed and why each hit matched
 * @param excluded values per facet dimension that a point must not have (Kibana's "filter out"),
 *     as typed; they narrow every count, the dimension's own too
 * @param maxConfidence highest confidence, or NaN for none (with {@code minConfidence}, a range)
 */
public record SearchRequest(
    String query,
    Map<String, List<String>> filters,
    double minConfidence,
    int limit,
    SortOrder sort,
    boolean facets,
    boolean expand,
    boolean explain,
    Map<String, List<String>> excluded,
    double maxConfidence) {
  /** A request without exclusions or an upper confidence bound. */
  public SearchRequest(String query, Map<String, List<String>> filters, double minConfidence, int limit,
      SortOrder sort, boolean facets, boolean expand, boolean explain) {
    this(query, filters, minConfidence, limit, sort, facets, expand, explain, Map.of(), Double.NaN);
  }

  /** Orders of hits. */
  public enum SortOrder {
    /** Best match first; without a query, by date. */
    RELEVANCE,
    /** Oldest first. */
    DATE,
    /** Highest confidence first. */
    CONFIDENCE;

    /** The order a user names: relevance (or score), date or confidence, any case; the one parser of it. */
    public static SortOrder parse(String name) throws QueryException {
      return switch (name == null ? "relevance" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "relevance", "score" -> RELEVANCE;
        case "date" -> DATE;
        case "confidence" -> CONFIDENCE;
        default -> throw new QueryException("'" + name + "' (expected relevance, date or confidence)");
      };
    }
  }

  public SearchRequest {
    query = query == null ? "" : query;
    filters = byDimension(filters);
    excluded = byDimension(excluded);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
  }

  /** In the schema's dimension order, empty lists dropped: equal filters, equal requests. */
  private static Map<String, List<String>> byDimension(Map<String, List<String>> filters) {
    for (String dim : filters.keySet()) {
      if (!Schema.DIMS.contains(dim)) {
        throw new IllegalArgumentException("no facet dimension '" + dim + "' (there are: " + String.join(", ", Schema.DIMS) + ")");
      }
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (String dim : Schema.DIMS) {
      List<String> values = filters.get(dim);
      if (values != null && !values.isEmpty()) {
        copy.put(dim, List.copyOf(values));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The values excluded on dimension {@code dim}, as typed; empty when there are none. */
  public List<String> excluded(String dim) {
    return excluded.getOrDefault(dim, List.of());
  }

  /** The values of the filter on dimension {@code dim}, as typed; empty when there is none. */
  public List<String> filter(String dim) {
    return filters.getOrDefault(dim, List.of());
  }

  /**
   * A limit as given: a whole number, 0 or more (0 counts without listing hits), or {@code all}; the
   * one check of it.
   */
  public static int parseLimit(String text) throws QueryException {
    if (text.strip().equalsIgnoreCase("all")) {
      // The searcher caps a limit at the index's size before it allocates anything.
      return Integer.MAX_VALUE;
    }
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new QueryException("'" + text + "' (expected a whole number >= 0, or all)");
    }
    if (n < 0) {
      throw new QueryException(n + " (expected >= 0)");
    }
    return n;
  }

  /**
   * Parses a confidence filter: a number from 0 to 1, or blank for none (NaN). The CLI and the
   * HTTP API share this check.
   */
  public static double parseMinConfidence(String text) throws QueryException {
    if (text == null || text.isBlank()) {
      return Double.NaN;
    }
    double c;
    try {
      c = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new QueryException("min confidence '" + text + "' is not a number from 0 to 1");
    }
    return checkMinConfidence(c);
  }

  /** Returns {@code c} when it is a number from 0 to 1; NaN and infinities are errors. */
  public static double checkMinConfidence(double c) throws QueryException {
    // Written so that NaN (which Double parses) fails too: it compares false both ways.
    if (!(c >= 0 && c <= 1)) {
      throw new QueryException("min confidence " + c + " is not a number from 0 to 1");
    }
    return c;
  }

  /** Whether the request matches every point: no query words, filters, excluded values or confidence range. */
  public boolean matchesEverything() {
    return query.isBlank() && filters.isEmpty() && excluded.isEmpty() && Double.isNaN(minConfidence)
        && Double.isNaN(maxConfidence);
  }

  /** Fails when the request's confidence range is out of 0..1 or empty (NaN: no bound). */
  public void checkConfidence() throws QueryException {
    boolean min = !Double.isNaN(minConfidence);
    boolean max = !Double.isNaN(maxConfidence);
    if (min && (minConfidence < 0 || minConfidence > 1)) {
      throw new QueryException("--min-confidence must be between 0 and 1, got " + minConfidence);
    }
    if (max && !(maxConfidence >= 0 && maxConfidence <= 1)) {
      throw new QueryException("max confidence must be between 0 and 1, got " + maxConfidence);
    }
    if (min && max && minConfidence > maxConfidence) {
      throw new QueryException("confidence range " + minConfidence + ".." + maxConfidence + " is empty");
    }
  }

  /** A plain query: no filters, ten hits, by relevance, expansion on. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), Double.NaN, 10, SortOrder.RELEVANCE, false, true, false);
  }

  /** The same request with the filters on dimension {@code dim} replaced by {@code values}. */
  public SearchRequest withFilter(String dim, List<String> values) {
    Map<String, List<String>> f = new LinkedHashMap<>(filters);
    f.put(dim, values);
    return new SearchRequest(query, f, minConfidence, limit, sort, facets, expand, explain, excluded, maxConfidence);
  }

  public SearchRequest withFacets(boolean f) {
    return new SearchRequest(query, filters, minConfidence, limit, sort, f, expand, explain, excluded, maxConfidence);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(query, filters, minConfidence, n, sort, facets, expand, explain, excluded, maxConfidence);
  }

  public SearchRequest withExpand(boolean e) {
    return new SearchRequest(query, filters, minConfidence, limit, sort, facets, e, explain, excluded, maxConfidence);
  }
}
