package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine;

/**
 * The interactive loop of {@code tpsearch shell}: each line is a search with the options of
 * {@code search}; facets are numbered so {@code :N} drills down; filters chosen that way stick
 * until {@code :clear}. The index stays open, so every query after the first is warm.
 */
final class Shell {
  /** Where lines come from: JLine on a terminal, a plain reader otherwise. */
  interface Lines {
    /** The next line, or null at end of input. */
    String read(String prompt) throws IOException;
  }

  static final String HELP = String.join("\n",
      "Type a query with any 'search' options, e.g.  绿色电力 交易 --sector Industry --year 2021..2023",
      "  :N          drill down into facet value N (filters stick until :clear; two values of a dimension: either)",
      "  :filters    show the sticky filters       :clear   drop them all",
      "  :drop X     drop one sticky filter: a value (:drop Xinjiang) or a dimension (:drop year)",
      "  :show ID    one turning point in full     (or: show ID)",
      "  :help       this help                     :quit    leave (or Ctrl-D)");

  private static final int FACETS_PER_DIM = 6;

  private final SearchBackend engine;
  /** The engine as the line being handled sees it (one reader per line, the newest when it began). */
  private SearchBackend searcher;
  private final Context context;
  private final PrintWriter out;
  private final Map<String, List<String>> sticky = new LinkedHashMap<>();
  private final List<String[]> numbered = new ArrayList<>();

  Shell(SearchBackend searcher, Context context, PrintWriter out) {
    this.engine = searcher;
    this.searcher = searcher;
    this.context = context;
    this.out = out;
  }

  /** Runs until end of input or :quit. */
  void run(Lines lines) throws IOException {
    out.println("tpsearch shell — " + searcher.description() + ". :help for help, :quit to leave.");
    out.flush();
    for (String line = lines.read("tpsearch> "); line != null; line = lines.read("tpsearch> ")) {
      if (!handle(line.strip())) {
        break;
      }
      out.flush();
    }
    out.flush();
  }

  /** Handles one line; false when the user asked to leave. */
  boolean handle(String line) {
    if (line.isEmpty()) {
      return true;
    }
    if (line.equals(":q") || line.equals(":quit") || line.equals("quit") || line.equals("exit")) {
      return false;
    }
    try {
      searcher = engine.acquire();
    } catch (IOException e) {
      out.println("tpsearch: " + TerminalText.line(e.getMessage()));
      return true;
    }
    try {
      if (line.equals(":help") || line.equals("help") || line.equals("?")) {
        out.println(HELP);
      } else if (line.equals(":clear")) {
        sticky.clear();
        out.println("filters cleared");
      } else if (line.equals(":filters")) {
        out.println(describeFilters());
      } else if (line.startsWith(":drop ")) {
        drop(line.substring(":drop ".length()).strip());
      } else if (line.startsWith(":show ") || line.startsWith("show ")) {
        show(line.substring(line.indexOf(' ') + 1).strip());
      } else if (line.matches(":\\d{1,9}")) {
        drill(Integer.parseInt(line.substring(1)));
      } else {
        search(line);
      }
    } catch (CommandLine.ParameterException e) {
      out.println("tpsearch: " + TerminalText.line(e.getMessage()));
    } catch (QueryException e) {
      out.println("tpsearch: bad query: " + TerminalText.line(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      out.println("tpsearch: " + TerminalText.line(e.getMessage()));
    } finally {
      release();
    }
    return true;
  }

  private void release() {
    try {
      engine.release(searcher);
    } catch (IOException e) {
      out.println("tpsearch: " + TerminalText.line(e.getMessage()));
    }
    searcher = engine;
  }

  /** The sticky filters, one dimension a part: {@code filters: region = Xinjiang; year = 2021 or 2022}. */
  private String describeFilters() {
    if (sticky.isEmpty()) {
      return "no filters";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : sticky.entrySet()) {
      parts.add(e.getKey() + " = " + String.join(" or ", e.getValue()));
    }
    // Values come from the reports (facet labels) or the user: no control character reaches the terminal.
    return "filters: " + TerminalText.line(String.join("; ", parts));
  }

  private void drop(String what) throws IOException, QueryException {
    boolean dropped = sticky.remove(what) != null;
    if (!dropped) {
      for (java.util.Iterator<Map.Entry<String, List<String>>> it = sticky.entrySet().iterator(); it.hasNext();) {
        Map.Entry<String, List<String>> e = it.next();
        dropped |= e.getValue().removeIf(v -> v.equalsIgnoreCase(what));
        if (e.getValue().isEmpty()) {
          it.remove();
        }
      }
    }
    if (!dropped) {
      out.println("tpsearch: no sticky filter '" + TerminalText.line(what) + "'; " + describeFilters());
      return;
    }
    out.println("dropped " + TerminalText.line(what) + "; " + describeFilters());
    if (last != null) {
      search(last);
    }
  }

  private void show(String id) throws IOException {
    StoredPoint p = searcher.show(id);
    if (p == null) {
      out.println("tpsearch: no turning point '" + TerminalText.line(id) + "'");
    } else {
      new TextRenderer(context.colour(), context.hyperlinks()).point(p, out);
    }
  }

  private void drill(int n) throws IOException, QueryException {
    if (n < 1 || n > numbered.size()) {
      out.println("tpsearch: no facet value " + n + (numbered.isEmpty() ? " (search first)" : " (1.." + numbered.size() + ")"));
      return;
    }
    String[] pick = numbered.get(n - 1);
    List<String> values = sticky.computeIfAbsent(pick[0], k -> new ArrayList<>());
    if (!values.contains(pick[1])) {
      values.add(pick[1]);
    }
    out.println("filter: " + pick[0] + " = " + TerminalText.line(String.join(" or ", values)));
    if (last != null) {
      search(last);
    }
  }

  private String last;

  private void search(String line) throws IOException, QueryException {
    SearchCommand.Line parsed = SearchCommand.lineFrom(line, context);
    SearchRequest r = parsed.request();
    // The line's own filters and the sticky ones: values of one dimension are OR'ed.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String dim : Schema.DIMS) {
      List<String> values = new ArrayList<>(r.filter(dim));
      for (String v : sticky.getOrDefault(dim, List.of())) {
        if (!values.contains(v)) {
          values.add(v);
        }
      }
      filters.put(dim, values);
    }
    SearchRequest full = new SearchRequest(r.query(), filters, r.minConfidence(), r.limit(), r.sort(), true,
        r.expand(), r.explain());
    long start = System.nanoTime();
    SearchResult result = searcher.search(full);
    double ms = (System.nanoTime() - start) / 1e6;
    last = line;
    numbered.clear();
    List<String> facetLines = new ArrayList<>();
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : result.facets().entrySet()) {
      StringBuilder sb = new StringBuilder();
      int k = 0;
      for (SearchResult.FacetCount fc : e.getValue()) {
        if (k++ == FACETS_PER_DIM) {
          break;
        }
        numbered.add(new String[] {e.getKey(), fc.value()});
        sb.append("  :").append(numbered.size()).append(' ').append(TerminalText.line(fc.value())).append(" (").append(fc.count()).append(')');
      }
      if (!sb.isEmpty()) {
        facetLines.add(TextRenderer.dimensionLabel(e.getKey()) + sb);
      }
    }
    if (parsed.format() != FormatOption.Format.text) {
      // For scripts: the answer alone, as 'search' prints it (facets numbered in the same order).
      Renderer renderer = FormatOption.of(parsed.format(), false);
      if (!renderer.supports(Renderer.Kind.SEARCH)) {
        out.println("--format " + parsed.format() + " cannot write " + Renderer.Kind.SEARCH.what);
        return;
      }
      renderer.search(parsed.request().facets() ? result : withoutFacets(result), searcher::show, out);
      return;
    }
    // The hint 'search' writes on stderr when a word of the query is in no report in any form,
    // before the answer as there; the shell writes its messages (errors too) where it prompts.
    String hint = SearchCommand.absentHint(result);
    if (hint != null) {
      out.println(hint);
    }
    new TextRenderer(context.colour(), context.hyperlinks()).search(withoutFacets(result), out);
    out.println();
    facetLines.forEach(out::println);
    out.println(String.format(java.util.Locale.ROOT, "(%.1f ms%s)", ms,
        sticky.isEmpty() ? "" : "; " + describeFilters()));
  }

  private static SearchResult withoutFacets(SearchResult r) {
    return new SearchResult(r.query(), r.index(), r.total(), r.partial(), r.partialTotal(), r.words(), r.hits(), null,
        r.explain(), null, r.absent());
  }

  /** Completes a shell line: the commands, search options, and region and sector names. */
  static org.jline.reader.Completer completer() {
    List<String> words = new ArrayList<>(List.of(":help", ":filters", ":clear", ":drop", ":show", ":quit"));
    words.addAll(SearchCommand.optionNames());
    for (org.tpsearch.model.Region region : org.tpsearch.model.Regions.ALL) {
      words.add(region.name());
      words.add(region.zh());
    }
    for (org.tpsearch.model.Sector sector : org.tpsearch.model.Sectors.ALL) {
      words.add(sector.name());
      words.add(sector.zh());
    }
    return new org.jline.reader.impl.completer.StringsCompleter(words.stream().filter(w -> !w.isEmpty()).distinct().toList());
  }
}
