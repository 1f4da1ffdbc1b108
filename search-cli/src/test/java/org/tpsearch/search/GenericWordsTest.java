package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generic words (影响, 情况, 行业...) name an aspect of a topic, not a topic: they rank, they do not
 * decide the tiers; and a topic of the glossary that occurs nowhere leaves no partial answer.
 */
class GenericWordsTest extends EmbeddedIndexTest {
  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private static SearchResult.Hit hit(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + ids(r)));
  }

  @Test
  void theRealReportsGreenPowerTradingNeedNotSayQingkuang() throws Exception {
    // The Xinjiang industry report's two green-power trading events never say 情况; before, the
    // 2023 one was a partial hit behind points that say 新疆 and 情况 but trade nothing.
    SearchResult r = searcher.search(SearchRequest.of("新疆绿色电力交易的情况").withLimit(10));
    for (String id : List.of("xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event")) {
      assertTrue(hit(r, id).tier().all(), id + " " + ids(r));
    }
    assertEquals(List.of("新疆", "绿色电力交易"), r.words(), "the words the tiers count");
  }

  @Test
  void genericWordsDoNotDecideTheTiers() throws Exception {
    // The points on 能耗双控 in the power sector that do not say 行业 (or 影响) are answers with
    // every word, not partial hits level with points that say 电力, 行业 and 影响 but nothing of 能耗双控.
    SearchResult r = searcher.search(SearchRequest.of("能耗双控对电力行业的影响").withLimit(10));
    assertEquals(5, r.total(), () -> ids(r).toString());
    List<String> all = r.hits().stream().filter(h -> h.tier().all()).map(SearchResult.Hit::id).toList();
    assertTrue(all.containsAll(List.of("guangdong/power/2021-09-10/policy", "jiangsu/power/2021-09-16/policy",
        "xinjiang/power/2021-08-17/policy", "inner-mongolia/power/2021-03-01/policy")), all::toString);
    // Among them, more generic words first: the one that says 行业 and 影响, last the one that says neither.
    assertEquals("inner-mongolia/power/2021-09-27/event", all.get(0));
    assertEquals("inner-mongolia/power/2021-03-01/policy", all.get(all.size() - 1));
  }

  @Test
  void aPointWithOnlyGenericWordsIsNoAnswer() throws Exception {
    // 狗狗币 (Dogecoin) occurs nowhere, nor does the glossary know it; 49 points say 影响. Before,
    // all of them were partial hits.
    assertEquals(0, searcher.search(SearchRequest.of("狗狗币的影响").withLimit(10)).total());
    // No report covers CCUS (碳捕集): the points that mention some 项目 are not about it.
    assertEquals(0, searcher.search(SearchRequest.of("CCUS碳捕集项目").withLimit(10)).total());
  }

  @Test
  void aQueryOfGenericWordsOnlyIsSearchedAsUsual() throws Exception {
    SearchResult one = searcher.search(SearchRequest.of("影响").withLimit(0));
    assertEquals(49, one.total());
    // Both words generic: both required, as for any other words.
    java.util.Set<String> both = new java.util.HashSet<>(ids(searcher.search(SearchRequest.of("政策").withLimit(100))));
    both.retainAll(ids(searcher.search(SearchRequest.of("影响").withLimit(100))));
    SearchResult two = searcher.search(SearchRequest.of("政策影响").withLimit(100));
    assertEquals(List.of("政策", "影响"), two.words());
    assertEquals(both.size(), two.total());
    assertEquals(both, new java.util.HashSet<>(two.hits().stream().filter(h -> h.tier().all()).map(SearchResult.Hit::id).toList()));
  }

  @Test
  void explainSaysWhichWordsAreGeneric() throws Exception {
    SearchResult r = searcher.search(new SearchRequest("能耗双控对电力行业的影响", Map.of(), Double.NaN, 1,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertTrue(r.explain().contains("content words: 能耗双控 · 电力 (every word, then at least 1 of 2)"), r.explain()::toString);
    assertTrue(r.explain().stream().anyMatch(l -> l.startsWith("generic words: 行业 · 影响 (not required and not counted")),
        r.explain()::toString);
  }

  @Test
  void anAbsentTopicWithOnlyEnglishPhrasesOrStrayCharactersInTheTextFindsNothing() throws Exception {
    // 新能源车 (new energy vehicles): new, energy and vehicles each occur, and 新能 is a string of
    // the text, but the topic occurs nowhere: the points on transport emissions are no answer.
    assertEquals(0, searcher.search(SearchRequest.of("新能源车推广对交通排放的影响").withLimit(10)).total());
    // 台风 (typhoon), a topic of the glossary no report mentions: not every Guangdong power point.
    assertEquals(0, searcher.search(SearchRequest.of("台风对广东电力的影响").withLimit(10)).total());
  }
}
