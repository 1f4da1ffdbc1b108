package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.cli.Context;
import org.tpsearch.index.PointDocuments;
import org.tpsearch.index.Schema;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.SampleCorpus;

/**
 * Hits tied at the same score (or date) come in point-id order, whatever order the documents were
 * written in: two indexes of the sample points, one written in id order and one in the reverse
 * order (as two builds on several threads may write them), answer every query with the same hits
 * in the same order, and a longer page starts with the shorter one.
 */
class TiedHitsTest {
  @TempDir static Path dir;
  static IndexHandle forward;
  static IndexHandle backward;
  static Searcher first;
  static Searcher second;

  @BeforeAll
  static void build() throws Exception {
    List<TurningPoint> points = new ArrayList<>(SampleCorpus.points());
    forward = write(dir.resolve("forward"), points);
    Collections.reverse(points);
    backward = write(dir.resolve("backward"), points);
    Context context = new Context(Map.of(), false);
    first = context.searcher(forward);
    second = context.searcher(backward);
  }

  private static IndexHandle write(Path folder, List<TurningPoint> points) throws Exception {
    FacetsConfig facets = Schema.facetsConfig();
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer());
    try (IndexWriter w = new IndexWriter(FSDirectory.open(folder), iwc)) {
      for (TurningPoint p : points) {
        w.addDocument(PointDocuments.build(p, p.id() + ".txt", facets));
      }
      w.forceMerge(1); // one segment in each: the same statistics, so the same scores
    }
    return IndexHandle.open(folder, "index at " + folder);
  }

  @AfterAll
  static void close() throws Exception {
    forward.close();
    backward.close();
  }

  private static SearchRequest request(String query, SearchRequest.SortOrder sort, int limit) {
    return request(query, sort, limit, false);
  }

  private static SearchRequest request(String query, SearchRequest.SortOrder sort, int limit, boolean facets) {
    return new SearchRequest(query, Map.of(), Double.NaN, limit, sort, facets, true, false);
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  /** Queries whose answers hold ties: one word of the title of many points, a region, no query. */
  static final List<String> QUERIES = List.of("碳达峰", "光伏", "电力", "新疆", "疫情", "绿色电力 交易", "封控 OR 复工", "");

  @Test
  void tiedHitsComeInIdOrderWhateverTheWriteOrder() throws Exception {
    int ties = 0;
    for (String q : QUERIES) {
      for (SearchRequest.SortOrder sort : SearchRequest.SortOrder.values()) {
        assertEquals(ids(first.search(request(q, sort, 100))), ids(second.search(request(q, sort, 100))),
            () -> q + " --sort " + sort);
        // With facets (another collector, drill sideways), a sorted hit also carries its score.
        SearchResult a = first.search(request(q, sort, 100, true));
        assertEquals(ids(a), ids(second.search(request(q, sort, 100, true))), () -> q + " --sort " + sort + " --facets");
        if (sort == SearchRequest.SortOrder.CONFIDENCE) {
          continue;
        }
        // Within a tier, a hit of the same score (by relevance) or date (by date, same score) as the
        // one before it has a greater id.
        List<SearchResult.Hit> hits = a.hits();
        for (int i = 1; i < hits.size(); i++) {
          SearchResult.Hit h = hits.get(i);
          SearchResult.Hit before = hits.get(i - 1);
          // (By date, each tier and level of tier c is sorted on its own, the levels one after the
          // other; a level without facets shows no score, 0, though it sorts by it after the date.)
          boolean sameGroup = h.tier() == before.tier() && h.matchedWords() == before.matchedWords()
              && (sort == SearchRequest.SortOrder.RELEVANCE || q.isEmpty() || h.score() != 0);
          boolean tied = sameGroup && (sort == SearchRequest.SortOrder.DATE || q.isEmpty()
              ? h.date().equals(before.date()) && h.score() == before.score() && (!q.isEmpty() || h.confidence() == before.confidence())
              : h.score() == before.score());
          if (tied) {
            ties++;
            assertTrue(before.id().compareTo(h.id()) < 0, () -> q + " --sort " + sort + ": " + before.id() + " before " + h.id());
          }
        }
      }
    }
    assertTrue(ties >= 10, "the queries hold ties: " + ties);
  }

  @Test
  void theNextPageContinuesThePageAcrossTies() throws Exception {
    for (String q : QUERIES) {
      for (SearchRequest.SortOrder sort : SearchRequest.SortOrder.values()) {
        for (Searcher s : List.of(first, second)) {
          List<String> all = ids(s.search(request(q, sort, 60)));
          // Pages of 3, 5 and 10, as the search page asks for them (page p is the first p * size hits).
          for (int size : List.of(3, 5, 10)) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p * size <= all.size() && p <= 6; p++) {
              List<String> upTo = ids(s.search(request(q, sort, p * size)));
              assertEquals(pages, upTo.subList(0, (p - 1) * size), () -> q + " --sort " + sort + ": page " + upTo);
              pages.addAll(upTo.subList((p - 1) * size, p * size));
            }
            assertEquals(all.subList(0, pages.size()), pages, () -> q + " --sort " + sort + " in pages of " + size);
          }
        }
      }
    }
  }
}
