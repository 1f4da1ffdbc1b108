package org.tpsearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;

/**
 * The sample corpus as the parser reads it, without Lucene: every turning point of
 * {@code sample-index/reports}, one per id (a combined report's copy wins over a per-point file, as
 * in the index). Tests count facets here to check the searcher's counts against something it did
 * not compute.
 */
public final class SampleCorpus {
  private static List<TurningPoint> points;

  private SampleCorpus() {}

  /** Every distinct turning point, in id order. */
  public static synchronized List<TurningPoint> points() {
    if (points == null) {
      try {
        Map<String, TurningPoint> byId = new TreeMap<>();
        List<CorpusScan.Found> files = CorpusScan.scan(List.of(Golden.sampleReports())).reports();
        for (ReportKind kind : List.of(ReportKind.COMBINED, ReportKind.PER_POINT)) {
          for (CorpusScan.Found f : files) {
            if (f.kind() == kind) {
              for (TurningPoint p : ReportParser.parse(f.path()).points()) {
                byId.putIfAbsent(p.id(), p);
              }
            }
          }
        }
        points = List.copyOf(byId.values());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return points;
  }

  /** The points that pass {@code filter}. */
  public static List<TurningPoint> where(Predicate<TurningPoint> filter) {
    return new ArrayList<>(points().stream().filter(filter).toList());
  }

  /** How many of {@code of} have each value of {@code key}, values in first-seen order. */
  public static Map<String, Long> count(List<TurningPoint> of, Function<TurningPoint, String> key) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (TurningPoint p : of) {
      out.merge(key.apply(p), 1L, Long::sum);
    }
    return out;
  }

  /** The year facet value of a point, written out here rather than taken from the indexer. */
  public static String year(TurningPoint p) {
    return p.date().map(d -> Integer.toString(d.getYear())).orElse("unknown");
  }

  /** The confidence bucket of a point, written out here rather than taken from the indexer. */
  public static String confidenceBucket(TurningPoint p) {
    double c = p.confidence();
    if (Double.isNaN(c)) {
      return "unknown";
    }
    long h = Math.round(c * 100);
    return h < 60 ? "<0.60" : h < 70 ? "0.60-0.69" : h < 80 ? "0.70-0.79" : h < 90 ? "0.80-0.89" : "0.90-1.00";
  }

  /**
   * The source-domain facet value of a URL, written out here rather than taken from the indexer:
   * the host without {@code www.}; every government site is gov.cn; a .com.cn site keeps its name.
   */
  public static String sourceDomain(String url) {
    String host = java.net.URI.create(url.strip()).getHost().toLowerCase(java.util.Locale.ROOT);
    if (host.equals("gov.cn") || host.endsWith(".gov.cn")) {
      return "gov.cn";
    }
    String[] l = host.split("\\.");
    int keep = host.endsWith(".com.cn") ? 3 : 2;
    return String.join(".", java.util.Arrays.copyOfRange(l, l.length - keep, l.length));
  }
}
