package org.tpsearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** A small single-threaded benchmark of how fast an analyzer turns texts into tokens. */
public final class AnalyzerThroughput {

  /** Field name passed to the analyzer; ours do not vary by field. */
  private static final String FIELD = "body";

  private AnalyzerThroughput() {}

  /**
   * One measurement: throughput over the timed rounds (total work / total time) and the spread of
   * the per-round wall times.
   *
   * @param bytesPerRound UTF-8 bytes of all texts, analyzed once per round
   * @param tokensPerRound tokens produced per round
   */
  public record Result(
      int rounds,
      long bytesPerRound,
      long tokensPerRound,
      double mbPerSecond,
      double tokensPerSecond,
      long minNanos,
      long medianNanos,
      long maxNanos) {

    /** One line for a terminal, e.g. {@code 12.3 MB/s, 4.5M tokens/s, round min/median/max 1.0/1.1/1.4 ms}. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%.2f MB/s, %.0f tokens/s (%d tokens, %d bytes per round; %d rounds, min/median/max %.2f/%.2f/%.2f ms)",
          mbPerSecond,
          tokensPerSecond,
          tokensPerRound,
          bytesPerRound,
          rounds,
          minNanos / 1e6,
          medianNanos / 1e6,
          maxNanos / 1e6);
    }
  }

  /**
   * Analyzes every text {@code warmupRounds} times untimed (JIT, dictionaries), then {@code rounds}
   * times timed, reading every token's {@link CharTermAttribute} so no work is skipped.
   *
   * @throws IllegalArgumentException if {@code rounds < 1} or {@code warmupRounds < 0}
   */
  public static Result measure(Analyzer a, List<String> texts, int warmupRounds, int rounds) {
    if (rounds < 1 || warmupRounds < 0) {
      throw new IllegalArgumentException("need rounds >= 1 and warmupRounds >= 0");
    }
    long bytes = 0;
    for (String text : texts) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    long sink = 0;
    for (int i = 0; i < warmupRounds; i++) {
      sink += analyzeAll(a, texts);
    }
    long[] times = new long[rounds];
    long tokens = 0;
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      tokens = analyzeAll(a, texts);
      times[i] = System.nanoTime() - start;
      sink += tokens;
    }
    if (sink < 0) {
      // Never true; keeps the JIT from proving the loops dead.
      throw new AssertionError();
    }
    long total = Arrays.stream(times).sum();
    Arrays.sort(times);
    double seconds = Math.max(total, 1) / 1e9;
    return new Result(
        rounds,
        bytes,
        tokens,
        bytes * (double) rounds / 1e6 / seconds,
        tokens * (double) rounds / seconds,
        times[0],
        times[rounds / 2],
        times[rounds - 1]);
  }

  /**
   * Parses the Traditional-to-Simplified table from its resource again and builds its map,
   * returning the nanoseconds taken (the cost the first analyzed text pays once per JVM).
   */
  public static long t2sLoadNanos() {
    long start = System.nanoTime();
    TextNormalizer.T2STable table = TextNormalizer.loadT2S();
    long elapsed = System.nanoTime() - start;
    if (table.size() == 0) {
      throw new IllegalStateException("empty T2S table");
    }
    return elapsed;
  }

  private static long analyzeAll(Analyzer a, List<String> texts) {
    long tokens = 0;
    for (String text : texts) {
      try (TokenStream ts = a.tokenStream(FIELD, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          // Read the term as an indexer would; a negative length never happens.
          if (term.length() < 0) {
            throw new AssertionError();
          }
          tokens++;
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tokens;
  }
}
