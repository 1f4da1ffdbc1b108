package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/** Runs searches, facet counts and look-ups against one open index. */
public final class Searcher {
  private static final int SNIPPET_TARGET = 80;
  private static final int SNIPPET_MAX = 160;
  private static final int MAX_ITEMS_PER_HIT = 3;
  /** The fewest hits worth sharing between two threads (a hand-over costs tens of microseconds). */
  private static final int MIN_HITS_TO_SHARE = 4;

  private final IndexHandle index;
  /** The schema's facets config, made once: every query drills down with it. */
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private final QueryCompiler compiler;
  /**
   * Compiled queries by query text and expansion switch, most recently used kept: a compiled
   * query depends only on those and on the compiler (its glossary and this index's word
   * dictionary), and a warm session repeats them (the next page, another filter, the facets of the
   * same words). Kept with the open reader, so the search daemon's next command finds them too.
   * Lucene queries and weights are immutable, so one prepared query serves every thread of
   * {@code serve}.
   */
  private final Map<CompiledKey, Prepared> prepared;

  /** How many compiled queries a reader keeps for one compiler. */
  static final int COMPILED_CACHE_SIZE = 256;

  private record CompiledKey(String query, boolean expand) {}

  /**
   * A compiled query, the highlighter of its forms, and its queries prepared for this reader's
   * searcher (rewritten and weighted once, see {@link PreparedQuery}); all immutable.
   */
  private record Prepared(QueryCompiler.Compiled compiled, PhraseHighlighter highlighter,
      QueryCompiler.Compiled forSearcher) {
    static Prepared of(QueryCompiler.Compiled c, IndexSearcher s) {
      QueryCompiler.Compiled p = new QueryCompiler.Compiled(PreparedQuery.of(c.strict(), s),
          c.partials().stream().map(q -> PreparedQuery.of(q, s)).toList(), PreparedQuery.of(c.typed(), s),
          PreparedQuery.of(c.proximity(), s), c.units().stream().map(q -> PreparedQuery.of(q, s)).toList(), c.words(),
          c.explain(), c.minimumMatch(), c.forms(), PreparedQuery.of(c.fragments(), s),
          c.rankUnits().stream().map(q -> PreparedQuery.of(q, s)).toList(),
          c.generic().stream().map(q -> PreparedQuery.of(q, s)).toList(), c.absent(),
          PreparedQuery.of(c.facetOnly(), s));
      return new Prepared(c, new PhraseHighlighter(c.forms()), p);
    }
  }

  public Searcher(IndexHandle index, QueryCompiler compiler) {
    this(index, compiler, COMPILED_CACHE_SIZE);
  }

  /** A searcher that keeps up to {@code cacheSize} compiled queries (0: compiles every query anew). */
  public Searcher(IndexHandle index, QueryCompiler compiler, int cacheSize) {
    this.index = index;
    this.compiler = compiler;
    this.prepared = cacheSize <= 0 ? null : index.shared(new IdentityKey(compiler),
        () -> java.util.Collections.synchronizedMap(new LinkedHashMap<CompiledKey, Prepared>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<CompiledKey, Prepared> eldest) {
            return size() > cacheSize;
          }
        }));
  }

  /** The compiled form of {@code r}'s query, null for an empty query; from the cache when it has it. */
  private Prepared prepare(SearchRequest r) throws QueryException {
    CompiledKey key = new CompiledKey(r.query(), r.expand());
    Prepared p = prepared == null ? null : prepared.get(key);
    if (p == null) {
      UserQuery uq = UserQuery.parse(r.query());
      if (uq.isEmpty()) {
        return null;
      }
      QueryCompiler.Compiled c = compiler.compile(uq, r.expand());
      p = Prepared.of(c, index.searcher());
      if (prepared != null) {
        prepared.put(key, p);
      }
    }
    return p;
  }

  /** Whether this searcher's cache holds {@code r}'s compiled query (for tests). */
  boolean hasCompiled(SearchRequest r) {
    return prepared != null && prepared.containsKey(new CompiledKey(r.query(), r.expand()));
  }

  public IndexHandle index() {
    return index;
  }

  /** Runs {@code r}. */
  public SearchResult search(SearchRequest r) throws IOException, QueryException {
    Prepared prep = prepare(r);
    QueryCompiler.Compiled compiled = prep == null ? null : prep.compiled();
    List<String> explain = new ArrayList<>();
    if (compiled != null && r.explain()) {
      explain.addAll(compiled.explain());
    }
    Sort sort = sortOf(r, compiled == null);
    // Collectors allocate their queue up front: a limit beyond the index (-n 2147483647 for
    // "all of them") must not become an allocation of that size.
    int n = Math.max(1, Math.min(r.limit(), index.reader().maxDoc()));
    // The tiers run the queries prepared for this searcher (their weights made once).
    Tiers.Page<ScoreDoc> page = Tiers.rank(r, prep == null ? null : prep.forSearcher(), sort == null, n,
        new Tiers.Engine<>() {
      @Override
      public Tiers.Pass<ScoreDoc> run(Query q, Query proximity, int size, boolean withFacets, boolean deep)
          throws IOException, QueryException {
        return Searcher.this.run(drillDown(filtered(q, r), r), r.filters().keySet(), proximity, sort, size, withFacets, deep);
      }

      @Override
      public boolean[] matching(Query q, List<ScoreDoc> docs) throws IOException {
        return Searcher.this.matching(q, docs);
      }

      @Override
      public float score(ScoreDoc doc) {
        return doc.score;
      }

      @Override
      public String id(ScoreDoc doc) {
        // Every sort ends with the id (BY_ID): its value is the hit's last sort field, read for
        // every hit whose score another hit of its pass has (the only ones Tiers.order asks).
        Object[] fields = ((FieldDoc) doc).fields;
        return ((BytesRef) fields[fields.length - 1]).utf8ToString();
      }

      @Override
      public long count(Query q) throws IOException, QueryException {
        // No scores, no hits: the same total as run's, whose collectors count every match.
        return index.searcher().count(drillDown(filtered(q, r), r));
      }
    }, explain);
    IndexSearcher searcher = index.searcher();
    List<SearchResult.Hit> hits = new ArrayList<>();
    if (r.limit() > 0 && page.total() > 0) {
      PhraseHighlighter highlight = prep == null ? null : prep.highlighter();
      List<Weight> unitWeights = new ArrayList<>();
      if (r.explain() && compiled != null) {
        for (Query u : compiled.units()) {
          unitWeights.add(searcher.createWeight(searcher.rewrite(u), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
      }
      List<Tiers.Ranked<ScoreDoc>> ranked = page.ranked();
      SearchResult.Hit[] made = new SearchResult.Hit[ranked.size()];
      // Reading and highlighting the hits is half of a warm query's work: on a searcher with search
      // threads two tasks make every other hit each (the caller runs one, or both when the threads
      // are busy). Each task reads with its own stored-fields reader.
      int tasks = index.concurrent() && ranked.size() >= MIN_HITS_TO_SHARE ? 2 : 1;
      List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        int first = t;
        work.add(() -> {
          StoredFields stored = searcher.storedFields();
          for (int i = first; i < ranked.size(); i += tasks) {
            Tiers.Ranked<ScoreDoc> h = ranked.get(i);
            // Every pass scores its hits (see run); NaN would be a hit of a pass that did not.
            float score = Float.isNaN(h.doc().score) ? 0f : h.doc().score;
            made[i] = hit(StoredPoint.read(stored, h.doc().doc, StoredPoint.HIT_FIELDS), h.doc().doc, score,
                h.tier(), h.matched(), highlight, unitWeights, compiled);
          }
          return null;
        });
      }
      if (tasks == 1) {
        try {
          work.get(0).call();
        } catch (IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      } else {
        searcher.getTaskExecutor().invokeAll(work);
      }
      hits.addAll(Arrays.asList(made));
    }
    return new SearchResult(r.query(), index.description(), page.total(), page.partial(), page.partialTotal(),
        compiled == null ? List.of() : compiled.words(), hits, page.facets(), explain, null,
        compiled == null ? List.of() : compiled.absent());
  }

  /** For each of {@code docs}, whether it matches {@code q}: one scorer per segment, advanced in doc order. */
  private boolean[] matching(Query q, List<ScoreDoc> docs) throws IOException {
    boolean[] out = new boolean[docs.size()];
    if (docs.isEmpty()) {
      return out;
    }
    IndexSearcher searcher = index.searcher();
    Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    Integer[] order = new Integer[docs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> docs.get(i).doc));
    List<LeafReaderContext> leaves = index.reader().leaves();
    int leafIndex = -1;
    LeafReaderContext leaf = null;
    DocIdSetIterator it = null;
    for (int i : order) {
      int doc = docs.get(i).doc;
      int li = ReaderUtil.subIndex(doc, leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        Scorer scorer = w.scorer(leaf);
        it = scorer == null ? null : scorer.iterator();
      }
      if (it == null) {
        continue;
      }
      int target = doc - leaf.docBase;
      int current = it.docID() < target ? it.advance(target) : it.docID();
      out[i] = current == target;
    }
    return out;
  }

  /**
   * Runs {@code ddq} once: hits and an exact total in the same pass (and facets, when asked). By
   * relevance and {@code deep}, the top {@link QueryCompiler#RERANK_DEPTH} (at least {@code n}) come
   * back, re-ranked with the proximity bonus (when there is one), for the caller to order in tiers;
   * otherwise, the top {@code n}.
   */
  private Tiers.Pass<ScoreDoc> run(DrillDownQuery ddq, java.util.Set<String> drilled, Query proximity, Sort sort, int n, boolean withFacets,
      boolean deep) throws IOException {
    IndexSearcher searcher = index.searcher();
    int depth = sort == null && deep ? Math.max(n, Math.min(QueryCompiler.RERANK_DEPTH, index.reader().maxDoc())) : n;
    long total;
    TopDocs top;
    Map<String, List<SearchResult.FacetCount>> facets;
    // By relevance: score, then point id (see Tiers.order), so a tie at the depth is cut the same in every index.
    Sort order = sort == null ? BY_RELEVANCE : sort;
    int size = sort == null ? depth : n;
    if (withFacets && index.hasFacets()) {
      DrillSideways ds = new DrillSideways(searcher, facetsConfig, index.facetState());
      DrillSideways.DrillSidewaysResult dsr = ds.search(ddq, null, null, size, order, true);
      facets = facetCounts(dsr.facets);
      // The counts of a single-valued dimension that is not drilled add up to the exact number of
      // matches (every point has one value there); the hits' own total may be a lower bound.
      total = -1;
      for (Dimension d : Schema.DIMENSIONS) {
        if (!d.multiValued() && !drilled.contains(d.name())) {
          total = facets.get(d.name()).stream().mapToLong(SearchResult.FacetCount::count).sum();
          break;
        }
      }
      total = total >= 0 ? total : searcher.count(ddq);
      top = dsr.hits;
    } else {
      top = sort == null ? byRelevance(searcher, ddq, size) : null;
      if (top == null) {
        top = searcher.search(ddq, new TopFieldCollectorManager(order, size, Integer.MAX_VALUE));
        // A field sort computes no scores (NaN): score the page's hits, as DrillSideways does with
        // facets and a cluster with track_scores, so a hit by date shows its relevance in every case.
        if (sort != null) {
          org.apache.lucene.search.TopFieldCollector.populateScores(top.scoreDocs, searcher, ddq);
        }
      }
      // An index without facet values (no points) counts zero in every dimension.
      total = top.totalHits.value();
      facets = withFacets ? SearchResult.FacetCount.none() : null;
    }
    if (sort == null) {
      // A field sort leaves the hit's own score unset (NaN); the relevance sort's first key is the score.
      for (ScoreDoc sd : top.scoreDocs) {
        sd.score = (Float) ((FieldDoc) sd).fields[0];
      }
    }
    if (sort == null && proximity != null && top.scoreDocs.length > 0) {
      top = new QueryRescorer(proximity) {
      @Override
      protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
        return firstPassScore + (secondPassMatches ? QueryCompiler.PROXIMITY_BOOST * secondPassScore : 0f);
      }
      }.rescore(searcher, top, depth);
    }
    if (sort == null) {
      // The proximity bonus may have made scores equal: their ids decide.
      readTiedIds(top.scoreDocs);
    }
    return new Tiers.Pass<>(total, Arrays.asList(top.scoreDocs), facets);
  }

  /** How many hits beyond the page {@link #byRelevance} collects to see where the last score's ties end. */
  private static final int TIE_MARGIN = 8;

  /**
   * The top {@code size} of {@code q} in {@link #BY_RELEVANCE} order (score, then point id), found
   * by score alone: a field sort reads the id of every hit that enters its queue (a doc-values
   * look-up that decompresses a block of the id dictionary: a tenth of a query), where only hits
   * of equal score need it. The top {@code size} plus {@link #TIE_MARGIN} by score (ties in doc
   * id order) hold every hit that has the last score when the last of them scores lower; each run
   * of equal scores among them is then ordered by id, which is the field sort's answer. Null when
   * the ties may go on beyond them: the caller sorts by the fields.
   */
  private TopDocs byRelevance(IndexSearcher searcher, Query q, int size) throws IOException {
    TopDocs byScore = searcher.search(q, new TopScoreDocCollectorManager(size + TIE_MARGIN, Integer.MAX_VALUE));
    ScoreDoc[] hits = byScore.scoreDocs;
    if (hits.length == size + TIE_MARGIN && hits.length > size && !(hits[hits.length - 1].score < hits[size - 1].score)) {
      return null;
    }
    FieldDoc[] out = new FieldDoc[hits.length];
    for (int i = 0; i < hits.length; i++) {
      out[i] = new FieldDoc(hits[i].doc, hits[i].score, new Object[] {hits[i].score, null});
    }
    if (readTiedIds(out)) {
      Arrays.sort(out, RELEVANCE_ORDER);
    }
    return new TopDocs(byScore.totalHits, Arrays.copyOf(out, Math.min(size, out.length)));
  }

  /**
   * Score high to low, then id in byte order (code-point order), as the field sort compares them.
   * A hit whose id was left unread has a score no other hit has ({@link #readTiedIds}).
   */
  private static final Comparator<ScoreDoc> RELEVANCE_ORDER = Comparator.comparingDouble((ScoreDoc d) -> d.score)
      .reversed().thenComparing((ScoreDoc d) -> (BytesRef) ((FieldDoc) d).fields[1],
          Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Reads the point id (the last sort field) of each of {@code hits} that has none and whose
   * score another of them has: those are the only ones whose order needs it ({@link Tiers#order}
   * compares ids of equal scores only). Doc values are read in doc id order, as they go forward
   * only. Says whether it read any.
   */
  private boolean readTiedIds(ScoreDoc[] hits) throws IOException {
    Map<Float, Integer> scores = new java.util.HashMap<>();
    for (ScoreDoc h : hits) {
      scores.merge(h.score, 1, Integer::sum);
    }
    List<FieldDoc> tied = new ArrayList<>();
    for (ScoreDoc h : hits) {
      Object[] fields = ((FieldDoc) h).fields;
      if (fields[fields.length - 1] == null && scores.get(h.score) > 1) {
        tied.add((FieldDoc) h);
      }
    }
    if (tied.isEmpty()) {
      return false;
    }
    tied.sort(Comparator.comparingInt((FieldDoc d) -> d.doc));
    List<LeafReaderContext> leaves = index.reader().leaves();
    int leafIndex = -1;
    LeafReaderContext leaf = null;
    SortedSetDocValues ids = null;
    for (FieldDoc d : tied) {
      int li = ReaderUtil.subIndex(d.doc, leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        ids = leaf.reader().getSortedSetDocValues(Schema.ID);
      }
      d.fields[d.fields.length - 1] = ids != null && ids.advanceExact(d.doc - leaf.docBase)
          ? BytesRef.deepCopyOf(ids.lookupOrd(ids.nextOrd())) : new BytesRef();
    }
    return true;
  }

  /** Facet counts under the filters of {@code r}, without hits. */
  public SearchResult facets(SearchRequest r) throws IOException, QueryException {
    return search(r.withFacets(true).withLimit(0));
  }

  // ---------------------------------------------------------------- filters

  private Query filtered(Query text, SearchRequest r) throws IOException, QueryException {
    boolean min = !Double.isNaN(r.minConfidence());
    boolean max = !Double.isNaN(r.maxConfidence());
    if (!min && !max && r.excluded().isEmpty()) {
      return text;
    }
    r.checkConfidence();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    if (min || max) {
      b.add(DoubleField.newRangeQuery(Schema.CONFIDENCE, min ? r.minConfidence() : 0.0, max ? r.maxConfidence() : 1.0),
          Occur.FILTER);
    }
    // An excluded value is a plain MUST_NOT on its drill-down term, outside drill-sideways: it
    // narrows every dimension's counts, its own too (the value counts 0 while it is excluded).
    for (Dimension d : Schema.DIMENSIONS) {
      for (String typed : r.excluded(d.name())) {
        for (String value : indexedValues(d, typed)) {
          b.add(new TermQuery(DrillDownQuery.term(facetsConfig.getDimConfig(d.name()).indexFieldName, d.name(), value)),
              Occur.MUST_NOT);
        }
      }
    }
    return b.build();
  }

  private DrillDownQuery drillDown(Query base, SearchRequest r) throws IOException, QueryException {
    DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
    for (Dimension d : Schema.DIMENSIONS) {
      for (String typed : r.filter(d.name())) {
        for (String value : indexedValues(d, typed)) {
          ddq.add(d.name(), value);
        }
      }
    }
    return ddq;
  }

  private List<String> indexedValues(Dimension d, String typed) throws IOException, QueryException {
    return FilterValues.of(filterValues, d, typed);
  }

  /** The index's facet values, for {@link FilterValues}: an exact value is one term look-up. */
  private final FilterValues.Index filterValues = new FilterValues.Index() {
    @Override
    public List<String> facetLabels(String dim) throws IOException {
      return Searcher.this.facetLabels(dim);
    }

    @Override
    public boolean hasFacetValue(String dim, String value) throws IOException {
      return Searcher.this.hasFacetValue(dim, value);
    }
  };

  /** Whether the index has {@code value} in {@code dim}: one term look-up, no counting. */
  private boolean hasFacetValue(String dim, String value) throws IOException {
    if (!index.hasFacets()) {
      return false;
    }
    SortedSetDocValues dv = index.facetState().getDocValues();
    return dv != null && dv.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, new String[] {value}))) >= 0;
  }

  /** Every value of a dimension in the index. */
  public List<String> facetLabels(String dim) throws IOException {
    if (!index.hasFacets()) {
      return List.of();
    }
    SortedSetDocValuesFacetCounts all = new SortedSetDocValuesFacetCounts(index.facetState());
    FacetResult fr = all.getAllChildren(dim);
    List<String> out = new ArrayList<>();
    if (fr != null) {
      for (LabelAndValue lv : fr.labelValues) {
        out.add(lv.label);
      }
    }
    return out;
  }

  /** The last key of every sort: the point id, ascending, as {@link Tiers#order} breaks ties. */
  private static final SortField BY_ID = KeywordField.newSortField(Schema.ID, false, SortedSetSelector.Type.MIN);

  private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);

  /** The sort of request {@code r}, null by relevance (a query's hits by score, in tiers). */
  private static Sort sortOf(SearchRequest r, boolean noQuery) {
    SortField date = LongField.newSortField(Schema.DATE, false, SortedNumericSelector.Type.MIN);
    SortField confidence = DoubleField.newSortField(Schema.CONFIDENCE, true, SortedNumericSelector.Type.MIN);
    return switch (r.sort()) {
      case RELEVANCE -> noQuery ? new Sort(date, confidence, BY_ID) : null;
      case DATE -> new Sort(date, SortField.FIELD_SCORE, BY_ID);
      case CONFIDENCE -> new Sort(confidence, date, BY_ID);
    };
  }

  private static Map<String, List<SearchResult.FacetCount>> facetCounts(Facets facets) throws IOException {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    for (Dimension d : Schema.DIMENSIONS) {
      FacetResult fr = facets.getAllChildren(d.name());
      List<SearchResult.FacetCount> counts = new ArrayList<>();
      if (fr != null) {
        for (LabelAndValue lv : fr.labelValues) {
          if (lv.value.longValue() > 0) {
            counts.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
          }
        }
      }
      counts.sort(SearchResult.FacetCount.order(d));
      out.put(d.name(), counts);
    }
    return out;
  }

  // ---------------------------------------------------------------- hits and highlights

  private SearchResult.Hit hit(StoredPoint p, int docId, float score, SearchResult.Tier tier, int matched,
      PhraseHighlighter highlight,
      List<Weight> unitWeights, QueryCompiler.Compiled compiled) throws IOException {
    List<String> why = new ArrayList<>();
    if (!unitWeights.isEmpty()) {
      List<LeafReaderContext> leaves = index.reader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
      for (int u = 0; u < unitWeights.size(); u++) {
        Matches m = unitWeights.get(u).matches(leaf, docId - leaf.docBase);
        List<String> fields = new ArrayList<>();
        if (m != null) {
          for (String f : m) {
            fields.add(f);
          }
        }
        fields.sort(null);
        why.add("word " + (u + 1) + (fields.isEmpty() ? ": no match" : ": in " + String.join(", ", fields)));
      }
    }
    return hit(p, score, tier, matched, highlight, why);
  }

  /**
   * A hit of stored point {@code p}: the evidence items that match, best first, with highlights
   * from {@code highlight} (null: no query), whichever engine found it.
   */
  static SearchResult.Hit hit(StoredPoint p, float score, SearchResult.Tier tier, int matched,
      PhraseHighlighter highlight, List<String> why) {
    List<StoredPoint.Item> items = p.items();
    String prose = p.prose();

    List<SearchResult.EvidenceHit> evidence = new ArrayList<>();
    // Candidates, best first by a cheap count of the words' occurrences (a title counts three
    // times); only the few shown are analyzed for exact highlights.
    List<Integer> order = new ArrayList<>();
    int[] weight = new int[items.size()];
    // Each text folded once, for the count and for the spans.
    PhraseHighlighter.Folded[] titles = new PhraseHighlighter.Folded[items.size()];
    PhraseHighlighter.Folded[] texts = new PhraseHighlighter.Folded[items.size()];
    for (int i = 0; i < items.size(); i++) {
      StoredPoint.Item it = items.get(i);
      if (highlight != null) {
        titles[i] = PhraseHighlighter.fold(it.title());
        texts[i] = PhraseHighlighter.fold(it.text());
      }
      weight[i] = highlight == null ? 1 : 3 * highlight.mentions(titles[i]) + highlight.mentions(texts[i]);
      if (weight[i] > 0) {
        order.add(i);
      }
    }
    order.sort((a, b) -> Integer.compare(weight[b], weight[a]));
    for (int k = 0; k < order.size() && evidence.size() < MAX_ITEMS_PER_HIT; k++) {
      StoredPoint.Item it = items.get(order.get(k));
      List<Snippet.Span> titleSpans = highlight == null ? List.of() : highlight.spans(titles[order.get(k)]);
      List<Snippet.Span> bodySpans = highlight == null ? List.of() : highlight.spans(texts[order.get(k)]);
      if (highlight != null && titleSpans.isEmpty() && bodySpans.isEmpty()) {
        continue; // the words occur, but not as the query has them (not adjacent)
      }
      Snippet title = new Snippet(it.title(), Snippet.merge(titleSpans));
      Snippet snippet = Snippet.window(it.text(), bodySpans, SNIPPET_TARGET, SNIPPET_MAX);
      evidence.add(new SearchResult.EvidenceHit(it.ordinal(), title, it.time(), snippet, it.sources(), it.fields(),
          it.check()));
    }
    PhraseHighlighter.Folded proseFolded = highlight == null ? null : PhraseHighlighter.fold(prose);
    if (evidence.isEmpty() && highlight != null && highlight.mentions(proseFolded) == 0) {
      // Matched through a form that has no text to mark (the pinyin field: wulumuqi for 乌鲁木齐):
      // show the first items as they are rather than a point with no evidence.
      for (int i = 0; i < items.size() && evidence.size() < MAX_ITEMS_PER_HIT; i++) {
        StoredPoint.Item it = items.get(i);
        evidence.add(new SearchResult.EvidenceHit(it.ordinal(), new Snippet(it.title(), List.of()), it.time(),
            Snippet.window(it.text(), List.of(), SNIPPET_TARGET, SNIPPET_MAX), it.sources(), it.fields(), it.check()));
      }
    }
    Snippet proseSnippet = null;
    if (!prose.isEmpty()) {
      List<Snippet.Span> proseSpans =
          highlight == null || highlight.mentions(proseFolded) == 0 ? List.of() : highlight.spans(proseFolded);
      if (!proseSpans.isEmpty() || items.isEmpty()) {
        proseSnippet = Snippet.window(prose, proseSpans, SNIPPET_TARGET, SNIPPET_MAX);
      }
    }
    return new SearchResult.Hit(p.id(), p.region(), p.regionZh(), p.sector(), p.sectorZh(), p.date(), p.type(),
        p.confidence(), p.status(), score, tier, matched, evidence, proseSnippet, p.file(), p.line(), p.flags(), why,
        p.evidenceWindow());
  }

  // ---------------------------------------------------------------- show and stats

  /** The documents that match {@code r}'s query (every content word) and filters, as doc ids. */
  public org.apache.lucene.util.FixedBitSet matchingDocs(SearchRequest r) throws IOException, QueryException {
    UserQuery uq = UserQuery.parse(r.query());
    QueryCompiler.Compiled compiled = uq.isEmpty() ? null : compiler.compile(uq, r.expand());
    Query q = drillDown(filtered(compiled == null ? MatchAllDocsQuery.INSTANCE : compiled.strict(), r), r);
    org.apache.lucene.util.FixedBitSet bits = new org.apache.lucene.util.FixedBitSet(Math.max(1, index.reader().maxDoc()));
    IndexSearcher s = index.searcher();
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : index.reader().leaves()) {
      Scorer sc = w.scorer(leaf);
      if (sc == null) {
        continue;
      }
      org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = sc.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          bits.set(leaf.docBase + d);
        }
      }
    }
    return bits;
  }

  /** The stored turning point with this id, or null. */
  public StoredPoint show(String id) throws IOException {
    IndexSearcher searcher = index.searcher();
    TopDocs td = searcher.search(new TermQuery(new Term(Schema.ID, id.strip().toLowerCase(Locale.ROOT))), 1);
    if (td.scoreDocs.length == 0) {
      return null;
    }
    return StoredPoint.read(searcher.storedFields().document(td.scoreDocs[0].doc));
  }

  /** Ids that start with {@code prefix}, for "did you mean" messages. */
  public List<String> idsStartingWith(String prefix, int max) throws IOException {
    List<String> out = new ArrayList<>();
    org.apache.lucene.search.PrefixQuery q = new org.apache.lucene.search.PrefixQuery(new Term(Schema.ID, prefix));
    // The first ids in id order, not in the order documents happened to be written.
    TopDocs td = index.searcher().search(q, max, new Sort(new org.apache.lucene.search.SortedSetSortField(Schema.ID, false)));
    StoredFields sf = index.searcher().storedFields();
    for (ScoreDoc sd : td.scoreDocs) {
      out.add(StoredPoint.read(sf.document(sd.doc, Set.of(Schema.ID))).id());
    }
    out.sort(null);
    return out;
  }

  /** Counts of the whole index. */
  public SearchResult stats() throws IOException, QueryException {
    return facets(SearchRequest.of(""));
  }

}
