package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;
import org.tpsearch.testing.SampleCorpus;

/** The machine-readable output of {@code search}: the JSON document and JSON Lines, parsed for real. */
class SearchOutputTest {
  static final Set<String> DOC_KEYS = Set.of("query", "index", "total", "match", "partial_total", "words", "hits");
  static final Set<String> HIT_KEYS = Set.of("id", "region", "region_zh", "sector", "sector_zh", "date", "type",
      "confidence", "status", "score", "match", "phrase", "matched_words", "evidence", "evidence_window", "file", "line", "flags");
  static final Set<String> HIT_OPTIONAL_KEYS = Set.of("snippet", "why");
  static final Set<String> EVIDENCE_KEYS = Set.of("title", "time", "snippet", "sources", "dates", "window", "checks",
      "domains");
  static final Set<String> SOURCE_KEYS = Set.of("title", "url");

  @TempDir static Path home;
  static Cli cli;
  static Map<String, TurningPoint> corpus;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
    corpus = SampleCorpus.points().stream().collect(Collectors.toMap(TurningPoint::id, Function.identity()));
  }

  @Test
  void greenPowerTradingFindsTheXinjiangEventInTheTopThree() {
    Cli.Result r = cli.run("search", "绿色电力 交易", "--format", "json");
    assertEquals(0, r.exit(), r::toString);
    List<String> ids = SearchJson.ids(SearchJson.of(r));
    assertTrue(ids.subList(0, 3).contains("xinjiang/industry/2022-03-01/event"), ids::toString);
    // Two arguments are the same query as one quoted argument.
    assertEquals(ids, SearchJson.ids(SearchJson.of(cli.run("search", "绿色电力", "交易", "--format", "json"))));
  }

  @Test
  void theJsonDocumentHasExactlyTheDocumentedShape() {
    // The query (one argument), then filters and options.
    for (List<String> args : List.of(List.of("绿色电力 交易"), List.of("光伏", "--region", "新疆"),
        List.of("", "--status", "failed"), List.of("碳达峰", "--explain", "--sort", "date"),
        List.of("\"Urumqi\" OR 乌鲁木齐", "-n", "20"))) {
      Map<String, Object> doc = json(args, false);
      Set<String> keys = new HashSet<>(DOC_KEYS);
      if (args.contains("--explain")) {
        keys.add("explain");
      }
      assertEquals(keys, doc.keySet(), args::toString);
      assertEquals(args.get(0), doc.get("query"));
      assertEquals("the embedded sample index", doc.get("index"));
      assertEquals("all", doc.get("match"));
      assertTrue(SearchJson.total(doc) + ((BigDecimal) doc.get("partial_total")).longValueExact()
          >= SearchJson.hits(doc).size());
      assertTrue(SearchJson.total(doc) > 0, args::toString);
      // Points with every word first; points with most of the words may fill the page after them.
      String match = "all";
      for (Map<String, Object> hit : SearchJson.hits(doc)) {
        if ("partial".equals(hit.get("match"))) {
          match = "partial";
        }
        assertHit(hit, match);
        assertEquals(args.contains("--explain"), hit.containsKey("why"));
      }
    }
  }

  @Test
  void facetsAddOneKey() {
    Map<String, Object> doc = json(List.of("绿色电力 交易"), true);
    Set<String> keys = new HashSet<>(DOC_KEYS);
    keys.add("facets");
    assertEquals(keys, doc.keySet());
    assertEquals(List.of("region", "sector", "year", "type", "status", "confidence", "source_domain", "evidence_window"),
        List.copyOf(((Map<?, ?>) doc.get("facets")).keySet()));
  }

  @Test
  void aPartialMatchSaysSo() {
    Cli.Result r = cli.run("search", "碳达峰 qwertyzzz", "--format", "json", "-n", "100");
    assertEquals(0, r.exit(), r::toString);
    Map<String, Object> doc = SearchJson.of(r);
    assertEquals("partial", doc.get("match"));
    for (Map<String, Object> hit : SearchJson.hits(doc)) {
      assertHit(hit, "partial");
      assertEquals(BigDecimal.ONE, hit.get("matched_words"), "only 碳达峰 matches");
    }
    assertEquals(SearchJson.ids(json(List.of("碳达峰", "-n", "100"), false)), SearchJson.ids(doc),
        "the points that match some word, not every point with evidence");
  }

  @Test
  void partialHitsMatchingMoreWordsComeFirst() {
    Map<String, Object> doc = json(List.of("碳达峰 光伏 qwertyzzz", "-n", "100"), false);
    assertEquals("partial", doc.get("match"));
    List<Integer> matched = SearchJson.hits(doc).stream()
        .map(h -> ((BigDecimal) h.get("matched_words")).intValueExact()).toList();
    assertEquals(2, matched.get(0), matched::toString);
    assertTrue(matched.stream().allMatch(m -> m >= 1), matched::toString);
    assertEquals(matched.stream().sorted(java.util.Comparator.reverseOrder()).toList(), matched);
  }

  /** One hit object: exactly the documented keys, each of the right type and agreeing with the report. */
  static void assertHit(Map<String, Object> hit, String match) {
    Set<String> extra = new HashSet<>(hit.keySet());
    extra.removeAll(HIT_KEYS);
    assertTrue(hit.keySet().containsAll(HIT_KEYS), () -> "missing keys in " + hit.keySet());
    assertTrue(HIT_OPTIONAL_KEYS.containsAll(extra), () -> "unexpected keys " + extra);
    String id = (String) hit.get("id");
    TurningPoint p = corpus.get(id);
    assertNotNull(p, () -> id + " is not a point of the sample corpus");
    assertEquals(p.region().name(), hit.get("region"));
    assertEquals(p.region().zh(), hit.get("region_zh"));
    assertEquals(p.sector().name(), hit.get("sector"));
    assertEquals(p.sector().zh(), hit.get("sector_zh"));
    assertEquals(p.date().map(Object::toString).orElse(p.dateAsWritten()), hit.get("date"));
    assertEquals(p.type(), hit.get("type"));
    assertEquals(p.status().label(), hit.get("status"));
    if (p.hasConfidence()) {
      assertEquals(p.confidence(), SearchJson.confidence(hit), 0.005);
    } else {
      assertEquals(null, hit.get("confidence"), "unknown confidence is null, not NaN or -1");
    }
    assertInstanceOf(BigDecimal.class, hit.get("score"));
    assertEquals(match, hit.get("match"));
    assertInstanceOf(BigDecimal.class, hit.get("matched_words"));
    assertEquals(p.line(), ((BigDecimal) hit.get("line")).intValueExact());
    String file = (String) hit.get("file");
    assertTrue(file.startsWith("sample-index/reports/"), file);
    assertTrue(Files.isRegularFile(Golden.sampleReports().getParent().getParent().resolve(file)), file);
    assertEquals(p.flags(), hit.get("flags"));
    assertEquals(org.tpsearch.index.EvidenceChecks.pointWindow(p), hit.get("evidence_window"), id);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> evidence = (List<Map<String, Object>>) hit.get("evidence");
    assertTrue(evidence.size() <= p.evidence().size());
    Set<String> titles = p.evidence().stream().map(e -> e.title()).collect(Collectors.toSet());
    for (Map<String, Object> e : evidence) {
      assertEquals(EVIDENCE_KEYS, e.keySet());
      assertTrue(titles.contains((String) e.get("title")), () -> e.get("title") + " is not an item of " + id);
      assertInstanceOf(String.class, e.get("time"));
      assertInstanceOf(String.class, e.get("snippet"));
      EvidenceItem item = p.evidence().stream().filter(x -> x.title().equals(e.get("title"))).findFirst().orElseThrow();
      org.tpsearch.index.EvidenceChecks.Check check = org.tpsearch.index.EvidenceChecks.of(item, p.date());
      assertEquals(check.window().label(), e.get("window"), id);
      assertEquals(check.sources(), e.get("checks"), id);
      for (Object s : (List<?>) e.get("sources")) {
        assertEquals(SOURCE_KEYS, ((Map<?, ?>) s).keySet());
        assertInstanceOf(String.class, ((Map<?, ?>) s).get("title"));
        assertTrue(((String) ((Map<?, ?>) s).get("url")).startsWith("http"));
      }
    }
    if (hit.containsKey("snippet")) {
      assertInstanceOf(String.class, hit.get("snippet"));
    }
    if (hit.containsKey("why")) {
      for (Object w : (List<?>) hit.get("why")) {
        assertInstanceOf(String.class, w);
      }
    }
  }

  @Test
  void jsonLinesIsOneHitObjectPerLine() {
    for (List<String> args : List.of(List.of("绿色电力 交易"), List.of("--region", "Jiangsu"), List.of("碳达峰 qwertyzzz"))) {
      List<String> search = new java.util.ArrayList<>(List.of("search"));
      search.addAll(args);
      Cli.Result r = cli.run(with(search, "--format", "jsonl", "-n", "50"));
      assertEquals(0, r.exit(), r::toString);
      assertEquals("", r.err());
      List<String> lines = r.outLines();
      Map<String, Object> doc = json(List.of(with(args, "-n", "50")), false);
      assertEquals(SearchJson.hits(doc).size(), lines.size());
      for (int i = 0; i < lines.size(); i++) {
        Map<String, Object> hit = MiniJson.object(lines.get(i));
        assertHit(hit, (String) SearchJson.hits(doc).get(i).get("match"));
        assertEquals(SearchJson.hits(doc).get(i), hit, "line " + (i + 1) + " is hit " + (i + 1) + " of the document");
      }
    }
    Cli.Result none = cli.run("search", "qwertyzzz", "--format", "jsonl");
    assertEquals(1, none.exit());
    assertEquals("", none.out(), "no hits, no lines");
  }

  @Test
  void partialHitsFollowASeparatorAndSayHowManyWordsTheyMatch() {
    // Under a field sort scores are NaN; the word count once came from the score: "(matches 0 words)".
    for (String sort : List.of("confidence", "date", "relevance")) {
      Cli.Result r = cli.run("search", "绿色电力 qqqzzz", "--sort", sort);
      assertEquals(0, r.exit(), r::toString);
      assertFalse(r.out().contains("matches 0"), r::toString);
      assertTrue(r.out().contains("(matches 1 of 2 words)"), r::toString);
    }
    // A point with none of the words but a part of one (错峰 of 错峰生产) says so.
    Cli.Result parts = cli.run("search", "秋冬季错峰生产", "-n", "3");
    assertTrue(parts.outLines().contains("2. guangdong/power/2021-05-20/event  (matches part of a word)")
        || parts.outLines().contains("3. guangdong/power/2021-05-20/event  (matches part of a word)"), parts::toString);
    Cli.Result r = cli.run("search", "武汉封城期间的公交", "-n", "3");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.outLines();
    int separator = lines.indexOf("── points that have only some of the words ──");
    int first = lines.indexOf("1. hubei/ground-transport/2020-01-23/event");
    assertTrue(first > 0 && separator > first, r::toString);
    assertTrue(lines.get(separator + 2).endsWith("(matches 2 of 3 words)"), r::toString);
    assertTrue(lines.get(0).matches("1 turning point matches '武汉封城期间的公交', \\d+ more (has|have) some of the words — .*"),
        r::toString);
  }

  @Test
  void noHitsIsStillAJsonDocument() {
    Cli.Result r = cli.run("search", "qwertyzzz", "--format", "json");
    assertEquals(1, r.exit(), r::toString);
    Map<String, Object> doc = SearchJson.of(r);
    assertEquals(DOC_KEYS, doc.keySet());
    assertEquals(0, SearchJson.total(doc));
    assertEquals(List.of(), doc.get("hits"));
  }

  static String[] with(List<String> args, String... more) {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** {@code search args... --format json} (with {@code --facets}), parsed. */
  static Map<String, Object> json(List<String> args, boolean facets) {
    List<String> all = new java.util.ArrayList<>(List.of("search"));
    all.addAll(args);
    return SearchJson.of(cli.run(facets ? with(all, "--format", "json", "--facets") : with(all, "--format", "json")));
  }
}
