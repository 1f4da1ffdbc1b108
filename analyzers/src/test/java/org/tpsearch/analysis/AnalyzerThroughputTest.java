package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sanity of the benchmark helper's arithmetic, on a tiny input. */
class AnalyzerThroughputTest {

  @Test
  void countsTokensAndBytesAndOrdersRoundTimes() {
    List<String> texts = List.of("绿色电力交易量同比增长74.7%", "Industry green power trading");
    AnalyzerThroughput.Result r = AnalyzerThroughput.measure(new BigramAnalyzer(false), texts, 1, 3);
    assertEquals(3, r.rounds());
    // 10 CJK bigrams + 74.7, and 4 English words.
    assertEquals(15, r.tokensPerRound());
    assertEquals(38 + 28, r.bytesPerRound());
    assertTrue(r.mbPerSecond() > 0 && r.tokensPerSecond() > 0);
    assertTrue(r.minNanos() <= r.medianNanos() && r.medianNanos() <= r.maxNanos());
    assertTrue(r.summary().contains("MB/s"), r.summary());
  }

  @Test
  void rejectsZeroRounds() {
    assertThrows(IllegalArgumentException.class,
        () -> AnalyzerThroughput.measure(new WordAnalyzer(), List.of("x"), 0, 0));
  }
}
