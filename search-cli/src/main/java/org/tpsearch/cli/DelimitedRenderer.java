package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tpsearch.cite.Citation;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.Link;
import org.tpsearch.search.SearchResult;

/**
 * Tables for spreadsheets: CSV (RFC 4180: fields with a comma, quote or line break in double quotes,
 * quotes doubled, lines ending CRLF) or TSV (tabs and line breaks inside a value become spaces). UTF-8,
 * with a byte-order mark on request. A text cell that starts with {@code = + - @}, a tab or a carriage
 * return gets a leading {@code '}, as OWASP advises against CSV formula injection: a spreadsheet shows
 * it as text instead of running it. Control characters are escaped ({@code \x1b}), as in text output.
 */
final class DelimitedRenderer implements Renderer {
  /** The two dialects. */
  enum Dialect {
    CSV(",", "\r\n"),
    TSV("\t", "\n");

    final String separator;
    final String newline;

    Dialect(String separator, String newline) {
      this.separator = separator;
      this.newline = newline;
    }
  }

  private final Dialect dialect;
  private final boolean bom;
  private final boolean perItem;

  DelimitedRenderer(Dialect dialect, boolean bom, boolean perItem) {
    this.dialect = dialect;
    this.bom = bom;
    this.perItem = perItem;
  }

  @Override
  public boolean supports(Kind kind) {
    return kind == Kind.SEARCH || kind == Kind.POINT || kind == Kind.FACETS || kind == Kind.TABLE;
  }

  /** The columns of a point, first in every row that describes one. */
  private static final List<String> POINT_COLUMNS = List.of("id", "region", "region_zh", "sector", "sector_zh", "date",
      "type", "confidence", "status");

  /** The columns of an evidence item. */
  private static final List<String> ITEM_COLUMNS = List.of("item", "key", "title", "time", "dates", "window", "agency",
      "url");

  @Override
  public void search(SearchResult r, PrintWriter out) {
    start(out);
    List<String> header = new ArrayList<>(POINT_COLUMNS);
    if (perItem) {
      header.addAll(ITEM_COLUMNS);
    } else {
      header.addAll(List.of("score", "match", "evidence", "file", "line"));
    }
    row(out, header);
    for (SearchResult.Hit h : r.hits()) {
      List<String> point = List.of(h.id(), h.region(), h.regionZh(), h.sector(), h.sectorZh(), h.date(), h.type(),
          confidence(h.confidence()), h.status());
      if (perItem) {
        for (SearchResult.EvidenceHit e : h.evidence()) {
          List<String> cells = new ArrayList<>(point);
          cells.addAll(List.of(Integer.toString(e.ordinal()), Citation.key(h.id(), e.ordinal()), e.title().text(),
              e.time(), dates(e.check()), e.check().window().label(), field(e.fields(), "agency"), firstUrl(e.sources())));
          row(out, cells);
        }
      } else {
        List<String> cells = new ArrayList<>(point);
        List<String> titles = h.evidence().stream().map(e -> e.title().text()).toList();
        cells.addAll(List.of(String.format(Locale.ROOT, "%.4f", h.score()), h.tier().all() ? "all" : "partial",
            String.join(" | ", titles), h.file(), Integer.toString(h.line())));
        row(out, cells);
      }
    }
  }

  /**
   * The duplicates of an item, as {@code show} writes them in text and JSON: the items of other
   * points citing the same document ({@code id#N}, space-separated), and those of the same event by
   * content ({@code id#N (why · why)}, separated by {@code |}).
   */
  private static final List<String> DUPLICATE_COLUMNS = List.of("also_cited_under", "same_event_under");

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    start(out);
    List<String> header = new ArrayList<>(POINT_COLUMNS);
    header.addAll(ITEM_COLUMNS);
    header.addAll(DUPLICATE_COLUMNS);
    row(out, header);
    List<String> point = List.of(p.id(), p.region(), p.regionZh(), p.sector(), p.sectorZh(), p.date(), p.type(),
        confidence(p.confidence()), p.status());
    for (StoredPoint.Item it : p.items()) {
      List<String> cells = new ArrayList<>(point);
      cells.addAll(List.of(Integer.toString(it.ordinal()), Citation.key(p.id(), it.ordinal()), it.title(), it.time(),
          dates(it.check()), it.check().window().label(), it.field("agency").orElse(""), firstUrl(it.sources())));
      cells.add(String.join(" ", it.alsoCitedUnder()));
      cells.add(String.join(" | ", it.sameEventUnder().stream()
          .map(r -> r.ref() + " (" + String.join(" · ", r.why()) + ")").toList()));
      row(out, cells);
    }
  }

  @Override
  public void facets(SearchResult r, PrintWriter out) {
    start(out);
    row(out, List.of("dimension", "value", "count"));
    if (r.facets() != null) {
      for (Map.Entry<String, List<SearchResult.FacetCount>> e : r.facets().entrySet()) {
        for (SearchResult.FacetCount c : e.getValue()) {
          row(out, List.of(e.getKey(), c.value(), Long.toString(c.count())));
        }
      }
    }
  }

  @Override
  public void table(SeriesTable t, PrintWriter out) {
    start(out);
    row(out, List.of("id", "date", "type", "confidence", "status", "evidence", "keys", "out_of_window"));
    for (SeriesTable.Row row : t.rows()) {
      row(out, List.of(row.id(), row.date(), row.type(), confidence(row.confidence()), row.status(),
          String.join(" | ", row.evidence().stream().map(SeriesTable.Entry::title).toList()),
          String.join(" ", row.evidence().stream().map(SeriesTable.Entry::key).toList()),
          Integer.toString(row.outOfWindow())));
    }
  }

  @Override
  public void stats(IndexStats s, PrintWriter out) {
    throw cannotWrite(Kind.STATS);
  }

  @Override
  public void lint(Indexer.LintResult r, PrintWriter out) {
    throw cannotWrite(Kind.LINT);
  }

  private void start(PrintWriter out) {
    if (bom) {
      out.print('\uFEFF');
    }
  }

  private void row(PrintWriter out, List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(dialect.separator);
      }
      sb.append(cell(cells.get(i), dialect));
    }
    out.print(sb.append(dialect.newline));
  }

  /** One cell, made safe for a spreadsheet and quoted as the dialect needs. */
  static String cell(String value, Dialect dialect) {
    // Control characters from a report (ESC, BEL, C1, bidi overrides) shown escaped as text shows
    // them, never raw: a CSV printed on a terminal could otherwise recolour or retitle it.
    // (A line break, CRLF or LF, and a tab stay: the dialect quotes or flattens them below.)
    String v = value == null ? "" : String.join("\r\n",
        java.util.Arrays.stream(value.split("\r\n", -1)).map(TerminalText::block).toList());
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (dialect == Dialect.TSV) {
      return v.replace("\r\n", " ").replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** The days the time field was read as ({@code 2022-03}, {@code 2021-12..2022-03}), empty when undated. */
  private static String dates(org.tpsearch.index.EvidenceChecks.Check check) {
    return check.dates().map(org.tpsearch.model.DateRange::label).orElse("");
  }

  private static String confidence(double c) {
    return Double.isNaN(c) ? "" : String.format(Locale.ROOT, "%.2f", c);
  }

  private static String field(List<StoredPoint.Labelled> fields, String key) {
    return fields.stream().filter(f -> f.key().equals(key)).map(StoredPoint.Labelled::value).findFirst().orElse("");
  }

  private static String firstUrl(List<Link> links) {
    return links.isEmpty() ? "" : links.get(0).url();
  }
}
