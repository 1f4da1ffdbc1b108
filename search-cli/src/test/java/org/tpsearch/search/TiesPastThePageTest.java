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
 * The relevance pass collects by score and reads point ids only for the hits near the page's last
 * score (Searcher#byRelevance): when more hits tie there than it collected, it must still answer
 * with the lowest ids, as the sort by score and id does. 130 copies of one real sample point (the
 * same text, so the same score for every query) under ids copy/001..copy/130, written in reverse
 * id order: the tie runs past the re-ranked 100 and the few hits collected beyond them.
 */
class TiesPastThePageTest {
  @TempDir static Path dir;
  static IndexHandle backward;
  static Searcher searcher;

  static final int COPIES = 130;

  @BeforeAll
  static void build() throws Exception {
    TurningPoint p = SampleCorpus.points().stream().filter(t -> t.id().equals("xinjiang/industry/2022-03-01/event"))
        .findFirst().orElseThrow();
    List<TurningPoint> copies = new ArrayList<>();
    for (int i = 1; i <= COPIES; i++) {
      copies.add(new TurningPoint(String.format("copy/%03d", i), p.region(), p.sector(), p.date(), p.dateAsWritten(),
          p.type(), p.confidence(), p.status(), p.evidence(), p.prose(), p.answer(), p.file(), p.line(), p.flags(),
          p.analyzed()));
    }
    Collections.reverse(copies);
    FacetsConfig facets = Schema.facetsConfig();
    Path folder = dir.resolve("backward");
    try (IndexWriter w = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig(Schema.indexAnalyzer()))) {
      for (TurningPoint c : copies) {
        w.addDocument(PointDocuments.build(c, c.id() + ".txt", facets));
      }
      w.forceMerge(1);
    }
    backward = IndexHandle.open(folder, "index at " + folder);
    searcher = new Context(Map.of(), false).searcher(backward);
  }

  @AfterAll
  static void close() throws Exception {
    backward.close();
  }

  @Test
  void aTieLongerThanWhatIsCollectedStillGivesTheLowestIds() throws Exception {
    for (String q : List.of("新疆", "工业", "绿色电力 交易")) {
      for (int limit : List.of(1, 10, 100, 120)) {
        SearchResult r = searcher.search(new SearchRequest(q, Map.of(), Double.NaN, limit, SearchRequest.SortOrder.RELEVANCE,
            false, true, false));
        assertEquals(COPIES, r.total(), q);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= limit; i++) {
          expected.add(String.format("copy/%03d", i));
        }
        assertTrue(r.hits().stream().allMatch(h -> h.score() == r.hits().get(0).score()), q + ": every hit tied");
        assertEquals(expected, r.hits().stream().map(SearchResult.Hit::id).toList(), () -> q + " -n " + limit);
      }
    }
  }
}
