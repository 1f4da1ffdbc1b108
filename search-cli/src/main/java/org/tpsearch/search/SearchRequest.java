package org.tpsearch.search;

import java.util.List;

/**
 * A search: the query string (empty lists every point matching the filters) and the filters.
 *
 * @param query the query string, see {@link UserQuery}
 * @param regions region filter: any alias (新疆, Xinjiang, 新疆维吾尔自治区); several are OR'ed
 * @param sectors sector filter: any alias (工业, Industry)
 * @param types turning-point types (Policy, Event, ...)
 * @param statuses evidence statuses (found, none, failed)
 * @param yearFrom first year, or 0 for no bound
 * @param yearTo last year, or 0 for no bound
 * @param minConfidence lowest confidence, or NaN for none
 * @param limit hits to return
 * @param sort order of hits
 * @param facets whether to count facets
 * @param expand whether to expand words with the glossary
 * @param explain whether to say how the query was analyzed and why each hit matched
 */
public record SearchRequest(
    String query,
    List<String> regions,
    List<String> sectors,
    List<String> types,
    List<String> statuses,
    int yearFrom,
    int yearTo,
    double minConfidence,
    int limit,
    SortOrder sort,
    boolean facets,
    boolean expand,
    boolean explain) {
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
    regions = List.copyOf(regions);
    sectors = List.copyOf(sectors);
    types = List.copyOf(types);
    statuses = List.copyOf(statuses);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
  }

  private static final java.util.regex.Pattern YEARS =
      java.util.regex.Pattern.compile("^(\\d{4})?\\s*(?:\\.\\.|-|–)\\s*(\\d{4})?$|^(\\d{4})$");

  /**
   * Parses a year filter: {@code 2022}, {@code 2021..2023}, {@code 2021..}, {@code ..2022} (also
   * with {@code -}); returns {from, to}, 0 for an open end, {0, 0} for blank.
   */
  public static int[] parseYears(String years) throws QueryException {
    if (years == null || years.isBlank()) {
      return new int[] {0, 0};
    }
    java.util.regex.Matcher m = YEARS.matcher(years.strip());
    if (!m.matches() || (m.group(3) == null && m.group(1) == null && m.group(2) == null)) {
      throw new QueryException("bad year '" + years + "' (expected 2022, 2021..2023, 2021.. or ..2022)");
    }
    if (m.group(3) != null) {
      int y = Integer.parseInt(m.group(3));
      return new int[] {y, y};
    }
    return new int[] {m.group(1) == null ? 0 : Integer.parseInt(m.group(1)),
        m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
  }

  /** A limit as given: a whole number, 0 or more (0 counts without listing hits); the one check of it. */
  public static int parseLimit(String text) throws QueryException {
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new QueryException("'" + text + "' (expected a whole number >= 0)");
    }
    if (n < 0) {
      throw new QueryException(n + " (expected >= 0)");
    }
    return n;
  }

  /** A plain query: no filters, ten hits, by relevance, expansion on. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, List.of(), List.of(), List.of(), List.of(), 0, 0, Double.NaN, 10,
        SortOrder.RELEVANCE, false, true, false);
  }

  public SearchRequest withFacets(boolean f) {
    return new SearchRequest(query, regions, sectors, types, statuses, yearFrom, yearTo, minConfidence, limit, sort, f, expand, explain);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(query, regions, sectors, types, statuses, yearFrom, yearTo, minConfidence, n, sort, facets, expand, explain);
  }

  public SearchRequest withExpand(boolean e) {
    return new SearchRequest(query, regions, sectors, types, statuses, yearFrom, yearTo, minConfidence, limit, sort, facets, e, explain);
  }
}
