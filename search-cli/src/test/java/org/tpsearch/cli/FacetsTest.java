package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.SampleCorpus;

/**
 * Facet counts of {@code search --facets}, {@code facets} and {@code stats}, checked against counts
 * made from the reports by the parser; filtered dimensions count sideways (drill-sideways).
 */
class FacetsTest {
  static final List<String> DIMS = List.of("region", "sector", "year", "type", "status", "confidence", "source_domain",
      "evidence_window");
  /** Confidence buckets low to high, then unknown. */
  static final List<String> BUCKETS = List.of("<0.60", "0.60-0.69", "0.70-0.79", "0.80-0.89", "0.90-1.00", "unknown");

  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  static Map<String, Object> json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--format", "json"));
    return SearchJson.of(cli.run(all.toArray(String[]::new)));
  }

  static Function<TurningPoint, String> key(String dim) {
    return switch (dim) {
      case "region" -> p -> p.region().name();
      case "sector" -> p -> p.sector().name();
      case "year" -> SampleCorpus::year;
      case "type" -> TurningPoint::type;
      case "status" -> p -> p.status().label();
      case "confidence" -> SampleCorpus::confidenceBucket;
      case "evidence_window" -> org.tpsearch.index.EvidenceChecks::pointWindow;
      default -> throw new IllegalArgumentException(dim);
    };
  }

  /** The values of a point in {@code dim}: one, or for source_domain every cited domain (none without URLs). */
  static List<String> values(String dim, TurningPoint p) {
    if (!dim.equals("source_domain")) {
      return List.of(key(dim).apply(p));
    }
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    p.evidence().forEach(e -> e.sources().forEach(l -> out.add(SampleCorpus.sourceDomain(l.url()))));
    return out.isEmpty() ? List.of("none") : List.copyOf(out);
  }

  /** The expected counts of {@code dim} over {@code points}, in the documented order. */
  static Map<String, Long> expected(String dim, List<TurningPoint> points) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (TurningPoint p : points) {
      values(dim, p).forEach(v -> counts.merge(v, 1L, Long::sum));
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    Comparator<Map.Entry<String, Long>> order = switch (dim) {
      // Years in time order, confidence buckets low to high: they are scales.
      case "year" -> Map.Entry.comparingByKey();
      case "confidence" -> Comparator.comparing(e -> BUCKETS.indexOf(e.getKey()));
      case "evidence_window" -> Comparator.comparing(e -> org.tpsearch.index.EvidenceChecks.POINT_WINDOWS.indexOf(e.getKey()));
      // The rest by count, most first; ties by name.
      default -> Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    };
    entries.sort(order);
    Map<String, Long> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static void assertFacets(Map<String, Object> doc, Predicate<TurningPoint> filter) {
    List<TurningPoint> points = SampleCorpus.where(filter);
    for (String dim : DIMS) {
      assertEquals(List.copyOf(expected(dim, points).entrySet()), List.copyOf(SearchJson.facet(doc, dim).entrySet()), dim);
    }
  }

  @Test
  void theSampleCorpus() {
    // Independent of the parser too: the figures of sample-index/README.md.
    List<TurningPoint> all = SampleCorpus.points();
    assertEquals(68, all.size());
    assertEquals(Map.of("found", 51L, "none", 15L, "failed", 2L), SampleCorpus.count(all, key("status")));
    assertEquals(16L, SampleCorpus.count(all, key("region")).get("Xinjiang"));
  }

  @Test
  void facetsOfTheWholeIndex() {
    Map<String, Object> doc = json("facets");
    assertEquals(68, SearchJson.total(doc));
    assertFacets(doc, p -> true);
    assertFacets(json("search", "--facets"), p -> true);
  }

  @Test
  void statsCountsTheWholeIndex() {
    Map<String, Object> doc = SearchJson.of(cli.run("stats", "--format", "json"));
    assertEquals(List.of("index", "turning_points", "report_files", "index_bytes", "facets"), List.copyOf(doc.keySet()));
    assertEquals("the embedded sample index", doc.get("index"));
    assertEquals(BigDecimal.valueOf(68), doc.get("turning_points"));
    assertFacets(doc, p -> true);
    Cli.Result text = cli.run("stats");
    assertEquals(0, text.exit(), text::toString);
    assertTrue(text.out().startsWith("index:          the embedded sample index\nturning points: 68\n"), text::toString);
  }

  @Test
  void filtersRestrictEveryOtherDimension() {
    Predicate<TurningPoint> power = p -> p.sector().name().equals("Power");
    Predicate<TurningPoint> years = p -> p.date().isPresent() && p.date().get().getYear() >= 2020
        && p.date().get().getYear() <= 2021;
    Map<String, Object> doc = json("facets", "--sector", "Power", "--year", "2020..2021");
    List<TurningPoint> both = SampleCorpus.where(power.and(years));
    assertEquals(both.size(), SearchJson.total(doc));
    for (String dim : List.of("region", "type", "status", "confidence")) {
      assertEquals(expected(dim, both), SearchJson.facet(doc, dim), dim);
    }
    // The filtered dimensions count sideways: each under the other filter only.
    assertEquals(expected("sector", SampleCorpus.where(years)), SearchJson.facet(doc, "sector"));
    assertEquals(expected("year", SampleCorpus.where(power)), SearchJson.facet(doc, "year"));
    // A filter that is not a facet dimension (--min-confidence) restricts every dimension.
    assertFacets(json("facets", "--min-confidence", "0.7"), p -> p.hasConfidence() && p.confidence() >= 0.7);
  }

  @Test
  void aFilteredDimensionCountsSideways() {
    // --region Xinjiang: the region facet still counts every region (what you would get by
    // choosing another), the other dimensions count Xinjiang only.
    for (String[] args : List.of(new String[] {"facets", "--region", "Xinjiang"},
        new String[] {"search", "--facets", "--region", "新疆"})) {
      Map<String, Object> doc = json(args);
      assertEquals(16, SearchJson.total(doc));
      List<TurningPoint> xinjiang = SampleCorpus.where(p -> p.region().name().equals("Xinjiang"));
      assertEquals(expected("region", SampleCorpus.points()), SearchJson.facet(doc, "region"));
      for (String dim : DIMS.subList(1, DIMS.size())) {
        assertEquals(expected(dim, xinjiang), SearchJson.facet(doc, dim), dim);
      }
    }
  }

  @Test
  void twoFilteredDimensionsEachCountSidewaysUnderTheOther() {
    Map<String, Object> doc = json("facets", "--region", "Xinjiang", "--sector", "Industry");
    assertEquals(10, SearchJson.total(doc));
    assertEquals(expected("region", SampleCorpus.where(p -> p.sector().name().equals("Industry"))),
        SearchJson.facet(doc, "region"), "regions of Industry points");
    assertEquals(expected("sector", SampleCorpus.where(p -> p.region().name().equals("Xinjiang"))),
        SearchJson.facet(doc, "sector"), "sectors of Xinjiang points");
    assertEquals(expected("year", SampleCorpus.where(
        p -> p.region().name().equals("Xinjiang") && p.sector().name().equals("Industry"))), SearchJson.facet(doc, "year"));
  }

  @Test
  void sidewaysCountsUnderAQuery() {
    Map<String, Object> unfiltered = json("search", "电力", "--facets", "-n", "100");
    Map<String, Object> filtered = json("search", "电力", "--facets", "--region", "Xinjiang", "-n", "100");
    assertTrue(SearchJson.total(filtered) > 0 && SearchJson.total(filtered) < SearchJson.total(unfiltered));
    assertEquals(SearchJson.facet(unfiltered, "region"), SearchJson.facet(filtered, "region"),
        "the region facet ignores the region filter, not the query");
    assertEquals(SearchJson.total(filtered), SearchJson.facet(unfiltered, "region").get("Xinjiang"));
    // The other dimensions count exactly the filtered hits.
    assertEquals(SearchJson.total(filtered), SearchJson.hits(filtered).size());
    Map<String, Long> sectors = new LinkedHashMap<>();
    for (Map<String, Object> hit : SearchJson.hits(filtered)) {
      sectors.merge((String) hit.get("sector"), 1L, Long::sum);
    }
    assertEquals(sectors, new java.util.HashMap<>(SearchJson.facet(filtered, "sector")));
    // And the facets command agrees with search --facets.
    Map<String, Object> facets = json("facets", "电力", "--region", "Xinjiang");
    for (String dim : DIMS) {
      assertEquals(SearchJson.facet(filtered, dim), SearchJson.facet(facets, dim), dim);
    }
  }

  @Test
  void confidenceBucketsAreListedLowToHigh() {
    Map<String, Long> confidence = SearchJson.facet(json("facets"), "confidence");
    List<String> order = new ArrayList<>(confidence.keySet());
    assertEquals(BUCKETS.stream().filter(order::contains).toList(), order);
    Cli.Result text = cli.run("facets");
    // The dimension's line and the lines it wraps onto, joined.
    List<String> lines = text.outLines();
    int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("confidence:")).findFirst().orElseThrow());
    StringBuilder line = new StringBuilder(lines.get(at));
    for (int i = at + 1; i < lines.size() && lines.get(i).startsWith(" "); i++) {
      line.append(lines.get(i).stripTrailing().replaceFirst("^ +", "  "));
    }
    assertTrue(line.toString().matches("confidence: +<0\\.60 \\(\\d+\\) +0\\.60-0\\.69 .*  unknown \\(\\d+\\)"), line::toString);
  }

  @Test
  void facetsTextListsEveryDimensionOnOneLine() {
    Cli.Result r = cli.run("facets", "--region", "新疆");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("16 turning points — the embedded sample index", lines.get(0));
    // A dimension a line, wrapped under its first value past 100 columns.
    assertEquals(DIMS, lines.subList(1, lines.size()).stream().filter(l -> !l.startsWith(" "))
        .map(l -> l.substring(0, l.indexOf(':'))).toList());
    // Names padded to the longest dimension name (evidence_window) and its colon, then two spaces.
    assertTrue(lines.get(1).startsWith("region:           Xinjiang (16)  Guangdong (7)  "), lines.get(1));
    assertEquals("                  Shanghai (6)  Zhejiang (6)  Beijing (5)  Hubei (5)  Shanxi (5)", lines.get(2));
    assertEquals("sector:           Industry (10)  Power (6)", lines.get(3));
  }

  @Test
  void anIndexWithNoPointsCountsZero(@TempDir Path dir) throws Exception {
    // Issue 7, defect 6: an index of a folder with no reports, and one whose reports were all
    // removed, have no facet doc values; stats, facets and search --facets crashed (exit 4).
    Path empty = java.nio.file.Files.createDirectories(dir.resolve("no-reports"));
    Path reports = java.nio.file.Files.createDirectories(dir.resolve("reports"));
    java.nio.file.Files.copy(org.tpsearch.testing.Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), reports.resolve("Xinjiang_Industry_combined_info.txt"));
    Path emptied = dir.resolve("emptied-index");
    assertEquals(0, cli.run("index", "-q", reports.toString(), "--index", emptied.toString()).exit());
    java.nio.file.Files.delete(reports.resolve("Xinjiang_Industry_combined_info.txt"));
    Path fresh = dir.resolve("fresh-index");
    for (String[] index : List.of(new String[] {empty.toString(), fresh.toString()},
        new String[] {reports.toString(), emptied.toString()})) {
      // An index emptied by its owner (a walk that finds nothing empties an index only with --full).
      Cli.Result made = cli.run("index", "-q", "--full", index[0], "--index", index[1]);
      assertEquals(0, made.exit(), made::toString);
      Map<String, Object> stats = SearchJson.of(cli.run("stats", "--index", index[1], "--format", "json"));
      assertEquals(BigDecimal.ZERO, stats.get("turning_points"));
      for (Map<String, Object> doc : List.of(stats, json("facets", "--index", index[1]),
          json("search", "--facets", "--index", index[1]), json("search", "光伏", "--facets", "--index", index[1]))) {
        assertEquals(BigDecimal.ZERO, doc.getOrDefault("total", doc.get("turning_points")));
        for (String dim : DIMS) {
          assertEquals(Map.of(), SearchJson.facet(doc, dim), dim);
        }
      }
      for (String[] args : List.of(new String[] {"stats"}, new String[] {"facets"}, new String[] {"search", "光伏", "--facets"})) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--index", index[1]));
        Cli.Result r = cli.run(all.toArray(String[]::new));
        assertTrue(r.exit() <= 1 && r.err().isEmpty(), r::toString);
      }
      Cli.Result region = cli.run("facets", "--region", "Atlantis", "--index", index[1]);
      assertEquals(2, region.exit(), region::toString);
      assertTrue(region.err().contains("unknown region 'Atlantis'; this index has no points"), region::toString);
    }
  }
}
