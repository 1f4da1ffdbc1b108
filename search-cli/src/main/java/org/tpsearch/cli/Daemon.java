package org.tpsearch.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.tpsearch.analysis.Glossary;
import org.tpsearch.client.DaemonClient;
import org.tpsearch.client.DaemonFolder;
import org.tpsearch.client.DaemonProtocol;
import org.tpsearch.client.DaemonProtocol.Kind;
import org.tpsearch.client.DaemonProtocol.Request;
import org.tpsearch.client.DaemonProtocol.Response;
import org.tpsearch.search.QueryCompiler;
import picocli.CommandLine;

/**
 * The resident search daemon (as Gradle's or the Kotlin compiler's): one JVM per user and build
 * that keeps the indexes, glossary and JIT-compiled code warm, and runs the search commands that
 * thin clients send over a Unix domain socket, answering with the exact bytes and exit code the
 * in-process path would give. It serves one command at a time, stops after an idle time, and a
 * second daemon of the same build gives way to the first (a file lock).
 */
public final class Daemon {
  /** The commands the daemon answers: those that only read an index. */
  static final Set<String> COMMANDS = Set.of("search", "facets", "show", "stats");

  /** The environment switch: TPSEARCH_DAEMON=0 keeps every command in-process. */
  static final String ENV = "TPSEARCH_DAEMON";

  private final String build;
  private final Path folder;
  private final Duration idle;
  private final DaemonIndexes indexes = new DaemonIndexes();
  private final ReentrantLock running = new ReentrantLock();
  private final long started = System.currentTimeMillis();
  private volatile long lastUsed = System.currentTimeMillis();
  private volatile boolean stopping;
  private volatile long served;
  private ServerSocketChannel server;
  private Glossary glossary;

  Daemon(String build, Path folder, Duration idle) {
    this.build = build;
    this.folder = folder;
    this.idle = idle;
  }

  /**
   * Runs a daemon for the build the launcher names (-Dtpsearch.build); exits when idle or stopped.
   * The launcher starts it in the background, in its own session, after an in-process search.
   */
  public static void main(String[] args) throws Exception {
    String build = System.getProperty("tpsearch.build");
    if (build == null || build.isBlank()) {
      System.err.println("tpsearch daemon: no build id (-Dtpsearch.build)");
      System.exit(ExitCodes.USAGE);
    }
    ignore("INT");
    ignore("HUP");
    Map<String, String> env = System.getenv();
    Path folder = DaemonFolder.ensure(DaemonFolder.of(env));
    // The launcher starts it with no output; what it has to say goes to its log, beside its socket.
    java.io.PrintStream log = new java.io.PrintStream(new java.io.FileOutputStream(folder.resolve(build + ".log").toFile(), true), true,
        StandardCharsets.UTF_8);
    System.setOut(log);
    System.setErr(log);
    Daemon d = new Daemon(build, folder, idleTime(env));
    d.serve();
    System.exit(0);
  }

  /** Ctrl-C in the terminal that started the first search, or closing it, is not for the daemon. */
  private static void ignore(String signal) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(signal), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // No such signal here.
    }
  }

  /** The idle time from TPSEARCH_DAEMON_IDLE or config.toml's daemon-idle (90s, 15m, 2h). */
  static Duration idleTime(Map<String, String> env) {
    String v;
    try {
      v = Settings.load(env).get(Settings.Key.DAEMON_IDLE).value();
    } catch (RuntimeException e) {
      v = Settings.Key.DAEMON_IDLE.fallback;
    }
    return parseDuration(v);
  }

  static Duration parseDuration(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    long n = Long.parseLong(s.substring(0, s.length() - 1));
    return switch (s.charAt(s.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
  }

  /**
   * Takes the build's lock (or leaves, when another daemon holds it), binds the socket and answers
   * until stopped or idle; removes the socket on the way out.
   */
  void serve() throws IOException {
    Path socket = DaemonFolder.socket(folder, build);
    try (FileChannel lockFile = FileChannel.open(folder.resolve(build + ".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile)) {
      if (lock == null) {
        return;
      }
      // We hold the lock, so a socket file left here is stale (a daemon killed with -9).
      Files.deleteIfExists(socket);
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      Thread watcher = Thread.ofPlatform().daemon().name("idle").start(this::watchIdle);
      Thread.ofVirtual().start(this::retireOlderBuilds);
      try {
        while (!stopping) {
          SocketChannel ch;
          try {
            ch = server.accept();
          } catch (IOException e) {
            if (!stopping) {
              System.err.println("tpsearch daemon: stops: " + e);
            }
            break;
          }
          Thread.ofVirtual().start(() -> answer(ch));
        }
      } finally {
        stopping = true;
        watcher.interrupt();
        Files.deleteIfExists(socket);
        running.lock();
        try {
          indexes.closeAll();
        } finally {
          running.unlock();
        }
      }
    }
  }

  /**
   * Stops the daemons of other builds of this same installation (a rebuilt or upgraded tpsearch):
   * no client of theirs is left. Other installations' daemons are left to their idle time.
   */
  private void retireOlderBuilds() {
    String mine = "  from: " + installation() + "\n";
    try (java.nio.file.DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, "*.sock")) {
      for (Path other : sockets) {
        String name = other.getFileName().toString();
        String otherBuild = name.substring(0, name.length() - ".sock".length());
        if (otherBuild.equals(build)) {
          continue;
        }
        try {
          Response status = DaemonClient.ask(other, Request.control(Kind.STATUS, otherBuild));
          if (new String(status.out(), StandardCharsets.UTF_8).contains(mine)) {
            DaemonClient.ask(other, Request.control(Kind.STOP, otherBuild));
          }
        } catch (IOException e) {
          // Gone already, or stale: nothing to stop.
        }
      }
    } catch (IOException | RuntimeException e) {
      // Nothing to retire.
    }
  }

  /** The folder this daemon's code was loaded from (the distribution's lib/). */
  private static String installation() {
    try {
      return Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().toString();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The build's lock, or null when another daemon holds it (in another process, or in this one). */
  private static FileLock tryLock(FileChannel f) throws IOException {
    try {
      return f.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null;
    }
  }

  private void watchIdle() {
    while (!stopping) {
      try {
        Thread.sleep(Math.min(idle.toMillis(), 10_000));
      } catch (InterruptedException e) {
        return;
      }
      if (!running.isLocked() && System.currentTimeMillis() - lastUsed >= idle.toMillis()) {
        stop();
      }
    }
  }

  private void stop() {
    stopping = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing to end accept().
    }
  }

  /** Reads one request, answers it, closes the connection. */
  private void answer(SocketChannel ch) {
    try (ch) {
      if (!sameUser(ch)) {
        return;
      }
      Request r = DaemonProtocol.readRequest(new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 14)));
      Response response = switch (r.kind()) {
        case RUN -> run(r);
        case STATUS -> status();
        case STOP -> {
          stop();
          yield new Response(true, "", "stopped\n".getBytes(StandardCharsets.UTF_8), new byte[0], 0);
        }
      };
      DaemonProtocol.write(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)), response);
    } catch (IOException | RuntimeException e) {
      // The client went away (Ctrl-C) or was not one of ours; the next one is served as usual.
    }
  }

  /** Whether the peer runs as this daemon's user (SO_PEERCRED), on top of the folder's 0700. */
  private static boolean sameUser(SocketChannel ch) {
    try {
      jdk.net.UnixDomainPrincipal peer = ch.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
      return peer.user().getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException e) {
      return true;
    }
  }

  /** Runs a command as Main.main would, into byte buffers; refuses what it cannot answer exactly. */
  Response run(Request r) {
    if (!build.equals(r.build()) || r.args().isEmpty() || !COMMANDS.contains(r.args().get(0))) {
      return Response.refused();
    }
    running.lock();
    try {
      lastUsed = System.currentTimeMillis();
      Response answer = execute(r);
      served++;
      return answer;
    } catch (RuntimeException | Error e) {
      // Whatever went wrong here, the client's own JVM answers instead (and says what it says).
      return Response.refused();
    } finally {
      lastUsed = System.currentTimeMillis();
      running.unlock();
    }
  }

  private Response execute(Request r) {
    if (glossary == null) {
      glossary = QueryCompiler.defaultGlossary();
    }
    Glossary base = glossary;
    Context ctx = new Context(r.env(), r.outTerminal(), r::errTerminal, indexes.opener(Path.of(r.cwd())), () -> base);
    String first = r.args().get(0);
    CommandLine cl = Main.newCommandLine(ctx, first);
    // As Pager.start: the pager is started by the client, and gets UTF-8 as in-process.
    String pager = Pager.wanted(ctx, r.args()) ? Pager.command(ctx) : "";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Charset outCharset = pager.isEmpty() ? Charset.forName(r.outCharset()) : StandardCharsets.UTF_8;
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, outCharset), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, Charset.forName(r.errCharset())), true);
    cl.setOut(o);
    cl.setErr(e);
    int code = cl.execute(r.args().toArray(String[]::new));
    o.flush();
    e.flush();
    return new Response(true, pager, out.toByteArray(), err.toByteArray(), code);
  }

  private Response status() {
    running.lock();
    List<String> open;
    try {
      open = indexes.describe();
    } finally {
      running.unlock();
    }
    long now = System.currentTimeMillis();
    String text = "daemon for build " + build + ": running, pid " + ProcessHandle.current().pid()
        + ", up " + human(now - started) + ", " + served + (served == 1 ? " command" : " commands") + " served, last "
        + human(now - lastUsed) + " ago, stops after " + human(idle.toMillis()) + " idle\n"
        + "  open: " + (open.isEmpty() ? "no index yet" : String.join(", ", open)) + "\n"
        + "  from: " + installation() + "\n";
    return new Response(true, "", text.getBytes(StandardCharsets.UTF_8), new byte[0], 0);
  }

  private static String human(long millis) {
    long s = millis / 1000;
    return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s / 3600 + "h";
  }

  /** Whether the daemon may be used by this run: not switched off by --no-daemon or TPSEARCH_DAEMON=0. */
  static boolean enabled(Map<String, String> env, List<String> args) {
    return !"0".equals(env.get(ENV)) && !args.contains("--no-daemon");
  }

  /** Whether a daemon of this build answers at {@code socket}. */
  static boolean answers(Path socket, String build) {
    try {
      return DaemonClient.ask(socket, Request.control(Kind.STATUS, build)).served();
    } catch (IOException e) {
      return false;
    }
  }
}
