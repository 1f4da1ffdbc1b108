package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.tpsearch.cite.Citation;
import org.tpsearch.cite.CitationWriter;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchResult;

/**
 * References, one per evidence item, of hits ({@code search}), of a point ({@code show}) or of the
 * items {@code cite} names: as BibTeX, CSL-JSON or RIS ({@link CitationWriter}), or formatted in a CSL
 * style ({@link CslProcessor}).
 */
final class CitationRenderer implements Renderer {
  private final CitationWriter writer;
  private final CslProcessor.Style style;

  /** References in {@code writer}'s format. */
  CitationRenderer(CitationWriter writer) {
    this.writer = writer;
    this.style = null;
  }

  /** References formatted in a CSL style. */
  CitationRenderer(CslProcessor.Style style) {
    this.writer = null;
    this.style = style;
  }

  @Override
  public boolean supports(Kind kind) {
    return kind == Kind.SEARCH || kind == Kind.POINT || kind == Kind.CITATIONS;
  }

  @Override
  public void search(SearchResult r, Points points, PrintWriter out) throws IOException {
    citations(Citations.of(r, points), out);
  }

  @Override
  public void search(SearchResult r, PrintWriter out) {
    // A hit holds only some fields of its items: the commands pass the points (above).
    throw cannotWrite(Kind.SEARCH);
  }

  @Override
  public void point(StoredPoint p, PrintWriter out) {
    citations(Citations.of(p, List.of()), out);
  }

  @Override
  public void citations(List<Citation> citations, PrintWriter out) {
    // A styled bibliography is text for a terminal: report text in it escaped as text output does it.
    out.print(style != null ? TerminalText.block(style.bibliography(citations)) : writer.write(citations));
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
