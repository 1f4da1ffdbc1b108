package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Field;
import org.tpsearch.model.Link;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.SampleCorpus;

/** {@code show ID}: a turning point in full, as text and JSON, for every point of the sample corpus. */
class ShowCommandTest {
  static final String ID = "xinjiang/industry/2022-03-01/event";

  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  /** Every point, every item, every field and source, as the report has them. */
  @Test
  void jsonOfEveryPointHasAllItsEvidence() {
    for (TurningPoint p : SampleCorpus.points()) {
      Cli.Result r = cli.run("show", p.id(), "--format", "json");
      assertEquals(0, r.exit(), r::toString);
      assertEquals("", r.err());
      Map<String, Object> doc = MiniJson.object(r.out());
      assertEquals(List.of("id", "region", "region_zh", "sector", "sector_zh", "date", "type", "confidence", "status",
          "file", "line", "flags", "evidence", "evidence_window", "prose", "answer", "analyzed"),
          List.copyOf(doc.keySet()));
      assertEquals(p.id(), doc.get("id"));
      // The report's analysis time (the access date of its citations); a per-point answer has none.
      assertEquals(p.analyzed().isEmpty() ? null : p.analyzed(), doc.get("analyzed"), p.id());
      assertEquals(p.region().name(), doc.get("region"));
      assertEquals(p.sector().zh(), doc.get("sector_zh"));
      assertEquals(p.type(), doc.get("type"));
      assertEquals(p.status().label(), doc.get("status"));
      assertEquals(p.hasConfidence() ? p.confidence() : null,
          doc.get("confidence") == null ? null : ((BigDecimal) doc.get("confidence")).doubleValue());
      assertEquals(BigDecimal.valueOf(p.line()), doc.get("line"));
      assertEquals(p.flags(), doc.get("flags"));
      assertEquals(p.prose(), doc.get("prose"));
      assertEquals(p.answer(), doc.get("answer"), "the answer verbatim");
      assertEquals(evidence(p), withoutWhy(doc.get("evidence")), p.id());
      assertEquals(org.tpsearch.index.EvidenceChecks.pointWindow(p), doc.get("evidence_window"), p.id());
    }
  }

  /** The items of the sample reports cited under other points too (see DuplicatesCliTest), read by hand. */
  static final Map<String, List<String>> ALSO_CITED = Map.ofEntries(
      Map.entry("inner-mongolia/power/2021-07-16/policy#1", List.of("jiangsu/power/2021-07-16/policy#1", "shanxi/power/2021-07-16/policy#1")),
      Map.entry("jiangsu/power/2021-07-16/policy#1", List.of("inner-mongolia/power/2021-07-16/policy#1", "shanxi/power/2021-07-16/policy#1")),
      Map.entry("shanxi/power/2021-07-16/policy#1", List.of("inner-mongolia/power/2021-07-16/policy#1", "jiangsu/power/2021-07-16/policy#1")),
      Map.entry("xinjiang/power/2021-08-17/policy#1", List.of("guangdong/power/2021-09-10/policy#2", "jiangsu/power/2021-09-16/policy#1")),
      Map.entry("guangdong/power/2021-09-10/policy#2", List.of("jiangsu/power/2021-09-16/policy#1", "xinjiang/power/2021-08-17/policy#1")),
      Map.entry("jiangsu/power/2021-09-16/policy#1", List.of("guangdong/power/2021-09-10/policy#2", "xinjiang/power/2021-08-17/policy#1")),
      Map.entry("beijing/residential/2019-03-16/seasonal#1", List.of("beijing/residential/2021-01-07/event#2")),
      Map.entry("beijing/residential/2021-01-07/event#2", List.of("beijing/residential/2019-03-16/seasonal#1")),
      Map.entry("beijing/residential/2019-03-16/seasonal#2", List.of("hebei/industry/2019-10-08/seasonal#2")),
      Map.entry("hebei/industry/2019-10-08/seasonal#2", List.of("beijing/residential/2019-03-16/seasonal#2")),
      Map.entry("xinjiang/power/2021-08-17/policy#2", List.of("jiangsu/power/2021-09-16/policy#2")),
      Map.entry("jiangsu/power/2021-09-16/policy#2", List.of("xinjiang/power/2021-08-17/policy#2")),
      Map.entry("zhejiang/ground-transport/2022-12-08/policy#1", List.of("shanghai/aviation/2023-01-08/policy#2")),
      Map.entry("shanghai/aviation/2023-01-08/policy#2", List.of("zhejiang/ground-transport/2022-12-08/policy#1")));

  /**
   * The items of the sample reports taken for the same event by content (see DuplicatesCliTest, which
   * also pins the reasons), read by hand: both sides of each of the four pairs.
   */
  static final Map<String, String> SAME_EVENT = Map.of(
      "xinjiang/industry/2019-04-01/event#1", "xinjiang/industry/2022-03-01/event#3",
      "xinjiang/industry/2022-03-01/event#3", "xinjiang/industry/2019-04-01/event#1",
      "shanghai/aviation/2022-04-01/event#1", "shanghai/aviation/2022-06-01/event#1",
      "shanghai/aviation/2022-06-01/event#1", "shanghai/aviation/2022-04-01/event#1",
      "xinjiang/power/2022-08-12/event#1", "xinjiang/power/2022-11-25/event#1",
      "xinjiang/power/2022-11-25/event#1", "xinjiang/power/2022-08-12/event#1",
      "beijing/residential/2022-02-04/event#1", "hebei/industry/2022-02-04/event#1",
      "hebei/industry/2022-02-04/event#1", "beijing/residential/2022-02-04/event#1");

  /** The JSON evidence with each {@code same_event_under} entry as its ref alone. */
  @SuppressWarnings("unchecked")
  static Object withoutWhy(Object evidence) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<Object>) evidence) {
      Map<String, Object> item = new java.util.LinkedHashMap<>((Map<String, Object>) o);
      List<Object> refs = new ArrayList<>();
      for (Object r : (List<Object>) item.get("same_event_under")) {
        refs.add(((Map<String, Object>) r).get("ref"));
      }
      item.put("same_event_under", refs);
      out.add(item);
    }
    return out;
  }

  /** The evidence of a point as {@code show --format json} should print it. */
  static List<Map<String, Object>> evidence(TurningPoint p) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (EvidenceItem e : p.evidence()) {
      List<Map<String, Object>> fields = new ArrayList<>();
      for (Field f : e.fields()) {
        fields.add(Map.of("label", f.label(), "value", f.value()));
      }
      List<Map<String, Object>> sources = new ArrayList<>();
      for (Link l : e.sources()) {
        sources.add(Map.of("title", l.title(), "url", l.url()));
      }
      // The checks: as EvidenceChecksTest pins them on the real report, here through the index and JSON.
      org.tpsearch.index.EvidenceChecks.Check check = org.tpsearch.index.EvidenceChecks.of(e, p.date());
      Map<String, Object> item = new java.util.HashMap<>(Map.of("title", e.title(), "time", e.time(), "fields", fields,
          "sources", sources, "window", check.window().label(), "checks", check.sources(),
          "domains", org.tpsearch.index.SourceDomains.ofLinks(e.sources())));
      item.put("dates", check.dates().map(d -> Map.of("from", d.from().toString(), "to", d.to().toString())).orElse(null));
      item.put("also_cited_under", ALSO_CITED.getOrDefault(p.id() + "#" + e.ordinal(), List.of()));
      String same = SAME_EVENT.get(p.id() + "#" + e.ordinal());
      item.put("same_event_under", same == null ? List.of() : List.of(same));
      items.add(item);
    }
    return items;
  }

  @Test
  void textShowsEveryItemFieldAndSource() {
    TurningPoint p = SampleCorpus.points().stream().filter(x -> x.id().equals(ID)).findFirst().orElseThrow();
    Cli.Result r = cli.run("show", ID);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    List<String> lines = r.outLines();
    assertEquals(ID, lines.get(0));
    assertEquals("  Xinjiang 新疆 · Industry 工业 · 2022-03-01 · Event · confidence 0.69 · evidence found", lines.get(1));
    assertEquals("  sample-index/reports/Xinjiang_Industry_combined_info.txt:66", lines.get(2));
    assertEquals(3, p.evidence().size());
    int at = 3;
    for (EvidenceItem e : p.evidence()) {
      at = indexOf(lines, "  " + e.ordinal() + ". " + e.title(), at);
      for (Field f : e.fields()) {
        at = indexOf(lines, "     " + f.label() + "：" + f.value(), at);
      }
      for (Link l : e.sources()) {
        at = indexOf(lines, "     " + l.title() + " <" + l.url() + ">", at);
      }
    }
    assertTrue(r.out().contains("以上事件均来自官方报道"), "the answer's prose is shown too");
  }

  /** The index of {@code line} in {@code lines} after {@code from}: items are shown in order. */
  static int indexOf(List<String> lines, String line, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).equals(line)) {
        return i + 1;
      }
    }
    throw new AssertionError("missing (or out of order): " + line + "\nin\n" + String.join("\n", lines));
  }

  @Test
  void idsAreCaseInsensitive() {
    Cli.Result r = cli.run("show", "Xinjiang/Industry/2022-03-01/Event");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(cli.run("show", ID).out(), r.out());
  }

  @Test
  void anUnknownIdSuggestsIdsWithTheSamePrefix() {
    Cli.Result r = cli.run("show", "xinjiang/industry/2022-03-02/event");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("", r.out());
    ExitCodesTest.assertOneErrorLine(r, false);
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("tpsearch: no turning point 'xinjiang/industry/2022-03-02/event' in the embedded "
        + "sample index; did you mean: xinjiang/industry/"), line);
    List<String> suggested = List.of(line.substring(line.indexOf("did you mean: ") + 14).split(", "));
    assertTrue(suggested.size() >= 1 && suggested.size() <= 5, line);
    for (String id : suggested) {
      assertTrue(id.startsWith("xinjiang/industry/"), id);
      assertEquals(0, cli.run("show", id).exit(), "a suggestion is an id that exists: " + id);
    }
    // Only the region matches: ids of that region.
    String region = cli.run("show", "hubei/aviation/2020-01-23/event").errLines().get(0);
    assertTrue(region.contains("; did you mean: hubei/ground-transport/"), region);
  }

  /** Suggestions come from the longest prefix that matches: the same region and sector first. */
  @Test
  void suggestionsShareTheLongestPrefixThatMatches() {
    assertEquals(List.of("xinjiang/industry/2022-03-01/event"), suggestions("xinjiang/industry/2022-03-01/policy"));
    assertEquals(List.of("xinjiang/industry/2022-03-01/event"), suggestions("xinjiang/industry/2022-03"));
    for (String id : List.of("xinjiang/power/2022-05-01/event", "xinjiang/power", "Xinjiang/Power/")) {
      List<String> near = suggestions(id);
      assertTrue(!near.isEmpty() && near.stream().allMatch(s -> s.startsWith("xinjiang/power/")), id + ": " + near);
    }
    List<String> region = suggestions("xinjiang/aviation/2022-05-01/event");
    assertTrue(!region.isEmpty() && region.stream().allMatch(s -> s.startsWith("xinjiang/")), region::toString);
  }

  static List<String> suggestions(String id) {
    Cli.Result r = cli.run("show", id);
    assertEquals(1, r.exit(), r::toString);
    String line = r.errLines().get(0);
    int at = line.indexOf("; did you mean: ");
    return at < 0 ? List.of() : List.of(line.substring(at + "; did you mean: ".length()).split(", "));
  }

  @Test
  void anIdWithNoKnownPrefixSuggestsNothing() {
    Cli.Result r = cli.run("show", "atlantis/power/2020-01-01/event");
    assertEquals(1, r.exit(), r::toString);
    assertEquals("tpsearch: no turning point 'atlantis/power/2020-01-01/event' in the embedded sample index", r.err().strip());
  }
}
