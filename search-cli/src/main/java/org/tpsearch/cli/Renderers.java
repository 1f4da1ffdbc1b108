package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tpsearch.model.Link;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.Snippet;

/** Text (for people) and JSON (for scripts) renderings of results. */
final class Renderers {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String HIGHLIGHT = "\u001b[1;33m";
  private static final String CYAN = "\u001b[36m";
  private static final String RESET = "\u001b[0m";

  private Renderers() {}

  // ------------------------------------------------------------------ JSON

  /** The search result as one JSON document (see the README for the shape). */
  static String json(SearchResult r) {
    Json j = new Json().beginObject();
    j.field("query", r.query()).field("index", r.index()).field("total", r.total());
    j.name("match").value(r.partial() ? "partial" : "all");
    j.name("hits").beginArray();
    for (SearchResult.Hit h : r.hits()) {
      hit(j, h, r.partial());
    }
    j.endArray();
    if (r.facets() != null) {
      j.name("facets").beginObject();
      for (Map.Entry<String, List<SearchResult.FacetCount>> e : r.facets().entrySet()) {
        j.name(e.getKey()).beginArray();
        for (SearchResult.FacetCount c : e.getValue()) {
          j.beginObject().field("value", c.value()).field("count", c.count()).endObject();
        }
        j.endArray();
      }
      j.endObject();
    }
    if (!r.explain().isEmpty()) {
      j.name("explain").beginArray();
      r.explain().forEach(j::value);
      j.endArray();
    }
    return j.endObject().toString();
  }

  /** One hit as a JSON object (a line of {@code --format jsonl}). */
  static String jsonLine(SearchResult.Hit h, boolean partial) {
    Json j = new Json();
    hit(j, h, partial);
    return j.toString();
  }

  private static void hit(Json j, SearchResult.Hit h, boolean partial) {
    j.beginObject();
    j.field("id", h.id()).field("region", h.region()).field("region_zh", h.regionZh())
        .field("sector", h.sector()).field("sector_zh", h.sectorZh()).field("date", h.date())
        .field("type", h.type());
    j.name("confidence").value(h.confidence(), 2);
    j.field("status", h.status());
    j.name("score").value(h.score(), 4);
    j.field("match", partial ? "partial" : "all");
    j.field("matched_words", h.matchedWords());
    j.name("evidence").beginArray();
    for (SearchResult.EvidenceHit e : h.evidence()) {
      j.beginObject().field("title", e.title().text()).field("time", e.time())
          .field("snippet", e.snippet().marked("**", "**"));
      links(j, e.sources());
      j.endObject();
    }
    j.endArray();
    if (h.snippet() != null) {
      j.field("snippet", h.snippet().marked("**", "**"));
    }
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

  private static void links(Json j, List<Link> links) {
    j.name("sources").beginArray();
    for (Link l : links) {
      j.beginObject().field("title", l.title()).field("url", l.url()).endObject();
    }
    j.endArray();
  }

  /** A turning point in full, as JSON. */
  static String json(StoredPoint p) {
    Json j = new Json().beginObject();
    j.field("id", p.id()).field("region", p.region()).field("region_zh", p.regionZh()).field("sector", p.sector())
        .field("sector_zh", p.sectorZh()).field("date", p.date()).field("type", p.type());
    j.name("confidence").value(p.confidence(), 2);
    j.field("status", p.status()).field("file", p.file()).field("line", p.line());
    j.name("flags").beginArray();
    p.flags().forEach(j::value);
    j.endArray();
    j.name("evidence").beginArray();
    for (StoredPoint.Item it : p.items()) {
      j.beginObject().field("title", it.title()).field("time", it.time());
      j.name("fields").beginArray();
      for (StoredPoint.Labelled f : it.fields()) {
        j.beginObject().field("label", f.label()).field("value", f.value()).endObject();
      }
      j.endArray();
      links(j, it.sources());
      j.endObject();
    }
    j.endArray();
    j.field("prose", p.prose()).field("answer", p.answer());
    return j.endObject().toString();
  }

  // ------------------------------------------------------------------ text

  static void text(SearchResult r, PrintWriter out, boolean colour) {
    String noun = r.total() == 1 ? "turning point" : "turning points";
    String what = r.query().isBlank() ? noun : noun + (r.total() == 1 ? " matches '" : " match '") + r.query() + "'";
    out.println(c(colour, DIM, r.total() + " " + what + (r.partial() ? " partially (no point has every word)" : "")
        + " — " + r.index()));
    for (String line : r.explain()) {
      out.println(c(colour, DIM, "  explain: " + line));
    }
    int n = 0;
    for (SearchResult.Hit h : r.hits()) {
      n++;
      out.println();
      out.println(c(colour, BOLD, n + ". " + h.id()) + (r.partial() ? c(colour, DIM, "  (matches " + h.matchedWords() + (h.matchedWords() == 1 ? " word)" : " words)")) : ""));
      out.println("   " + h.region() + (h.regionZh().isEmpty() ? "" : " " + h.regionZh()) + " · " + h.sector()
          + (h.sectorZh().isEmpty() ? "" : " " + h.sectorZh()) + " · " + h.date() + " · " + h.type()
          + " · confidence " + conf(h.confidence()) + " · " + statusText(h.status())
          + (h.flags().isEmpty() ? "" : " · flags: " + String.join(", ", h.flags())));
      for (SearchResult.EvidenceHit e : h.evidence()) {
        out.println("   " + mark(e.title(), colour, BOLD) + (e.time().isEmpty() ? "" : c(colour, DIM, "  (" + e.time() + ")")));
        if (!e.snippet().text().isEmpty()) {
          out.println("     " + mark(e.snippet(), colour, ""));
        }
        for (Link l : e.sources()) {
          out.println("     " + c(colour, CYAN, (l.title().isEmpty() ? "" : l.title() + " ") + "<" + l.url() + ">"));
        }
      }
      if (h.snippet() != null) {
        out.println("   " + mark(h.snippet(), colour, ""));
      }
      for (String w : h.why()) {
        out.println(c(colour, DIM, "   why: " + w));
      }
      out.println(c(colour, DIM, "   " + h.file() + ":" + h.line()));
    }
    if (r.facets() != null) {
      out.println();
      facets(r.facets(), out, colour);
    }
  }

  static void facets(Map<String, List<SearchResult.FacetCount>> facets, PrintWriter out, boolean colour) {
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : facets.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (SearchResult.FacetCount fc : e.getValue()) {
        sb.append("  ").append(fc.value()).append(" (").append(fc.count()).append(')');
      }
      out.println(c(colour, BOLD, String.format(Locale.ROOT, "%-11s", e.getKey() + ":")) + sb);
    }
  }

  static void text(StoredPoint p, PrintWriter out, boolean colour) {
    out.println(c(colour, BOLD, p.id()));
    out.println("  " + p.region() + " " + p.regionZh() + " · " + p.sector() + " " + p.sectorZh() + " · " + p.date()
        + " · " + p.type() + " · confidence " + conf(p.confidence()) + " · " + statusText(p.status()));
    out.println(c(colour, DIM, "  " + p.file() + ":" + p.line()));
    if (!p.flags().isEmpty()) {
      out.println("  flags: " + String.join(", ", p.flags()));
    }
    for (StoredPoint.Item it : p.items()) {
      out.println();
      out.println("  " + c(colour, BOLD, it.ordinal() + ". " + it.title()));
      for (StoredPoint.Labelled f : it.fields()) {
        out.println("     " + c(colour, DIM, f.label() + "：") + f.value().replace("\n", "\n       "));
      }
      for (Link l : it.sources()) {
        out.println("     " + c(colour, CYAN, (l.title().isEmpty() ? "" : l.title() + " ") + "<" + l.url() + ">"));
      }
    }
    if (!p.prose().isEmpty()) {
      out.println();
      out.println("  " + p.prose().replace("\n", "\n  "));
    }
  }

  static String conf(double c) {
    return Double.isNaN(c) ? "?" : String.format(Locale.ROOT, "%.2f", c);
  }

  private static String statusText(String status) {
    return switch (status) {
      case "found" -> "evidence found";
      case "none" -> "no evidence found";
      case "failed" -> "retrieval failed";
      default -> status;
    };
  }

  private static String mark(Snippet s, boolean colour, String base) {
    if (!colour) {
      return s.marked("[", "]");
    }
    return base + s.marked(HIGHLIGHT, RESET + base) + RESET;
  }

  private static String c(boolean colour, String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
