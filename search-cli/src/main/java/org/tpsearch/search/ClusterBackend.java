package org.tpsearch.search;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  /** How long opening waits for the shards of an index that are not up yet (a cluster just started). */
  private static final String SHARD_WAIT = "10s";

  private final Cluster cluster;
  private final Glossary glossary;
  private final ClusterLexicon lexicon;
  private final String schemaVersion;
  /**
   * Whether a search sends the runs {@link Tiers} says may follow in one {@code _msearch} (the
   * default); {@code -Dtpsearch.cluster.batch=false} sends each run and test alone, as before, to
   * compare answers and round trips.
   */
  private final boolean batch = !"false".equals(System.getProperty("tpsearch.cluster.batch"));
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
      if (r.status() == 404 && cluster.awaitStarted()) {
        // A cluster just started knew no index yet (was: "no such index"): ask again once it has read its state.
        r = cluster.send("GET", "/" + cluster.index() + "/_mapping", null, null);
      }
      if (r.status() == 404) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": no such index on the cluster "
            + "(build one with 'tpsearch index DIR --to " + cluster.url() + "')", null);
      }
      if (!r.ok()) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": the cluster answered " + r.status() + ": "
            + Cluster.reason(r.body()), null);
      }
      // The name is an alias (of the index the last full run made) or, made before aliases, the index itself.
      String schema = null;
      for (Object indexMapping : JsonText.map(r.body()).values()) {
        schema = ClusterSchema.madeBy(indexMapping);
        if (schema == null) {
          break;
        }
      }
      if (schema == null) {
        throw new IndexException(null, "cannot open " + cluster.url() + ": the index was not made by 'tpsearch index --to'", null);
      }
      // Then it brings the index's shards up: a search before would fail ("all shards failed"). An
      // index whose shards stay down (a node gone) is asked anyway, after a short wait: an answer
      // that left a shard out fails (Cluster.whole) rather than show part of the hits as all.
      cluster.shardsReady(cluster.index(), SHARD_WAIT);
      return new ClusterBackend(cluster, glossary, schema);
    } catch (IOException e) {
      throw new IndexException(null, "cannot open " + cluster.url() + ": " + e.getMessage(), e);
    }
  }

  /** The cluster this backend asks (its client counts the round trips). */
  public Cluster cluster() {
    return cluster;
  }

  @Override
  public String description() {
    return "OpenSearch index " + cluster.index() + " at " + cluster.url().replaceAll("/[^/]*$", "");
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  private synchronized QueryCompiler compiler() {
    if (compiler == null) {
      compiler = new QueryCompiler(glossary, lexicon.reader());
    }
    return compiler;
  }

  /** Compilations at most in recording mode before the terms still unknown are asked one by one. */
  private static final int RECORDING_ROUNDS = 6;

  /**
   * Compiles {@code uq} as against a local index, whose term dictionary the compiler reads as it
   * goes: here each look-up would be a request. So the compiler first runs with every term not
   * known yet answered "absent" and noted ({@link ClusterLexicon#startRecording}); the terms it
   * noted (with, the first time, every word the query's Chinese runs could be cut into) are asked
   * in one request, and it runs again, until it asks nothing new: the last run knew every answer,
   * so its query is the one a local compile of the same dictionary makes. Usually one or two
   * requests, where a term a request took ten or more for an English query.
   */
  private QueryCompiler.Compiled compile(UserQuery uq, String query, boolean expand) throws IOException, QueryException {
    QueryCompiler c = compiler();
    if (!batch) {
      lexicon.prefetch(query);
      return c.compile(uq, expand);
    }
    java.util.Set<String> pending = new java.util.LinkedHashSet<>(lexicon.unknownWords(query));
    for (int round = 0; round < RECORDING_ROUNDS; round++) {
      java.util.Set<String> asked = lexicon.startRecording();
      QueryCompiler.Compiled compiled = null;
      QueryException failed = null;
      try {
        compiled = c.compile(uq, expand);
      } catch (QueryException e) {
        failed = e;
      } finally {
        lexicon.stopRecording();
      }
      pending.addAll(asked);
      if (pending.isEmpty()) {
        if (failed != null) {
          throw failed;
        }
        return compiled;
      }
      lexicon.lookUpKeys(pending);
      pending.clear();
    }
    return c.compile(uq, expand);
  }

  // ---------------------------------------------------------------- search

  /** A hit before its stored fields are read. */
  private record Doc(String id, float score) {}

  @Override
  public SearchResult search(SearchRequest r) throws IOException, QueryException {
    UserQuery uq = UserQuery.parse(r.query());
    QueryCompiler.Compiled compiled = uq.isEmpty() ? null : compile(uq, r.query(), r.expand());
    List<String> explain = new ArrayList<>();
    if (compiled != null && r.explain()) {
      explain.addAll(compiled.explain());
    }
    Map<String, List<String>> drill = drillDowns(r);
    boolean byRelevance = r.sort() == SearchRequest.SortOrder.RELEVANCE && compiled != null;
    int n = Math.max(1, Math.min(r.limit(), 1_000_000));
    Tiers.Page<Doc> page = Tiers.rank(r, compiled, byRelevance, n, new Batch(r, drill, byRelevance), explain);
    List<SearchResult.Hit> hits = new ArrayList<>();
    List<Tiers.Ranked<Doc>> ranked = page.ranked();
    Map<String, List<SearchResult.FacetCount>> facets = page.facets();
    if (r.limit() > 0 && page.total() > 0 && !ranked.isEmpty()) {
      PhraseHighlighter highlight = compiled == null ? null : new PhraseHighlighter(compiled.forms());
      Map<String, StoredPoint> points = fetch(ranked.stream().map(h -> h.doc().id()).toList());
      for (Tiers.Ranked<Doc> h : ranked) {
        StoredPoint p = points.get(h.doc().id());
        if (p != null) {
          hits.add(Searcher.hit(p, h.doc().score(), h.tier(), h.matched(), highlight, List.of()));
        }
      }
    }
    if (facets == null && r.facets()) {
      facets = SearchResult.FacetCount.none();
    }
    return new SearchResult(r.query(), description(), page.total(), page.partial(), page.partialTotal(),
        compiled == null ? List.of() : compiled.words(), hits, r.facets() ? facets : null, explain, null,
        compiled == null ? List.of() : compiled.absent());
  }

  private static Object dsl(Query q) throws QueryException {
    try {
      return QueryDsl.of(q);
    } catch (IllegalArgumentException e) {
      throw new QueryException("this query cannot be sent to the cluster: " + e.getMessage());
    }
  }

  /**
   * The engine {@link Tiers} ranks through, for one search: the runs it says may follow
   * ({@link Tiers.Engine#prefetch}) go to the cluster in one {@code _msearch}, each with the
   * queries its hits are to be tested against as named clauses that add nothing to the score, so
   * the tests ({@link Tiers.Engine#matching}) need no request of their own; the calls are then
   * answered from those answers (a smaller page is the first hits of a larger one, as the order
   * is total). A call nothing was said about is sent alone.
   */
  private final class Batch implements Tiers.Engine<Doc> {
    private final SearchRequest r;
    private final Map<String, List<String>> drill;
    private final boolean byRelevance;
    /** Answers got, by {@link #key} of their run. */
    private final Map<String, Answer> answers = new HashMap<>();

    /** One run's answer: for {@code n} hits, facets or not, and which hits matched each named query (by its DSL). */
    private record Answer(int n, boolean withFacets, Tiers.Pass<Doc> pass, Map<String, Set<String>> matched) {}

    Batch(SearchRequest r, Map<String, List<String>> drill, boolean byRelevance) {
      this.r = r;
      this.drill = drill;
      this.byRelevance = byRelevance;
    }

    private static String key(Object text, Object proximity, boolean deep) {
      return JsonText.write(text) + "\n" + (proximity == null ? "" : JsonText.write(proximity)) + "\n" + deep;
    }

    private int depth(int n, boolean deep) {
      return byRelevance && deep ? Math.max(n, QueryCompiler.RERANK_DEPTH) : n;
    }

    @Override
    public void prefetch(List<Tiers.Planned> planned) throws IOException, QueryException {
      if (!batch) {
        return;
      }
      List<String> keys = new ArrayList<>();
      List<Tiers.Planned> toRun = new ArrayList<>();
      List<List<String>> names = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      String header = JsonText.write(JsonText.obj("index", cluster.index())) + "\n";
      for (Tiers.Planned p : planned) {
        Object text = dsl(p.text());
        Object proximity = p.proximity() == null ? null : dsl(p.proximity());
        String key = key(text, proximity, p.deep());
        Answer have = answers.get(key);
        if (keys.contains(key) || have != null && have.n() >= p.n() && (have.withFacets() || !p.withFacets())) {
          continue;
        }
        List<String> named = new ArrayList<>();
        for (Query q : p.named()) {
          named.add(JsonText.write(dsl(q)));
        }
        keys.add(key);
        toRun.add(p);
        names.add(named);
        body.append(header).append(JsonText.write(body(text, proximity, p.n(), p.withFacets(), p.deep(), named))).append('\n');
      }
      if (toRun.isEmpty()) {
        return;
      }
      List<Object> responses = JsonText.list(msearchCall(body.toString()), "responses");
      for (int i = 0; i < toRun.size(); i++) {
        Object resp = i < responses.size() ? responses.get(i) : null;
        Tiers.Planned p = toRun.get(i);
        int status = (int) JsonText.number(resp, "status", 200);
        if (resp != null && (status == 429 || status == 503)) {
          continue; // a busy cluster: the call is sent alone, and asked again as any request
        }
        answers.put(keys.get(i), answer(checked(resp), p.n(), p.withFacets(), names.get(i)));
      }
    }

    @Override
    public Tiers.Pass<Doc> run(Query q, Query proximity, int n, boolean withFacets, boolean deep)
        throws IOException, QueryException {
      Object text = dsl(q);
      Object prox = proximity == null ? null : dsl(proximity);
      Answer have = answers.get(key(text, prox, deep));
      if (have == null || have.n() < n || withFacets && !have.withFacets()) {
        have = answer(searchCall(body(text, prox, n, withFacets, deep, List.of())), n, withFacets, List.of());
      }
      Tiers.Pass<Doc> pass = have.pass();
      List<Doc> top = pass.top();
      int depth = depth(n, deep);
      return new Tiers.Pass<>(pass.total(), top.size() > depth ? List.copyOf(top.subList(0, depth)) : top,
          withFacets ? pass.facets() : null);
    }

    @Override
    public float score(Doc doc) {
      return doc.score();
    }

    @Override
    public String id(Doc doc) {
      return doc.id();
    }

    @Override
    public boolean[] matching(Query q, List<Doc> docs) throws IOException, QueryException {
      String named = JsonText.write(dsl(q));
      for (Answer a : answers.values()) {
        Set<String> matched = a.matched().get(named);
        if (matched != null && a.pass().top().containsAll(docs)) {
          boolean[] out = new boolean[docs.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = matched.contains(docs.get(i).id());
          }
          return out;
        }
      }
      return ClusterBackend.this.matching(dsl(q), docs);
    }

    /**
     * The search body of one run (see {@link Tiers.Engine#run}): by relevance and {@code deep} the
     * top {@link QueryCompiler#RERANK_DEPTH} (at least {@code n}), re-ranked with the proximity
     * bonus; otherwise the top {@code n}. Each of {@code named} (query DSL) is a clause of its own
     * that scores nothing, named by its place, so each hit says which it matches.
     */
    private Map<String, Object> body(Object text, Object proximity, int n, boolean withFacets, boolean deep, List<String> named)
        throws IOException, QueryException {
      int depth = depth(n, deep);
      List<Object> must = List.of(text);
      List<Object> should = new ArrayList<>();
      for (int i = 0; i < named.size(); i++) {
        should.add(JsonText.obj("bool", JsonText.obj("filter", List.of(JsonText.parse(named.get(i))), "_name", "q" + i)));
      }
      List<Object> baseFilters = baseFilters(r);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", depth);
      body.put("track_total_hits", true);
      body.put("_source", false);
      if (withFacets) {
        // Drill sideways: the query and confidence in the query; the facet filters after it (hits) and
        // in each dimension's aggregation but its own (counts).
        body.put("query", bool(must, baseFilters, should));
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
        body.put("query", bool(must, filters, should));
      }
      if (!byRelevance) {
        body.put("sort", sort(r));
        body.put("track_scores", true); // the local engine shows the scores of sorted hits too
      } else if (proximity != null) {
        // A rescore takes no sort but the score: Tiers.order puts its ties in id order.
        body.put("rescore", JsonText.obj("window_size", depth, "query", JsonText.obj("rescore_query", proximity,
            "query_weight", 1.0f, "rescore_query_weight", QueryCompiler.PROXIMITY_BOOST, "score_mode", "total")));
      } else {
        // Ties in id order (Tiers.order), also where the page cuts them.
        body.put("sort", List.of(JsonText.obj("_score", JsonText.obj("order", "desc")), BY_ID));
      }
      return body;
    }

    /** Reads one run's answer: total, hits, facet counts, and which hits matched each of {@code named}. */
    private Answer answer(Object answer, int n, boolean withFacets, List<String> named) {
      Map<String, Object> hitsObj = JsonText.map(answer, "hits");
      long total = (long) JsonText.number(JsonText.map(hitsObj, "total"), "value", 0);
      List<Doc> top = new ArrayList<>();
      Map<String, Set<String>> matched = new HashMap<>();
      for (String q : named) {
        matched.put(q, new HashSet<>());
      }
      for (Object h : JsonText.list(hitsObj, "hits")) {
        String id = JsonText.string(h, "_id");
        top.add(new Doc(id, (float) JsonText.number(h, "_score", 0)));
        for (Object name : matchedQueries(h)) {
          String s = String.valueOf(name);
          if (s.startsWith("q")) {
            int i = Integer.parseInt(s.substring(1));
            if (i < named.size()) {
              matched.get(named.get(i)).add(id);
            }
          }
        }
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
          counts.sort(SearchResult.FacetCount.order(d));
          facets.put(d.name(), counts);
        }
      }
      return new Answer(n, withFacets, new Tiers.Pass<>(total, top, facets), matched);
    }
  }

  /** A hit's {@code matched_queries}: a list of names, or (with their scores) an object keyed by name. */
  private static java.util.Collection<?> matchedQueries(Object hit) {
    Object m = hit instanceof Map<?, ?> h ? h.get("matched_queries") : null;
    if (m instanceof List<?> l) {
      return l;
    }
    if (m instanceof Map<?, ?> byName) {
      return byName.keySet();
    }
    return List.of();
  }

  /** The request's confidence range and excluded values as filters (not the drilled dimensions). */
  private List<Object> baseFilters(SearchRequest r) throws IOException, QueryException {
    List<Object> baseFilters = new ArrayList<>();
    r.checkConfidence();
    if (!Double.isNaN(r.minConfidence())) {
      baseFilters.add(JsonText.obj("range", JsonText.obj(Schema.CONFIDENCE, JsonText.obj("gte", r.minConfidence(), "lte", 1.0))));
    }
    if (!Double.isNaN(r.maxConfidence())) {
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
    return baseFilters;
  }

  private static Map<String, Object> bool(List<Object> must, List<Object> filter) {
    return bool(must, filter, List.of());
  }

  /** A bool query; {@code should} clauses (named tests of the hits) are optional and change neither hits nor scores. */
  private static Map<String, Object> bool(List<Object> must, List<Object> filter, List<Object> should) {
    Map<String, Object> b = new LinkedHashMap<>();
    if (!must.isEmpty()) {
      b.put("must", must);
    }
    if (!filter.isEmpty()) {
      b.put("filter", filter);
    }
    if (!should.isEmpty()) {
      b.put("should", should);
      b.put("minimum_should_match", "0");
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

  /** The last key of every sort: the point id, ascending, as the local engine and {@link Tiers#order}. */
  private static final Object BY_ID = JsonText.obj(Schema.ID, JsonText.obj("order", "asc"));

  private static List<Object> sort(SearchRequest r) {
    Object date = JsonText.obj(Schema.DATE, JsonText.obj("order", "asc"));
    Object confidence = JsonText.obj(Schema.CONFIDENCE, JsonText.obj("order", "desc"));
    return switch (r.sort()) {
      case RELEVANCE -> List.of(date, confidence, BY_ID);
      case DATE -> List.of(date, JsonText.obj("_score", JsonText.obj("order", "desc")), BY_ID);
      case CONFIDENCE -> List.of(confidence, date, BY_ID);
    };
  }

  /** For each of {@code docs}, whether it matches {@code query}: one request with the query named. */
  private boolean[] matching(Object query, List<Doc> docs) throws IOException, QueryException {
    boolean[] out = new boolean[docs.size()];
    if (docs.isEmpty()) {
      return out;
    }
    List<String> ids = docs.stream().map(Doc::id).toList();
    Object body = JsonText.obj("size", ids.size(), "_source", false, "query", JsonText.obj("bool", JsonText.obj(
        "filter", List.of(JsonText.obj("ids", JsonText.obj("values", ids))),
        "should", List.of(JsonText.obj("bool", JsonText.obj("filter", List.of(query), "_name", "q"))),
        "minimum_should_match", "0")));
    Set<String> matched = new HashSet<>();
    for (Object h : JsonText.list(JsonText.map(searchCall(body), "hits"), "hits")) {
      if (JsonText.list(h, "matched_queries").contains("q")) {
        matched.add(JsonText.string(h, "_id"));
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = matched.contains(docs.get(i).id());
    }
    return out;
  }

  /** One {@code _msearch} ({@code body}: NDJSON header and body lines); each response is checked by {@link #checked}. */
  private Object msearchCall(String body) throws IOException, QueryException {
    return answered(cluster.send("POST", "/_msearch", body, "application/x-ndjson"));
  }

  /** One response of an {@code _msearch}: failed as {@link #searchCall} fails (400: a bad query). */
  private Object checked(Object resp) throws IOException, QueryException {
    if (resp == null) {
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " gave fewer answers than searches", 0, null);
    }
    if (!JsonText.map(resp, "error").isEmpty()) {
      int status = (int) JsonText.number(resp, "status", 0);
      if (status == 400) {
        throw new QueryException("the cluster refused the query: " + Cluster.reason(resp));
      }
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " answered " + status + ": "
          + Cluster.reason(resp), status, null);
    }
    return cluster.whole(resp);
  }

  private Object searchCall(Object body) throws IOException, QueryException {
    return answered(cluster.send("POST", "/" + cluster.index() + "/_search", JsonText.write(body), "application/json"));
  }

  /** The body of a search's response; a 400 is a bad query (exit 2), any other failure the cluster's. */
  private Object answered(Cluster.Response resp) throws IOException, QueryException {
    if (resp.status() == 400) {
      throw new QueryException("the cluster refused the query: " + Cluster.reason(resp.body()));
    }
    if (!resp.ok()) {
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " answered " + resp.status() + ": "
          + Cluster.reason(resp.body()), resp.status(), null);
    }
    return cluster.whole(resp.body());
  }

  /** The stored points of {@code ids} (the verbatim answer left out, as local hits leave it). */
  private Map<String, StoredPoint> fetch(List<String> ids) throws IOException {
    Object answer = cluster.call("POST", "/" + cluster.index() + "/_mget?_source_excludes="
        + ClusterSchema.STORED + "." + Schema.ANSWER, JsonText.obj("ids", ids));
    Map<String, StoredPoint> out = new HashMap<>();
    for (Object d : JsonText.list(answer, "docs")) {
      if (!JsonText.map(d, "error").isEmpty()) {
        // Its shard is unavailable: the hit would be dropped from the page without a word.
        throw new Cluster.ClusterException("cannot read the point " + JsonText.string(d, "_id") + " from " + cluster.url()
            + ": " + Cluster.reason(d) + " (a node that holds its shard may be down; see GET /_cluster/health/"
            + cluster.index() + "?level=shards)", 503, null);
      }
      if (d instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("found"))) {
        out.put(JsonText.string(d, "_id"), ClusterSchema.storedPoint(JsonText.map(d, "_source")));
      }
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

  private List<String> indexedValues(Dimension d, String typed) throws IOException, QueryException {
    return FilterValues.of(this::facetLabels, d, typed);
  }

  @Override
  public List<String> facetLabels(String dim) throws IOException {
    Object answer = cluster.search("/" + cluster.index() + "/_search", JsonText.obj("size", 0, "aggs",
        JsonText.obj("values", JsonText.obj("terms", JsonText.obj("field", ClusterSchema.facetField(dim), "size", MAX_FACET_VALUES)))));
    List<String> out = new ArrayList<>();
    for (Object b : JsonText.list(JsonText.map(JsonText.map(answer, "aggregations"), "values"), "buckets")) {
      out.add(JsonText.string(b, "key"));
    }
    out.sort(null);
    return out;
  }

  // ---------------------------------------------------------------- duplicates

  /** Keys a page of the key aggregation, documents a page of the documents that have them. */
  private static final int KEY_PAGE = 10_000;
  private static final int DOC_PAGE = 1_000;

  /**
   * The clusters of duplicate evidence, as the local engine makes them ({@link DuplicateClusters}):
   * the duplicate keys and place keys that two or more points have (a composite aggregation over
   * {@code dup_key} and {@code dup_place}, paged), the points that have one of them (paged by id),
   * clustered by {@link Duplicates#clusters} as for a local index; then the clusters with a member
   * among the points that match {@code r}.
   */
  @Override
  public List<Duplicates.Cluster> duplicates(SearchRequest r) throws IOException, QueryException {
    Map<String, List<String>> sharedBy = new LinkedHashMap<>();
    for (String field : List.of(Schema.DUP_KEY, Schema.DUP_PLACE)) {
      sharedBy.put(field, sharedValues(field));
    }
    // Every point of a cluster has a key (or place key) another point has; the points that do are all of them.
    Map<String, StoredPoint> points = new java.util.TreeMap<>();
    for (Map.Entry<String, List<String>> e : sharedBy.entrySet()) {
      List<String> shared = e.getValue();
      for (int from = 0; from < shared.size(); from += KEY_PAGE) {
        fetchHaving(e.getKey(), shared.subList(from, Math.min(shared.size(), from + KEY_PAGE)), points);
      }
    }
    Set<String> involved = r.matchesEverything() ? null : matchingIds(r, List.copyOf(points.keySet()));
    List<Duplicates.Cluster> out = new ArrayList<>();
    for (Duplicates.Cluster c : Duplicates.clusters(List.copyOf(points.values()))) {
      if (involved == null || c.members().stream().anyMatch(m -> involved.contains(m.id()))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The values of keyword field {@code field} that two or more points have: a composite aggregation, paged. */
  private List<String> sharedValues(String field) throws IOException {
    List<String> shared = new ArrayList<>();
    Map<String, Object> after = null;
    do {
      Map<String, Object> composite = new LinkedHashMap<>();
      composite.put("size", KEY_PAGE);
      composite.put("sources", List.of(JsonText.obj("key", JsonText.obj("terms", JsonText.obj("field", field)))));
      if (after != null) {
        composite.put("after", after);
      }
      Object answer = cluster.search("/" + cluster.index() + "/_search",
          JsonText.obj("size", 0, "aggs", JsonText.obj("keys", JsonText.obj("composite", composite))));
      Map<String, Object> keys = JsonText.map(JsonText.map(answer, "aggregations"), "keys");
      List<Object> buckets = JsonText.list(keys, "buckets");
      for (Object b : buckets) {
        if (JsonText.number(b, "doc_count", 0) >= 2) {
          shared.add(JsonText.string(JsonText.map(b, "key"), "key"));
        }
      }
      after = buckets.size() < KEY_PAGE ? null : JsonText.map(keys, "after_key");
    } while (after != null && !after.isEmpty());
    return shared;
  }

  /** Reads into {@code points} every point whose {@code field} has one of {@code values}: paged by id. */
  private void fetchHaving(String field, List<String> values, Map<String, StoredPoint> points) throws IOException {
    Object lastId = null;
    while (true) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", DOC_PAGE);
      body.put("query", JsonText.obj("bool", JsonText.obj("filter",
          List.of(JsonText.obj("terms", JsonText.obj(field, values))))));
      body.put("sort", List.of(JsonText.obj(Schema.ID, "asc")));
      if (lastId != null) {
        body.put("search_after", List.of(lastId));
      }
      List<Object> hits = JsonText.list(JsonText.map(cluster.search("/" + cluster.index()
          + "/_search?_source_excludes=" + ClusterSchema.STORED + "." + Schema.ANSWER, body), "hits"), "hits");
      for (Object h : hits) {
        points.put(JsonText.string(h, "_id"), ClusterSchema.storedPoint(JsonText.map(h, "_source")));
      }
      if (hits.size() < DOC_PAGE) {
        break;
      }
      lastId = JsonText.list(hits.get(hits.size() - 1), "sort").get(0);
    }
  }

  /** Which of {@code ids} match {@code r}'s query (every content word) and filters. */
  private Set<String> matchingIds(SearchRequest r, List<String> ids) throws IOException, QueryException {
    UserQuery uq = UserQuery.parse(r.query());
    QueryCompiler.Compiled compiled = uq.isEmpty() ? null : compile(uq, r.query(), r.expand());
    Object text = dsl(compiled == null ? new org.apache.lucene.search.MatchAllDocsQuery() : compiled.strict());
    List<Object> filters = baseFilters(r);
    filters.addAll(drillFilters(drillDowns(r), null));
    Set<String> out = new HashSet<>();
    for (int from = 0; from < ids.size(); from += DOC_PAGE) {
      List<String> page = ids.subList(from, Math.min(ids.size(), from + DOC_PAGE));
      List<Object> f = new ArrayList<>(filters);
      f.add(JsonText.obj("ids", JsonText.obj("values", page)));
      Object answer = searchCall(JsonText.obj("size", page.size(), "_source", false, "query", bool(List.of(text), f)));
      for (Object h : JsonText.list(JsonText.map(answer, "hits"), "hits")) {
        out.add(JsonText.string(h, "_id"));
      }
    }
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
    return withRelated(ClusterSchema.storedPoint(JsonText.map(r.body(), "_source")));
  }

  /** The most points one look-up of related items reads, as the local index's show does per key. */
  private static final int MAX_RELATED = 200;

  /**
   * {@code p} with the items of other points that cite the same thing ({@link Duplicates#withRelated}),
   * as the local index finds them: the candidates are the points sharing a duplicate key or a place
   * key with one of its items, one terms query for all.
   */
  private StoredPoint withRelated(StoredPoint p) throws IOException {
    List<String> keys = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (StoredPoint.Item it : p.items()) {
      keys.addAll(org.tpsearch.index.DuplicateKeys.of(it.title(), it.sources()));
      places.addAll(org.tpsearch.index.SameEvent.placeKeys(it.place()));
    }
    if (keys.isEmpty() && places.isEmpty()) {
      return p;
    }
    List<Object> should = new ArrayList<>();
    if (!keys.isEmpty()) {
      should.add(JsonText.obj("terms", JsonText.obj(Schema.DUP_KEY, keys)));
    }
    if (!places.isEmpty()) {
      should.add(JsonText.obj("terms", JsonText.obj(Schema.DUP_PLACE, places)));
    }
    Object answer = cluster.search("/" + cluster.index() + "/_search?_source_excludes=" + ClusterSchema.STORED
        + "." + Schema.ANSWER, JsonText.obj("size", MAX_RELATED * 4, "query", JsonText.obj("bool",
            JsonText.obj("should", should, "minimum_should_match", 1))));
    List<StoredPoint> candidates = new ArrayList<>();
    for (Object h : JsonText.list(JsonText.map(answer, "hits"), "hits")) {
      candidates.add(ClusterSchema.storedPoint(JsonText.map(h, "_source")));
    }
    return Duplicates.withRelated(p, candidates);
  }

  @Override
  public List<String> idsStartingWith(String prefix, int max) throws IOException {
    Object answer = cluster.search("/" + cluster.index() + "/_search", JsonText.obj("size", max, "_source", false,
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
    Object answer = cluster.search("/" + cluster.index() + "/_search", JsonText.obj("size", 0, "aggs",
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
