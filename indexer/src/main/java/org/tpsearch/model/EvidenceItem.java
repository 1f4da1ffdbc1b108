package org.tpsearch.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One policy or event cited for a turning point.
 *
 * @param ordinal 1-based position among the point's items
 * @param title the item's name (事件名称, 政策名称, ...) or its first line when it has no label
 * @param time the time as written (发生时间 and its variants), empty when absent
 * @param year the year read from {@code time}, or 0 when it cannot be read
 * @param month the month (1..12) read from {@code time}, or 0 when it cannot be read
 * @param place 地点, empty when absent
 * @param agency 责任机构 / 发布机构, empty when absent
 * @param fields every labelled line, in order (the ones above included)
 * @param sources links and bare URLs, in order
 * @param text the item's whole text, Markdown markers removed
 * @param line the 1-based line where the item starts
 */
public record EvidenceItem(
    int ordinal,
    String title,
    String time,
    int year,
    int month,
    String place,
    String agency,
    List<Field> fields,
    List<Link> sources,
    String text,
    int line) {
  public EvidenceItem {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(text, "text");
    if (ordinal < 1) {
      throw new IllegalArgumentException("ordinal must be >= 1, got " + ordinal);
    }
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month must be 0..12, got " + month);
    }
    fields = List.copyOf(fields);
    sources = List.copyOf(sources);
  }

  /** The year, when the time could be read. */
  public OptionalInt yearIfKnown() {
    return year > 0 ? OptionalInt.of(year) : OptionalInt.empty();
  }
}
