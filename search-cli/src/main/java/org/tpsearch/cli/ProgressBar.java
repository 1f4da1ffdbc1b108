package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tpsearch.index.Indexer;

/**
 * A one-line progress bar on stderr with the rate and the time left, redrawn at most ten times a
 * second. Drawn only when stderr is a terminal (the command decides).
 */
final class ProgressBar implements Indexer.Progress {
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private long lastDraw;
  private int lastLength;
  private String phase;
  private long phaseStart;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void filesRead(int done, int total) {
    draw("reading ", "files", done, total);
  }

  @Override
  public synchronized void documentsWritten(int done, int total) {
    draw("indexing", "points", done, total);
  }

  @Override
  public synchronized void filesIndexed(int done, int total) {
    draw("indexing", "files", done, total);
  }

  private void draw(String what, String unit, int done, int total) {
    long now = System.nanoTime();
    if (!what.equals(phase)) {
      // The rate of each phase is its own: reading files and writing points run at other speeds.
      phase = what;
      phaseStart = now;
    }
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    String line = line(what, unit, done, total, (now - phaseStart) / 1e9);
    // Pad over the rest of a longer previous line: spaces, not an erase-line escape.
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    lastLength = line.length();
    err.flush();
  }

  /**
   * The bar's text: {@code reading  [#####.....] 120/3000  85 files/s  0:34 left}. The rate and the
   * time left appear once there is something to measure (some done, a tenth of a second passed).
   */
  static String line(String what, String unit, int done, int total, double seconds) {
    int filled = total == 0 ? WIDTH : (int) ((long) Math.min(done, total) * WIDTH / total);
    StringBuilder sb = new StringBuilder(what).append(" [").append("#".repeat(filled))
        .append(".".repeat(WIDTH - filled)).append("] ").append(done).append('/').append(total);
    if (done > 0 && seconds >= 0.1) {
      double rate = done / seconds;
      sb.append("  ").append(rate >= 10 ? String.format(Locale.ROOT, "%.0f", rate) : String.format(Locale.ROOT, "%.1f", rate))
          .append(' ').append(unit).append("/s");
      if (done < total) {
        long left = Math.round((total - done) / rate);
        sb.append("  ").append(duration(left)).append(" left");
      }
    }
    return sb.toString();
  }

  /** 0:34, 12:05, 1:02:03. */
  static String duration(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Blanks the bar with spaces, not an erase-line escape: no escapes under NO_COLOR or TERM=dumb. */
  synchronized void done() {
    err.print("\r" + " ".repeat(lastLength) + "\r");
    err.flush();
  }
}
