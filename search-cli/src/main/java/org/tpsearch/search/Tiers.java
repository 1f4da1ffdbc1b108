package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.tpsearch.analysis.CodePoints;

/**
 * The ranking both engines share: which hits are in which tier (a: the query as typed, b: every
 * content word, c: some of the words), their order (by tier, then by score; tier c by how many
 * words a hit has, then by score), the page filled from tier c after the points with every word,
 * and the totals (tier c is the whole answer, with its facet counts, when no point has every word).
 * An engine only runs queries ({@link Engine#run}) and says which of some hits match a query
 * ({@link Engine#matching}); {@link Searcher} does it on a Lucene index, {@link ClusterBackend} on
 * a cluster, so both give the same tiers, order and counts for the same matches. Hits of the same
 * rank and score come in point-id order ({@link #order}): documents are written on several threads,
 * so their doc ids, the engines' own last tie-break, differ between two builds of the same reports.
 *
 * @param <D> an engine's hit before its stored fields are read (a Lucene doc id, a cluster _id)
 */
final class Tiers {
  private Tiers() {}

  /** One execution of a query: the exact total, the top hits best first, facet counts when asked. */
  record Pass<D>(long total, List<D> top, Map<String, List<SearchResult.FacetCount>> facets) {}

  /**
   * A hit placed in its tier, with how many of the content words it has, how many count for its
   * order in tier c (a word that occurs nowhere counts by a part of it there), and how many of the
   * query's generic words it has (they order hits of the same tier and count).
   */
  record Ranked<D>(D doc, SearchResult.Tier tier, int matched, int counted, int generic) {
    Ranked(D doc, SearchResult.Tier tier, int matched, int counted) {
      this(doc, tier, matched, counted, 0);
    }

    Ranked(D doc, SearchResult.Tier tier, int matched) {
      this(doc, tier, matched, matched, 0);
    }
  }

  /** Hits with more of the query's generic words first (影响 in 能耗双控对电力行业的影响). */
  static <D> Comparator<Ranked<D>> byGeneric() {
    return Comparator.comparingInt((Ranked<D> h) -> h.generic()).reversed();
  }

  /** The queries each hit of a run is tested against: the typed phrase (if any), then the generic words. */
  private static List<Query> named(Query typed, QueryCompiler.Compiled compiled) {
    List<Query> out = new ArrayList<>();
    if (typed != null) {
      out.add(typed);
    }
    out.addAll(compiled.generic());
    return out;
  }

  /** The page, best first, with the totals and facet counts of the answer. */
  record Page<D>(List<Ranked<D>> ranked, long total, boolean partial, long partialTotal,
      Map<String, List<SearchResult.FacetCount>> facets) {}

  /** What an engine does for the tiers: run a query under the request's filters; test hits against a query. */
  interface Engine<D> {
    /**
     * Runs {@code text} under the request's filters and sort. By relevance and {@code deep}, the top
     * {@link QueryCompiler#RERANK_DEPTH} (at least {@code n}), re-ranked with {@code proximity}
     * (null: none); else the top {@code n}. Facet counts (drill sideways) when {@code withFacets}.
     */
    Pass<D> run(Query text, Query proximity, int n, boolean withFacets, boolean deep) throws IOException, QueryException;

    /** For each of {@code docs}, whether it matches {@code q}. */
    boolean[] matching(Query q, List<D> docs) throws IOException, QueryException;

    /** The relevance score of a hit of {@link #run}. */
    float score(D doc);

    /** The point id of a hit of {@link #run}. */
    String id(D doc);

    /**
     * How many points match {@code text} under the request's filters: {@link #run}'s total, for a
     * tier whose hits the page has no room for. An engine that can count without scoring or
     * collecting hits does it cheaper.
     */
    default long count(Query text) throws IOException, QueryException {
      return run(text, null, 1, false, false).total();
    }

    /**
     * Says which runs may follow: {@link #run} with these arguments (or a smaller {@code n}), and
     * {@link #matching} of each {@code named} query against the hits of that run. An engine that
     * pays per request (a cluster) runs them all at once and answers the calls from what it got;
     * the answers must be those the calls would get. By default, nothing.
     */
    default void prefetch(List<Planned> planned) throws IOException, QueryException {}
  }

  /**
   * The order of hits of one tier by relevance: score, highest first, then point id ascending, so
   * ties come in the same order from every index of the same reports and from both engines (an
   * engine's own last key, the doc id, follows the order documents happened to be written in).
   * Engines break ties the same way within a pass that they sort ({@code run}); this order also
   * covers a pass re-ranked by proximity, which each engine re-sorts by score alone.
   */
  static <D> Comparator<Ranked<D>> order(Engine<D> engine) {
    Comparator<Ranked<D>> byScore = Comparator.comparingDouble((Ranked<D> h) -> engine.score(h.doc())).reversed();
    return byScore.thenComparing(h -> engine.id(h.doc()), CodePoints::compare);
  }

  /** A run {@link Engine#prefetch} is told of: the arguments of {@link Engine#run}, and the queries its hits are tested against. */
  record Planned(Query text, Query proximity, int n, boolean withFacets, boolean deep, List<Query> named) {}

  /**
   * Ranks request {@code r} ({@code compiled}: its compiled query, null when empty) through
   * {@code engine}: at most {@code n} hits, ordered by tier when {@code byRelevance} (else in the
   * engine's sort order, tier by tier). Explanations of tier c are added to {@code explain}.
   */
  static <D> Page<D> rank(SearchRequest r, QueryCompiler.Compiled compiled, boolean byRelevance, int n,
      Engine<D> engine, List<String> explain) throws IOException, QueryException {
    Query text = compiled == null ? MatchAllDocsQuery.INSTANCE : compiled.strict();
    Query proximity = compiled == null ? null : compiled.proximity();
    // Tiers a and b: every content word; the query as typed first.
    engine.prefetch(List.of(new Planned(text, proximity, n, r.facets(), true,
        compiled == null ? List.of() : named(compiled.typed(), compiled))));
    Pass<D> pass = engine.run(text, proximity, n, r.facets(), true);
    List<Ranked<D>> ranked = new ArrayList<>();
    if (compiled != null) {
      boolean[] typed = compiled.typed() == null ? null : engine.matching(compiled.typed(), pass.top());
      int[] generic = count(engine, compiled.generic(), pass.top(), 0);
      for (int i = 0; i < pass.top().size(); i++) {
        boolean phrase = typed != null && typed[i];
        ranked.add(new Ranked<>(pass.top().get(i), phrase ? SearchResult.Tier.PHRASE : SearchResult.Tier.ALL,
            compiled.wordCount(), compiled.wordCount(), generic[i]));
      }
      if (byRelevance) {
        ranked.sort(Comparator.comparing((Ranked<D> h) -> h.tier()).thenComparing(byGeneric()).thenComparing(order(engine)));
      }
    } else {
      for (D d : pass.top()) {
        ranked.add(new Ranked<>(d, SearchResult.Tier.ALL, 0));
      }
    }
    if (ranked.size() > n) {
      ranked = new ArrayList<>(ranked.subList(0, n));
    }
    long total = pass.total();
    Map<String, List<SearchResult.FacetCount>> facets = pass.facets();
    boolean partial = false;
    long partialTotal = 0;
    // Tier c: most content words, then any. It fills the page after the points with every word
    // (and is the whole answer, with its facet counts, when no point has every word).
    List<Query> partials = compiled == null ? List.of() : compiled.partials();
    long allWords = total;
    Query fragments = compiled == null ? null : compiled.fragments();
    if (!partials.isEmpty() && (allWords == 0 || r.limit() > ranked.size())) {
      // The partial levels and the fragments may all be needed: said at once, with the most room
      // any of them can have (the room only shrinks) and facets where they can be the answer's.
      int room = Math.max(1, n - ranked.size());
      List<Planned> planned = new ArrayList<>();
      for (int level = 0; level < partials.size(); level++) {
        int fewest = level == 0 ? compiled.minimumMatch() : 1;
        int most = level == 0 ? compiled.wordCount() - 1 : compiled.minimumMatch() - 1;
        List<Query> named = new ArrayList<>(fewest != most ? compiled.units() : List.of());
        named.addAll(compiled.generic());
        planned.add(new Planned(partials.get(level), null, room, r.facets() && allWords == 0,
            fewest != most || !compiled.generic().isEmpty(), named));
      }
      if (fragments != null) {
        planned.add(new Planned(fragments, null, room, false, false, List.of()));
      }
      if (compiled.facetOnly() != null) {
        List<Query> named = new ArrayList<>(compiled.units());
        named.addAll(compiled.generic());
        planned.add(new Planned(compiled.facetOnly(), null, room, r.facets() && allWords == 0, true, named));
      }
      engine.prefetch(planned);
    }
    for (int level = 0; level < partials.size() && (allWords == 0 || r.limit() > ranked.size()); level++) {
      int room = Math.max(1, n - ranked.size());
      boolean answer = allWords == 0 && total == 0; // this pass's facets are the answer's
      if (!answer && r.limit() <= ranked.size()) {
        // The page is full (or asks for no hits) and the answer's facets come from an earlier
        // pass: this level only adds to the total (no point has every word), so it is counted,
        // not scored and ranked (浦东机场航班恢复: its "fewer words" level, 1,223 points).
        long count = engine.count(partials.get(level));
        total += count;
        partial = total > 0;
        explainLevel(r, compiled, level, count, true, explain);
        continue;
      }
      // Level 0 has at least the minimum of the words but not all, level 1 at least one but fewer
      // than the minimum: with three words or fewer each level has one count, known without
      // running each word's query over the hits (a cold process pays for every query it runs),
      // and the level's first hits by score are its page.
      int fewest = level == 0 ? compiled.minimumMatch() : 1;
      int most = level == 0 ? compiled.wordCount() - 1 : compiled.minimumMatch() - 1;
      // A word counted by its parts: the counts differ from the words matched, both are needed.
      boolean byParts = !compiled.rankUnits().isEmpty();
      // No proximity re-ranking here: its phrase needs every word, which no partial hit has.
      Pass<D> more = engine.run(partials.get(level), null, room, r.facets() && answer,
          fewest != most || byParts || !compiled.generic().isEmpty());
      List<D> docs = more.top();
      int[] matched = count(engine, fewest == most && !byParts ? null : compiled.units(), docs, fewest);
      int[] counted = byParts ? count(engine, compiled.rankUnits(), docs, fewest) : matched;
      int[] generic = count(engine, compiled.generic(), docs, 0);
      List<Ranked<D>> partialHits = partialPage(engine, docs, matched, counted, generic, byRelevance, n - ranked.size());
      if (allWords == 0) {
        total += more.total();
        if (answer) {
          facets = more.facets();
        }
        partial = total > 0;
      } else {
        partialTotal += more.total();
      }
      explainLevel(r, compiled, level, more.total(), allWords == 0, explain);
      if (r.limit() > 0) {
        ranked.addAll(partialHits);
      }
    }
    // Then points with only the query's sector or date words (2021年 of 2021年9月限电):
    // answers still, with their facets when they are all there is.
    Query facetOnly = compiled == null ? null : compiled.facetOnly();
    if (facetOnly != null && (allWords == 0 || r.limit() > ranked.size())) {
      boolean answer = allWords == 0 && total == 0;
      long count;
      if (!answer && r.limit() <= ranked.size()) {
        count = engine.count(facetOnly);
      } else {
        int room = Math.max(1, n - ranked.size());
        Pass<D> more = engine.run(facetOnly, null, room, r.facets() && answer, true);
        List<D> docs = more.top();
        int[] matched = count(engine, compiled.units(), docs, 0);
        int[] generic = count(engine, compiled.generic(), docs, 0);
        ranked.addAll(partialPage(engine, docs, matched, matched, generic, byRelevance, n - ranked.size()));
        if (answer) {
          facets = more.facets();
        }
        count = more.total();
      }
      if (allWords == 0) {
        total += count;
        partial = total > 0;
      } else {
        partialTotal += count;
      }
      if (r.explain() && count > 0) {
        explain.add(count + " points have only the sector or date words: they follow");
      }
    }
    // Last, to fill the page, points with none of the words but a part of one (错峰 of 错峰生产):
    // only when some point has a whole word, so a query none of whose words occur finds nothing.
    if (fragments != null && total + partialTotal > 0 && r.limit() > ranked.size() && n > ranked.size()) {
      int room = n - ranked.size();
      Pass<D> more = engine.run(fragments, null, room, false, false);
      List<D> docs = more.top();
      for (int i = 0; i < docs.size() && ranked.size() < n; i++) {
        ranked.add(new Ranked<>(docs.get(i), SearchResult.Tier.PARTIAL, 0));
      }
      if (allWords == 0) {
        total += more.total();
      } else {
        partialTotal += more.total();
      }
      if (r.explain() && more.total() > 0) {
        explain.add(more.total() + " points have none of the words but a part of one: they follow");
      }
    }
    return new Page<>(ranked, total, partial, partialTotal, facets);
  }

  /**
   * The partial hits of one pass, at most {@code room}: by relevance the most words first (as
   * {@code counted}), then more generic words, then the engine's order.
   */
  private static <D> List<Ranked<D>> partialPage(Engine<D> engine, List<D> docs, int[] matched, int[] counted,
      int[] generic, boolean byRelevance, int room) {
    List<Ranked<D>> hits = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      hits.add(new Ranked<>(docs.get(i), SearchResult.Tier.PARTIAL, matched[i], counted[i], generic[i]));
    }
    if (byRelevance) {
      hits.sort(Comparator.comparingInt((Ranked<D> h) -> h.counted()).reversed().thenComparing(byGeneric())
          .thenComparing(order(engine)));
    }
    return hits.subList(0, Math.min(Math.max(0, room), hits.size()));
  }

  /** For --explain: how many points a level of tier c has ({@code none}: no point has every word). */
  private static void explainLevel(SearchRequest r, QueryCompiler.Compiled compiled, int level, long count, boolean none,
      List<String> explain) {
    if (r.explain() && count > 0) {
      explain.add(count + " points have " + (level == 0 ? "at least " + compiled.minimumMatch() : "fewer")
          + " of the " + compiled.wordCount() + " words" + (none ? " (no point has every word)" : "")
          + ": they follow, the most words first");
    }
  }

  /** For each of {@code docs}, how many of {@code units} it matches; {@code known} for each when {@code units} is null. */
  private static <D> int[] count(Engine<D> engine, List<Query> units, List<D> docs, int known)
      throws IOException, QueryException {
    int[] out = new int[docs.size()];
    if (units == null) {
      Arrays.fill(out, known);
      return out;
    }
    for (Query u : units) {
      boolean[] m = engine.matching(u, docs);
      for (int i = 0; i < docs.size(); i++) {
        out[i] += m[i] ? 1 : 0;
      }
    }
    return out;
  }
}
