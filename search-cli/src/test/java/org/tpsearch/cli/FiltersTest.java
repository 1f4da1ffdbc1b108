package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.SampleCorpus;

/**
 * Every search filter on the embedded sample index, checked against the points the parser reads
 * from the reports: aliases, repeats (OR), combinations, year ranges, list mode, sorting, limits.
 */
class FiltersTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  /** {@code search --format json -n 1000 args...}: every hit, parsed. */
  static Map<String, Object> search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--format", "json", "-n", "1000"));
    all.addAll(List.of(args));
    return SearchJson.of(cli.run(all.toArray(String[]::new)));
  }

  static Set<String> corpusIds(Predicate<TurningPoint> filter) {
    return new TreeSet<>(SampleCorpus.where(filter).stream().map(TurningPoint::id).toList());
  }

  static Predicate<TurningPoint> region(String name) {
    return p -> p.region().name().equals(name);
  }

  static Predicate<TurningPoint> sector(String name) {
    return p -> p.sector().name().equals(name);
  }

  static Predicate<TurningPoint> years(int from, int to) {
    return p -> p.date().isPresent() && p.date().get().getYear() >= from && p.date().get().getYear() <= to;
  }

  static void assertListsExactly(Predicate<TurningPoint> expected, String... filters) {
    Map<String, Object> doc = search(filters);
    Set<String> want = corpusIds(expected);
    assertFalse(want.isEmpty(), "a filter test needs points to find");
    assertEquals(want, new TreeSet<>(SearchJson.ids(doc)), () -> String.join(" ", filters));
    assertEquals(want.size(), SearchJson.total(doc), "total");
    assertEquals(want.size(), SearchJson.ids(doc).size(), "no point twice");
  }

  static Stream<Arguments> aliases() {
    return Stream.of(
        Arguments.of("--region", List.of("Xinjiang", "新疆", "xinjiang", "新疆维吾尔自治区", "XINJIANG",
            "Xinjiang Uygur Autonomous Region"), region("Xinjiang")),
        Arguments.of("--region", List.of("Inner Mongolia", "内蒙古", "inner mongolia", "inner-mongolia",
            "内蒙古自治区", "InnerMongolia"), region("Inner Mongolia")),
        Arguments.of("--sector", List.of("Industry", "工业", "industry", "工业部门"), sector("Industry")),
        Arguments.of("--sector", List.of("Ground Transport", "地面交通", "ground_transport", "Ground_Transport",
            "ground transport"), sector("Ground Transport")),
        Arguments.of("--type", List.of("Policy", "policy", "POLICY"), (Predicate<TurningPoint>) p -> p.type().equals("Policy")),
        Arguments.of("--status", List.of("failed", "FAILED"), (Predicate<TurningPoint>) p -> p.status() == EvidenceStatus.FAILED));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("aliases")
  void everyAliasOfAValueGivesTheSameHits(String option, List<String> names, Predicate<TurningPoint> expected) {
    for (String name : names) {
      assertListsExactly(expected, option, name);
    }
    // With a query too: the same hits in the same order, whatever the name.
    List<String> first = SearchJson.ids(search("电力", option, names.get(0)));
    for (String name : names) {
      assertEquals(first, SearchJson.ids(search("电力", option, name)), name);
    }
  }

  @Test
  void statusFoundNoneFailed() {
    for (EvidenceStatus s : EvidenceStatus.values()) {
      assertListsExactly(p -> p.status() == s, "--status", s.label());
    }
    // The sample corpus's two retrieval failures are both in the Jiangsu Power report.
    assertEquals(Set.of("jiangsu/power/2020-07-15/event", "jiangsu/power/2022-12-10/event"),
        new TreeSet<>(SearchJson.ids(search("--status", "failed"))));
  }

  @Test
  void everyType() {
    for (String type : List.of("Policy", "Event", "Seasonal", "Trend")) {
      assertListsExactly(p -> p.type().equals(type), "--type", type);
    }
  }

  @Test
  void yearsAndRanges() {
    assertListsExactly(years(2022, 2022), "--year", "2022");
    assertListsExactly(years(2021, 2023), "--year", "2021..2023");
    assertListsExactly(years(2021, 2023), "--year", "2021-2023");
    assertListsExactly(years(2021, 9999), "--year", "2021..");
    assertListsExactly(years(0, 2019), "--year", "..2019");
    assertListsExactly(years(2021, 2021), "-y", "2021");
  }

  @Test
  void sourceDomains() {
    // Multi-valued: a point citing ndrc.gov.cn and chinadaily.com.cn matches either.
    java.util.function.Function<String, Predicate<TurningPoint>> cites = domain -> p -> p.evidence().stream()
        .flatMap(e -> e.sources().stream()).anyMatch(l -> SampleCorpus.sourceDomain(l.url()).equals(domain));
    Predicate<TurningPoint> noUrl = p -> p.evidence().stream().allMatch(e -> e.sources().isEmpty());
    assertListsExactly(cites.apply("gov.cn"), "--source-domain", "gov.cn");
    assertListsExactly(cites.apply("gov.cn"), "--source-domain", "https://www.ndrc.gov.cn/xxgk/");
    assertListsExactly(cites.apply("chinadaily.com.cn"), "--source-domain", "www.chinadaily.com.cn");
    assertListsExactly(noUrl, "--source-domain", "none");
    assertListsExactly(noUrl.or(cites.apply("chinadaily.com.cn")), "--source-domain", "none",
        "--source-domain", "chinadaily.com.cn");
    assertTrue(corpusIds(cites.apply("gov.cn")).size() > 10, "the sample cites government sites");
  }

  @Test
  void minConfidence() {
    assertListsExactly(p -> p.hasConfidence() && p.confidence() >= 0.7, "--min-confidence", "0.7");
    assertListsExactly(p -> p.hasConfidence(), "--min-confidence", "0");
    assertEquals(0, SearchJson.total(search("--min-confidence", "1")), "no point is that sure");
  }

  @Test
  void repeatingAnOptionMeansEitherValue() {
    assertListsExactly(region("Xinjiang").or(region("Hebei")), "--region", "Xinjiang", "--region", "河北");
    assertListsExactly(sector("Aviation").or(sector("Residential")), "-s", "Aviation", "-s", "居民");
    assertListsExactly(p -> p.status() != EvidenceStatus.FOUND, "--status", "none", "--status", "failed");
  }

  @Test
  void filtersCombineWithAnd() {
    assertListsExactly(region("Xinjiang").and(sector("Industry")).and(years(2020, 2022))
            .and(p -> p.type().equals("Event")).and(p -> p.hasConfidence() && p.confidence() >= 0.6),
        "--region", "新疆", "--sector", "工业", "--year", "2020..2022", "--type", "Event", "--min-confidence", "0.6");
    assertListsExactly(region("Jiangsu").or(region("Shanxi")).and(years(2021, 9999)),
        "-r", "Jiangsu", "-r", "山西", "-y", "2021..");
  }

  @Test
  void aFilterNarrowsAQuerysHits() {
    Map<String, Object> all = search("电力");
    Map<String, Object> xinjiang = search("电力", "--region", "新疆");
    assertTrue(SearchJson.total(xinjiang) > 0 && SearchJson.total(xinjiang) < SearchJson.total(all));
    List<String> expected = SearchJson.ids(all).stream().filter(id -> id.startsWith("xinjiang/")).toList();
    assertEquals(expected, SearchJson.ids(xinjiang), "the same hits, in the same order, as filtering by hand");
  }

  @Test
  void withoutAQueryEveryMatchingPointIsListedByDate() {
    Map<String, Object> doc = search();
    assertEquals(corpusIds(p -> true), new TreeSet<>(SearchJson.ids(doc)));
    assertEquals(SampleCorpus.points().size(), SearchJson.total(doc));
    assertByDateThenConfidence(SearchJson.hits(doc));
    assertByDateThenConfidence(SearchJson.hits(search("--sector", "Power")));
    // Without a query nothing is highlighted and there is no relevance.
    assertFalse(cli.run("search", "--sector", "Power", "-n", "100").out().contains("["));
  }

  /** Dates ascending; on the same date, the more confident point first. */
  static void assertByDateThenConfidence(List<Map<String, Object>> hits) {
    Comparator<Map<String, Object>> order = Comparator.<Map<String, Object>, String>comparing(h -> (String) h.get("date"))
        .thenComparing(h -> SearchJson.confidence(h), Comparator.nullsLast(Comparator.reverseOrder()));
    List<Map<String, Object>> sorted = new ArrayList<>(hits);
    sorted.sort(order);
    assertEquals(sorted.stream().map(h -> h.get("id")).toList(), hits.stream().map(h -> h.get("id")).toList());
  }

  @Test
  void sortByDate() {
    List<Map<String, Object>> hits = SearchJson.hits(search("电力", "--sort", "date"));
    assertTrue(hits.size() > 5);
    List<String> dates = hits.stream().map(h -> (String) h.get("date")).toList();
    assertEquals(dates.stream().sorted().toList(), dates);
    assertEquals(new TreeSet<>(SearchJson.ids(search("电力"))), new TreeSet<>(SearchJson.ids(search("电力", "--sort", "date"))),
        "sorting changes the order, not the hits");
  }

  @Test
  void sortByConfidence() {
    for (String[] args : List.of(new String[] {"电力", "--sort", "confidence"}, new String[] {"--sort", "confidence"})) {
      List<Double> confidences = SearchJson.hits(search(args)).stream().map(SearchJson::confidence).toList();
      List<Double> sorted = new ArrayList<>(confidences);
      sorted.sort(Comparator.nullsLast(Comparator.reverseOrder()));
      assertEquals(sorted, confidences, "highest first, unknown last");
    }
    assertEquals(null, SearchJson.confidence(SearchJson.hits(search("--sort", "confidence")).getLast()),
        "the sample has points without a confidence: they sort last");
  }

  @Test
  void sortByRelevanceIsTheDefault() {
    List<Map<String, Object>> hits = SearchJson.hits(search("电力"));
    assertEquals(SearchJson.ids(search("电力", "--sort", "relevance")), SearchJson.ids(search("电力")));
    // By score within a tier: the points that have the query as typed (all of them here: one word
    // with glossary expansions) before those found through an expansion only.
    Comparator<Map<String, Object>> byTier = Comparator.comparing(h -> !Boolean.TRUE.equals(h.get("phrase")));
    List<Map<String, Object>> expected = new ArrayList<>(hits);
    expected.sort(byTier.thenComparing(h -> ((java.math.BigDecimal) h.get("score")).doubleValue(),
        Comparator.reverseOrder()));
    assertEquals(expected, hits);
    assertTrue(hits.stream().anyMatch(h -> !Boolean.TRUE.equals(h.get("phrase"))), "the test needs an expansion-only hit");
  }

  @Test
  void limit() {
    Map<String, Object> all = search("电力");
    long total = SearchJson.total(all);
    assertTrue(total > 10);
    Map<String, Object> three = SearchJson.of(cli.run("search", "电力", "--format", "json", "--limit", "3"));
    assertEquals(SearchJson.ids(all).subList(0, 3), SearchJson.ids(three));
    assertEquals(total, SearchJson.total(three), "the total counts every hit, not the ones shown");
    assertEquals(10, SearchJson.ids(SearchJson.of(cli.run("search", "电力", "--format", "json"))).size(), "default 10");
    Cli.Result zero = cli.run("search", "电力", "--format", "json", "-n", "0");
    assertEquals(0, zero.exit(), "hits exist even if none are shown");
    assertEquals(List.of(), SearchJson.ids(SearchJson.of(zero)));
    assertEquals(total, SearchJson.total(SearchJson.of(zero)));
  }

  /** A limit larger than the index is "all of them", not a request to allocate that many slots. */
  @Test
  void aHugeLimitListsEverything() {
    for (String[] extra : List.of(new String[] {}, new String[] {"--sort", "date"}, new String[] {"--facets"},
        new String[] {"--sort", "confidence", "--facets"})) {
      List<String> args = new ArrayList<>(List.of("search", "电力", "--format", "json", "-n", Integer.toString(Integer.MAX_VALUE)));
      args.addAll(List.of(extra));
      Cli.Result r = cli.run(args.toArray(String[]::new));
      assertEquals(0, r.exit(), r::toString);
      assertEquals(SearchJson.total(SearchJson.of(r)), SearchJson.ids(SearchJson.of(r)).size());
    }
  }
}
