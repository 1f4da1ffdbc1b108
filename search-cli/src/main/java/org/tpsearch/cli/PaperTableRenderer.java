package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchResult;

/**
 * The table of a series for a paper ({@code tpsearch table}): a Markdown pipe table whose keys are
 * pandoc citations ({@code [@key]}), or a LaTeX {@code booktabs} table whose keys are {@code \cite}s.
 */
final class PaperTableRenderer implements Renderer {
  /** The two dialects. */
  enum Dialect {
    MARKDOWN,
    LATEX
  }

  private final Dialect dialect;

  PaperTableRenderer(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public boolean supports(Kind kind) {
    return kind == Kind.TABLE;
  }

  @Override
  public void table(SeriesTable t, PrintWriter out) {
    String caption = "Turning points of " + t.region() + (t.regionZh().isEmpty() ? "" : " (" + t.regionZh() + ")") + " "
        + t.sector() + (t.sectorZh().isEmpty() ? "" : " (" + t.sectorZh() + ")");
    if (dialect == Dialect.MARKDOWN) {
      out.println("| Date | Type | Confidence | Status | Evidence | Cite |");
      out.println("|---|---|--:|---|---|---|");
      for (SeriesTable.Row r : t.rows()) {
        List<String> titles = r.evidence().stream().map(e -> md(e.title())).toList();
        List<String> keys = r.evidence().stream().map(e -> "@" + e.key()).toList();
        out.println("| " + md(r.date()) + " | " + md(r.type()) + " | " + confidence(r.confidence()) + " | "
            + md(r.status()) + " | " + String.join("; ", titles) + " | "
            + (keys.isEmpty() ? "" : "[" + String.join("; ", keys) + "]") + " |");
      }
      out.println();
      out.println(": " + md(caption));
    } else {
      out.println("% Needs \\usepackage{booktabs}; for the Chinese, XeLaTeX with \\usepackage{xeCJK} (or ctex).");
      out.println("\\begin{table}[htbp]");
      out.println("\\centering");
      out.println("\\caption{" + tex(caption) + "}");
      out.println("\\begin{tabular}{llrlp{0.45\\textwidth}}");
      out.println("\\toprule");
      out.println("Date & Type & Confidence & Status & Evidence \\\\");
      out.println("\\midrule");
      for (SeriesTable.Row r : t.rows()) {
        StringBuilder ev = new StringBuilder();
        for (SeriesTable.Entry e : r.evidence()) {
          ev.append(ev.isEmpty() ? "" : "; ").append(tex(e.title())).append("~\\cite{").append(e.key()).append('}');
        }
        out.println(tex(r.date()) + " & " + tex(r.type()) + " & " + confidence(r.confidence()) + " & " + tex(r.status())
            + " & " + ev + " \\\\");
      }
      out.println("\\bottomrule");
      out.println("\\end{tabular}");
      out.println("\\end{table}");
    }
  }

  /** A Markdown table cell: pipes and backslashes escaped, line breaks as spaces. */
  static String md(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '\\' -> sb.append("\\\\");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> {
          if (!Character.isISOControl(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** LaTeX text: {@code & % $ # _ { } ~ ^ \} escaped, line breaks as spaces. */
  static String tex(String s) {
    return org.tpsearch.cite.CitationWriter.tex(s);
  }

  private static String confidence(double c) {
    return Double.isNaN(c) ? "" : String.format(Locale.ROOT, "%.2f", c);
  }

  @Override
  public void search(SearchResult r, PrintWriter out) {
    throw cannotWrite(Kind.SEARCH);
  }

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    throw cannotWrite(Kind.POINT);
  }

  @Override
  public void facets(SearchResult r, PrintWriter out) {
    throw cannotWrite(Kind.FACETS);
  }

  @Override
  public void stats(IndexStats s, PrintWriter out) {
    throw cannotWrite(Kind.STATS);
  }

  @Override
  public void lint(Indexer.LintResult r, PrintWriter out) {
    throw cannotWrite(Kind.LINT);
  }
}
