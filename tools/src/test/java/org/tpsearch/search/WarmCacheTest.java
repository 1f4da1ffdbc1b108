package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.eval.RelevanceSet;

/**
 * The warm-mode cache of compiled queries changes nothing a search returns: every query of the
 * tuning relevance set, plain and filtered with facets, gives the same result (hits in the same
 * order, totals, snippets, scores, facet counts) compiled anew, compiled and cached, and from the
 * cache.
 */
class WarmCacheTest {
  static IndexHandle index;
  static Searcher uncached;
  static Searcher cached;

  @BeforeAll
  static void open() throws Exception {
    index = IndexHandle.openEmbedded();
    uncached = new Searcher(index, new QueryCompiler(QueryCompiler.defaultGlossary(), index.reader()), 0);
    cached = new Searcher(index, new QueryCompiler(QueryCompiler.defaultGlossary(), index.reader()));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static List<SearchRequest> requests() throws Exception {
    List<SearchRequest> out = new ArrayList<>();
    for (RelevanceSet.Topic t : RelevanceSet.loadDefault().topics()) {
      SearchRequest r = SearchRequest.of(t.query());
      out.add(r);
      out.add(r.withFilter("sector", List.of("Power")).withFacets(true).withLimit(5));
    }
    return out;
  }

  @Test
  void sameResultsWithAndWithoutTheCache() throws Exception {
    List<SearchRequest> requests = requests();
    assertTrue(requests.size() > 150, "the tuning set, two variants each: " + requests.size());
    int withHits = 0;
    for (SearchRequest r : requests) {
      SearchResult fresh = uncached.search(r);
      SearchResult first = cached.search(r);
      SearchResult again = cached.search(r);
      assertEquals(fresh, first, r.query());
      assertEquals(fresh, again, "from the cache: " + r.query());
      withHits += fresh.hits().isEmpty() ? 0 : 1;
    }
    assertTrue(withHits > requests.size() / 2, "most requests find something: " + withHits);
  }

  @Test
  void anotherExpansionSettingIsAnotherEntry() throws Exception {
    // 绿电 finds 绿色电力 only through the glossary: the cached expanded query must not answer the
    // unexpanded request.
    SearchResult expanded = cached.search(SearchRequest.of("绿电"));
    SearchResult plain = cached.search(SearchRequest.of("绿电").withExpand(false));
    assertTrue(expanded.total() > plain.total(), expanded.total() + " vs " + plain.total());
    assertEquals(uncached.search(SearchRequest.of("绿电").withExpand(false)), plain);
  }
}
