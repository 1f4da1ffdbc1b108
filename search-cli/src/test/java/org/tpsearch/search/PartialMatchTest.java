package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  @Test
  void aLevelThePageHasNoRoomForCountsWhatItsListedHitsWould() throws Exception {
    // No point has all three words: 4 have two of them, 32 one. With one hit asked, the page is full
    // after the first level and the second is only counted (not scored and ranked); the total must
    // be the number of points listed when every hit is shown, under filters and exclusions too.
    SearchRequest q = SearchRequest.of("光伏 电力 区块链");
    for (SearchRequest r : List.of(q, q.withFilter("sector", List.of("Power")), SearchRequest.of("光伏 电力 区块链 -新疆"))) {
      SearchResult every = searcher.search(r.withLimit(1000));
      SearchResult first = searcher.search(r.withLimit(1));
      SearchResult counts = searcher.search(r.withLimit(0).withFacets(true));
      assertTrue(every.partial(), r.query());
      assertTrue(every.hits().stream().anyMatch(h -> h.matchedWords() == 2), r.query());
      assertTrue(every.hits().stream().anyMatch(h -> h.matchedWords() == 1), r.query());
      assertEquals(every.hits().size(), every.total(), r.query());
      assertEquals(every.total(), first.total(), r.query());
      assertTrue(first.partial(), r.query());
      assertEquals(List.of(every.hits().get(0).id()), first.hits().stream().map(SearchResult.Hit::id).toList(), r.query());
      assertEquals(every.total(), counts.total(), r.query());
    }
  }

  @Test
  void aPartOfAMissingWordRanksAPointAboveThoseWithTheOtherWordAlone() throws Exception {
    // 哪些省份拉闸限电 is 拉闸限电, with 省份 a word of scope that no point is found by alone. The
    // Guangdong point of 2021-09-10 says 限电 (a part of 拉闸限电, which it does not say): it
    // answers, where the Shanxi and Hebei points that say 省份 alone do not.
    SearchResult r = searcher.search(SearchRequest.of("哪些省份拉闸限电").withLimit(10));
    assertEquals(List.of("拉闸限电"), r.words());
    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
    assertTrue(ids.contains("guangdong/power/2021-09-10/policy"), ids::toString);
    for (String alone : List.of("shanxi/power/2019-06-01/policy", "hebei/industry/2019-04-29/policy")) {
      assertFalse(ids.contains(alone), () -> alone + " " + ids);
    }
    // Beside a date, a part still ranks a point above those with the date alone: 2021年 · 拉闸限电,
    // where the same Guangdong point says 2021年 and 限电.
    List<String> dated = searcher.search(SearchRequest.of("2021年拉闸限电").withLimit(10)).hits().stream()
        .map(SearchResult.Hit::id).toList();
    int guangdong = dated.indexOf("guangdong/power/2021-09-10/policy");
    int yearAlone = dated.indexOf("xinjiang/power/2021-08-17/policy");
    assertTrue(guangdong >= 0 && (yearAlone < 0 || yearAlone > guangdong), dated::toString);
  }
}
