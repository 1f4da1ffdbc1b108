package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One renderer per format: what a format cannot write is a usage error naming it, never JSON instead. */
class FormatsTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // show, facets and stats print one document: JSON Lines has no list to stream (was JSON)
      "show xinjiang/industry/2022-03-01/event --format jsonl | --format jsonl cannot write a turning point (show writes text, json, csv, tsv, bibtex, csl-json or ris)",
      "facets --region Xinjiang --format jsonl               | --format jsonl cannot write facet counts (facets writes text, json, csv or tsv)",
      "stats --format jsonl                                  | --format jsonl cannot write index statistics (stats writes text or json)"})
  void anUnsupportedCombinationIsAUsageError(String line, String message) {
    Cli.Result r = cli.run(line.strip().split(" "));
    assertEquals(ExitCodes.USAGE, r.exit(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals("tpsearch: " + message, r.errLines().get(0), r::toString);
  }

  @Test
  void facetCountsAreTheSameJsonFromSearchFacetsAndStats() {
    Map<String, Object> search = SearchJson.of(cli.run("search", "--facets", "-n", "0", "--format", "json"));
    Map<String, Object> facets = SearchJson.of(cli.run("facets", "--format", "json"));
    Map<String, Object> stats = SearchJson.of(cli.run("stats", "--format", "json"));
    assertEquals(search.get("facets"), facets.get("facets"));
    assertEquals(search.get("facets"), stats.get("facets"));
    assertEquals(List.copyOf(org.tpsearch.index.Schema.DIMS), List.copyOf(((Map<?, ?>) stats.get("facets")).keySet()));
  }

  @Test
  void searchWritesEveryFormat() {
    for (String format : List.of("text", "json", "jsonl")) {
      Cli.Result r = cli.run("search", "绿色电力", "--format", format);
      assertEquals(0, r.exit(), r::toString);
      assertTrue(!r.out().isBlank(), format);
    }
  }
}
