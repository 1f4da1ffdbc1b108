package org.tpsearch.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The thin client the launcher runs when a search daemon's socket exists: it loads no Lucene and
 * no picocli, sends the command line, working folder and environment to the daemon, and prints
 * what the daemon answers, byte for byte, with its exit code. When there is no answer (no daemon,
 * a daemon of another build, one killed half-way) it prints nothing and exits with
 * {@link #FALLBACK}, and the launcher runs the command in-process instead.
 */
public final class DaemonClient {
  /** "Run it yourself": EX_TEMPFAIL, which tpsearch itself never returns. */
  public static final int FALLBACK = 75;

  private DaemonClient() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  static int run(List<String> args) {
    String build = System.getProperty("tpsearch.build");
    if (build == null || build.isEmpty()) {
      return FALLBACK;
    }
    Map<String, String> env = System.getenv();
    DaemonProtocol.Response r;
    try {
      Path folder = DaemonFolder.of(env);
      DaemonFolder.check(folder);
      boolean outTerminal = isTerminal();
      DaemonProtocol.Request request = new DaemonProtocol.Request(DaemonProtocol.Kind.RUN, build,
          Path.of("").toAbsolutePath().toString(), args, env, outTerminal, isErrTerminal(),
          charset("sun.stdout.encoding"), charset("sun.stderr.encoding"));
      r = ask(DaemonFolder.socket(folder, build), request);
    } catch (IOException | RuntimeException e) {
      return FALLBACK;
    }
    if (!r.served()) {
      return FALLBACK;
    }
    try {
      OutputStream err = new FileOutputStream(FileDescriptor.err);
      err.write(r.err());
      err.flush();
      if (!r.pager().isEmpty() && page(r.pager(), r.out())) {
        return r.exit();
      }
      OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
      // A closed pipe (| head): as in-process, the rest is not wanted; a full disk is an error.
      String failed = OutputFailure.writeAll(out, r.out());
      if (failed != null) {
        System.err.println(failed);
        return Math.max(r.exit(), OutputFailure.EXIT);
      }
    } catch (IOException e) {
      // stderr or the pager could not be written: as in-process, the output is not wanted.
    }
    return r.exit();
  }

  /** Sends one request to the daemon at {@code socket} and reads its answer. */
  public static DaemonProtocol.Response ask(Path socket, DaemonProtocol.Request request) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 14));
      DaemonProtocol.write(o, request);
      return DaemonProtocol.readResponse(new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), 1 << 16)));
    }
  }

  /**
   * Pipes the output through the pager, as the in-process path does (Pager.start); false when the
   * pager cannot start, and the output then goes to stdout.
   */
  private static boolean page(String command, byte[] out) {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putIfAbsent("LESS", "FRX");
    pb.environment().putIfAbsent("LV", "-c");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return false;
    }
    try (OutputStream w = p.getOutputStream()) {
      w.write(out);
    } catch (IOException e) {
      // The reader quit the pager before the end.
    }
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** The charset picocli would write a stream in (its getStdoutEncoding): the property, else the default. */
  private static String charset(String property) {
    String name = System.getProperty(property);
    if (name != null) {
      try {
        return Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name).name();
      } catch (RuntimeException e) {
        // picocli falls back to the default charset too.
      }
    }
    return Charset.defaultCharset().name();
  }

  /** As Main.isTerminal: JDK 22+ has Console.isTerminal, JDK 21 returns no console when redirected. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** As Main.isErrTerminal: on Linux, stderr's file descriptor names the device. */
  static boolean isErrTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
