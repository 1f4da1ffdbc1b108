package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tpsearch.index.EvidenceChecks;
import org.tpsearch.index.Indexer;
import org.tpsearch.model.Link;
import org.tpsearch.model.Problem;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.Duplicates;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.Snippet;

/** The text format, for people: aligned, highlighted with colour on a terminal or [brackets] without. */
final class TextRenderer implements Renderer {
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String HIGHLIGHT = "\u001b[1;33m";
  private static final String CYAN = "\u001b[36m";
  private static final String RESET = "\u001b[0m";

  private final boolean colour;
  private final boolean links;

  TextRenderer(boolean colour) {
    this(colour, false);
  }

  /** With {@code links}, source URLs are also OSC 8 hyperlinks (the terminal was judged to show them). */
  TextRenderer(boolean colour, boolean links) {
    this.colour = colour;
    this.links = links;
  }

  @Override
  public boolean supports(Kind kind) {
    return kind != Kind.CITATIONS && kind != Kind.TABLE;
  }

  @Override
  public void search(SearchResult r, PrintWriter out) {
    text(r, out, colour, links);
  }

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    text(p, out, colour, links);
  }

  @Override
  public void facets(SearchResult r, PrintWriter out) {
    out.println(r.total() + " turning points — " + TerminalText.line(r.index()));
    facets(r.facets(), out, colour);
  }

  @Override
  public void stats(IndexStats s, PrintWriter out) {
    out.println("index:          " + s.counts().index());
    out.println("turning points: " + s.counts().total());
    out.println("files cited:    " + s.reportFiles() + " (report files the points come from)");
    if (s.indexBytes() >= 0) {
      out.println("index size:     " + s.indexBytes() + " bytes");
    }
    boundedFacets(s.counts().facets(), out, colour);
  }

  /** The values of a dimension {@code stats}, {@code facets} and {@code search --facets} show in text; the rest are counted ({@code --format json} has them all). */
  static final int STATS_VALUES = 20;
  /** The columns a line of facet counts in text fills before it wraps. */
  static final int STATS_COLUMNS = 100;

  /**
   * Facets as {@link #facets} writes them, bounded for an index of many regions (2,000 made a
   * 60 KB line): the first {@link #STATS_VALUES} values of a dimension (the commonest), then
   * {@code … and N more (--format json lists them all)}, wrapped at {@link #STATS_COLUMNS} columns
   * (a CJK character counts two) under the first value.
   */
  static void boundedFacets(Map<String, List<SearchResult.FacetCount>> facets, PrintWriter out, boolean colour) {
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : facets.entrySet()) {
      String label = dimensionLabel(e.getKey());
      List<String> items = new java.util.ArrayList<>();
      List<SearchResult.FacetCount> all = e.getValue();
      for (SearchResult.FacetCount fc : all.subList(0, Math.min(all.size(), STATS_VALUES))) {
        items.add(safe(fc.value()) + " (" + fc.count() + ")");
      }
      if (all.size() > STATS_VALUES) {
        items.add("… and " + (all.size() - STATS_VALUES) + " more (--format json lists them all)");
      }
      StringBuilder line = new StringBuilder(c(colour, BOLD, label));
      int width = label.length();
      for (String item : items) {
        int w = 2 + columns(item);
        if (width > label.length() && width + w > STATS_COLUMNS) {
          out.println(line);
          line = new StringBuilder(" ".repeat(label.length()));
          width = label.length();
        }
        line.append("  ").append(item);
        width += w;
      }
      out.println(line);
    }
  }

  /** The terminal columns {@code s} takes: two for East Asian wide characters, one for the others. */
  static int columns(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
          || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
          || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
      n += wide ? 2 : 1;
    }
    return n;
  }

  @Override
  public void lint(Indexer.LintResult r, PrintWriter out) {
    for (Problem p : r.problems()) {
      out.println(TerminalText.line(p));
    }
    out.println(r.reportFiles() + " report files, " + r.skippedFiles() + " other files skipped, " + r.points()
        + " turning points (" + LintCommand.statusCounts(r) + "), " + r.duplicates() + " duplicates, "
        + r.problems().size() + " warnings");
  }

  // ------------------------------------------------------------------ text

  static void text(SearchResult r, PrintWriter out, boolean colour, boolean links) {
    String noun = r.total() == 1 ? "turning point" : "turning points";
    String what = r.query().isBlank() ? noun : noun + (r.total() == 1 ? " matches '" : " match '") + safe(r.query()) + "'";
    out.println(c(colour, DIM, r.total() + " " + what + (r.partial() ? " partially (no point has every word)" : "")
        + (r.partialTotal() > 0 ? ", " + r.partialTotal() + " more " + (r.partialTotal() == 1 ? "has" : "have")
            + " some of the words" : "")
        + " — " + safe(r.index())));
    for (String line : r.explain()) {
      out.println(c(colour, DIM, "  explain: " + safe(line)));
    }
    int n = 0;
    boolean separated = false;
    int words = r.words().size();
    for (SearchResult.Hit h : r.hits()) {
      n++;
      out.println();
      boolean partialHit = !h.tier().all();
      if (partialHit && !separated) {
        separated = true;
        out.println(c(colour, DIM, "── points that have only some of the words ──"));
        out.println();
      }
      out.println(c(colour, BOLD, n + ". " + safe(h.id())) + (partialHit ? c(colour, DIM, h.matchedWords() == 0
          ? "  (matches part of a word)" : "  (matches " + h.matchedWords()
          + " of " + words + (words == 1 ? " word)" : " words)")) : ""));
      out.println("   " + safe(h.region()) + (h.regionZh().isEmpty() ? "" : " " + safe(h.regionZh())) + " · " + safe(h.sector())
          + (h.sectorZh().isEmpty() ? "" : " " + safe(h.sectorZh())) + " · " + safe(h.date()) + " · " + safe(h.type())
          + " · confidence " + conf(h.confidence()) + " · " + statusText(h.status())
          + (h.flags().isEmpty() ? "" : " · flags: " + safe(String.join(", ", h.flags()))));
      for (SearchResult.EvidenceHit e : h.evidence()) {
        out.println("   " + mark(e.title(), colour, BOLD) + c(colour, DIM, "  (" + (e.time().isEmpty() ? "" : safe(e.time()) + " · ")
            + String.join(" · ", e.check().labels()) + ")"));
        if (!e.snippet().text().isEmpty()) {
          out.println("     " + mark(e.snippet(), colour, ""));
        }
        for (Link l : e.sources()) {
          out.println("     " + source(l, colour, links));
        }
      }
      if (h.snippet() != null) {
        out.println("   " + mark(h.snippet(), colour, ""));
      }
      for (String w : h.why()) {
        out.println(c(colour, DIM, "   why: " + safe(w)));
      }
      out.println(c(colour, DIM, "   " + safe(h.file()) + ":" + h.line()));
    }
    if (r.collapsed() != null && !r.collapsed().isEmpty()) {
      out.println();
      out.println(c(colour, DIM, "── " + r.collapsed().size() + (r.collapsed().size() == 1 ? " point" : " points")
          + " collapsed: every item of it is cited by a point above ──"));
      for (SearchResult.Collapsed x : r.collapsed()) {
        out.println(c(colour, DIM, "   " + safe(x.id()) + "  (duplicates " + safe(x.duplicateOf()) + ")"));
      }
    }
    if (r.facets() != null) {
      out.println();
      facets(r.facets(), out, colour);
    }
  }

  @Override
  public void duplicates(List<Duplicates.Cluster> clusters, String index, PrintWriter out) {
    out.println(c(colour, DIM, clusters.size() + (clusters.size() == 1 ? " duplicate cluster" : " duplicate clusters")
        + " — " + safe(index)));
    int n = 0;
    for (Duplicates.Cluster cl : clusters) {
      out.println();
      out.println(c(colour, BOLD, ++n + ". " + safe(cl.title())) + c(colour, DIM, "  (" + cl.points() + " points: "
          + safe(String.join(", ", cl.regions())) + ")"));
      for (Duplicates.Member m : cl.members()) {
        out.println("   " + safe(m.ref()) + c(colour, DIM, "  " + (m.time().isEmpty() ? "" : safe(m.time()) + " · ")
            + m.window()) + (m.title().equals(cl.title()) ? "" : "  " + safe(m.title())));
      }
      if (!cl.keys().isEmpty()) {
        out.println(c(colour, DIM, "   shared: " + safe(String.join(" · ", cl.keys()))));
      }
      for (Duplicates.ContentLink l : cl.links()) {
        out.println(c(colour, DIM, "   same event, by content: " + safe(l.a()) + " ~ " + safe(l.b()) + ": "
            + safe(String.join(" · ", l.why()))));
      }
    }
  }

  /** Facets in text: bounded and wrapped as {@link #boundedFacets} (an index of many regions or source domains). */
  static void facets(Map<String, List<SearchResult.FacetCount>> facets, PrintWriter out, boolean colour) {
    boundedFacets(facets, out, colour);
  }

  /** A dimension's name and colon, padded so the values of every dimension line up. */
  static String dimensionLabel(String dim) {
    int width = 11;
    for (String d : org.tpsearch.index.Schema.DIMS) {
      width = Math.max(width, d.length() + 1);
    }
    return String.format(Locale.ROOT, "%-" + width + "s", dim + ":");
  }

  static void text(StoredPoint p, PrintWriter out, boolean colour, boolean links) {
    out.println(c(colour, BOLD, safe(p.id())));
    out.println("  " + safe(p.region()) + " " + safe(p.regionZh()) + " · " + safe(p.sector()) + " " + safe(p.sectorZh()) + " · "
        + safe(p.date()) + " · " + safe(p.type()) + " · confidence " + conf(p.confidence()) + " · " + statusText(p.status()));
    out.println(c(colour, DIM, "  " + safe(p.file()) + ":" + p.line()));
    if (!p.flags().isEmpty()) {
      out.println("  flags: " + safe(String.join(", ", p.flags())));
    }
    if (!p.items().isEmpty()) {
      out.println("  evidence: " + p.evidenceWindow() + windowText(p.date()));
    }
    for (StoredPoint.Item it : p.items()) {
      out.println();
      out.println("  " + c(colour, BOLD, it.ordinal() + ". " + safe(it.title())));
      for (StoredPoint.Labelled f : it.fields()) {
        out.println("     " + c(colour, DIM, safe(f.label()) + "：") + TerminalText.block(f.value()).replace("\n", "\n       "));
      }
      for (Link l : it.sources()) {
        out.println("     " + source(l, colour, links));
      }
      out.println("     " + c(colour, DIM, "check: " + checkText(it)));
      if (!it.alsoCitedUnder().isEmpty()) {
        out.println("     " + c(colour, DIM, "also cited under: " + safe(String.join(", ", it.alsoCitedUnder()))));
      }
      for (StoredPoint.Related r : it.sameEventUnder()) {
        out.println("     " + c(colour, DIM, "also cited under (same event, by content): " + safe(r.ref()) + " — "
            + safe(String.join(" · ", r.why()))));
      }
    }
    if (!p.prose().isEmpty()) {
      out.println();
      out.println("  " + TerminalText.block(p.prose()).replace("\n", "\n  "));
    }
  }

  /** An item's checks in a few words: {@code out-of-window (2022-06) · gov.cn}, {@code undated · no-url}. */
  static String checkText(StoredPoint.Item it) {
    EvidenceChecks.Check check = it.check();
    List<String> parts = new java.util.ArrayList<>();
    parts.add(check.window().label() + check.dates().map(d -> " (" + d.label() + ")").orElse(""));
    parts.addAll(check.sources());
    parts.addAll(it.domains());
    return safe(String.join(" · ", parts));
  }

  /** {@code  (window 2021-12-01..2022-05-30, the date ±90 days)}, or nothing for an undated point. */
  private static String windowText(String date) {
    try {
      java.time.LocalDate d = java.time.LocalDate.parse(date);
      return " (window " + d.minusDays(EvidenceChecks.WINDOW_DAYS) + ".." + d.plusDays(EvidenceChecks.WINDOW_DAYS)
          + ", the date ±" + EvidenceChecks.WINDOW_DAYS + " days)";
    } catch (java.time.format.DateTimeParseException e) {
      return "";
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
      return TerminalText.marked(s, "[", "]");
    }
    return base + TerminalText.marked(s, HIGHLIGHT, RESET + base) + RESET;
  }

  /** Report text on one line, control characters escaped ({@link TerminalText}). */
  private static String safe(String s) {
    return TerminalText.line(s);
  }

  /** A source: its title and {@code <url>}, the URL also a hyperlink when {@code links}. */
  private static String source(Link l, boolean colour, boolean links) {
    String url = "<" + safe(l.url()) + ">";
    if (links && linkable(l.url())) {
      // OSC 8: ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \ (the visible text stays the URL itself).
      url = "\u001b]8;;" + l.url() + "\u001b\\" + url + "\u001b]8;;\u001b\\";
    }
    return c(colour, CYAN, (l.title().isEmpty() ? "" : safe(l.title()) + " ") + url);
  }

  /** Only a plain http(s) URL of printable ASCII goes inside an escape sequence: nothing from a report can end it early. */
  static boolean linkable(String url) {
    if (url.length() > 2000 || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char ch = url.charAt(i);
      if (ch <= 0x20 || ch >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String c(boolean colour, String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
