package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fallback for queries no point matches whole: points with the most words, never with none. */
class PartialMatchTest extends EmbeddedIndexTest {
  @Test
  void wordsThatOccurNowhereFindNothing() throws Exception {
    // Before the fix the found-status bonus alone satisfied the partial form: 51 points "matched 0 words".
    SearchResult r = searcher.search(SearchRequest.of("区块链 hydrogen").withLimit(100));
    assertEquals(0, r.total(), () -> r.hits().toString());
  }

  @Test
  void partialHitsMatchAtLeastOneWord() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("光伏 区块链").withLimit(100));
    assertTrue(r.partial());
    assertEquals(searcher.search(SearchRequest.of("光伏").withLimit(100)).total(), r.total());
    r.hits().forEach(h -> assertEquals(1, h.matchedWords(), h.id()));
  }
}
