package org.tpsearch.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.tpsearch.analysis.Glossary;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.ClusterSchema;
import org.tpsearch.opensearch.ClusterSink;
import org.tpsearch.opensearch.JsonText;

/**
 * Searches an index that {@code tpsearch index --to} made on an OpenSearch cluster, with the
 * local engine's semantics: the query is compiled by the same {@link QueryCompiler} (its word
 * dictionary looked up in the cluster, see {@link ClusterLexicon}) and sent as the same Lucene
 * query ({@link QueryDsl}); the tiers, the proximity re-ranking (a rescore), the drill-sideways
 * facet counts (a post filter and one filtered aggregation per dimension) and the highlights
 * ({@link Searcher#hit}, from the stored text) are the local ones. Scores are the cluster's: per
 * shard, so with more than one shard the order of close hits can differ from a local index.
 */
public final class ClusterBackend implements SearchBackend {
  private static final int MAX_FACET_VALUES = 65_536;

  private final Cluster cluster;
  private final Glossary glossary;
  private final ClusterLexicon lexicon;
  private final String schemaVersion;
  private QueryCompiler compiler;

  private ClusterBackend(Cluster cluster, Glossary glossary, String schemaVersion) throws IOException {
    this.cluster = cluster;
    this.glossary = glossary;
    this.lexicon = new ClusterLexicon(cluster);
    this.schemaVersion = schemaVersion;
  }

  /**
   * Opens the cluster index {@code cluster} names; fails with a message naming the URL when the
   * cluster cannot be reached or holds no tpsearch index there.
   */
  public static ClusterBackend open(Cluster cluster, Glossary glossary) throws IndexException {
    try {
      Cluster.Response r = cluster.send("GET", "/" + cluster.index() + "/_mapping", null, null);
      if (r.status() == 404) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": no such index on the cluster "
            + "(build one with 'tpsearch index DIR --to " + cluster.url() + "')", null);
      }
      if (!r.ok()) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": the cluster answered " + r.status() + ": "
            + Cluster.reason(r.body()), null);
      }
      Map<String, Object> mappings = JsonText.map(JsonText.map(r.body(), cluster.index()), "mappings");
      String schema = JsonText.string(JsonText.map(mappings, "_meta"), ClusterSchema.META_KEY);
      if (schema == null) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": the index was not made by 'tpsearch index --to'", null);
      }
      return new ClusterBackend(cluster, glossary, schema);
    } catch (IOException e) {
      throw new IndexException(null, "cannot open " + cluster.url() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String description() {
    return "OpenSearch index " + cluster.index() + " at " + cluster.url().replaceAll("/[^/]*$", "");
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  private synchronized QueryCompiler compiler(String query) throws IOException {
    lexicon.prefetch(query);
    if (compiler == null) {
      compiler = new QueryCompiler(glossary, lexicon.reader());
    }
    return compiler;
  }

  // ---------------------------------------------------------------- search

  /** One execution of a query: exact total, the top hits (id, score), facet counts when asked. */
  private record Pass(long total, List<Doc> top, Map<String, List<SearchResult.FacetCount>> facets) {}

  /** A hit before its stored fields are read. */
  private record Doc(String id, float score) {}

  private record Ranked(Doc doc, SearchResult.Tier tier, int matched) {}

  @Override
  public SearchResult search(SearchRequest r) throws IOException, QueryException {
    UserQuery uq = UserQuery.parse(r.query());
    QueryCompiler.Compiled compiled = uq.isEmpty() ? null : compiler(r.query()).compile(uq, r.expand());
    List<String> explain = new ArrayList<>();
    if (compiled != null && r.explain()) {
      explain.addAll(compiled.explain());
    }
    Map<String, List<String>> drill = drillDowns(r);
    Object text = compiled == null ? JsonText.obj("match_all", JsonText.obj()) : dsl(compiled.strict());
    boolean byRelevance = r.sort() == SearchRequest.SortOrder.RELEVANCE && compiled != null;
    int n = Math.max(1, Math.min(r.limit(), 1_000_000));
    Object proximity = compiled == null || compiled.proximity() == null ? null : dsl(compiled.proximity());
    Pass pass = run(text, r, drill, proximity, byRelevance, n, r.facets());
    List<Ranked> ranked = new ArrayList<>();
    if (compiled != null) {
      Set<String> typed = compiled.typed() == null ? Set.of() : matching(dsl(compiled.typed()), pass.top());
      for (Doc d : pass.top()) {
        ranked.add(new Ranked(d, typed.contains(d.id()) ? SearchResult.Tier.PHRASE : SearchResult.Tier.ALL,
            compiled.wordCount()));
      }
      if (byRelevance) {
        ranked.sort(Comparator.comparing(Ranked::tier)); // stable: by score within a tier
      }
    } else {
      for (Doc d : pass.top()) {
        ranked.add(new Ranked(d, SearchResult.Tier.ALL, 0));
      }
    }
    if (ranked.size() > n) {
      ranked = new ArrayList<>(ranked.subList(0, n));
    }
    long total = pass.total();
    Map<String, List<SearchResult.FacetCount>> facets = pass.facets();
    boolean partial = false;
    long partialTotal = 0;
    List<Query> partials = compiled == null ? List.of() : compiled.partials();
    long allWords = total;
    for (int level = 0; level < partials.size() && (allWords == 0 || r.limit() > ranked.size()); level++) {
      int room = Math.max(1, n - ranked.size());
      boolean answer = allWords == 0 && total == 0;
      Pass more = run(dsl(partials.get(level)), r, drill, proximity, byRelevance, room, r.facets() && answer);
      List<Doc> docs = more.top();
      Map<String, Integer> matched = new HashMap<>();
      for (Query u : compiled.units()) {
        for (String id : matching(dsl(u), docs)) {
          matched.merge(id, 1, Integer::sum);
        }
      }
      List<Ranked> partialHits = new ArrayList<>();
      for (Doc d : docs) {
        partialHits.add(new Ranked(d, SearchResult.Tier.PARTIAL, matched.getOrDefault(d.id(), 0)));
      }
      if (byRelevance) {
        partialHits.sort(Comparator.comparingInt(Ranked::matched).reversed()); // stable: by score
      }
      partialHits = partialHits.subList(0, Math.min(Math.max(0, n - ranked.size()), partialHits.size()));
      if (allWords == 0) {
        total += more.total();
        if (answer) {
          facets = more.facets();
        }
        partial = total > 0;
      } else {
        partialTotal += more.total();
      }
      if (r.explain() && more.total() > 0) {
        explain.add(more.total() + " points have " + (level == 0 ? "at least " + compiled.minimumMatch() : "fewer")
            + " of the " + compiled.wordCount() + " words" + (allWords == 0 ? " (no point has every word)" : "")
            + ": they follow, the most words first");
      }
      if (r.limit() > 0) {
        ranked.addAll(partialHits);
      }
    }
    List<SearchResult.Hit> hits = new ArrayList<>();
    if (r.limit() > 0 && total > 0 && !ranked.isEmpty()) {
      PhraseHighlighter highlight = compiled == null ? null : new PhraseHighlighter(compiled.forms());
      Map<String, StoredPoint> points = fetch(ranked.stream().map(h -> h.doc().id()).toList());
      for (Ranked h : ranked) {
        StoredPoint p = points.get(h.doc().id());
        if (p != null) {
          hits.add(Searcher.hit(p, h.doc().score(), h.tier(), h.matched(), highlight, List.of()));
        }
      }
    }
    if (facets == null && r.facets()) {
      facets = noFacets();
    }
    return new SearchResult(r.query(), description(), total, partial, partialTotal,
        compiled == null ? List.of() : compiled.words(), hits, r.facets() ? facets : null, explain);
  }

  private static Object dsl(Query q) throws QueryException {
    try {
      return QueryDsl.of(q);
    } catch (IllegalArgumentException e) {
      throw new QueryException("this query cannot be sent to the cluster: " + e.getMessage());
    }
  }

  /**
   * Runs one query: by relevance the top {@link QueryCompiler#RERANK_DEPTH} (at least {@code n}),
   * re-ranked with the proximity bonus; sorted otherwise, the top {@code n}.
   */
  private Pass run(Object text, SearchRequest r, Map<String, List<String>> drill, Object proximity, boolean byRelevance,
      int n, boolean withFacets) throws IOException, QueryException {
    int depth = byRelevance ? Math.max(n, QueryCompiler.RERANK_DEPTH) : n;
    List<Object> must = List.of(text);
    List<Object> baseFilters = new ArrayList<>();
    if (!Double.isNaN(r.minConfidence())) {
      if (r.minConfidence() < 0 || r.minConfidence() > 1) {
        throw new QueryException("--min-confidence must be between 0 and 1, got " + r.minConfidence());
      }
      baseFilters.add(JsonText.obj("range", JsonText.obj(Schema.CONFIDENCE, JsonText.obj("gte", r.minConfidence(), "lte", 1.0))));
    }
    if (!Double.isNaN(r.maxConfidence())) {
      if (!(r.maxConfidence() >= 0 && r.maxConfidence() <= 1)) {
        throw new QueryException("max confidence must be between 0 and 1, got " + r.maxConfidence());
      }
      if (!Double.isNaN(r.minConfidence()) && r.minConfidence() > r.maxConfidence()) {
        throw new QueryException("confidence range " + r.minConfidence() + ".." + r.maxConfidence() + " is empty");
      }
      baseFilters.add(JsonText.obj("range", JsonText.obj(Schema.CONFIDENCE, JsonText.obj("gte", 0.0, "lte", r.maxConfidence()))));
    }
    // Excluded values (the HTTP API's not_DIMENSION), as the local engine: out of the hits and of
    // every count, their own dimension's too.
    List<Object> excluded = new ArrayList<>();
    for (Dimension d : Schema.DIMENSIONS) {
      List<String> values = new ArrayList<>();
      for (String typed : r.excluded(d.name())) {
        values.addAll(indexedValues(d, typed));
      }
      if (!values.isEmpty()) {
        excluded.add(JsonText.obj("terms", JsonText.obj(ClusterSchema.facetField(d.name()), values)));
      }
    }
    if (!excluded.isEmpty()) {
      baseFilters.add(JsonText.obj("bool", JsonText.obj("must_not", excluded)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("size", depth);
    body.put("track_total_hits", true);
    body.put("_source", false);
    if (withFacets) {
      // Drill sideways: the query and confidence in the query; the facet filters after it (hits) and
      // in each dimension's aggregation but its own (counts).
      body.put("query", bool(must, baseFilters));
      if (!drill.isEmpty()) {
        body.put("post_filter", bool(List.of(), drillFilters(drill, null)));
      }
      Map<String, Object> aggs = new LinkedHashMap<>();
      for (Dimension d : Schema.DIMENSIONS) {
        aggs.put(d.name(), JsonText.obj("filter", bool(List.of(), drillFilters(drill, d.name())),
            "aggs", JsonText.obj("values", JsonText.obj("terms", JsonText.obj("field", ClusterSchema.facetField(d.name()),
                "size", MAX_FACET_VALUES)))));
      }
      body.put("aggs", aggs);
    } else {
      List<Object> filters = new ArrayList<>(baseFilters);
      filters.addAll(drillFilters(drill, null));
      body.put("query", bool(must, filters));
    }
    if (!byRelevance) {
      body.put("sort", sort(r));
      body.put("track_scores", true); // the local engine shows the scores of sorted hits too
    } else if (proximity != null) {
      body.put("rescore", JsonText.obj("window_size", depth, "query", JsonText.obj("rescore_query", proximity,
          "query_weight", 1.0f, "rescore_query_weight", QueryCompiler.PROXIMITY_BOOST, "score_mode", "total")));
    }
    Object answer = searchCall(body);
    Map<String, Object> hitsObj = JsonText.map(answer, "hits");
    long total = (long) JsonText.number(JsonText.map(hitsObj, "total"), "value", 0);
    List<Doc> top = new ArrayList<>();
    for (Object h : JsonText.list(hitsObj, "hits")) {
      top.add(new Doc(JsonText.string(h, "_id"), (float) JsonText.number(h, "_score", 0)));
    }
    Map<String, List<SearchResult.FacetCount>> facets = null;
    if (withFacets) {
      facets = new LinkedHashMap<>();
      Map<String, Object> aggs = JsonText.map(answer, "aggregations");
      for (Dimension d : Schema.DIMENSIONS) {
        List<SearchResult.FacetCount> counts = new ArrayList<>();
        for (Object b : JsonText.list(JsonText.map(JsonText.map(aggs, d.name()), "values"), "buckets")) {
          long c = (long) JsonText.number(b, "doc_count", 0);
          if (c > 0) {
            counts.add(new SearchResult.FacetCount(JsonText.string(b, "key"), c));
          }
        }
        Comparator<SearchResult.FacetCount> byValue = Comparator.comparing(SearchResult.FacetCount::value);
        counts.sort(switch (d.order()) {
          case VALUE -> byValue;
          case BUCKETS -> Comparator.comparingInt(c -> d.buckets().indexOf(c.value()));
          case COUNT -> Comparator.comparingLong(SearchResult.FacetCount::count).reversed().thenComparing(byValue);
        });
        facets.put(d.name(), counts);
      }
    }
    return new Pass(total, top, facets);
  }

  private static Map<String, Object> bool(List<Object> must, List<Object> filter) {
    Map<String, Object> b = new LinkedHashMap<>();
    if (!must.isEmpty()) {
      b.put("must", must);
    }
    if (!filter.isEmpty()) {
      b.put("filter", filter);
    }
    if (b.isEmpty()) {
      return JsonText.obj("match_all", JsonText.obj());
    }
    return JsonText.obj("bool", b);
  }

  /** One terms filter a drilled dimension (values of one dimension OR, dimensions AND), {@code except} left out. */
  private static List<Object> drillFilters(Map<String, List<String>> drill, String except) {
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : drill.entrySet()) {
      if (!e.getKey().equals(except)) {
        out.add(JsonText.obj("terms", JsonText.obj(ClusterSchema.facetField(e.getKey()), e.getValue())));
      }
    }
    return out;
  }

  private static List<Object> sort(SearchRequest r) {
    Object date = JsonText.obj(Schema.DATE, JsonText.obj("order", "asc"));
    Object confidence = JsonText.obj(Schema.CONFIDENCE, JsonText.obj("order", "desc"));
    return switch (r.sort()) {
      case RELEVANCE -> List.of(date, confidence);
      case DATE -> List.of(date, JsonText.obj("_score", JsonText.obj("order", "desc")));
      case CONFIDENCE -> List.of(confidence, date);
    };
  }

  /** The ids of {@code docs} that match {@code query}: one request with the query named. */
  private Set<String> matching(Object query, List<Doc> docs) throws IOException, QueryException {
    if (docs.isEmpty()) {
      return Set.of();
    }
    List<String> ids = docs.stream().map(Doc::id).toList();
    Object body = JsonText.obj("size", ids.size(), "_source", false, "query", JsonText.obj("bool", JsonText.obj(
        "filter", List.of(JsonText.obj("ids", JsonText.obj("values", ids))),
        "should", List.of(JsonText.obj("bool", JsonText.obj("filter", List.of(query), "_name", "q"))),
        "minimum_should_match", "0")));
    Set<String> out = new HashSet<>();
    for (Object h : JsonText.list(JsonText.map(searchCall(body), "hits"), "hits")) {
      if (JsonText.list(h, "matched_queries").contains("q")) {
        out.add(JsonText.string(h, "_id"));
      }
    }
    return out;
  }

  private Object searchCall(Object body) throws IOException, QueryException {
    Cluster.Response resp = cluster.send("POST", "/" + cluster.index() + "/_search", JsonText.write(body), "application/json");
    if (resp.status() == 400) {
      throw new QueryException("the cluster refused the query: " + Cluster.reason(resp.body()));
    }
    if (!resp.ok()) {
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " answered " + resp.status() + ": "
          + Cluster.reason(resp.body()), resp.status(), null);
    }
    return resp.body();
  }

  /** The stored points of {@code ids} (the verbatim answer left out, as local hits leave it). */
  private Map<String, StoredPoint> fetch(List<String> ids) throws IOException {
    Object answer = cluster.call("POST", "/" + cluster.index() + "/_mget?_source_excludes="
        + ClusterSchema.STORED + "." + Schema.ANSWER, JsonText.obj("ids", ids));
    Map<String, StoredPoint> out = new HashMap<>();
    for (Object d : JsonText.list(answer, "docs")) {
      if (d instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("found"))) {
        out.put(JsonText.string(d, "_id"), ClusterSchema.storedPoint(JsonText.map(d, "_source")));
      }
    }
    return out;
  }

  private static Map<String, List<SearchResult.FacetCount>> noFacets() {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    for (String dim : Schema.DIMS) {
      out.put(dim, List.of());
    }
    return out;
  }

  // ---------------------------------------------------------------- filters

  /** The request's filters as indexed values, per dimension (see {@link #indexedValues}). */
  private Map<String, List<String>> drillDowns(SearchRequest r) throws IOException, QueryException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Dimension d : Schema.DIMENSIONS) {
      List<String> values = new ArrayList<>();
      for (String typed : r.filter(d.name())) {
        values.addAll(indexedValues(d, typed));
      }
      if (!values.isEmpty()) {
        out.put(d.name(), values);
      }
    }
    return out;
  }

  /** As {@code Searcher}: a value the resolver knows, else one the index has (in any case), else the list. */
  private List<String> indexedValues(Dimension d, String typed) throws IOException, QueryException {
    java.util.Optional<List<String>> known;
    try {
      known = d.resolver().resolve(typed);
    } catch (IllegalArgumentException e) {
      throw new QueryException("bad " + d.name() + ": " + e.getMessage());
    }
    if (known.isPresent()) {
      return known.get();
    }
    String value = typed.strip();
    List<String> values = facetLabels(d.name());
    for (String v : values) {
      if (v.equals(value)) {
        return List.of(v);
      }
    }
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

  @Override
  public List<String> facetLabels(String dim) throws IOException {
    Object answer = cluster.call("POST", "/" + cluster.index() + "/_search", JsonText.obj("size", 0, "aggs",
        JsonText.obj("values", JsonText.obj("terms", JsonText.obj("field", ClusterSchema.facetField(dim), "size", MAX_FACET_VALUES)))));
    List<String> out = new ArrayList<>();
    for (Object b : JsonText.list(JsonText.map(JsonText.map(answer, "aggregations"), "values"), "buckets")) {
      out.add(JsonText.string(b, "key"));
    }
    out.sort(null);
    return out;
  }

  // ---------------------------------------------------------------- show and stats

  @Override
  public StoredPoint show(String id) throws IOException {
    String key = URLEncoder.encode(id.strip().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    Cluster.Response r = cluster.send("GET", "/" + cluster.index() + "/_doc/" + key, null, null);
    if (r.status() == 404) {
      return null;
    }
    if (!r.ok() || !(r.body() instanceof Map<?, ?> m) || !Boolean.TRUE.equals(m.get("found"))) {
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " answered " + r.status() + ": "
          + Cluster.reason(r.body()), r.status(), null);
    }
    return ClusterSchema.storedPoint(JsonText.map(r.body(), "_source"));
  }

  @Override
  public List<String> idsStartingWith(String prefix, int max) throws IOException {
    Object answer = cluster.call("POST", "/" + cluster.index() + "/_search", JsonText.obj("size", max, "_source", false,
        "query", JsonText.obj("prefix", JsonText.obj(Schema.ID, JsonText.obj("value", prefix))),
        "sort", List.of(JsonText.obj(Schema.ID, "asc"))));
    List<String> out = new ArrayList<>();
    for (Object h : JsonText.list(JsonText.map(answer, "hits"), "hits")) {
      out.add(JsonText.string(h, "_id"));
    }
    out.sort(null);
    return out;
  }

  @Override
  public long fileCount() throws IOException {
    Object answer = cluster.call("POST", "/" + cluster.index() + "/_search", JsonText.obj("size", 0, "aggs",
        JsonText.obj("files", JsonText.obj("cardinality", JsonText.obj("field", Schema.FILE, "precision_threshold", 40_000)))));
    return (long) JsonText.number(JsonText.map(JsonText.map(answer, "aggregations"), "files"), "value", 0);
  }

  @Override
  public long sizeInBytes() throws IOException {
    return new ClusterSink(cluster).sizeInBytes();
  }

  @Override
  public void close() {
    // The HTTP client holds nothing that needs closing.
  }
}
