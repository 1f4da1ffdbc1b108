package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicate evidence in the sample reports, as a person reading them would group it: {@code tpsearch
 * duplicates}, {@code show}'s "also cited under" and {@code search --collapse}.
 */
class DuplicatesCliTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> clusters(String... args) {
    List<String> all = new ArrayList<>(List.of("duplicates", "--format", "json"));
    all.addAll(List.of(args));
    Cli.Result r = cli.run(all.toArray(String[]::new));
    Map<String, Object> doc = MiniJson.object(r.out());
    List<List<String>> out = new ArrayList<>();
    for (Object c : (List<Object>) doc.get("clusters")) {
      List<String> refs = new ArrayList<>();
      for (Object m : (List<Object>) ((Map<String, Object>) c).get("members")) {
        refs.add((String) ((Map<String, Object>) m).get("ref"));
      }
      out.add(refs);
    }
    return out;
  }

  /**
   * The ten clusters of the sample reports: each is one policy or event a reader would call the same.
   * Six are joined by the same title, 《document》 or 文号; four by content alone (same place, a
   * title found in the other item, shared numbers or dates that meet), each read and judged one event.
   */
  @Test
  void theSampleReportsClustersAreTheOnesAReaderSees() {
    assertEquals(List.of(
        // the national carbon market's first trading day, under three provinces' Power points
        List.of("inner-mongolia/power/2021-07-16/policy#1", "jiangsu/power/2021-07-16/policy#1",
            "shanxi/power/2021-07-16/policy#1"),
        // the NDRC's 能耗双控 barometer of 2021 H1
        List.of("xinjiang/power/2021-08-17/policy#1", "guangdong/power/2021-09-10/policy#2",
            "jiangsu/power/2021-09-16/policy#1"),
        // the northern clean-heating plan, cited when issued and when entering its last year
        List.of("beijing/residential/2019-03-16/seasonal#1", "beijing/residential/2021-01-07/event#2"),
        // 国发〔2018〕22号, with and without its number
        List.of("beijing/residential/2019-03-16/seasonal#2", "hebei/industry/2019-10-08/seasonal#2"),
        // by content: the 墨玉县 industrial park, in English under 2019-04 and in Chinese under 2022-03,
        // the same place and 17 companies, 3000 jobs
        List.of("xinjiang/industry/2019-04-01/event#1", "xinjiang/industry/2022-03-01/event#3"),
        // 发改环资〔2021〕1310号
        List.of("xinjiang/power/2021-08-17/policy#2", "jiangsu/power/2021-09-16/policy#2"),
        // by content: the Beijing 2022 Winter Olympics, and the air-quality guarantee for them in Hebei,
        // 2022-02-04 to 02-20 in Beijing and Zhangjiakou
        List.of("beijing/residential/2022-02-04/event#1", "hebei/industry/2022-02-04/event#1"),
        // by content: the Shanghai lockdown, cited at its start (2022-03-28..05-31) and at its end (06-01)
        List.of("shanghai/aviation/2022-04-01/event#1", "shanghai/aviation/2022-06-01/event#1"),
        // by content: Urumqi's 静默管理 from August 2022, cited at its start and as it went on and was lifted
        List.of("xinjiang/power/2022-08-12/event#1", "xinjiang/power/2022-11-25/event#1"),
        // the "新十条" of 2022-12-07
        List.of("zhejiang/ground-transport/2022-12-08/policy#1", "shanghai/aviation/2023-01-08/policy#2")),
        clusters());
  }

  @Test
  void filtersKeepTheClustersWithAMemberThatMatches() {
    assertEquals(List.of(List.of("beijing/residential/2019-03-16/seasonal#2", "hebei/industry/2019-10-08/seasonal#2"),
        List.of("beijing/residential/2022-02-04/event#1", "hebei/industry/2022-02-04/event#1")),
        clusters("--region", "Hebei"));
    assertEquals(2, clusters("--min-points", "3").size());
    assertTrue(clusters("--region", "Xinjiang").contains(
        List.of("xinjiang/industry/2019-04-01/event#1", "xinjiang/industry/2022-03-01/event#3")));
    // The "新十条" itself, and Urumqi's 静默管理, whose later item says it was lifted after the 新十条.
    assertEquals(List.of(List.of("xinjiang/power/2022-08-12/event#1", "xinjiang/power/2022-11-25/event#1"),
        List.of("zhejiang/ground-transport/2022-12-08/policy#1", "shanghai/aviation/2023-01-08/policy#2")),
        clusters("新十条"));
    Cli.Result none = cli.run("duplicates", "--region", "Hubei");
    assertEquals(1, none.exit(), none::toString);
    assertTrue(none.out().startsWith("0 duplicate clusters"), none::toString);
    assertEquals(2, cli.run("duplicates", "--min-points", "1").exit());
  }

  @Test
  void textListsEachClusterWithItsMembersAndSharedKeys() {
    Cli.Result r = cli.run("duplicates", "--region", "Hebei", "--year", "2019");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(List.of("1 duplicate cluster — the embedded sample index", "",
        "1. 《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）  (2 points: Beijing, Hebei)",
        "   beijing/residential/2019-03-16/seasonal#2  2018年6月 · out-of-window",
        "   hebei/industry/2019-10-08/seasonal#2  2018年6月 · out-of-window",
        "   shared: n:国发2018-22 · t:打赢蓝天保卫战三年行动计划 · t:打赢蓝天保卫战三年行动计划国发201822号"), r.outLines());
  }

  @Test
  void showListsWhereElseAnItemIsCited() {
    Cli.Result r = cli.run("show", "jiangsu/power/2021-09-16/policy");
    assertTrue(r.out().contains("     also cited under: guangdong/power/2021-09-10/policy#2, xinjiang/power/2021-08-17/policy#1\n"),
        r::toString);
    assertTrue(r.out().contains("     also cited under: xinjiang/power/2021-08-17/policy#2\n"), r::toString);
    Map<String, Object> doc = MiniJson.object(cli.run("show", "hebei/industry/2019-10-08/seasonal", "--format", "json").out());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) doc.get("evidence");
    assertEquals(List.of(), items.get(0).get("also_cited_under"));
    assertEquals(List.of("beijing/residential/2019-03-16/seasonal#2"), items.get(1).get("also_cited_under"));
  }

  /** Each cluster says what formed it: shared keys, or content with the reasons for each pair joined. */
  @Test
  @SuppressWarnings("unchecked")
  void eachClusterSaysWhyItWasFormed() {
    Map<String, Object> doc = MiniJson.object(cli.run("duplicates", "--format", "json").out());
    Map<String, Map<String, Object>> byFirst = new java.util.HashMap<>();
    for (Object c : (List<Object>) doc.get("clusters")) {
      Map<String, Object> m = (Map<String, Object>) c;
      byFirst.put((String) ((Map<String, Object>) ((List<Object>) m.get("members")).get(0)).get("ref"), m);
    }
    Map<String, Object> moyu = byFirst.get("xinjiang/industry/2019-04-01/event#1");
    assertEquals("content", moyu.get("formed_by"));
    assertEquals(List.of(), moyu.get("keys"));
    assertEquals(List.of(Map.of("a", "xinjiang/industry/2019-04-01/event#1", "b", "xinjiang/industry/2022-03-01/event#3",
        "why", List.of("same place 墨玉县",
            "title found across languages: \"Moyu County Integrated Industrial Park Construction\"",
            "shared numbers 17家, 3000个"))), moyu.get("content_links"));
    Map<String, Object> shanghai = byFirst.get("shanghai/aviation/2022-04-01/event#1");
    assertEquals(List.of(Map.of("a", "shanghai/aviation/2022-04-01/event#1", "b", "shanghai/aviation/2022-06-01/event#1",
        "why", List.of("same place 上海全市", "title found across languages: \"Shanghai lockdown\"",
            "dates 2022-03-28..2022-05-31 then 2022-06-01"))), shanghai.get("content_links"));
    Map<String, Object> plan = byFirst.get("beijing/residential/2019-03-16/seasonal#2");
    assertEquals("keys", plan.get("formed_by"));
    assertEquals(List.of(), plan.get("content_links"));
    // Text: the pair and its reasons on a line of its own, no "shared:" line when no key is shared.
    Cli.Result r = cli.run("duplicates", "封控");
    assertEquals(List.of("1 duplicate cluster — the embedded sample index", "",
        "1. 上海新冠疫情封控（Shanghai lockdown）  (2 points: Shanghai)",
        "   shanghai/aviation/2022-04-01/event#1  2022年3月28日至2022年5月31日 · in-window",
        "   shanghai/aviation/2022-06-01/event#1  2022年6月1日 · in-window  上海全面恢复全市正常生产生活秩序",
        "   same event, by content: shanghai/aviation/2022-04-01/event#1 ~ shanghai/aviation/2022-06-01/event#1: "
            + "same place 上海全市 · title found across languages: \"Shanghai lockdown\" · dates 2022-03-28..2022-05-31 then "
            + "2022-06-01"), r.outLines());
  }

  /** show: an item taken for the same event by content is listed apart from exact duplicates, with why. */
  @Test
  @SuppressWarnings("unchecked")
  void showListsTheSameEventByContentApart() {
    Cli.Result r = cli.run("show", "xinjiang/industry/2019-04-01/event");
    assertTrue(r.out().contains("     also cited under (same event, by content): xinjiang/industry/2022-03-01/event#3 — "
        + "same place 墨玉县 · title found across languages: \"Moyu County Integrated Industrial Park Construction\" · "
        + "shared numbers 17家, 3000个\n"), r::toString);
    assertTrue(!r.out().contains("     also cited under: "), r::toString);
    Map<String, Object> doc = MiniJson.object(cli.run("show", "shanghai/aviation/2022-06-01/event", "--format", "json").out());
    List<Map<String, Object>> items = (List<Map<String, Object>>) doc.get("evidence");
    assertEquals(List.of(), items.get(0).get("also_cited_under"));
    assertEquals(List.of(Map.of("ref", "shanghai/aviation/2022-04-01/event#1", "why", List.of("same place 上海全市",
        "title found across languages: \"Shanghai lockdown\"", "dates 2022-03-28..2022-05-31 then 2022-06-01"))),
        items.get(0).get("same_event_under"));
    // 《上海市加快经济恢复和重振行动方案》 is cited nowhere else.
    assertEquals(List.of(), items.get(1).get("same_event_under"));
  }

  /**
   * A content match is a judgement, shown but never hidden: Urumqi's 静默管理 is one event under two
   * points, and the later point cites nothing else, yet --collapse keeps both (only exact keys collapse).
   */
  @Test
  void contentMatchesDoNotCollapse() {
    Cli.Result r = cli.run("search", "静默管理", "--sort", "date", "--collapse", "--format", "json");
    Map<String, Object> doc = SearchJson.of(r);
    List<String> kept = SearchJson.ids(doc);
    assertTrue(kept.containsAll(List.of("xinjiang/power/2022-08-12/event", "xinjiang/power/2022-11-25/event")),
        kept::toString);
    assertEquals(List.of(), doc.get("collapsed"));
  }

  /**
   * 能耗双控: Guangdong's 2021-09-10 point has an item of its own (the green-power pilot), so it stays;
   * Jiangsu's 2021-09-16 point cites only the barometer and 1310号, both cited by Xinjiang's 2021-08-17
   * point above it, so it is collapsed.
   */
  @Test
  void collapseLeavesOutAHitWhoseEveryItemIsCitedAbove() {
    Cli.Result plain = cli.run("search", "能耗双控", "--sort", "date", "--format", "json");
    List<String> all = SearchJson.ids(SearchJson.of(plain));
    assertTrue(all.containsAll(List.of("xinjiang/power/2021-08-17/policy", "guangdong/power/2021-09-10/policy",
        "jiangsu/power/2021-09-16/policy")), all::toString);
    Cli.Result r = cli.run("search", "能耗双控", "--sort", "date", "--collapse", "--format", "json");
    Map<String, Object> doc = SearchJson.of(r);
    List<String> kept = SearchJson.ids(doc);
    List<String> expected = new ArrayList<>(all);
    expected.remove("jiangsu/power/2021-09-16/policy");
    assertEquals(expected, kept);
    assertEquals(List.of(Map.of("id", "jiangsu/power/2021-09-16/policy", "duplicate_of", "xinjiang/power/2021-08-17/policy")),
        doc.get("collapsed"));
    Cli.Result text = cli.run("search", "能耗双控", "--sort", "date", "--collapse");
    assertTrue(text.out().contains("── 1 point collapsed: every item of it is cited by a point above ──\n"
        + "   jiangsu/power/2021-09-16/policy  (duplicates xinjiang/power/2021-08-17/policy)"), text::toString);
  }

  /**
   * The clusters are a function of stored points alone: every point of the index given to
   * {@link org.tpsearch.search.Duplicates#clusters} (as an engine without doc values would) gives the
   * clusters the local index finds from its candidates.
   */
  @Test
  void anyEngineThatReadsEveryPointFindsTheSameClusters() throws Exception {
    try (org.tpsearch.search.IndexHandle index = org.tpsearch.search.IndexHandle.openEmbedded()) {
      org.apache.lucene.index.IndexReader reader = index.reader();
      List<org.tpsearch.index.StoredPoint> all = new ArrayList<>();
      for (int d = 0; d < reader.maxDoc(); d++) {
        all.add(org.tpsearch.index.StoredPoint.read(reader.storedFields().document(d,
            org.tpsearch.search.Duplicates.MEMBER_FIELDS)));
      }
      List<org.tpsearch.search.Duplicates.Cluster> local = org.tpsearch.search.DuplicateClusters.of(reader, null);
      assertEquals(10, local.size());
      assertEquals(local, org.tpsearch.search.Duplicates.clusters(all));
    }
  }

  /** GET /duplicates answers as duplicates --format json; GET /search?collapse=true as search --collapse. */
  @Test
  void theHttpApiAnswersAsTheCli() throws Exception {
    try (org.tpsearch.search.IndexHandle index = org.tpsearch.search.IndexHandle.openEmbedded()) {
      Context ctx = new Context(Map.of(), false);
      HttpApi api = HttpApi.start(new org.tpsearch.search.LuceneBackend(new org.tpsearch.search.Searcher(index,
          new org.tpsearch.search.QueryCompiler(ctx.glossary(), index.reader()))), "127.0.0.1", 0, 1);
      try {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + api.port();
        java.net.http.HttpResponse<String> d = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/duplicates?region=Hebei")).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, d.statusCode(), d.body());
        assertEquals(MiniJson.object(cli.run("duplicates", "--region", "Hebei", "--format", "json").out()),
            MiniJson.object(d.body()));
        String q = java.net.URLEncoder.encode("能耗双控", java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> s = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(base + "/search?q=" + q + "&sort=date&collapse=true")).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, s.statusCode(), s.body());
        assertEquals(MiniJson.object(cli.run("search", "能耗双控", "--sort", "date", "--collapse", "--format", "json").out())
            .get("collapsed"), MiniJson.object(s.body()).get("collapsed"));
        assertEquals(SearchJson.ids(MiniJson.object(cli.run("search", "能耗双控", "--sort", "date", "--collapse", "--format",
            "json").out())), SearchJson.ids(MiniJson.object(s.body())));
      } finally {
        api.stop();
      }
    }
  }
}
