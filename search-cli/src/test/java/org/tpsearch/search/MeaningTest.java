package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What researchers type: unspaced Chinese with function words, questions. Each query of the table
 * in the issue "Find what researchers mean" finds the point the sample reports hold in its first
 * five hits (before query understanding, each of these found nothing).
 */
class MeaningTest extends EmbeddedIndexTest {
  static List<String> top5(String query) throws Exception {
    return searcher.search(SearchRequest.of(query).withLimit(5)).hits().stream().map(SearchResult.Hit::id).toList();
  }

  static void findsInTop5(String query, String id) throws Exception {
    List<String> top = top5(query);
    assertTrue(top.contains(id), () -> query + " -> " + top);
  }

  @Test
  void xinjiangGreenPowerTradingWithDe() throws Exception {
    findsInTop5("新疆的绿色电力交易", "xinjiang/industry/2022-03-01/event");
    findsInTop5("新疆的绿色电力交易", "xinjiang/industry/2023-11-01/event");
  }

  @Test
  void wuhanBusesDuringTheLockdown() throws Exception {
    findsInTop5("武汉封城期间的公交", "hubei/ground-transport/2020-01-23/event");
  }

  @Test
  void whenDidShanghaiFlightsResume() throws Exception {
    findsInTop5("上海的航班什么时候恢复", "shanghai/aviation/2022-06-01/event");
  }

  @Test
  void pudongAirportFlightsResume() throws Exception {
    findsInTop5("浦东机场航班恢复", "shanghai/aviation/2022-06-01/event");
  }

  @Test
  void freeHighwayPassage() throws Exception {
    // The point says 全国收费公路免收车辆通行费 and 高速公路货车通行量: two of the three words.
    findsInTop5("高速公路免费通行", "zhejiang/ground-transport/2020-02-17/policy");
  }

  @Test
  void highwayTollInEnglishOverChineseText() throws Exception {
    // The reports say 收费公路, 车辆通行费 and 高速公路 in Chinese only.
    findsInTop5("highway toll", "zhejiang/ground-transport/2020-02-17/policy");
  }

  @Test
  void pudongAirportInPinyinAndEnglish() throws Exception {
    // Four Shanghai aviation points name 浦东 (three in Chinese only); they come first, with every word.
    SearchResult r = searcher.search(SearchRequest.of("Pudong airport").withLimit(5));
    List<String> pudong = List.of("shanghai/aviation/2020-01-24/event", "shanghai/aviation/2020-03-29/policy",
        "shanghai/aviation/2022-06-01/event", "shanghai/aviation/2023-01-08/policy");
    assertEquals(pudong, r.hits().stream().limit(4).map(SearchResult.Hit::id).sorted().toList(), r.hits()::toString);
    r.hits().stream().limit(4).forEach(h -> assertTrue(h.tier().all(), h.id()));
    assertEquals(List.of("xinjiang/power/2020-07-20/event", "xinjiang/power/2022-08-12/event",
        "xinjiang/power/2022-11-25/event"), top5("wulumuqi").stream().sorted().toList(), "乌鲁木齐 in pinyin");
  }

  @Test
  void anEnglishExonymWithOrWithoutDiacriticsFindsTheChinesePlace() throws Exception {
    // The reports write 乌鲁木齐 (and 乌鲁木齐市) in Chinese only. CC-CEDICT names the city "Ürümqi"
    // under 乌鲁木齐市 and only refers 乌鲁木齐 on; users type Urumqi, Ürümqi or toned pinyin.
    List<String> urumqi = List.of("xinjiang/power/2020-07-20/event", "xinjiang/power/2022-08-12/event",
        "xinjiang/power/2022-11-25/event");
    for (String q : List.of("Urumqi", "Ürümqi", "URUMQI", "Wūlǔmùqí")) {
      assertEquals(urumqi, top5(q).stream().sorted().toList(), q);
    }
  }

  @Test
  void fullWidthAndDecomposedEnglishReachTheSameSensesAsTyped() throws Exception {
    // A Chinese input method in full-width mode types ｈｅａｔｉｎｇ; some keyboards send Ü as U and
    // a combining diaeresis (U+0308). Both matched the text, but neither reached the dictionary, so
    // the Chinese-only points (供暖, 乌鲁木齐) were missed.
    List<String> heating = top5("heating");
    assertFalse(heating.isEmpty());
    assertEquals(heating, top5("\uFF48\uFF45\uFF41\uFF54\uFF49\uFF4E\uFF47"));
    assertEquals(heating, top5("\uFF28\uFF25\uFF21\uFF34\uFF29\uFF2E\uFF27"));
    assertEquals(top5("Ürümqi"), top5("U\u0308ru\u0308mqi"));
    assertEquals(3, top5("U\u0308ru\u0308mqi").size());
  }

  @Test
  void hyphenatedAndSpacedEnglishReachTheSameGlossaryTerm() throws Exception {
    // The glossary writes ultra-low emission (超低排放); the reports say 超低排放 in Chinese.
    List<String> hyphen = top5("ultra-low emission");
    assertFalse(hyphen.isEmpty());
    assertEquals(hyphen, top5("ultra low emission"));
  }

  @Test
  void aPinyinHitStillShowsItsEvidence() throws Exception {
    // Nothing in the text reads "wulumuqi": the items are shown unmarked, not left out.
    for (SearchResult.Hit h : searcher.search(SearchRequest.of("wulumuqi")).hits()) {
      assertFalse(h.evidence().isEmpty() && h.snippet() == null, h.id());
    }
  }

  @Test
  void aPinyinLookalikeOfOneSyllableIsEnglish() throws Exception {
    assertEquals(null, QueryCompiler.pinyin("fan"));
    assertEquals(null, QueryCompiler.pinyin("toll"));
    assertEquals("pudong", QueryCompiler.pinyin("Pudong"));
  }

  @Test
  void wordsThatSayWhenAreLeftOut() throws Exception {
    // 后, 到, 时 between words say when or where one thing follows another; the reports never
    // write them there (江苏复工复产后用电恢复 found its point only among the partial matches, as
    // 后用 is no word of the text). Each point has every content word of its query.
    for (String[] q : new String[][] {{"江苏复工复产后用电恢复", "jiangsu/power/2020-01-24/event"},
        {"复工后高速货车通行量", "zhejiang/ground-transport/2020-02-17/policy"},
        {"哈密南到郑州特高压投运", "xinjiang/power/2019-09-26/event"},
        {"新十条后的电力需求", "xinjiang/power/2022-11-25/event"},
        {"首批绿色电力交易有多少家市场主体参与", "guangdong/power/2021-09-10/policy"},
        // 上 after 大会 says where: 联合国 · 大会, not 联合国 · 大 · 会上 (联合国大 occurs nowhere).
        {"第七十五届联合国大会上的双碳目标", "inner-mongolia/power/2021-03-01/policy"}}) {
      SearchResult r = searcher.search(SearchRequest.of(q[0]).withLimit(5));
      assertEquals(q[1], r.hits().get(0).id(), q[0] + " -> " + r.hits());
      assertTrue(r.hits().get(0).tier().all(), q[0]);
    }
    // 氢能 keeps 能: beside a character that is no word of its own, a light one is part of a word
    // (氢能 occurs nowhere in the sample, and the query says so rather than search for 新疆 alone).
    SearchResult r = searcher.search(new SearchRequest("新疆的氢能", Map.of(), Double.NaN, 10,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertEquals(List.of("新疆", "氢能"), r.words());
    assertEquals(List.of(), r.hits());
  }

  @Test
  void explainShowsHowTheQueryWasRead() throws Exception {
    SearchResult r = searcher.search(new SearchRequest("上海的航班什么时候恢复", Map.of(), Double.NaN, 10,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertEquals(List.of("上海", "航班", "恢复"), r.words());
    assertTrue(r.explain().stream().anyMatch(l -> l.contains("上海的航班什么时候恢复 is read as 上海 · 航班 · 恢复")),
        r.explain()::toString);
    assertTrue(r.explain().stream().anyMatch(l -> l.equals("function and question words left out: 的 什么时候")),
        r.explain()::toString);
  }

  @Test
  void pointsWithEveryWordComeBeforePartialOnesThatFillThePage() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("武汉封城期间的公交").withLimit(10));
    assertEquals(3, r.words().size());
    assertFalse(r.partial(), "some point has every word");
    List<SearchResult.Tier> tiers = r.hits().stream().map(SearchResult.Hit::tier).toList();
    assertEquals(tiers.stream().sorted().toList(), tiers, "phrase, then all words, then partial");
    assertTrue(tiers.contains(SearchResult.Tier.PARTIAL), "the page is filled with partial hits: " + tiers);
    assertEquals(r.total() + r.partialTotal(), r.hits().size(), "every hit fits on this page");
    int previous = 3;
    for (SearchResult.Hit h : r.hits()) {
      if (h.tier() == SearchResult.Tier.PARTIAL) {
        // Two of the three words first, then one: the most words first.
        assertTrue(h.matchedWords() >= 1 && h.matchedWords() < 3 && h.matchedWords() <= previous,
            h.id() + " " + h.matchedWords());
        previous = h.matchedWords();
      } else {
        assertEquals(3, h.matchedWords());
      }
    }
    assertEquals(1, previous, "points with one of the words fill the rest of the page");
  }

  @Test
  void theQueryAsTypedComesFirst() throws Exception {
    // 绿色电力交易 occurs as typed in two points; the others have the words apart.
    SearchResult r = searcher.search(SearchRequest.of("绿色电力 交易").withLimit(10));
    List<SearchResult.Hit> phrase = r.hits().stream().filter(h -> h.tier() == SearchResult.Tier.PHRASE).toList();
    assertFalse(phrase.isEmpty());
    for (int i = 0; i < phrase.size(); i++) {
      assertEquals(SearchResult.Tier.PHRASE, r.hits().get(i).tier(), r.hits()::toString);
    }
    assertTrue(r.hits().stream().anyMatch(h -> h.tier() == SearchResult.Tier.ALL), r.hits()::toString);
  }

  @Test
  void aQueryNoneOfWhoseWordsOccurFindsNothing() throws Exception {
    // 氢能 (hydrogen energy) and 区块链 occur nowhere; 的 and 是什么 are function words.
    SearchResult r = searcher.search(SearchRequest.of("氢能的区块链是什么").withLimit(10));
    assertEquals(0, r.total(), r.hits()::toString);
    assertEquals(0, r.hits().size());
  }

  @Test
  void aSingleCharacterNeverMatchesAloneUnlessItIsTheWholeQuery() throws Exception {
    // 核煤: 核 and 煤 both occur, never together; the split keeps them one word.
    SearchResult r = searcher.search(SearchRequest.of("新疆的核煤").withLimit(100));
    assertEquals(List.of("新疆", "核煤"), r.words());
    assertEquals(0, r.hits().stream().filter(h -> h.tier().all()).count());
    assertFalse(r.hits().isEmpty(), "the points with 新疆 are partial hits");
    for (SearchResult.Hit h : r.hits()) {
      assertEquals(1, h.matchedWords(), h.id() + ": only 新疆 can match");
    }
    assertTrue(searcher.search(SearchRequest.of("核")).total() > 0, "a lone character is a query of its own");
  }

  @Test
  void aVerbOfOneCharacterFindsTheTwoTheTextWrites() throws Exception {
    // Each found nothing with every word before: the reports write 下降, 减少 and 增加, a word or
    // two after the noun (航油消耗大幅减少, 用电需求下降, 用气需求大幅增加).
    Map<String, String> typed = Map.of(
        "航油消耗减", "shanghai/aviation/2020-03-29/policy",
        "用电需求降", "xinjiang/power/2022-08-12/event",
        "用气需求增", "beijing/residential/2021-01-07/event");
    for (Map.Entry<String, String> e : typed.entrySet()) {
      SearchResult r = searcher.search(SearchRequest.of(e.getKey()).withLimit(10));
      assertEquals(e.getValue(), r.hits().get(0).id(), e.getKey() + " -> " + r.hits());
      assertTrue(r.hits().get(0).tier().all(), e.getKey() + ": a hit with every word");
    }
    // The character still has to be there: 航油消耗增 (the text says only 减少) has no full hit.
    SearchResult increase = searcher.search(SearchRequest.of("航油消耗增").withLimit(10));
    assertTrue(increase.hits().stream().noneMatch(h -> h.tier().all()), increase.hits()::toString);
    // ...and after the word, not before it: the Hebei reports say 严禁新增钢铁产能, which is no
    // answer to 钢铁增 or 产能增 (a sloppy phrase took it).
    for (String q : List.of("钢铁增", "产能增", "交通复")) {
      assertEquals(0, searcher.search(SearchRequest.of(q).withLimit(10)).hits().size(), q);
    }
  }

  @Test
  void anAmountFindsItsEnglishFormAndAPricePerUnitStaysWhole() throws Exception {
    // The 2023 Xinjiang point says 5.26 billion kWh in English only; the 2022 one 52.6亿千瓦时.
    SearchResult kwh = searcher.search(SearchRequest.of("52.6亿千瓦时").withLimit(10));
    assertEquals(List.of("xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event"),
        kwh.hits().stream().map(SearchResult.Hit::id).sorted().toList());
    // 碳价 (carbon price) is a glossary topic no report names, but the price is there: 首日开盘价
    // 48元/吨 (Inner Mongolia) and "opened at 48 yuan per tonne" (Jiangsu, in English). An amount
    // that occurs keeps the query from finding nothing; 48元/吨 is one word, not 48元 · 吨.
    SearchResult price = searcher.search(SearchRequest.of("碳价48元/吨").withLimit(10));
    assertEquals(List.of("碳价", "48元/吨"), price.words());
    assertEquals(List.of("inner-mongolia/power/2021-07-16/policy", "jiangsu/power/2021-07-16/policy"),
        price.hits().stream().map(SearchResult.Hit::id).sorted().toList());
    // Only points with the amount itself answer: no report says 100万千瓦 (100 and 万千瓦 each
    // occur), so 核电装机100万千瓦 finds nothing. A date or a share is no amount: beside 核电
    // (nuclear power), which no report mentions, they find nothing.
    for (String q : List.of("核电装机100万千瓦", "2021年核电", "2021-10-08核电", "23/01/2020核电", "核电占比5%")) {
      assertEquals(0, searcher.search(SearchRequest.of(q).withLimit(10)).hits().size(), q);
    }
    // A price per kilowatt-hour in 度: the Guangdong report writes 0.453元/千瓦时.
    assertEquals("guangdong/power/2021-10-15/policy", top5("0.453元/度").get(0));
  }

  @Test
  void noCharacterBesideANumberMatchesAlone() throws Exception {
    // 1100千伏 was 1100千 · 伏, and every point that says 光伏 was a partial hit through 伏.
    SearchResult r = searcher.search(SearchRequest.of("1100千伏").withLimit(100));
    assertEquals(List.of("xinjiang/power/2019-09-26/event"), r.hits().stream().map(SearchResult.Hit::id).toList());
    // 52.6亿度: 度 is the kilowatt-hour of everyday speech; the report says 52.6亿千瓦时. Read as
    // 52.6亿 · 度, the point was a partial hit, third of twelve; now it is a full hit, also typed
    // full-width and in Traditional characters, with the 2023 point that gives the same figure in
    // English (5.26 billion kWh).
    for (String q : List.of("52.6亿度", "５２．６億度")) {
      SearchResult kwh = searcher.search(SearchRequest.of(q).withLimit(100));
      assertEquals(List.of("xinjiang/industry/2022-03-01/event", "xinjiang/industry/2023-11-01/event"),
          kwh.hits().stream().filter(h -> h.tier().all()).map(SearchResult.Hit::id).sorted().toList(), q);
    }
    // 1亿吨: the Hebei report writes the unit once for two numbers, 1亿—1.5亿吨; 约1亿千瓦 (a
    // capacity) is no answer.
    assertEquals("hebei/industry/2019-04-29/policy", top5("1亿吨").get(0));
    // 2月份 is 2月; before, 份 alone made points that say 股份 or 省份 hits.
    SearchResult feb = searcher.search(SearchRequest.of("2020年2月份").withLimit(100));
    assertEquals(List.of("2020年", "2月"), feb.words());
    // A topic character beside a number stays a word: 2020年煤 is 2020年 · 煤.
    assertEquals(List.of("2020年", "煤"), searcher.search(SearchRequest.of("2020年煤")).words());
    assertTrue(searcher.search(SearchRequest.of("2020年煤")).total() > 0);
  }

  @Test
  void datesAndDocumentNumbersAsResearchersTypeThem() throws Exception {
    // A 文号 without its bracketed year (发改价格〔2021〕1439号 in the Guangdong report).
    findsInTop5("发改价格1439号", "guangdong/power/2021-10-15/policy");
    // A year and month with a leading zero, and the pipeline's own day-first date.
    findsInTop5("2021-09", "jiangsu/power/2021-09-16/policy");
    findsInTop5("23/01/2020", "hubei/ground-transport/2020-01-23/event");
    // A glossary name longer than any word of the index, with 和 inside it: one word.
    SearchResult ndrc = searcher.search(SearchRequest.of("国家发展和改革委员会").withLimit(10));
    assertEquals(List.of("国家发展和改革委员会"), ndrc.words());
    assertTrue(ndrc.hits().stream().allMatch(h -> h.tier().all()), ndrc.hits()::toString);
    // A round number finds the text's rough one (5000余户), a whole date the day written without
    // its year (12月7日 in the Xinjiang report, after 2022 was named), and 第几号令 asks for the
    // number of 生态环境部令第19号.
    findsInTop5("5000户", "xinjiang/industry/2022-03-01/event");
    findsInTop5("2022-12-07", "xinjiang/power/2022-11-25/event");
    assertEquals("inner-mongolia/power/2021-07-16/policy",
        top5("碳排放权交易管理办法是生态环境部第几号令？").get(0));
    // 国六 (China VI) occurs nowhere; its form 国6 is no sign that it does (国 and 6 each occur).
    assertEquals(List.of("国六"), searcher.search(SearchRequest.of("国六排放标准")).absent());
    // 双碳 reaches 碳达峰、碳中和, written with a 、 between its halves.
    findsInTop5("双碳", "inner-mongolia/power/2021-10-12/event");
  }

  @Test
  void englishWordsThatOccurNowhereBesideAPlaceFindNothing() throws Exception {
    // Neither Tesla nor gigafactory (nor a translation) occurs; only Shanghai does, and a point
    // with only the place says nothing of what was asked.
    SearchResult r = searcher.search(SearchRequest.of("Tesla Shanghai gigafactory").withLimit(10));
    assertEquals(0, r.total() + r.partialTotal(), r.hits()::toString);
    assertEquals(List.of("Tesla"), r.absent());
    // An English word that occurs through its translation still answers beside the place, and a
    // word of the dictionary that occurs nowhere keeps the points with the place (as 最新 does).
    assertTrue(searcher.search(SearchRequest.of("Shanghai flights").withLimit(10)).total() > 0);
    SearchResult latest = searcher.search(SearchRequest.of("Hebei latest").withLimit(10));
    assertFalse(latest.hits().isEmpty(), "Hebei latest");
  }

  @Test
  void aRegionsEnglishNameIsThatRegionNotAPinyinReading() throws Exception {
    // The toneless pinyin of 陕西 (Shaanxi) is shanxi; Shanxi is 山西. Three points name 陕西 in a
    // list of provinces (the 2021 energy-intensity warning), and they are no answer to Shanxi.
    java.util.Set<String> shanxi = new java.util.TreeSet<>(ids("Shanxi"));
    java.util.Set<String> chinese = new java.util.TreeSet<>(ids("山西"));
    assertFalse(shanxi.isEmpty());
    assertEquals(chinese, shanxi);
    java.util.Set<String> shaanxi = new java.util.TreeSet<>(ids("Shaanxi"));
    assertEquals(new java.util.TreeSet<>(ids("陕西")), shaanxi);
    assertFalse(shaanxi.isEmpty());
  }

  @Test
  void aCityTypedWithItsShiFindsItWithout() throws Exception {
    // The Hebei report writes 唐山市大气污染防治 once and 唐山 alone (唐山、邯郸; 唐山是全国粗钢产量...)
    // in two other points: 唐山市 found only the first.
    List<String> tangshan = ids("唐山");
    assertEquals(new java.util.TreeSet<>(tangshan), new java.util.TreeSet<>(ids("唐山市")));
    assertTrue(tangshan.size() > 1, tangshan::toString);
  }

  @Test
  void anAcronymInCapitalsIsNotMatchedThroughStems() throws Exception {
    // The stemmer makes "use" us; US typed in capitals means the country, which no report names.
    assertEquals(0, searcher.search(SearchRequest.of("US")).total());
    assertTrue(searcher.search(SearchRequest.of("use")).total() > 0);
    // An acronym the text has still finds it (PV, in "photovoltaic (PV)").
    findsInTop5("PV", "inner-mongolia/power/2021-10-12/event");
    // A longer acronym keeps the word field: the Guangdong point's source is www.nea.gov.cn.
    assertTrue(ids("NEA").contains("guangdong/power/2019-05-16/policy"), () -> "NEA");
  }

  static List<String> ids(String query) throws Exception {
    SearchResult r = searcher.search(SearchRequest.of(query).withLimit(200));
    return r.hits().stream().filter(h -> h.tier().all()).map(SearchResult.Hit::id).toList();
  }

  @Test
  void aTopicOfTheGlossaryThatOccursNowhereFindsNothing() throws Exception {
    // No sample report covers nuclear power (核电, 核能发电, nuclear power: none of them occurs) or
    // ports (港口, 岸电); 机组, 投运 and 改造 do occur, in points about coal units, power lines and
    // steel plants, which are no answer to these queries.
    // A topic typed in English counts the same: CCUS (carbon capture) is in the glossary, and no
    // report mentions it in any form; carbon and pilot are no answer.
    for (String q : List.of("核电机组投运", "港口岸电改造", "新疆的核电", "新冠疫苗接种率", "carbon capture CCUS pilot")) {
      SearchResult r = searcher.search(new SearchRequest(q, Map.of(), Double.NaN, 10, SearchRequest.SortOrder.RELEVANCE,
          false, true, true));
      assertEquals(0, r.total() + r.partialTotal(), () -> q + " -> " + r.hits());
      assertTrue(r.explain().stream().anyMatch(e -> e.contains("occurs nowhere in the index")), r.explain()::toString);
      // The result names those words (the CLI says them on stderr): every one of them.
      assertEquals(q.equals("港口岸电改造") ? List.of("港口", "岸电")
          : q.equals("新冠疫苗接种率") ? List.of("疫苗接种率") : q.startsWith("carbon") ? List.of("CCUS")
          : List.of("核电"), r.absent(), q);
    }
    // A word the glossary does not know may be what the text says in other words (狗狗币, Dogecoin,
    // for the 虚拟货币"挖矿" of the Inner Mongolia reports; 东航 and 首航 for 东方航空's first commercial
    // flight): the points with the other words still answer. So does a glossary topic a part of
    // which occurs (灵活性改造: 改造), and a region without a report (海南: the topic elsewhere).
    for (String q : List.of("内蒙古的狗狗币挖矿", "东航C919首航", "山西煤电机组灵活性改造", "海南的光伏")) {
      SearchResult r = searcher.search(SearchRequest.of(q).withLimit(10));
      assertTrue(r.partial() && !r.hits().isEmpty(), () -> q + " -> " + r.hits());
    }
  }

  @Test
  void aBroaderTopicFindsTheNarrowerOnesTheReportsName() throws Exception {
    // No report says 火电 (thermal power) or 温室气体 (greenhouse gases); they say 燃煤机组 and
    // 二氧化碳. Both were absent topics, and these queries found nothing.
    assertEquals("jiangsu/power/2020-01-24/event", top5("江苏火电出力").get(0));
    assertFalse(top5("温室气体排放").isEmpty());
    // 煤电 does not reach 火电: a narrower term's query is not widened to the broader one.
    SearchResult coal = searcher.search(new SearchRequest("煤电", Map.of(), Double.NaN, 10,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertFalse(coal.explain().isEmpty());
    assertTrue(coal.explain().stream().noneMatch(e -> e.contains("火电")), coal.explain()::toString);
  }

  @Test
  void thePlacesAQuestionAsksForAreLeftOut() throws Exception {
    assertEquals(List.of("限电"), searcher.search(SearchRequest.of("哪些省市限电")).words());
    // Not before a lone character it makes a word with: 省会 (a provincial capital), 省级.
    assertEquals(List.of("省会", "封城"), searcher.search(SearchRequest.of("哪个省会封城")).words());
    assertEquals(List.of("省级", "电网"), searcher.search(SearchRequest.of("哪个省级电网")).words());
  }

  @Test
  void aShortWordFillsItsPageWithItsHeadWhenThatIsATopic() throws Exception {
    // 拉闸限电 (rolling blackouts) is a kind of 限电 (power rationing): the Guangdong point that
    // says 限电 without 拉闸 follows the two that say it all.
    SearchResult cuts = searcher.search(SearchRequest.of("拉闸限电原因").withLimit(10));
    List<String> ids = cuts.hits().stream().map(SearchResult.Hit::id).toList();
    assertEquals(List.of("inner-mongolia/power/2021-09-27/event", "jiangsu/power/2021-09-16/policy"),
        ids.subList(0, 2).stream().sorted().toList());
    assertTrue(ids.contains("guangdong/power/2021-09-10/policy"), ids::toString);
    // 管理 of 静默管理 (static management) is no topic: only the points that say it all.
    assertTrue(searcher.search(SearchRequest.of("静默管理").withLimit(10)).hits().stream().allMatch(h -> h.tier().all()));
  }

  @Test
  void aPieceThatOccursNowhereIsSplitAtAWordThatDoes() throws Exception {
    // The Inner Mongolia report says 全面清理关停虚拟货币"挖矿"项目, never 狗狗币 (Dogecoin); SmartChinese
    // keeps 挖 and 矿 apart, so 狗狗币挖矿 was one word that occurs nowhere, and the point with 挖矿
    // came after other Inner Mongolia points.
    SearchResult r = searcher.search(SearchRequest.of("内蒙古的狗狗币挖矿").withLimit(10));
    assertEquals(List.of("内蒙古", "狗狗币", "挖矿"), r.words());
    assertEquals("inner-mongolia/power/2021-03-01/policy", r.hits().get(0).id(), r.hits()::toString);
    assertEquals(2, r.hits().get(0).matchedWords());
  }

  @Test
  void everydayWordsReachTheReportsTerms() throws Exception {
    // 比特币 (bitcoin) is the 虚拟货币 (virtual currency) whose 挖矿 (mining) Inner Mongolia stopped; a
    // 矿场 is a mining farm. 雾霾 (smog) names 重污染天气 and PM2.5 as narrower terms: the reports
    // say those, never 雾霾.
    findsInTop5("比特币矿场", "inner-mongolia/power/2021-03-01/policy");
    findsInTop5("内蒙古的比特币挖矿", "inner-mongolia/power/2021-03-01/policy");
    findsInTop5("雾霾治理", "hebei/industry/2019-10-08/seasonal");
    findsInTop5("雾霾治理", "beijing/residential/2019-03-16/seasonal");
  }

  @Test
  void aWordThatOccursNowhereCountsByItsPartsAmongPartialHits() throws Exception {
    // No report says 灵活性改造 (flexibility retrofit); the Shanxi point of 2019 says 煤电机组节能改造,
    // the one of 2021-10 煤电机组出力增加. Counted by 改造, the first comes first.
    SearchResult r = searcher.search(new SearchRequest("山西煤电机组灵活性改造", Map.of(), Double.NaN, 10,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertEquals(List.of("山西", "煤电", "机组", "灵活性改造"), r.words());
    assertEquals("shanxi/power/2019-06-01/policy", r.hits().get(0).id(), r.hits()::toString);
    assertEquals(3, r.hits().get(0).matchedWords(), "its whole words: 山西, 煤电, 机组");
    assertTrue(r.explain().stream().anyMatch(e -> e.contains("灵活性改造 occurs nowhere") && e.contains("改造")),
        r.explain()::toString);
    // A part never stands in alone: a point with 改造 and none of the words comes after every
    // point with a word, as a point with a part of a word.
    for (SearchResult.Hit h : r.hits()) {
      assertTrue(h.matchedWords() > 0 || r.hits().indexOf(h) >= r.hits().stream().filter(x -> x.matchedWords() > 0).count(),
          h.id());
    }
  }

  @Test
  void aFunctionCharacterInsideAWordOfTheTextIsKept() throws Exception {
    // The Guangdong report says 西电东送电量不及预期. The index has no word 不及: dropping 及 as a
    // function word left 西电东送不, which occurs nowhere, and the point was only a partial hit.
    SearchResult r = searcher.search(SearchRequest.of("西电东送不及预期").withLimit(5));
    assertEquals(List.of("西电东送", "不及", "预期"), r.words());
    assertEquals("guangdong/power/2021-05-20/event", r.hits().get(0).id(), r.hits()::toString);
    assertTrue(r.hits().get(0).tier().all(), r.hits().get(0).tier()::toString);
  }

  @Test
  void pointsWithAPartOfALongWordFillThePageLast() throws Exception {
    // 错峰生产 (staggered production) is one word of the query; the Guangdong and Jiangsu reports say
    // only 错峰用电. They follow the points with the words, marked partial with none of the words.
    SearchResult r = searcher.search(SearchRequest.of("秋冬季错峰生产").withLimit(10));
    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
    assertEquals("hebei/industry/2019-10-08/seasonal", ids.get(0));
    assertTrue(ids.containsAll(List.of("guangdong/power/2021-05-20/event", "jiangsu/power/2021-09-16/policy")),
        ids::toString);
    for (SearchResult.Hit h : r.hits().subList(1, r.hits().size())) {
      assertEquals(SearchResult.Tier.PARTIAL, h.tier(), h.id());
      assertEquals(0, h.matchedWords(), h.id());
    }
    assertEquals(r.hits().size(), r.total() + r.partialTotal(), "the parts' points are counted");
  }

  @Test
  void aQueryOfOneLongWordFillsItsPageWithPointsThatHaveItsParts() throws Exception {
    // The Hebei report says 淘汰落后产能; the Shanxi point of 2019 says 去产能 and 关闭退出一批落后煤矿
    // (a sixth blind batch judged it relevant). Before, a query of one word had no partial hits,
    // and this one found the Hebei point alone; 落后产能's own parts (落后, 产能) reach Shanxi.
    SearchResult r = searcher.search(SearchRequest.of("淘汰落后产能").withLimit(10));
    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
    assertEquals("hebei/industry/2021-10-15/policy", ids.get(0), ids::toString);
    assertTrue(r.hits().get(0).tier().all());
    assertTrue(ids.contains("shanxi/power/2019-06-01/policy"), ids::toString);
    for (SearchResult.Hit h : r.hits().subList(1, r.hits().size())) {
      assertEquals(SearchResult.Tier.PARTIAL, h.tier(), h.id());
      assertEquals(0, h.matchedWords(), h.id());
    }
    assertEquals(1, r.total(), "the total counts the points with the word");
    assertEquals(r.hits().size() - 1, r.partialTotal(), "and the points with a part, apart");
  }

  @Test
  void pointsWithOnlyTheRegionOrSectorOfAnAbsentTopicAreNoAnswer() throws Exception {
    // No report says 阶梯电价 (tiered electricity pricing) in any form, though 电价 occurs; the points
    // that say 居民 (the residential sector) say nothing of it. A sixth blind batch's negative query.
    SearchResult r = searcher.search(new SearchRequest("居民阶梯电价", Map.of(), Double.NaN, 10,
        SearchRequest.SortOrder.RELEVANCE, false, true, true));
    assertEquals(List.of("居民", "阶梯电价"), r.words());
    assertEquals(0, r.total() + r.partialTotal(), r.hits()::toString);
    assertEquals(List.of("阶梯电价"), r.absent(), "named for the stderr line");
    assertTrue(r.explain().stream().anyMatch(e -> e.contains("阶梯电价 occurs nowhere in any form")), r.explain()::toString);
    // Beside another word, the part still stands in (灵活性改造: 改造, above); a word the glossary
    // does not know keeps its place-only points (新疆电力送到安徽: 送到 occurs nowhere, the Xinjiang
    // power point on the line to Anhui still answers).
    SearchResult anhui = searcher.search(SearchRequest.of("新疆电力送到安徽").withLimit(10));
    assertTrue(anhui.absent().isEmpty() && !anhui.hits().isEmpty(), anhui.hits()::toString);
  }

  @Test
  void englishOverChineseTermsTheDictionaryLacks() throws Exception {
    // The Beijing report says 替代农村和城乡结合部的散烧煤取暖; CC-CEDICT has no urban-rural fringe.
    findsInTop5("urban-rural fringe", "beijing/residential/2019-03-16/seasonal");
  }

  @Test
  void partsOfAWordNeverAnswerAQueryNoneOfWhoseWordsOccur() throws Exception {
    // 光伏组件 (PV modules) occurs nowhere, in no language; its part 光伏 is in five points.
    SearchResult r = searcher.search(SearchRequest.of("光伏组件").withLimit(10));
    assertEquals(0, r.total(), r.hits()::toString);
    assertEquals(0, r.hits().size());
  }

  @Test
  void questionWordsAloneAreSearchedAsTyped() throws Exception {
    // Nothing but function words: searched for rather than dropped into an empty query.
    SearchResult r = searcher.search(SearchRequest.of("什么"));
    assertEquals(List.of("什么"), r.words());
  }

  @Test
  void englishStopAndQuestionWordsAreLeftOut() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("when did the Wuhan lockdown start"));
    assertEquals(List.of("Wuhan", "lockdown", "start"), r.words());
    assertTrue(r.hits().stream().limit(3).anyMatch(h -> h.id().equals("hubei/ground-transport/2020-01-23/event")),
        r.hits()::toString);
  }

  @Test
  void numbersDocumentNumbersAndTitlesStayWhole() throws Exception {
    for (String q : List.of("国发〔2021〕23号", "《2030年前碳达峰行动方案》", "52.6亿", "生态环境部令第19号")) {
      SearchResult r = searcher.search(SearchRequest.of(q));
      assertEquals(List.of(q), r.words(), q);
      assertTrue(r.total() > 0, q);
    }
  }

  /**
   * A word with 第 and a number that does not occur as typed is read as its words around the number
   * (a blind tuning query, q359: kept whole, 武汉防控指挥部第1号通告 found nothing, exit 1, where the
   * text says 武汉市…疫情防控指挥部（通告第1号）).
   */
  @Test
  void aDocumentNumberInsideOtherWordsIsReadAsWords() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("武汉防控指挥部第1号通告"));
    assertEquals(List.of("武汉", "防控", "指挥部", "第1号", "通告"), r.words());
    assertEquals("hubei/ground-transport/2020-01-23/event", r.hits().get(0).id());
    assertTrue(r.hits().get(0).tier().all(), r.hits().get(0).toString());
    // A 文号 with a word after it: the 文号 is still one word.
    SearchResult doc = searcher.search(SearchRequest.of("国发〔2021〕23号文件"));
    assertEquals(List.of("国发", "〔2021〕23号", "文件"), doc.words());
    assertEquals("hebei/industry/2021-10-15/policy", doc.hits().get(0).id());
  }

  /**
   * A measure word belongs to the numeral before it (blind tuning query q394): 第一个启动 was read as
   * 第一 · 个启动, a word that occurs nowhere, so the points of other provinces that 启动…一级响应
   * counted one word and fell off the page.
   */
  @Test
  void aMeasureWordBelongsToItsNumeral() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("浙江是全国第一个启动一级响应的省份吗"));
    assertTrue(r.words().contains("第一个") && r.words().contains("启动"), r.words().toString());
    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
    assertEquals("zhejiang/ground-transport/2020-01-23/event", ids.get(0));
    for (String other : List.of("beijing/residential/2020-01-24/event", "hubei/ground-transport/2020-01-23/event",
        "jiangsu/power/2020-01-24/event", "shanghai/aviation/2020-01-24/event", "guangdong/power/2020-01-25/event")) {
      assertTrue(ids.contains(other), () -> other + " not in " + ids);
    }
  }

  /**
   * A title the text writes with punctuation inside, typed without it, is found (session 5: the
   * real report's 《新疆维吾尔自治区"十四五"工业绿色发展规划》 typed without its quotes found nothing,
   * exit 1, while the same words without 《》 found it).
   */
  @Test
  void aTitleTypedWithoutThePunctuationInsideItIsFound() throws Exception {
    String id = "xinjiang/industry/2021-12-16/seasonal";
    for (String q : List.of("《新疆维吾尔自治区十四五工业绿色发展规划》", "《新疆维吾尔自治区\"十四五\"工业绿色发展规划》",
        "《新疆维吾尔自治区“十四五”工业绿色发展规划》")) {
      SearchResult r = searcher.search(SearchRequest.of(q));
      assertTrue(r.total() > 0 && r.hits().get(0).id().equals(id), () -> q + " -> " + r.hits());
    }
    // As typed, it stays one word when the index holds it so.
    assertEquals(List.of("《新疆维吾尔自治区\"十四五\"工业绿色发展规划》"),
        searcher.search(SearchRequest.of("《新疆维吾尔自治区\"十四五\"工业绿色发展规划》")).words());
  }

  @Test
  void matchedWordsUnderAFieldSortComeFromTheMatching() throws Exception {
    // Under a field sort the collector computes no scores (NaN); the count was once decoded from
    // the score and printed "(matches 0 words)".
    for (SearchRequest.SortOrder order : SearchRequest.SortOrder.values()) {
      // 光伏 has no parts (绿色电力's would fill the page with points that have none of the words).
      SearchRequest req = new SearchRequest("光伏 qqqzzz", Map.of(), Double.NaN, 10, order, false, true, false);
      SearchResult r = searcher.search(req);
      assertTrue(r.partial());
      assertFalse(r.hits().isEmpty());
      r.hits().forEach(h -> assertEquals(1, h.matchedWords(), order + " " + h.id()));
      r.hits().forEach(h -> assertFalse(Float.isNaN(h.score()), order + " " + h.id()));
    }
  }

  @Test
  void wordsOfScopeAreNotRequired() throws Exception {
    // 多省 (several provinces) says where to look: the Guangdong point on its own rationing says
    // 多地, and 有序用电 (orderly power use), a narrower term of 限电, the head of 拉闸限电.
    SearchResult r = searcher.search(SearchRequest.of("2021年多省拉闸限电").withLimit(5));
    assertEquals(List.of("2021年", "拉闸限电"), r.words());
    List<String> ids = r.hits().stream().map(SearchResult.Hit::id).toList();
    assertTrue(ids.contains("guangdong/power/2021-05-20/event"), ids::toString);
    assertTrue(ids.contains("inner-mongolia/power/2021-09-27/event"), ids::toString);
  }

  @Test
  void aPointWithOnlyTheDateFollowsThoseOnTheTopic() throws Exception {
    // 2021年9月限电: the Guangdong point on orderly power use (no 9月) before the Xinjiang point
    // that has 2021年 and 9月 and nothing on rationing.
    List<String> ids = searcher.search(SearchRequest.of("2021年9月限电").withLimit(20)).hits().stream()
        .map(SearchResult.Hit::id).toList();
    int topic = ids.indexOf("guangdong/power/2021-05-20/event");
    int dateOnly = ids.indexOf("xinjiang/power/2021-08-17/policy");
    assertTrue(topic >= 0 && dateOnly > topic, ids::toString);
    // The same with the date quoted, or a year alone.
    for (String q : List.of("\"2021年9月\" 限电", "2021 限电")) {
      List<String> same = searcher.search(SearchRequest.of(q).withLimit(20)).hits().stream()
          .map(SearchResult.Hit::id).toList();
      int t = same.indexOf("guangdong/power/2021-05-20/event");
      int d = same.indexOf("xinjiang/power/2021-08-17/policy");
      assertTrue(t >= 0 && (d < 0 || d > t), () -> q + " " + same);
    }
    // A place is no such word: the Shanghai point on the lockdown of 2022, which says only 上海 of
    // the query, stays among the points with one word.
    findsInTop10("上海旅客吞吐量机场下降", "shanghai/aviation/2022-04-01/event");
  }

  @Test
  void everySectorNamedFindsEveryPointInAnyOrder() throws Exception {
    // Only sector names, which cover every point: a page as long as the index, by date, has them
    // all (the parts' pass after them once asked for no hits and failed).
    int points = searcher.search(SearchRequest.of("电力 工业 居民 航空 地面交通").withLimit(1000)).hits().size();
    SearchRequest byDate = new SearchRequest("电力 工业 居民 航空 地面交通", Map.of(), Double.NaN, 1000,
        SearchRequest.SortOrder.DATE, false, false, false);
    assertEquals(points, searcher.search(byDate).hits().size());
  }

  static void findsInTop10(String query, String id) throws Exception {
    List<String> top = searcher.search(SearchRequest.of(query).withLimit(10)).hits().stream()
        .map(SearchResult.Hit::id).toList();
    assertTrue(top.contains(id), () -> query + " -> " + top);
  }

  @Test
  void datesAreYearsMonthsAndDays() throws Exception {
    for (String d : List.of("2021年", "9月", "2021年9月", "2021年9月16日", "9月16号", "2021-10-08", "2023年底", "9月初", "2021")) {
      assertTrue(QueryCompiler.isDate(d), d);
    }
    for (String d : List.of("1439号", "48元", "1439", "16日", "3个月", "2021年9月限电", "底")) {
      assertFalse(QueryCompiler.isDate(d), d);
    }
    // The end of a year stays with its number: 2023年底 · 山西, not 2023年 · 底山西.
    assertEquals(List.of("2023年底", "山西", "现货市场", "转正"),
        searcher.search(SearchRequest.of("2023年底山西现货市场转正")).words());
  }

  @Test
  void aTopicWhosePartOnlyQualifiesItIsAbsent() throws Exception {
    // 利用 of 碳捕集利用与封存 (CCUS) occurs, but says nothing of carbon capture: no report covers it.
    SearchResult r = searcher.search(SearchRequest.of("碳捕集利用与封存示范项目"));
    assertEquals(0, r.total(), r.hits()::toString);
    assertEquals(List.of("碳捕集利用与封存"), r.absent());
    // A part that names what the topic is still makes it present: 改造 of 灵活性改造.
    assertTrue(searcher.search(SearchRequest.of("灵活性改造煤电")).total() > 0);
    // 碳捕集 (carbon capture) alone is a topic too, and 长三角 (the Yangtze River Delta), which no
    // report says either, is a place: the points on the emergency response in its provinces answer.
    assertEquals(0, searcher.search(SearchRequest.of("2021年以来山西煤电碳捕集示范")).total());
    findsInTop10("2020年初长三角疫情应急响应", "jiangsu/power/2020-01-24/event");
  }
}
