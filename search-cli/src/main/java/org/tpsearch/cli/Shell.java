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
import org.tpsearch.search.Searcher;
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
      "  :N          drill down into facet value N (filters stick until :clear)",
      "  :filters    show the sticky filters       :clear   drop them",
      "  :show ID    one turning point in full     (or: show ID)",
      "  :help       this help                     :quit    leave (or Ctrl-D)");

  private static final int FACETS_PER_DIM = 6;

  private final Searcher searcher;
  private final Context context;
  private final PrintWriter out;
  private final Map<String, List<String>> sticky = new LinkedHashMap<>();
  private final List<String[]> numbered = new ArrayList<>();

  Shell(Searcher searcher, Context context, PrintWriter out) {
    this.searcher = searcher;
    this.context = context;
    this.out = out;
  }

  /** Runs until end of input or :quit. */
  void run(Lines lines) throws IOException {
    out.println("tpsearch shell — " + searcher.index().description() + ". :help for help, :quit to leave.");
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
    try {
      if (line.equals(":q") || line.equals(":quit") || line.equals("quit") || line.equals("exit")) {
        return false;
      } else if (line.equals(":help") || line.equals("help") || line.equals("?")) {
        out.println(HELP);
      } else if (line.equals(":clear")) {
        sticky.clear();
        out.println("filters cleared");
      } else if (line.equals(":filters")) {
        out.println(sticky.isEmpty() ? "no filters" : "filters: " + sticky);
      } else if (line.startsWith(":show ") || line.startsWith("show ")) {
        show(line.substring(line.indexOf(' ') + 1).strip());
      } else if (line.matches(":\\d+")) {
        drill(Integer.parseInt(line.substring(1)));
      } else {
        search(line);
      }
    } catch (CommandLine.ParameterException e) {
      out.println("tpsearch: " + e.getMessage());
    } catch (QueryException e) {
      out.println("tpsearch: bad query: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      out.println("tpsearch: " + e.getMessage());
    }
    return true;
  }

  private void show(String id) throws IOException {
    StoredPoint p = searcher.show(id);
    if (p == null) {
      out.println("tpsearch: no turning point '" + id + "'");
    } else {
      Renderers.text(p, out, context.colour());
    }
  }

  private void drill(int n) throws IOException, QueryException {
    if (n < 1 || n > numbered.size()) {
      out.println("tpsearch: no facet value " + n + (numbered.isEmpty() ? " (search first)" : " (1.." + numbered.size() + ")"));
      return;
    }
    String[] pick = numbered.get(n - 1);
    sticky.computeIfAbsent(pick[0], k -> new ArrayList<>()).add(pick[1]);
    out.println("filter: " + pick[0] + " = " + pick[1]);
    if (last != null) {
      search(last);
    }
  }

  private String last;

  private void search(String line) throws IOException, QueryException {
    SearchRequest r = SearchCommand.requestFrom(line);
    List<String> regions = merge(r.regions(), Schema.DIM_REGION);
    List<String> sectors = merge(r.sectors(), Schema.DIM_SECTOR);
    List<String> types = merge(r.types(), Schema.DIM_TYPE);
    List<String> statuses = merge(r.statuses(), Schema.DIM_STATUS);
    int yearFrom = r.yearFrom();
    int yearTo = r.yearTo();
    List<String> years = sticky.getOrDefault(Schema.DIM_YEAR, List.of());
    if (yearFrom == 0 && yearTo == 0 && years.size() == 1 && years.get(0).matches("\\d{4}")) {
      yearFrom = yearTo = Integer.parseInt(years.get(0));
    }
    SearchRequest full = new SearchRequest(r.query(), regions, sectors, types, statuses, yearFrom, yearTo,
        r.minConfidence(), r.limit(), r.sort(), true, r.expand(), r.explain());
    long start = System.nanoTime();
    SearchResult result = searcher.search(full);
    double ms = (System.nanoTime() - start) / 1e6;
    last = line;
    SearchResult shown = new SearchResult(result.query(), result.index(), result.total(), result.partial(),
        result.hits(), null, result.explain());
    Renderers.text(shown, out, context.colour());
    numbered.clear();
    out.println();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<SearchResult.FacetCount>> e : result.facets().entrySet()) {
      sb.setLength(0);
      int k = 0;
      for (SearchResult.FacetCount fc : e.getValue()) {
        if (k++ == FACETS_PER_DIM) {
          break;
        }
        numbered.add(new String[] {e.getKey(), fc.value()});
        sb.append("  :").append(numbered.size()).append(' ').append(fc.value()).append(" (").append(fc.count()).append(')');
      }
      if (!sb.isEmpty()) {
        out.println(String.format(java.util.Locale.ROOT, "%-11s", e.getKey() + ":") + sb);
      }
    }
    out.println(String.format(java.util.Locale.ROOT, "(%.1f ms%s)", ms, sticky.isEmpty() ? "" : "; filters " + sticky));
  }

  private List<String> merge(List<String> given, String dim) {
    List<String> out = new ArrayList<>(given);
    out.addAll(sticky.getOrDefault(dim, List.of()));
    return out;
  }
}
