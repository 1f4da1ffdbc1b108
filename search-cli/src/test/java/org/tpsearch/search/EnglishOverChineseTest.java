package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * English queries over the sample reports' Chinese-only text: how English words reach the Chinese
 * words CC-CEDICT gives them, checked on real points.
 */
class EnglishOverChineseTest extends EmbeddedIndexTest {
  private static SearchResult search(String query, int limit) throws Exception {
    return searcher.search(new SearchRequest(query, Map.of(), Double.NaN, limit, SearchRequest.SortOrder.RELEVANCE,
        false, true, true));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  @Test
  void aWordReachesTheSensesThatAreItselfNotThoseThatShareItsStem() throws Exception {
    // Porter reduces new and news to one stem: "new" reached 信息 and 消耗 (news) and filled the
    // page with points that say 信息; celebrate reached 名人 (celebrity). The Hubei point says
    // 就地过年 (celebrate the new year where one is).
    SearchResult r = search("celebrate the new year locally", 10);
    assertEquals("hubei/ground-transport/2021-02-12/seasonal", ids(r).get(0), ids(r)::toString);
    String explain = String.join("\n", r.explain());
    assertFalse(explain.contains("信息"), explain);
  }

  @Test
  void aNounStillReachesItsVerbWhenItsOwnSensesSayNothingTheTextSays() throws Exception {
    // CC-CEDICT's 污染 is "to pollute"; "pollution" is only 烟霾 (smog), which no report says.
    SearchResult r = search("heavy pollution days", 10);
    assertTrue(ids(r).contains("hebei/industry/2019-10-08/seasonal"), ids(r)::toString);
    assertTrue(String.join("\n", r.explain()).contains("污染"), r.explain()::toString);
  }

  @Test
  void anUnknownHyphenatedCompoundIsReadAsItsWords() throws Exception {
    // "toll-free" is neither a glossary term nor a CC-CEDICT sense and occurs nowhere: it found
    // nothing. Read as toll · free, it reaches 通行费 and 免费 of the Zhejiang toll-free policy
    // (免收车辆通行费) and its end (免费通行期间).
    SearchResult r = search("toll-free", 10);
    assertEquals(List.of("zhejiang/ground-transport/2020-02-17/policy", "zhejiang/ground-transport/2020-05-06/policy"),
        ids(r).subList(0, 2).stream().sorted().toList(), ids(r)::toString);
    assertTrue(r.explain().contains("toll-free is read as toll · free"), r.explain()::toString);
    // A compound the glossary knows stays whole.
    assertTrue(search("ultra-low emissions", 10).explain().stream().noneMatch(l -> l.contains("is read as")));
  }

  @Test
  void aTermOfSeveralWordsCountsAsThatManyAmongPartialHits() throws Exception {
    // stay · put · Spring Festival: no point has every word; the point that says 春节 and 就地过年
    // came second, behind one whose English says "puts a price".
    assertEquals("hubei/ground-transport/2021-02-12/seasonal", ids(search("stay put for Spring Festival", 5)).get(0));
  }

  @Test
  void anEnglishNameReachesTheChineseNameADictionarySenseStartsWith() throws Exception {
    // The Shanghai lockdown point says 以黄浦江为界 in Chinese only; CC-CEDICT's sense of 黄浦江 is
    // "Huangpu River, major river flowing through Shanghai, ...": before, dropped as too long.
    assertEquals(List.of("shanghai/aviation/2022-04-01/event"), ids(search("Huangpu River", 10)));
  }
}
