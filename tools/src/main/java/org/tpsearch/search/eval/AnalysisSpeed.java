package org.tpsearch.search.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.tpsearch.analysis.AnalyzerThroughput;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.WordAnalyzer;

/**
 * Analysis speed on the corpus text: tpsearch's two index-side analyzers (every text value is
 * analyzed by both, {@code BigramAnalyzer(true)} for the {@code *_bi} fields and
 * {@link WordAnalyzer} for the {@code *_w} fields) against {@link SmartChineseAnalyzer} alone,
 * each measured with {@link AnalyzerThroughput} on the same texts: every value tpsearch indexes for
 * every point, repeated until there are at least the asked megabytes.
 */
public final class AnalysisSpeed {
  private AnalysisSpeed() {}

  /**
   * The measurement.
   *
   * @param texts texts analyzed per round
   * @param copies how many times the corpus text was repeated
   * @param warmup untimed rounds per analyzer before the timed ones
   * @param bigram {@code BigramAnalyzer(true)} alone
   * @param word {@code WordAnalyzer} alone
   * @param smartcn {@code SmartChineseAnalyzer} alone (default stop words)
   */
  public record Result(int texts, int copies, int warmup, AnalyzerThroughput.Result bigram, AnalyzerThroughput.Result word,
      AnalyzerThroughput.Result smartcn) {
    public long bytes() {
      return bigram.bytesPerRound();
    }

    /** tpsearch as indexed, both analyzers one after the other: MB/s from the sum of their median rounds. */
    public double tpsearchMbPerSecond() {
      return mbPerSecond(bigram.medianNanos() + word.medianNanos());
    }

    /** Sums of the two analyzers' per-round min, median and max, in nanoseconds. */
    public long[] tpsearchNanos() {
      return new long[] {bigram.minNanos() + word.minNanos(), bigram.medianNanos() + word.medianNanos(),
          bigram.maxNanos() + word.maxNanos()};
    }

    /** MB/s of SmartChineseAnalyzer from its median round (comparable with {@link #tpsearchMbPerSecond}). */
    public double smartcnMedianMbPerSecond() {
      return mbPerSecond(smartcn.medianNanos());
    }

    public double mbPerSecond(long nanos) {
      return bytes() / 1e6 / (Math.max(nanos, 1) / 1e9);
    }
  }

  /**
   * Measures on {@code corpus}, repeated to at least {@code megabytes} MB of UTF-8, with
   * {@code warmup} untimed and {@code rounds} timed rounds per analyzer.
   */
  public static Result measure(EvalCorpus corpus, double megabytes, int warmup, int rounds) {
    List<String> once = new ArrayList<>();
    long bytes = 0;
    for (EvalCorpus.Point p : corpus.points()) {
      for (String part : p.parts()) {
        once.add(part);
        bytes += part.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    if (bytes == 0) {
      throw new IllegalArgumentException("the corpus has no text");
    }
    int copies = (int) Math.max(1, Math.ceil(megabytes * 1e6 / bytes));
    List<String> texts = new ArrayList<>(once.size() * copies);
    for (int i = 0; i < copies; i++) {
      texts.addAll(once);
    }
    AnalyzerThroughput.Result bigram;
    AnalyzerThroughput.Result word;
    AnalyzerThroughput.Result smartcn;
    try (Analyzer a = new BigramAnalyzer(true)) {
      bigram = AnalyzerThroughput.measure(a, texts, warmup, rounds);
    }
    try (Analyzer a = new WordAnalyzer()) {
      word = AnalyzerThroughput.measure(a, texts, warmup, rounds);
    }
    try (Analyzer a = new SmartChineseAnalyzer()) {
      smartcn = AnalyzerThroughput.measure(a, texts, warmup, rounds);
    }
    return new Result(texts.size(), copies, warmup, bigram, word, smartcn);
  }
}
