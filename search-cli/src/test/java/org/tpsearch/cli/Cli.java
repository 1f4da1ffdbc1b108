package org.tpsearch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs tpsearch in-process as a user would, through {@link Main#newCommandLine}, and captures the
 * exit code, stdout and stderr. With {@code -Dtpsearch.test.daemon=true} (the surefire execution
 * {@code daemon}), the commands the search daemon serves go through a real daemon over its socket
 * instead, so the same assertions check that path. One instance shares one {@link Context} (and its glossary) across
 * runs; the environment is given in full, never inherited, so no real user index can answer.
 */
final class Cli {
  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Context context;

  private Cli(Map<String, String> env, boolean terminal) {
    this(env, terminal, false);
  }

  private Cli(Map<String, String> env, boolean terminal, boolean errTerminal) {
    this.context = new Context(env, terminal, () -> errTerminal);
  }

  /**
   * A CLI whose HOME and XDG_DATA_HOME are {@code home}: with nothing indexed there, the embedded
   * sample index answers. Not a terminal.
   */
  static Cli at(Path home) {
    return new Cli(Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.resolve("xdg").toString()), false);
  }

  /** The same environment plus {@code name=value}. */
  Cli with(String name, String value) {
    Map<String, String> env = new HashMap<>(context.env());
    env.put(name, value);
    return new Cli(env, context.terminal());
  }

  /** The same environment, with stdout a terminal or not. */
  Cli terminal(boolean terminal) {
    return new Cli(context.env(), terminal, context.errTerminal());
  }

  /** The same environment, with stderr a terminal or not. */
  Cli errTerminal(boolean errTerminal) {
    return new Cli(context.env(), context.terminal(), errTerminal);
  }

  Map<String, String> env() {
    return context.env();
  }

  Context context() {
    return context;
  }

  Result run(String... args) {
    if (TestDaemon.ON && Daemon.COMMANDS.contains(args.length > 0 ? args[0] : "")
        && Daemon.enabled(context.env(), java.util.List.of(args))) {
      return TestDaemon.run(context, args);
    }
    return inProcess(args);
  }

  /** Runs a command in this JVM, whatever the daemon setting. */
  Result inProcess(String... args) {
    // A --color of an earlier run must not stick: each tpsearch process starts without one.
    context.colorOption(null);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.newCommandLine(context);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
