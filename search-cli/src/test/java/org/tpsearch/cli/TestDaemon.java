package org.tpsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tpsearch.client.DaemonClient;
import org.tpsearch.client.DaemonFolder;
import org.tpsearch.client.DaemonProtocol;

/**
 * A search daemon for the tests: a real {@link Daemon} serving on a socket in a private folder, in
 * this JVM (a thread), started on first use; commands sent to it as the thin client sends them.
 */
final class TestDaemon {
  /** Whether the CLI tests run their search commands through the daemon (a second surefire execution). */
  static final boolean ON = Boolean.getBoolean("tpsearch.test.daemon");

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
}
