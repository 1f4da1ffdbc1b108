package org.tpsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.client.DaemonClient;
import org.tpsearch.client.DaemonFolder;
import org.tpsearch.client.DaemonProtocol;

/**
 * A search daemon for the tests: a real {@link Daemon} serving on a socket in a private folder, in
 * this JVM (a thread), started on first use; commands sent to it as the thin client sends them.
 */
final class TestDaemon {
  /**
   * How the CLI tests run their search commands: {@code true} through the daemon, as the Java thin
   * client asks it (a second surefire execution); {@code native} through the daemon with the native
   * client, a real process (a third one, where a C compiler is); else in-process.
   */
  static final String MODE = System.getProperty("tpsearch.test.daemon", "false");

  /** Whether the CLI tests run their search commands through the daemon. */
  static final boolean ON = MODE.equals("true") || MODE.equals("native");

  /** Whether through the native client (without a C compiler: through the Java client's protocol, as {@code true}). */
  static final boolean NATIVE = MODE.equals("native") && NativeClient.available();

  static final String BUILD = "test-build";

  private static Path socket;

  private TestDaemon() {}

  /** The socket of the test daemon, started when first asked for. */
  static synchronized Path socket() {
    if (socket == null) {
      try {
        Path run = Files.createTempDirectory("tpsearch-daemon-test");
        Path folder = DaemonFolder.ensure(run.resolve("tpsearch"));
        Daemon d = new Daemon(BUILD, folder, Duration.ofHours(1));
        Thread t = new Thread(() -> {
          try {
            d.serve();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "test daemon");
        t.setDaemon(true);
        t.start();
        Path s = DaemonFolder.socket(folder, BUILD);
        // Until it answers: the socket file exists a moment before the daemon listens on it.
        for (int i = 0; i < 1000 && !Daemon.answers(s, BUILD); i++) {
          Thread.sleep(10);
        }
        socket = s;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return socket;
  }

  /** What the thin client would send for this context and these arguments. */
  static DaemonProtocol.Request request(Context context, String... args) {
    return new DaemonProtocol.Request(DaemonProtocol.Kind.RUN, BUILD, Path.of("").toAbsolutePath().toString(),
        List.of(args), context.env(), context.terminal(), context.errTerminal(), "UTF-8", "UTF-8");
  }

  /** Runs a command through the daemon; the daemon must serve it. */
  static Cli.Result run(Context context, String... args) {
    if (NATIVE) {
      return runNative(context, args);
    }
    try {
      DaemonProtocol.Response r = DaemonClient.ask(socket(), request(context, args));
      if (!r.served()) {
        throw new AssertionError("the daemon refused " + List.of(args));
      }
      return new Cli.Result(r.exit(), new String(r.out(), StandardCharsets.UTF_8), new String(r.err(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command through the daemon with the native client, in this JVM's working folder, with
   * stdout and stderr on pseudo-terminals when the context says they are terminals. The context's
   * environment plus what the client needs to find the daemon and decode as the JVM does:
   * XDG_RUNTIME_DIR, and LANG=C.UTF-8 unless the context names a locale. On a terminal the daemon
   * names a pager; the in-process runs of the tests never page, so unless the context names one,
   * the pager is `cat -u`, which passes the bytes through the client's pager path unchanged.
   */
  static Cli.Result runNative(Context context, String... args) {
    Map<String, String> env = new HashMap<>(context.env());
    env.put("XDG_RUNTIME_DIR", socket().getParent().getParent().toString());
    if (!env.containsKey("LANG") && !env.containsKey("LC_ALL") && !env.containsKey("LC_CTYPE")) {
      env.put("LANG", "C.UTF-8");
    }
    if (context.terminal() && !env.containsKey("TPSEARCH_PAGER")) {
      env.put("TPSEARCH_PAGER", "cat -u");
    }
    List<String> command = new ArrayList<>(List.of(NativeClient.client().toString(), BUILD));
    command.addAll(List.of(args));
    NativeClient.Run r = NativeClient.run(command, env, Path.of("").toAbsolutePath(), context.terminal(), context.errTerminal());
    if (r.exit() == 75 || r.exit() == 76) {
      throw new AssertionError("the native client got no answer (exit " + r.exit() + ") for " + List.of(args)
          + "; stderr: " + new String(r.err(), StandardCharsets.UTF_8));
    }
    return new Cli.Result(r.exit(), new String(r.out(), StandardCharsets.UTF_8), new String(r.err(), StandardCharsets.UTF_8));
  }
}
