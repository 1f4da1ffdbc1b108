package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.EvidenceChecks;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Link;
import org.tpsearch.model.Problem;
import org.tpsearch.search.Duplicates;
import org.tpsearch.search.SearchResult;

/** The JSON format, for scripts: one JSON document per command (see the README for the shapes). */
final class JsonRenderer implements Renderer {
  static final JsonRenderer INSTANCE = new JsonRenderer(false);
  /** With {@code --full}: each hit also carries every item of its point in full ({@code items}). */
  static final JsonRenderer FULL = new JsonRenderer(true);

  private final boolean full;

  private JsonRenderer(boolean full) {
    this.full = full;
  }

  @Override
  public boolean supports(Kind kind) {
    return kind != Kind.CITATIONS;
  }

  @Override
  public void search(SearchResult r, PrintWriter out) {
    out.println(search(r));
  }

  @Override
  public void search(SearchResult r, Points points, PrintWriter out) throws java.io.IOException {
    out.println(full ? search(r, fullPoints(r, points)) : search(r));
  }

  /** The points of the hits in full, by id, read once each. */
  static Map<String, StoredPoint> fullPoints(SearchResult r, Points points) throws java.io.IOException {
    Map<String, StoredPoint> out = new java.util.HashMap<>();
    for (SearchResult.Hit h : r.hits()) {
      StoredPoint p = points.get(h.id());
      if (p != null) {
        out.put(h.id(), p);
      }
    }
    return out;
  }

  @Override
  public void table(SeriesTable t, PrintWriter out) {
    Json j = new Json().beginObject().field("index", t.index()).field("region", t.region()).field("region_zh", t.regionZh())
        .field("sector", t.sector()).field("sector_zh", t.sectorZh());
    j.name("points").beginArray();
    for (SeriesTable.Row row : t.rows()) {
      j.beginObject().field("id", row.id()).field("date", row.date()).field("type", row.type());
      j.name("confidence").value(row.confidence(), 2);
      j.field("status", row.status());
      j.name("evidence").beginArray();
      for (SeriesTable.Entry e : row.evidence()) {
        j.beginObject().field("title", e.title()).field("key", e.key()).field("time", e.time()).field("window", e.window())
            .endObject();
      }
      j.endArray().field("out_of_window", row.outOfWindow()).endObject();
    }
    out.println(j.endArray().endObject());
  }

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    out.println(point(p));
  }

  @Override
  public void facets(SearchResult r, PrintWriter out) {
    // The shape of a search with no hits: scripts read counts the same way from both.
    out.println(search(r));
  }

  @Override
  public void stats(IndexStats s, PrintWriter out) {
    Json j = new Json().beginObject().field("index", s.counts().index()).field("turning_points", s.counts().total())
        .field("report_files", s.reportFiles()).field("index_bytes", s.indexBytes());
    facets(j, s.counts().facets());
    out.println(j.endObject());
  }

  @Override
  public void lint(Indexer.LintResult r, PrintWriter out) {
    Json j = new Json().beginObject().field("report_files", r.reportFiles()).field("skipped_files", r.skippedFiles())
        .field("turning_points", r.points());
    j.name("by_status").beginObject();
    for (EvidenceStatus s : EvidenceStatus.values()) {
      j.field(s.label(), r.byStatus().getOrDefault(s, 0));
    }
    j.endObject();
    j.field("duplicates", r.duplicates()).field("warnings", r.problems().size());
    j.name("problems").beginArray();
    for (Problem p : r.problems()) {
      problem(j, p);
    }
    j.endArray();
    out.println(j.endObject());
  }

  @Override
  public void duplicates(List<Duplicates.Cluster> clusters, String index, PrintWriter out) {
    Json j = new Json().beginObject().field("index", index).field("total", clusters.size());
    j.name("clusters").beginArray();
    clusters.forEach(c -> cluster(j, c));
    j.endArray();
    out.println(j.endObject());
  }

  /**
   * One duplicate cluster: title, points, regions, what formed it ({@code keys}, {@code content} or
   * {@code keys+content}), the keys its items share, the pairs joined by content and why, and its members.
   */
  static Json cluster(Json j, Duplicates.Cluster c) {
    j.beginObject().field("title", c.title()).field("points", c.points());
    j.name("regions").beginArray();
    c.regions().forEach(j::value);
    j.endArray();
    j.field("formed_by", c.formedBy());
    j.name("keys").beginArray();
    c.keys().forEach(j::value);
    j.endArray();
    j.name("content_links").beginArray();
    for (Duplicates.ContentLink l : c.links()) {
      j.beginObject().field("a", l.a()).field("b", l.b());
      j.name("why").beginArray();
      l.why().forEach(j::value);
      j.endArray().endObject();
    }
    j.endArray();
    j.name("members").beginArray();
    for (Duplicates.Member m : c.members()) {
      j.beginObject().field("id", m.id()).field("item", m.item()).field("ref", m.ref()).field("title", m.title())
          .field("time", m.time()).field("window", m.window()).field("region", m.region()).field("sector", m.sector())
          .field("date", m.date()).endObject();
    }
    j.endArray();
    return j.endObject();
  }

  /** One lint problem as an object: file, line, code, message. */
  static Json problem(Json j, Problem p) {
    return j.beginObject().field("file", p.file().toString()).field("line", p.line()).field("code", p.code())
        .field("message", p.message()).endObject();
  }

  /** Facet counts as {@code "facets": {"region": [{"value", "count"}, ...], ...}}: the one writer of them. */
  private static void facets(Json j, Map<String, List<SearchResult.FacetCount>> facets) {
    j.name("facets").beginObject();
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : facets.entrySet()) {
      j.name(e.getKey()).beginArray();
      for (SearchResult.FacetCount c : e.getValue()) {
        j.beginObject().field("value", c.value()).field("count", c.count()).endObject();
      }
      j.endArray();
    }
    j.endObject();
  }

  /** The search result as one JSON document (see the README for the shape). */
  static String search(SearchResult r) {
    return search(r, Map.of());
  }

  /** As above; a hit whose point is in {@code full} also carries every item of it in full. */
  static String search(SearchResult r, Map<String, StoredPoint> full) {
    Json j = new Json().beginObject();
    j.field("query", r.query()).field("index", r.index()).field("total", r.total());
    j.name("match").value(r.partial() ? "partial" : "all");
    j.field("partial_total", r.partialTotal());
    j.name("words").beginArray();
    r.words().forEach(j::value);
    j.endArray();
    j.name("hits").beginArray();
    for (SearchResult.Hit h : r.hits()) {
      hit(j, h, full.get(h.id()));
    }
    j.endArray();
    if (r.collapsed() != null) {
      j.name("collapsed").beginArray();
      for (SearchResult.Collapsed c : r.collapsed()) {
        j.beginObject().field("id", c.id()).field("duplicate_of", c.duplicateOf()).endObject();
      }
      j.endArray();
    }
    if (r.facets() != null) {
      facets(j, r.facets());
    }
    if (!r.explain().isEmpty()) {
      j.name("explain").beginArray();
      r.explain().forEach(j::value);
      j.endArray();
    }
    return j.endObject().toString();
  }

  /** One hit as a JSON object (a line of {@code --format jsonl}). */
  static String hitLine(SearchResult.Hit h) {
    return hitLine(h, null);
  }

  /** As above; with {@code full}, the hit carries every item of its point in full. */
  static String hitLine(SearchResult.Hit h, StoredPoint full) {
    Json j = new Json();
    hit(j, h, full);
    return j.toString();
  }

  private static void hit(Json j, SearchResult.Hit h, StoredPoint full) {
    j.beginObject();
    j.field("id", h.id()).field("region", h.region()).field("region_zh", h.regionZh())
        .field("sector", h.sector()).field("sector_zh", h.sectorZh()).field("date", h.date())
        .field("type", h.type());
    j.name("confidence").value(h.confidence(), 2);
    j.field("status", h.status());
    j.name("score").value(h.score(), 4);
    j.field("match", h.tier().all() ? "all" : "partial");
    j.name("phrase").value(h.tier() == SearchResult.Tier.PHRASE);
    j.field("matched_words", h.matchedWords());
    j.name("evidence").beginArray();
    for (SearchResult.EvidenceHit e : h.evidence()) {
      j.beginObject().field("title", e.title().text()).field("time", e.time())
          .field("snippet", e.snippet().marked("**", "**"));
      links(j, e.sources());
      check(j, e.check(), org.tpsearch.index.SourceDomains.ofLinks(e.sources()));
      j.endObject();
    }
    j.endArray();
    if (full != null) {
      j.name("items");
      items(j, full.items());
    }
    if (h.snippet() != null) {
      j.field("snippet", h.snippet().marked("**", "**"));
    }
    j.field("evidence_window", h.evidenceWindow());
    j.field("file", h.file()).field("line", h.line());
    j.name("flags").beginArray();
    h.flags().forEach(j::value);
    j.endArray();
    if (!h.why().isEmpty()) {
      j.name("why").beginArray();
      h.why().forEach(j::value);
      j.endArray();
    }
    j.endObject();
  }

  /**
   * An item's checks: {@code "dates": {"from", "to"}} (null when undated), {@code "window"},
   * {@code "checks"} ({@code no-url}, {@code bare-url}) and {@code "domains"}.
   */
  private static void check(Json j, EvidenceChecks.Check check, List<String> domains) {
    j.name("dates");
    if (check.dates().isPresent()) {
      j.beginObject().field("from", check.dates().get().from().toString()).field("to", check.dates().get().to().toString())
          .endObject();
    } else {
      j.value((String) null);
    }
    j.field("window", check.window().label());
    j.name("checks").beginArray();
    check.sources().forEach(j::value);
    j.endArray();
    j.name("domains").beginArray();
    domains.forEach(j::value);
    j.endArray();
  }

  private static void links(Json j, List<Link> links) {
    j.name("sources").beginArray();
    for (Link l : links) {
      j.beginObject().field("title", l.title()).field("url", l.url()).endObject();
    }
    j.endArray();
  }

  /** A turning point in full, as JSON. */
  static String point(StoredPoint p) {
    Json j = new Json().beginObject();
    j.field("id", p.id()).field("region", p.region()).field("region_zh", p.regionZh()).field("sector", p.sector())
        .field("sector_zh", p.sectorZh()).field("date", p.date()).field("type", p.type());
    j.name("confidence").value(p.confidence(), 2);
    j.field("status", p.status()).field("file", p.file()).field("line", p.line());
    j.name("flags").beginArray();
    p.flags().forEach(j::value);
    j.endArray();
    j.name("evidence");
    items(j, p.items());
    j.field("evidence_window", p.evidenceWindow());
    j.field("prose", p.prose()).field("answer", p.answer());
    // The report's analysis time (分析时间), null for a per-point answer, which has none.
    j.field("analyzed", p.analyzed().isEmpty() ? null : p.analyzed());
    return j.endObject().toString();
  }

  /** Items in full: title, time, every labelled field, sources; the one writer of them. */
  private static void items(Json j, List<StoredPoint.Item> items) {
    j.beginArray();
    for (StoredPoint.Item it : items) {
      j.beginObject().field("title", it.title()).field("time", it.time());
      j.name("fields").beginArray();
      for (StoredPoint.Labelled f : it.fields()) {
        j.beginObject().field("label", f.label()).field("value", f.value()).endObject();
      }
      j.endArray();
      links(j, it.sources());
      check(j, it.check(), it.domains());
      j.name("also_cited_under").beginArray();
      it.alsoCitedUnder().forEach(j::value);
      j.endArray();
      j.name("same_event_under").beginArray();
      for (StoredPoint.Related r : it.sameEventUnder()) {
        j.beginObject().field("ref", r.ref());
        j.name("why").beginArray();
        r.why().forEach(j::value);
        j.endArray().endObject();
      }
      j.endArray();
      j.endObject();
    }
    j.endArray();
  }

}
