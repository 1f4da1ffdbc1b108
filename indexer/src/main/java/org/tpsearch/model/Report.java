package org.tpsearch.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One parsed input file: its turning points and what was wrong with it.
 *
 * @param file the file
 * @param kind combined report or per-point answer
 * @param region the region of its title (or file name)
 * @param sector the sector of its title (or file name)
 * @param encoding the charset the file was decoded with
 * @param declaredCount N of 共包含 N 个重要转折点, or -1 when absent
 * @param points the turning points, in file order
 * @param problems warnings with file and line
 */
public record Report(
    Path file,
    ReportKind kind,
    Region region,
    Sector sector,
    String encoding,
    int declaredCount,
    List<TurningPoint> points,
    List<Problem> problems) {
  public Report {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(encoding, "encoding");
    points = List.copyOf(points);
    problems = List.copyOf(problems);
  }
}
