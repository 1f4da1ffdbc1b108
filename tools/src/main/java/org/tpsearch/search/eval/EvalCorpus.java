package org.tpsearch.search.eval;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;

/**
 * The turning points of a results folder with their searchable text, for the baselines: the
 * reports are read with the indexer's scan and parser, and one point is kept per id the way the
 * indexer keeps it (a combined report wins over a per-point file, then path order; an identical
 * copy counts once).
 *
 * @param root the folder read
 * @param reportFiles report files read
 * @param points the points, in scan order
 */
public record EvalCorpus(Path root, int reportFiles, List<Point> points) {
  /** The relative location of the sample reports in a source checkout. */
  public static final Path SAMPLE_REPORTS = Path.of("sample-index", "reports");

  /**
   * One turning point and its searchable text.
   *
   * @param id the turning-point id
   * @param parts the texts tpsearch indexes for it, one per indexed value: per evidence item its
   *     title, its text and its sources' titles and URLs, then the prose, then the region and
   *     sector names, type and date (the {@code meta} field)
   */
  public record Point(String id, List<String> parts) {
    public Point {
      parts = List.copyOf(parts);
    }

    /** All parts, one a line. */
    public String text() {
      return String.join("\n", parts);
    }
  }

  public EvalCorpus {
    points = List.copyOf(points);
  }

  /** Reads every report under {@code root}. */
  public static EvalCorpus load(Path root) throws IOException {
    CorpusScan.Result scan = CorpusScan.scan(List.of(root));
    // Same rule as Indexer.plan: group by id in scan order; the first combined copy wins, else the first.
    Map<String, List<TurningPoint>> byId = new LinkedHashMap<>();
    Map<TurningPoint, ReportKind> kinds = new IdentityHashMap<>();
    for (CorpusScan.Found f : scan.reports()) {
      Report r = ReportParser.parse(f.path());
      for (TurningPoint p : r.points()) {
        byId.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p);
        kinds.put(p, f.kind());
      }
    }
    List<Point> points = new ArrayList<>();
    for (Map.Entry<String, List<TurningPoint>> e : byId.entrySet()) {
      List<TurningPoint> copies = e.getValue();
      TurningPoint win = copies.stream().filter(p -> kinds.get(p) == ReportKind.COMBINED).findFirst()
          .orElse(copies.get(0));
      points.add(new Point(e.getKey(), partsOf(win)));
    }
    return new EvalCorpus(root, scan.reports().size(), points);
  }

  /** The values PointDocuments indexes in title, body, sources and meta, in that document's order. */
  static List<String> partsOf(TurningPoint p) {
    List<String> parts = new ArrayList<>();
    for (EvidenceItem e : p.evidence()) {
      parts.add(e.title());
      parts.add(e.text());
      List<String> src = new ArrayList<>();
      for (Link l : e.sources()) {
        src.add(l.title() + " " + l.url());
      }
      parts.add(String.join("\n", src));
    }
    parts.add(p.prose());
    List<String> meta = new ArrayList<>(p.region().allNames());
    meta.addAll(p.sector().allNames());
    meta.add(p.type());
    p.date().ifPresent(d -> meta.add(d.toString()));
    parts.add(String.join("\n", meta));
    parts.removeIf(String::isEmpty);
    return parts;
  }

  /**
   * The sample reports of a source checkout: {@code sample-index/reports} in the working folder or
   * one of its parents, else near where this class was loaded from (the build's or the
   * distribution's folder inside the checkout).
   *
   * @throws IOException when there is none
   */
  public static Path locateSampleReports() throws IOException {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      var cs = EvalCorpus.class.getProtectionDomain().getCodeSource();
      if (cs != null) {
        starts.add(Path.of(cs.getLocation().toURI()).toAbsolutePath());
      }
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      // Not a file location: only the working folder is searched.
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(SAMPLE_REPORTS);
        if (Files.isDirectory(candidate)) {
          return candidate.normalize();
        }
      }
    }
    throw new IOException("cannot find the sample reports (" + SAMPLE_REPORTS
        + ") in this folder or its parents; pass --reports DIR");
  }
}
