package org.tpsearch.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Phase timings for start-up work, printed to stderr when {@code TPSEARCH_TIMING=1}: the cheapest
 * way to see where a cold search spends its time.
 */
final class Timing {
  private static final boolean ON = "1".equals(System.getenv("TPSEARCH_TIMING"));
  private static long last = System.nanoTime();

  private Timing() {}

  /** Marks the end of a phase. */
  static void mark(String phase) {
    if (!ON) {
      return;
    }
    long now = System.nanoTime();
    PrintStream err = System.err;
    err.printf(Locale.ROOT, "timing: %-22s %7.1f ms%n", phase, (now - last) / 1e6);
    last = now;
  }

  /** Prints the JVM's own start-up time (process start to main). */
  static void jvmStarted() {
    if (!ON) {
      return;
    }
    long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.err.printf(Locale.ROOT, "timing: %-22s %7d ms%n", "jvm start to main", System.currentTimeMillis() - startMillis);
    last = System.nanoTime();
  }
}
