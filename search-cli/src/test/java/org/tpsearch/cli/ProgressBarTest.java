package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress bar's line: bar, count, rate and time left. */
class ProgressBarTest {
  @Test
  void rateAndTimeLeftFromWhatIsDone() {
    // 300 of 3000 files in 2 s: 150 files/s, 2700 left -> 18 s.
    assertEquals("reading  [##......................] 300/3000  150 files/s  0:18 left",
        ProgressBar.line("reading ", "files", 300, 3000, 2.0));
  }

  @Test
  void slowRatesKeepADecimalAndLongWaitsShowHours() {
    assertEquals("indexing [........................] 3/20000  0.5 points/s  11:06:34 left",
        ProgressBar.line("indexing", "points", 3, 20000, 6.0));
  }

  @Test
  void nothingToMeasureYetShowsNoRate() {
    assertEquals("reading  [........................] 0/10", ProgressBar.line("reading ", "files", 0, 10, 5.0));
    assertEquals("reading  [##......................] 1/10", ProgressBar.line("reading ", "files", 1, 10, 0.01));
  }

  @Test
  void finishedShowsTheRateWithoutTimeLeft() {
    assertEquals("indexing [########################] 68/68  34 points/s", ProgressBar.line("indexing", "points", 68, 68, 2.0));
  }

  @Test
  void durations() {
    assertEquals("0:00", ProgressBar.duration(0));
    assertEquals("1:05", ProgressBar.duration(65));
    assertEquals("1:00:00", ProgressBar.duration(3600));
  }
}
