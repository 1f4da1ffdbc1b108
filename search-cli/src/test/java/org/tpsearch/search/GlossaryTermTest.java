package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several query words that together are a glossary term expand as that term. */
class GlossaryTermTest extends EmbeddedIndexTest {
  static List<String> ids(SearchRequest r) throws Exception {
    return searcher.search(r.withLimit(100)).hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }

  @Test
  void anEnglishTermFindsItsChineseTranslation() throws Exception {
    // The corpus never says "clean heating"; the two Beijing points say 清洁取暖.
    assertEquals(List.of("beijing/residential/2019-03-16/seasonal", "beijing/residential/2021-01-07/event"),
        ids(SearchRequest.of("clean heating")));
    assertEquals(List.of("xinjiang/power/2019-09-26/event"), ids(SearchRequest.of("ultra-high voltage")));
  }

  @Test
  void anOrganisationsEnglishNameFindsItsChineseName() throws Exception {
    // The Guangdong reports say 广东电力交易中心 only: read word by word the English name found no point
    // with every word and all 38 with any of them (Guangdong, Power...) as partial hits.
    SearchResult r = searcher.search(SearchRequest.of("Guangdong Power Exchange Center").withLimit(100));
    assertEquals(List.of("guangdong/power/2018-09-03/policy", "guangdong/power/2019-05-16/policy"),
        r.hits().stream().map(SearchResult.Hit::id).sorted().toList());
    assertTrue(r.hits().stream().allMatch(h -> h.tier().all()), r.hits().toString());
    // The generic English name reaches every 电力交易中心 (Guangzhou's too).
    assertTrue(ids(SearchRequest.of("power exchange")).contains("guangdong/power/2021-09-10/policy"));
  }

  @Test
  void shortFormsAHostileTrialFoundMissing() throws Exception {
    // 两高 is the researchers' short form of 高耗能、高排放, which the Jiangsu report writes
    // 高耗能高排放项目; 产能过剩 (overcapacity) is written 化解过剩产能 in the Hebei report; the virus's
    // name 新型冠状病毒 belongs with 新冠. Each found fewer points than its other forms, or none.
    assertTrue(ids(SearchRequest.of("两高")).contains("jiangsu/power/2021-09-16/policy"), "两高");
    assertEquals(ids(SearchRequest.of("overcapacity")), ids(SearchRequest.of("产能过剩")));
    assertTrue(!ids(SearchRequest.of("产能过剩")).isEmpty());
    assertEquals(ids(SearchRequest.of("新冠")), ids(SearchRequest.of("新型冠状病毒")));
    // first-level warning was first · level · warning, and the three points that say 一级预警 (the
    // 2021 energy-intensity barometer) ranked 13th to 16th.
    assertEquals(ids(SearchRequest.of("一级预警")), ids(SearchRequest.of("first-level warning")));
    assertEquals(3, ids(SearchRequest.of("一级预警")).size());
  }

  @Test
  void aHolidayIsTheTextsJiaqi() throws Exception {
    // The reports say 春节假期 and never "holiday"; CC-CEDICT gives 假期 only as "vacation", so
    // "Spring Festival holiday" found no point with both words (q115).
    SearchResult r = searcher.search(SearchRequest.of("Spring Festival holiday").withLimit(100));
    assertTrue(r.hits().stream().anyMatch(h -> h.id().equals("zhejiang/ground-transport/2020-01-23/event") && h.tier().all()),
        r.hits().toString());
    assertTrue(r.hits().stream().filter(h -> h.tier().all()).count() >= 5, r.hits().toString());
    // The plural reaches the glossary's singular (holidays found nothing, exit 1).
    assertEquals(ids(SearchRequest.of("holiday")), ids(SearchRequest.of("holidays")));
    List<String> plural = ids(SearchRequest.of("Spring Festival holidays"));
    assertTrue(plural.containsAll(ids(SearchRequest.of("Spring Festival holiday"))), plural.toString());
  }

  @Test
  void termsTheDictionaryLacks() throws Exception {
    // CC-CEDICT has neither "type certificate" (型号合格证: C919's, in the Shanghai report) nor
    // "water use" (用水量: Xinjiang's industrial plan); English over the Chinese text found them only
    // as one word of two (blind tuning queries q405, q406). Nor 轮休 (Guangdong's 2021 power
    // shortage: 安排企业轮休), which English over it found nowhere (q463). A term of several words
    // is plural by its last one: type certificates is type certificate.
    for (String[] q : new String[][] {{"type certificate", "shanghai/aviation/2023-05-28/event"},
        {"type certificates", "shanghai/aviation/2023-05-28/event"},
        {"industrial water use", "xinjiang/industry/2021-12-16/seasonal"},
        {"rotating rest days for enterprises", "guangdong/power/2021-05-20/event"}}) {
      SearchResult r = searcher.search(SearchRequest.of(q[0]));
      assertEquals(q[1], r.hits().get(0).id(), q[0]);
      assertTrue(r.hits().get(0).tier().all(), q[0]);
    }
  }

  @Test
  void anAirlineByItsShortOrEnglishName() throws Exception {
    // The Shanghai report writes 东方航空 (C919's first commercial flight, MU9191; the 2022
    // lockdown's cancellations); researchers type 东航 or China Eastern.
    List<String> both = List.of("shanghai/aviation/2022-04-01/event", "shanghai/aviation/2023-05-28/event");
    for (String q : List.of("东航", "China Eastern", "东方航空")) {
      assertEquals(both, ids(SearchRequest.of(q)).stream().sorted().toList(), q);
    }
  }

  @Test
  void theWordsThemselvesStillMatch() throws Exception {
    // Two points say "green power"/"green electricity" in English; 绿色电力/绿电 adds the third.
    List<String> hits = ids(SearchRequest.of("green power"));
    assertTrue(hits.contains("xinjiang/industry/2023-11-01/event"), hits.toString());
    assertTrue(hits.contains("xinjiang/industry/2022-03-01/event"), hits.toString());
  }

  @Test
  void quotedOrUnexpandedWordsAreNotATerm() throws Exception {
    assertEquals(List.of(), ids(SearchRequest.of("\"clean heating\"")));
    assertEquals(List.of(), ids(SearchRequest.of("clean heating").withExpand(false)));
  }

  @Test
  void explainSaysSo() throws Exception {
    SearchRequest r = new SearchRequest("Winter Olympics 河北", java.util.Map.of(), Double.NaN, 10, SearchRequest.SortOrder.RELEVANCE, false, true, true);
    SearchResult res = searcher.search(r);
    assertTrue(res.explain().stream().anyMatch(l -> l.contains("\"Winter Olympics\" is a glossary term")),
        res.explain().toString());
    // The Hebei point says only 冬奥会; the Beijing one names 河北 (Zhangjiakou co-hosted).
    assertEquals(List.of("beijing/residential/2022-02-04/event", "hebei/industry/2022-02-04/event"),
        res.hits().stream().filter(h -> h.tier().all()).map(SearchResult.Hit::id).sorted().toList());
  }
}
