package org.tpsearch.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Long output through a pager, as git does: when stdout is a terminal, the command prints results
 * or help, and neither {@code --no-pager} nor an empty pager setting says otherwise. The default,
 * {@code less -FRX}, quits by itself when the output fits on the screen (-F), passes colour (-R) and
 * leaves the screen as it was (-X). Diagnostics stay on stderr, unpaged.
 */
final class Pager implements AutoCloseable {
  /** Commands whose output is read, not watched: never shell, serve or index's progress. */
  private static final Set<String> PAGED = Set.of("search", "show", "facets", "stats", "lint", "config", "help");

  private final Process process;
  private final PrintWriter writer;

  private Pager(Process process, PrintWriter writer) {
    this.process = process;
    this.writer = writer;
  }

  /**
   * The pager command in force: $TPSEARCH_PAGER, else config.toml's pager, else $PAGER, else
   * {@code less -FRX}; empty or {@code cat} means none.
   */
  static String command(Context ctx) {
    Settings.Value v = ctx.settings().get(Settings.Key.PAGER);
    String pager = v.value();
    String env = ctx.env().get("PAGER");
    if ("default".equals(v.source()) && env != null) {
      pager = env;
    }
    pager = pager == null ? "" : pager.strip();
    return pager.equals("cat") ? "" : pager;
  }

  /** Whether this run's output should be paged. */
  static boolean wanted(Context ctx, List<String> args) {
    if (!ctx.terminal() || args.contains("--no-pager")) {
      return false;
    }
    boolean help = args.isEmpty() || args.contains("--help") || args.contains("-h");
    return (help || PAGED.contains(args.get(0))) && !command(ctx).isEmpty();
  }

  /**
   * Starts the pager and points the command line's stdout at it; null when paging is not wanted or
   * the pager cannot start (then output goes to stdout as usual).
   */
  static Pager start(Context ctx, CommandLine cl, List<String> args) {
    if (!wanted(ctx, args)) {
      return null;
    }
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command(ctx))
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    // As git: less with colour and quit-if-one-screen unless the user set LESS; lv with colour.
    pb.environment().putIfAbsent("LESS", "FRX");
    pb.environment().putIfAbsent("LV", "-c");
    try {
      Process p = pb.start();
      PrintWriter w = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
      cl.setOut(w);
      return new Pager(p, w);
    } catch (IOException e) {
      return null;
    }
  }

  /** Ends the output and waits for the reader to quit the pager. */
  @Override
  public void close() {
    writer.close();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
