package org.tpsearch.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A change point in one region's and sector's emission series, with the evidence the pipeline
 * collected for it. A point that could not be fully parsed is still a point: what could not be read
 * is empty and {@link #flags()} says why.
 *
 * @param id {@code {region}/{sector}/{YYYY-MM-DD}/{type}}, lower case, spaces as {@code -}
 * @param region the region
 * @param sector the sector
 * @param date the date, absent when it could not be read
 * @param dateAsWritten the date as written in the heading or file name
 * @param type the type as the pipeline writes it ({@code Event}), or as written when unknown
 * @param confidence the confidence 0..1, or {@code NaN} when absent or unreadable
 * @param status evidence status
 * @param evidence the cited policies and events
 * @param prose answer text that is not an item (intro and outro), Markdown removed
 * @param answer the answer verbatim
 * @param file the file the point was read from
 * @param line the 1-based line of its heading (or 1 for a per-point file)
 * @param flags short names of what could not be parsed or looked odd ({@code truncated}, ...)
 * @param analyzed the report's analysis time as written ({@code 分析时间: 2025-05-01 17:00:12}), empty
 *     when the file has none (a per-point answer)
 */
public record TurningPoint(
    String id,
    Region region,
    Sector sector,
    Optional<LocalDate> date,
    String dateAsWritten,
    String type,
    double confidence,
    EvidenceStatus status,
    List<EvidenceItem> evidence,
    String prose,
    String answer,
    Path file,
    int line,
    List<String> flags,
    String analyzed) {
  public TurningPoint {
    Objects.requireNonNull(analyzed, "analyzed");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(dateAsWritten, "dateAsWritten");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(prose, "prose");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(file, "file");
    if (!Double.isNaN(confidence) && (confidence < 0 || confidence > 1)) {
      throw new IllegalArgumentException("confidence must be in 0..1, got " + confidence);
    }
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    evidence = List.copyOf(evidence);
    flags = List.copyOf(flags);
  }

  /**
   * The stable id: {@code xinjiang/industry/2022-03-01/event}. A date that cannot be read is
   * written as it stands, folded the same way, so the id stays stable across re-indexing.
   */
  public static String idOf(Region region, Sector sector, String date, String type) {
    return String.join(
        "/",
        segment(region.slug()),
        segment(sector.slug()),
        segment(Slugs.slug(date.isBlank() ? "undated" : date)),
        segment(Slugs.slug(type.isBlank() ? "unknown" : type).toLowerCase(Locale.ROOT)));
  }

  /**
   * One id segment: a {@code /} (region {@code A/B}, type {@code Policy/Event}, date {@code 01/13/2022}),
   * a control or format character, or a line separator becomes {@code -}, so an id always has four
   * segments and prints as one line.
   */
  private static String segment(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int t = Character.getType(c);
      boolean bad = c == '/' || c == '\\' || t == Character.CONTROL || t == Character.FORMAT
          || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
      sb.append(bad ? '-' : c);
    }
    return sb.toString();
  }

  /** A point without an analysis time. */
  public TurningPoint(String id, Region region, Sector sector, Optional<LocalDate> date, String dateAsWritten,
      String type, double confidence, EvidenceStatus status, List<EvidenceItem> evidence, String prose, String answer,
      Path file, int line, List<String> flags) {
    this(id, region, sector, date, dateAsWritten, type, confidence, status, evidence, prose, answer, file, line, flags,
        "");
  }

  /** The same point with the report's analysis time. */
  public TurningPoint withAnalyzed(String time) {
    return new TurningPoint(id, region, sector, date, dateAsWritten, type, confidence, status, evidence, prose, answer,
        file, line, flags, time);
  }

  /** Whether the confidence was given and readable. */
  public boolean hasConfidence() {
    return !Double.isNaN(confidence);
  }
}
