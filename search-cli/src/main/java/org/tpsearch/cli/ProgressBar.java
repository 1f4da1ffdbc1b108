package org.tpsearch.cli;

import java.io.PrintWriter;
import org.tpsearch.index.Indexer;

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
final class ProgressBar implements Indexer.Progress {
  private final PrintWriter err;
  private long lastDraw;
  private int lastLength;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void filesRead(int done, int total) {
    draw("reading ", done, total);
  }

  @Override
  public synchronized void documentsWritten(int done, int total) {
    draw("indexing", done, total);
  }

  private void draw(String what, int done, int total) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    String line = what + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total;
    err.print("\r" + line);
    lastLength = line.length();
    err.flush();
  }

  /** Blanks the bar with spaces, not an erase-line escape: no escapes under NO_COLOR or TERM=dumb. */
  synchronized void done() {
    err.print("\r" + " ".repeat(lastLength) + "\r");
    err.flush();
  }
}
