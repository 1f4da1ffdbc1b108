import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the cost curve that tools/bench/cost-curve.sh measured: one SVG of four panels against the
 * number of turning points (log-log), each series normalised to its 1x value so that a line
 * steeper than the grey "linear" line grows faster than the corpus. No dependencies:
 *
 * <pre>java tools/bench/PlotCurve.java cost-curve.tsv cost-curve.svg</pre>
 */
public final class PlotCurve {
  private record Series(String column, String label, String colour) {}

  private record Panel(String title, String unit, List<Series> series) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("Indexing", "s / MB", List.of(
          new Series("index_s", "index time (s)", "#1f77b4"),
          new Series("index_cpu_s", "index CPU (s)", "#aec7e8"),
          new Series("index_mb", "index size (MB)", "#ff7f0e"))),
      new Panel("Peak memory of tpsearch index", "MB", List.of(
          new Series("peak_rss_mb", "peak RSS (MB)", "#2ca02c"),
          new Series("peak_heap_mb", "peak heap (MB)", "#98df8a"))),
      new Panel("A search from the shell", "ms", List.of(
          new Series("cold_ms", "cold tpsearch search (ms)", "#d62728"),
          new Series("daemon_ms", "through the daemon (ms)", "#9467bd"),
          new Series("rg_ms", "rg over the files (ms)", "#7f7f7f"))),
      new Panel("Warm queries (tpsearch bench)", "ms", List.of(
          new Series("warm_p50_ms", "p50 (ms)", "#17becf"),
          new Series("warm_p99_ms", "p99 (ms)", "#8c564b"))));

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java PlotCurve.java RESULTS.tsv OUT.svg");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t"));
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      if (!l.isBlank()) {
        rows.add(l.split("\t", -1));
      }
    }
    rows.sort((a, b) -> Double.compare(num(a[header.indexOf("points")]), num(b[header.indexOf("points")])));
    double[] points = rows.stream().mapToDouble(r -> num(r[header.indexOf("points")])).toArray();

    int w = 460;
    int h = 330;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
        2 * w, 2 * h + 30));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" text-anchor=\"middle\">tpsearch cost curve: "
        + "values at 1x, 3x and 10x of the benchmark corpus (log-log; grey: linear in the corpus)</text>%n", w));
    for (int p = 0; p < PANELS.size(); p++) {
      panel(svg, PANELS.get(p), header, rows, points, (p % 2) * w, 30 + (p / 2) * h, w, h);
    }
    svg.append("</svg>\n");
    Files.writeString(Path.of(args[1]), svg.toString(), StandardCharsets.UTF_8);
  }

  private static void panel(StringBuilder svg, Panel panel, List<String> header, List<String[]> rows, double[] points,
      int x0, int y0, int w, int h) {
    int left = x0 + 55;
    int right = x0 + w - 15;
    int top = y0 + 30;
    int bottom = y0 + h - 95;
    // Every value of the panel fixes the y range (log scale), with a margin.
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (Series s : panel.series()) {
      int c = header.indexOf(s.column());
      for (String[] r : rows) {
        double v = c < 0 ? Double.NaN : num(r[c]);
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi == 0) {
      lo = 1;
      hi = 10;
    }
    double yLo = Math.log10(lo) - 0.15;
    double yHi = Math.max(Math.log10(hi) + 0.15, Math.log10(lo) + 1.3); // room for the linear guide
    double xLo = Math.log10(points[0]) - 0.1;
    double xHi = Math.log10(points[points.length - 1]) + 0.1;
    java.util.function.DoubleUnaryOperator px = v -> left + (Math.log10(v) - xLo) / (xHi - xLo) * (right - left);
    java.util.function.DoubleUnaryOperator py = v -> bottom - (Math.log10(v) - yLo) / (yHi - yLo) * (bottom - top);
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
        left, y0 + 18, panel.title()));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
        left, top, right - left, bottom - top));
    // Y ticks at 1-2-5 steps.
    for (int e = (int) Math.floor(yLo); e <= Math.ceil(yHi); e++) {
      for (int m : new int[] {1, 2, 5}) {
        double v = m * Math.pow(10, e);
        double lv = Math.log10(v);
        if (lv < yLo || lv > yHi) {
          continue;
        }
        double y = py.applyAsDouble(v);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n", left, right, y, y));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 4, y + 4, fmt(v)));
      }
    }
    // X ticks at each measured corpus.
    for (double p : points) {
      double x = px.applyAsDouble(p);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", x, x, top, bottom));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, bottom + 14,
          String.format(Locale.ROOT, "%,.0f", p)));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">turning points</text>%n",
        (left + right) / 2, bottom + 28));
    int legend = bottom + 44;
    for (Series s : panel.series()) {
      int c = header.indexOf(s.column());
      StringBuilder path = new StringBuilder();
      double first = Double.NaN;
      double firstPoints = Double.NaN;
      int drawn = 0;
      for (int i = 0; i < rows.size(); i++) {
        double v = c < 0 ? Double.NaN : num(rows.get(i)[c]);
        if (!(v > 0)) {
          continue;
        }
        if (Double.isNaN(first)) {
          first = v;
          firstPoints = points[i];
        }
        double x = px.applyAsDouble(points[i]);
        double y = py.applyAsDouble(v);
        path.append(drawn == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, s.colour()));
        drawn++;
      }
      String note = "";
      if (drawn > 1) {
        svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, s.colour()));
        // The linear guide from this series' first point: what "grows like the corpus" would be.
        double lastPoints = points[points.length - 1];
        double linear = first * lastPoints / firstPoints;
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>%n",
            px.applyAsDouble(firstPoints), py.applyAsDouble(first), px.applyAsDouble(lastPoints),
            Math.max(top, py.applyAsDouble(linear))));
      } else if (drawn == 0) {
        note = " — not measured";
      }
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>%n", left, legend - 9, s.colour()));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s%s</text>%n", left + 14, legend, s.label(), note));
      legend += 14;
    }
  }

  private static double num(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String fmt(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }
}
