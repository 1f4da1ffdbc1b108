package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * English, pinyin and Chinese across, on the embedded sample index: spaced pinyin joined, English
 * words that read as pinyin left alone, the dictionary's Chinese-to-English senses kept to the
 * specific ones, and queries about what the reports never mention still finding nothing.
 */
class AcrossTest extends EmbeddedIndexTest {
  private static SearchResult search(String query, int limit) throws Exception {
    return searcher.search(new SearchRequest(query, java.util.Map.of(), Double.NaN, limit,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private static boolean joinedAsPinyin(SearchResult r) {
    return r.explain().stream().anyMatch(e -> e.contains("is read as the pinyin"));
  }

  @Test
  void spacedPinyinIsJoined() throws Exception {
    // pu dong airport: the four points that name 浦东 and an airport come first, with every word.
    SearchResult r = search("pu dong airport", 5);
    assertTrue(joinedAsPinyin(r), r.explain()::toString);
    assertEquals(List.of("shanghai/aviation/2020-01-24/event", "shanghai/aviation/2020-03-29/policy",
        "shanghai/aviation/2022-06-01/event", "shanghai/aviation/2023-01-08/policy"),
        ids(r).stream().limit(4).sorted().toList(), ids(r)::toString);
    r.hits().stream().limit(4).forEach(h -> assertTrue(h.tier().all(), h.id()));
    // 张家口, written as three syllables; the reports say it in Chinese only.
    assertEquals(List.of("beijing/residential/2022-02-04/event", "hebei/industry/2022-02-04/event"),
        ids(search("Zhang Jia Kou", 10)).stream().sorted().toList());
    // 虹桥: the three points that say it in Chinese, and the one that says Hongqiao in English.
    assertEquals(List.of("shanghai/aviation/2020-01-24/event", "shanghai/aviation/2022-04-01/event",
        "shanghai/aviation/2022-06-01/event", "shanghai/aviation/2023-05-28/event"),
        ids(search("Hong Qiao", 10)).stream().sorted().toList());
  }

  @Test
  void aChineseFormThatTheTextWritesInAnotherOrderIsFound() throws Exception {
    // overcapacity is 产能过剩; the steel and coal opinions of 2016 say 化解过剩产能 (its two words
    // the other way round), in Chinese only. Before, the form was dropped as occurring nowhere.
    SearchResult r = search("overcapacity", 10);
    assertEquals(List.of("hebei/industry/2019-04-29/policy", "shanxi/power/2019-06-01/policy"),
        ids(r).stream().limit(2).sorted().toList(), ids(r)::toString);
    assertEquals(2, r.hits().size(), "a one-word query is answered by the points that have it");
  }

  @Test
  void anEnglishTermReachesThePartsOfItsChineseForm() throws Exception {
    // staggered production is 错峰生产 (Hebei 2019); Guangdong and Jiangsu say 错峰用电 (staggered
    // power use): in a query of several words they fill the page as points with a part of a word.
    List<String> ids = ids(search("autumn staggered production", 10));
    assertTrue(ids.containsAll(List.of("guangdong/power/2021-05-20/event", "jiangsu/power/2021-09-16/policy")),
        ids::toString);
    // A query of one word is answered by the points that have it.
    assertEquals(List.of("hebei/industry/2019-10-08/seasonal"), ids(search("staggered production", 10)));
  }

  @Test
  void anEnglishNounReachesTheChineseOfItsVerb() throws Exception {
    // CC-CEDICT defines 暂停 as "to suspend" and 关停 as "to shut down", never with the nouns: the
    // Wuhan lockdown suspended buses and metro (暂停运营); Inner Mongolia shut down crypto mining (关停).
    assertTrue(ids(search("suspension", 10)).contains("hubei/ground-transport/2020-01-23/event"));
    assertTrue(ids(search("shutdown", 10)).contains("inner-mongolia/power/2021-03-01/policy"));
  }

  @Test
  void englishWordsThatReadAsPinyinStayEnglish() throws Exception {
    // Every word here reads as pinyin (a, man, he, long, run is not), but no join is a word of the text.
    for (String q : List.of("a man", "he long", "long run", "he can", "an hour", "China")) {
      assertFalse(joinedAsPinyin(search(q, 3)), q);
    }
    // "in the long run" is English text of the Inner Mongolia wind and solar bases point.
    assertEquals("inner-mongolia/power/2021-10-12/event", ids(search("long run", 3)).get(0));
  }

  @Test
  void aChineseWordReachesOnlyTheSpecificEnglishSenses() throws Exception {
    // CC-CEDICT gives 唐山 the sense "China" (an old name), which six other words share: it must not
    // reach the English "Xinjiang Uygur Autonomous Region, China" of the 2023 green power point.
    List<String> tangshan = ids(search("唐山", 20));
    assertEquals(List.of("hebei/industry/2019-04-29/policy", "hebei/industry/2019-10-08/seasonal",
        "hebei/industry/2021-03-22/policy"), tangshan.stream().sorted().toList());
  }

  @Test
  void englishWordsStandingTogetherInChineseRankFirst() throws Exception {
    // 国际航班 (international flights) in Chinese: the 2020 cut and the 2023 restoration, before the
    // points that say flights and international apart.
    assertEquals(List.of("shanghai/aviation/2020-03-29/policy", "shanghai/aviation/2023-01-08/policy"),
        ids(search("international flights", 5)).stream().limit(2).sorted().toList());
  }

  @Test
  void aTermsWordsDoNotTakeTheDictionarysOtherSenses() throws Exception {
    // "power rationing" is 限电; rationing alone is 配额 (quota) in the dictionary, which the
    // Shanxi carbon-market point has next to 电力: it must not come before the points on
    // rationing, the three that say 限电 and the Guangdong one on 有序用电 (orderly power use, the
    // rationing of May 2021; a narrower term of 限电).
    assertEquals(List.of("guangdong/power/2021-05-20/event", "guangdong/power/2021-09-10/policy",
        "inner-mongolia/power/2021-09-27/event", "jiangsu/power/2021-09-16/policy"),
        ids(search("power rationing", 5)).stream().limit(4).sorted().toList());
  }

  @Test
  void firstLevelEmergencyResponse() throws Exception {
    // 一级响应 in Chinese only, six points of early 2020.
    assertEquals(List.of("beijing/residential/2020-01-24/event", "guangdong/power/2020-01-25/event",
        "hubei/ground-transport/2020-01-23/event", "jiangsu/power/2020-01-24/event",
        "shanghai/aviation/2020-01-24/event", "zhejiang/ground-transport/2020-01-23/event"),
        ids(search("first-level emergency response", 6)).stream().sorted().toList());
  }

  @Test
  void amongPartialHitsTheTopicCountsMoreThanThePlace() throws Exception {
    // 江苏的碳市场: the Jiangsu carbon-market point has both words; then the carbon market in Inner
    // Mongolia and Shanxi (the topic) before Jiangsu's other points (only the place).
    List<String> top = ids(search("江苏的碳市场", 5));
    assertEquals("jiangsu/power/2021-07-16/policy", top.get(0), top::toString);
    assertEquals(List.of("inner-mongolia/power/2021-07-16/policy", "shanxi/power/2021-07-16/policy"),
        top.subList(1, 3).stream().sorted().toList(), top::toString);
  }

  @Test
  void whatTheReportsNeverMentionStillFindsNothing() throws Exception {
    for (String q : List.of("核电站", "nuclear power", "核聚变", "he nan", "bai he tan", "区块链")) {
      SearchResult r = search(q, 10);
      assertEquals(0, r.total(), () -> q + " -> " + ids(r));
    }
  }
}
