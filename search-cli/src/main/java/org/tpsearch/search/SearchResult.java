package org.tpsearch.search;

import java.util.List;
import java.util.Map;
import org.tpsearch.index.EvidenceChecks;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.Link;

/**
 * The answer to a search.
 *
 * @param query the query as given
 * @param index where the index came from
 * @param total number of matching turning points
 * @param partial true when no point matched every word and the hits match only some
 * @param partialTotal points that match most words but not all, counted when the page had room for
 *     them (0 otherwise, and when {@code partial}: then {@code total} counts them)
 * @param words the query's content words, as searched (empty without a query)
 * @param hits the top hits: those with every word first, then partial ones
 * @param facets counts per dimension (drill-sideways for filtered dimensions), when asked
 * @param explain how the query was analyzed and expanded, when asked
 * @param collapsed hits left out as duplicates of hits above ({@code --collapse}); null without it
 * @param absent the query's words that are topics no report mentions in any form (核电 of 光伏 核电):
 *     only points with every word answer then, so such a query finds nothing; empty otherwise
 */
public record SearchResult(
    String query,
    String index,
    long total,
    boolean partial,
    long partialTotal,
    List<String> words,
    List<Hit> hits,
    Map<String, List<FacetCount>> facets,
    List<String> explain,
    List<Collapsed> collapsed,
    List<String> absent) {
  public SearchResult {
    absent = List.copyOf(absent);
    words = List.copyOf(words);
    hits = List.copyOf(hits);
    collapsed = collapsed == null ? null : List.copyOf(collapsed);
    // Dimension order is meaningful (region, sector, year, ...): keep it.
    facets = facets == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    explain = List.copyOf(explain);
  }

  /** A result without collapsing ({@code collapsed} null). */
  public SearchResult(String query, String index, long total, boolean partial, long partialTotal, List<String> words,
      List<Hit> hits, Map<String, List<FacetCount>> facets, List<String> explain) {
    this(query, index, total, partial, partialTotal, words, hits, facets, explain, null, List.of());
  }

  /** The same result with only {@code kept} hits, and {@code collapsed} listed ({@link Collapse}). */
  public SearchResult withCollapsed(List<Hit> kept, List<Collapsed> collapsed) {
    return new SearchResult(query, index, total, partial, partialTotal, words, kept, facets, explain, collapsed, absent);
  }

  /** A hit left out by {@code --collapse}: every item of it is cited by {@code duplicateOf}'s items above it. */
  public record Collapsed(String id, String duplicateOf) {}

  /** How well a hit matches the query, best first; computed from the matching, not from the score. */
  public enum Tier {
    /** The query occurs as typed (one phrase). */
    PHRASE,
    /** Every content word occurs. */
    ALL,
    /** Most content words occur (at least the minimum of the coordination rule), not all. */
    PARTIAL;

    /** Whether the hit has every content word. */
    public boolean all() {
      return this != PARTIAL;
    }
  }

  /** One value of a facet dimension and how many points have it. */
  public record FacetCount(String value, long count) {
    /**
     * The order of dimension {@code d}'s counts, whichever engine counted them: scales in their own
     * order (years by value, confidence buckets as declared: by label "<0.60" would sort after
     * "0.90-1.00"), the rest by count high to low, ties by value.
     */
    public static java.util.Comparator<FacetCount> order(org.tpsearch.index.Dimension d) {
      java.util.Comparator<FacetCount> byValue = java.util.Comparator.comparing(FacetCount::value);
      return switch (d.order()) {
        case VALUE -> byValue;
        case BUCKETS -> java.util.Comparator.comparingInt(c -> d.buckets().indexOf(c.value()));
        case COUNT -> java.util.Comparator.comparingLong(FacetCount::count).reversed().thenComparing(byValue);
      };
    }

    /** Every dimension with no values: the counts of an answer with no points. */
    public static Map<String, List<FacetCount>> none() {
      Map<String, List<FacetCount>> out = new java.util.LinkedHashMap<>();
      for (String dim : org.tpsearch.index.Schema.DIMS) {
        out.put(dim, List.of());
      }
      return out;
    }
  }

  /**
   * A matching turning point.
   *
   * @param id the turning-point id
   * @param region canonical English region
   * @param regionZh Chinese region name, empty when unknown
   * @param sector canonical English sector
   * @param sectorZh Chinese sector name
   * @param date YYYY-MM-DD (or as written when it could not be read)
   * @param type Policy, Event, ...
   * @param confidence 0..1, NaN when unknown
   * @param status found, none or failed
   * @param score relevance score (0 when sorted otherwise)
   * @param tier how it matches: the query as typed, every content word, or most of them
   * @param matchedWords how many content words it matches (from the matching itself)
   * @param evidence the evidence items that matched, best first (all items when there is no query)
   * @param snippet a highlighted piece of answer prose, when the match is there rather than in an item
   * @param file the report file
   * @param line the line of the point's heading
   * @param flags what could not be parsed
   * @param why for --explain: which words matched in which fields
   * @param evidenceWindow the point's {@code evidence_window} value ({@code all-in-window}, ...)
   */
  public record Hit(
      String id,
      String region,
      String regionZh,
      String sector,
      String sectorZh,
      String date,
      String type,
      double confidence,
      String status,
      float score,
      Tier tier,
      int matchedWords,
      List<EvidenceHit> evidence,
      Snippet snippet,
      String file,
      int line,
      List<String> flags,
      List<String> why,
      String evidenceWindow) {
    public Hit {
      evidence = List.copyOf(evidence);
      flags = List.copyOf(flags);
      why = List.copyOf(why);
      evidenceWindow = evidenceWindow == null ? "" : evidenceWindow;
    }

    /** A hit without its point's evidence-window value. */
    public Hit(String id, String region, String regionZh, String sector, String sectorZh, String date, String type,
        double confidence, String status, float score, Tier tier, int matchedWords, List<EvidenceHit> evidence,
        Snippet snippet, String file, int line, List<String> flags, List<String> why) {
      this(id, region, regionZh, sector, sectorZh, date, type, confidence, status, score, tier, matchedWords, evidence,
          snippet, file, line, flags, why, "");
    }
  }

  /**
   * An evidence item of a hit: its title (highlighted), time, best snippet, sources, every
   * labelled field of the item (agency, place, ...), as stored, and its checks (window, URL).
   */
  public record EvidenceHit(int ordinal, Snippet title, String time, Snippet snippet, List<Link> sources,
      List<StoredPoint.Labelled> fields, EvidenceChecks.Check check) {
    public EvidenceHit {
      sources = List.copyOf(sources);
      fields = List.copyOf(fields);
      check = check == null ? EvidenceChecks.Check.UNKNOWN : check;
    }

    /** An item without its checks. */
    public EvidenceHit(int ordinal, Snippet title, String time, Snippet snippet, List<Link> sources,
        List<StoredPoint.Labelled> fields) {
      this(ordinal, title, time, snippet, sources, fields, EvidenceChecks.Check.UNKNOWN);
    }
  }
}
