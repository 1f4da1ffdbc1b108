package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.search.eval.RelevanceSet;

/**
 * An index opened for many queries searches its segments and makes its hits on two threads: the
 * answers are those of one thread, hit for hit (order, ties, scores, snippets), totals and facet
 * counts, on an index of two segments whose points all appear twice (every score tied with
 * another's, so the order of equal scores is checked too).
 */
class ConcurrentSearchTest {
  @TempDir
  static Path tmp;
  static IndexHandle concurrent;
  static IndexHandle sequential;

  @BeforeAll
  static void open() throws Exception {
    // A search thread (off by default), even on this (possibly busy) test machine, where it would
    // stand aside.
    System.setProperty("tpsearch.searchThreads", "1");
    System.setProperty("tpsearch.searchThreads.evenWhenBusy", "true");
    Path sample = Files.createDirectory(tmp.resolve("sample"));
    IndexHandle.copyEmbedded(sample);
    Path twice = Files.createDirectory(tmp.resolve("twice"));
    try (FSDirectory from = FSDirectory.open(sample);
        FSDirectory to = FSDirectory.open(twice);
        IndexWriter w = new IndexWriter(to, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      w.addIndexes(from);
      w.commit();
      w.addIndexes(from);
      w.commit();
    }
    concurrent = IndexHandle.open(twice, "the index", IndexHandle.Access.LONG_RUNNING);
    sequential = IndexHandle.open(twice, "the index", IndexHandle.Access.ONE_SHOT);
  }

  @AfterAll
  static void close() throws Exception {
    System.clearProperty("tpsearch.searchThreads.evenWhenBusy");
    System.clearProperty("tpsearch.searchThreads");
    concurrent.close();
    sequential.close();
  }

  @Test
  void sameAnswersOnTwoThreadsAsOnOne() throws Exception {
    assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: no search threads");
    assertTrue(concurrent.concurrent());
    assertFalse(sequential.concurrent());
    assertEquals(2, concurrent.reader().leaves().size(), "two segments");
    Searcher two = new Searcher(concurrent, new QueryCompiler(QueryCompiler.defaultGlossary(), concurrent.reader()));
    Searcher one = new Searcher(sequential, new QueryCompiler(QueryCompiler.defaultGlossary(), sequential.reader()));
    List<SearchRequest> requests = new ArrayList<>();
    List<RelevanceSet.Topic> topics = RelevanceSet.loadDefault().topics();
    for (int i = 0; i < topics.size(); i++) {
      RelevanceSet.Topic t = topics.get(i);
      SearchRequest r = SearchRequest.of(t.query());
      requests.add(r);
      if (i % 3 == 0) {
        requests.add(r.withFilter("sector", List.of("Power")).withFacets(true).withLimit(5));
      } else if (i % 3 == 1) {
        requests.add(new SearchRequest(t.query(), java.util.Map.of(), Double.NaN, 20, SearchRequest.SortOrder.DATE, false,
          true, false));
      }
    }
    int withHits = 0;
    for (SearchRequest r : requests) {
      SearchResult expected = one.search(r);
      assertEquals(expected, two.search(r), r.query());
      withHits += expected.hits().size() >= 4 ? 1 : 0;
    }
    assertTrue(withHits > requests.size() / 3, "many answers have hits enough to share: " + withHits);
  }
}
