package org.tpsearch.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The days an evidence item's time covers, both ends included: 2022年3月 is 2022-03-01..2022-03-31,
 * 2022年全年 is 2022-01-01..2022-12-31, 2020-02-17 is that day alone.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {
  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date range ends before it starts: " + from + ".." + to);
    }
  }

  /** Whether this range and {@code from..to} share at least one day. */
  public boolean overlaps(LocalDate from, LocalDate to) {
    return !this.to.isBefore(from) && !this.from.isAfter(to);
  }

  /** The smallest range holding both. */
  public DateRange span(DateRange o) {
    return new DateRange(from.isBefore(o.from) ? from : o.from, to.isAfter(o.to) ? to : o.to);
  }

  /**
   * The range as few characters say it: {@code 2022-03-01} (a day), {@code 2022-03} (a whole month),
   * {@code 2022} (a whole year), {@code 2021-12..2022-03}, {@code 2020-02-15..2020-02-17}.
   */
  public String label() {
    if (from.equals(to)) {
      return from.toString();
    }
    boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    boolean wholeYears = wholeMonths && from.getMonthValue() == 1 && to.getMonthValue() == 12;
    if (wholeYears) {
      return from.getYear() == to.getYear() ? Integer.toString(from.getYear()) : from.getYear() + ".." + to.getYear();
    }
    if (wholeMonths) {
      String a = from.toString().substring(0, 7);
      String b = to.toString().substring(0, 7);
      return a.equals(b) ? a : a + ".." + b;
    }
    return from + ".." + to;
  }

  /** ISO 8601 interval notation, {@code 2022-03-01/2022-03-31}: how the index stores a range. */
  public String iso() {
    return from + "/" + to;
  }

  /** A range written by {@link #iso()}; empty for anything else (an index without ranges stores ""). */
  public static Optional<DateRange> ofIso(String s) {
    int slash = s == null ? -1 : s.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    try {
      LocalDate a = isoDate(s, 0, slash);
      LocalDate b = isoDate(s, slash + 1, s.length());
      return b.isBefore(a) ? Optional.empty() : Optional.of(new DateRange(a, b));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code LocalDate.parse} of {@code s[from, to)}: YYYY-MM-DD read digit by digit (each search hit
   * reads its items' ranges; the formatter cost a few percent of a warm query), anything else
   * through the formatter.
   */
  private static LocalDate isoDate(String s, int from, int to) {
    if (to - from == 10 && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-') {
      int y = digits(s, from, from + 4);
      int m = digits(s, from + 5, from + 7);
      int d = digits(s, from + 8, from + 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d);
      }
    }
    return LocalDate.parse(s.substring(from, to));
  }

  /** The ASCII digits {@code s[from, to)} as a number, or -1 when one is not a digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
