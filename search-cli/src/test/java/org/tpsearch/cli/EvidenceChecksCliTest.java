package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.index.EvidenceChecks;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;
import org.tpsearch.testing.SampleCorpus;

/** The evidence checks through the CLI and the HTTP API: the --evidence-window filter and the item markers. */
class EvidenceChecksCliTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  private static Set<String> expected(String window) {
    Set<String> out = new TreeSet<>();
    for (TurningPoint p : SampleCorpus.points()) {
      if (EvidenceChecks.pointWindow(p).equals(window)) {
        out.add(p.id());
      }
    }
    return out;
  }

  @Test
  void theFilterListsThePointsWithThatWindow() {
    for (String w : EvidenceChecks.POINT_WINDOWS) {
      Cli.Result r = cli.run("search", "--evidence-window", w, "-n", "1000", "--format", "json");
      Set<String> want = expected(w);
      assertEquals(want.isEmpty() ? 1 : 0, r.exit(), r::toString);
      assertEquals(want, new TreeSet<>(SearchJson.ids(SearchJson.of(r))), w);
    }
    // The real report's two points with an item out of the window.
    assertTrue(expected("some-out-of-window").containsAll(List.of("xinjiang/industry/2021-12-16/seasonal",
        "xinjiang/industry/2022-03-01/event")));
  }

  @Test
  void aBadWindowIsAUsageErrorThatListsTheValues() {
    Cli.Result r = cli.run("search", "--evidence-window", "inside");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("all-in-window, some-out-of-window, all-out-of-window, no-dated-evidence, no-evidence"),
        r::toString);
  }

  @Test
  void textMarksEachItemAndShowGivesTheParsedDates() {
    Cli.Result r = cli.run("search", "克拉玛依", "--region", "Xinjiang");
    assertTrue(r.out().contains("新疆[克拉玛依]高新技术产业开发区升级为国家级  (2022年6月 · out-of-window)"), r::toString);
    Cli.Result show = cli.run("show", "xinjiang/industry/2021-12-16/seasonal");
    assertTrue(show.out().contains("  evidence: some-out-of-window (window 2021-09-17..2022-03-16, the date ±90 days)"),
        show::toString);
    assertTrue(show.out().contains("     check: in-window (2022-03) · gov.cn"), show::toString);
    assertTrue(show.out().contains("     check: out-of-window (2022-06) · gov.cn"), show::toString);
  }

  @Test
  void theHttpApiFiltersAndCountsTheSameWay() throws Exception {
    try (IndexHandle index = IndexHandle.openEmbedded()) {
      Context ctx = new Context(Map.of(), false);
      HttpApi api = HttpApi.start(new org.tpsearch.search.LuceneBackend(new Searcher(index,
          new QueryCompiler(ctx.glossary(), index.reader()))), "127.0.0.1", 0, 1);
      try {
        HttpResponse<String> resp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + "/search?evidence_window=some-out-of-window&limit=1000&facets=true")).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, resp.statusCode(), resp.body());
        Map<String, Object> doc = MiniJson.object(resp.body());
        assertEquals(expected("some-out-of-window"), new TreeSet<>(SearchJson.ids(doc)));
        // Drill-sideways: the filtered dimension still counts every value, for switching.
        Map<String, Long> all = new java.util.HashMap<>();
        for (String w : EvidenceChecks.POINT_WINDOWS) {
          if (!expected(w).isEmpty()) {
            all.put(w, (long) expected(w).size());
          }
        }
        assertEquals(all, SearchJson.facet(doc, "evidence_window"));
      } finally {
        api.stop();
      }
    }
  }
}
