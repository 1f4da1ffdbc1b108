package org.tpsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stored ranges ({@code from/to}, ISO dates) read back as the ISO formatter reads them, invalid ones not at all. */
class DateRangeIsoTest {
  @Test
  void readsWhatTheFormatterReadsAndNothingElse() {
    assertEquals(Optional.of(new DateRange(LocalDate.of(2020, 2, 29), LocalDate.of(2020, 3, 31))),
        DateRange.ofIso("2020-02-29/2020-03-31"));
    assertEquals(Optional.of(new DateRange(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 7, 1))),
        DateRange.ofIso("2021-07-01/2021-07-01"));
    assertEquals(Optional.empty(), DateRange.ofIso("2021-02-29/2021-03-01"), "no 29 February in 2021");
    assertEquals(Optional.empty(), DateRange.ofIso("2021-13-01/2021-13-02"), "no month 13");
    assertEquals(Optional.empty(), DateRange.ofIso("2021-03-01/2021-02-01"), "ends before it begins");
    assertEquals(Optional.empty(), DateRange.ofIso("2021-3-01/2021-04-01"), "one-digit month");
    assertEquals(Optional.empty(), DateRange.ofIso("２０２１-03-01/2021-04-01"), "full-width digits");
    assertEquals(Optional.empty(), DateRange.ofIso("2021-03-01"), "no range");
    assertEquals(Optional.empty(), DateRange.ofIso(""));
    assertEquals(Optional.empty(), DateRange.ofIso(null));
    assertEquals(Optional.of(new DateRange(LocalDate.of(12021, 1, 1), LocalDate.of(12021, 1, 2))),
        DateRange.ofIso("+12021-01-01/+12021-01-02"), "a five-digit year, through the formatter");
  }
}
