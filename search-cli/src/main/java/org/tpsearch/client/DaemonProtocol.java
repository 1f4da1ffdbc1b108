package org.tpsearch.client;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client and the search daemon say over the socket: one request, one answer, then the
 * connection closes. Strings and bytes are length-prefixed; an answer is the whole output of the
 * command (stdout bytes, stderr bytes, exit code), so a client that loses the daemon half-way has
 * printed nothing and can run the command itself.
 */
public final class DaemonProtocol {
  private DaemonProtocol() {}

  /** Marks a tpsearch daemon conversation and its layout; a change of layout changes it. */
  static final int MAGIC = 0x74707331;

  /** What the client asks for. */
  public enum Kind {
    /** Run a command as tpsearch would in-process. */
    RUN,
    /** Describe the daemon. */
    STATUS,
    /** Stop the daemon. */
    STOP
  }

  /**
   * One request: the client's build, its working folder, arguments and whole environment, whether
   * its stdout and stderr are terminals, and the charsets its JVM would write them in.
   */
  public record Request(Kind kind, String build, String cwd, List<String> args, Map<String, String> env,
      boolean outTerminal, boolean errTerminal, String outCharset, String errCharset) {
    public Request {
      args = List.copyOf(args);
      env = Map.copyOf(env);
    }

    /** A status or stop request. */
    public static Request control(Kind kind, String build) {
      return new Request(kind, build, "/", List.of(), Map.of(), false, false, "UTF-8", "UTF-8");
    }
  }

  /**
   * The answer. {@code served} false: the daemon will not run this (another build, a command it
   * does not serve, a failure of its own); the client then runs it in-process. {@code pager}: the
   * pager command the output goes through, or empty. For STATUS, {@code out} is the description.
   */
  public record Response(boolean served, String pager, byte[] out, byte[] err, int exit) {
    public static Response refused() {
      return new Response(false, "", new byte[0], new byte[0], 0);
    }
  }

  public static void write(DataOutputStream o, Request r) throws IOException {
    o.writeInt(MAGIC);
    o.writeInt(r.kind().ordinal());
    string(o, r.build());
    string(o, r.cwd());
    o.writeInt(r.args().size());
    for (String a : r.args()) {
      string(o, a);
    }
    o.writeInt(r.env().size());
    for (Map.Entry<String, String> e : r.env().entrySet()) {
      string(o, e.getKey());
      string(o, e.getValue());
    }
    o.writeBoolean(r.outTerminal());
    o.writeBoolean(r.errTerminal());
    string(o, r.outCharset());
    string(o, r.errCharset());
    o.flush();
  }

  public static Request readRequest(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a tpsearch client");
    }
    int kind = in.readInt();
    if (kind < 0 || kind >= Kind.values().length) {
      throw new IOException("unknown request " + kind);
    }
    String build = string(in);
    String cwd = string(in);
    int n = count(in);
    List<String> args = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      args.add(string(in));
    }
    int m = count(in);
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      env.put(string(in), string(in));
    }
    return new Request(Kind.values()[kind], build, cwd, args, env, in.readBoolean(), in.readBoolean(), string(in), string(in));
  }

  public static void write(DataOutputStream o, Response r) throws IOException {
    o.writeInt(MAGIC);
    o.writeBoolean(r.served());
    string(o, r.pager());
    bytes(o, r.out());
    bytes(o, r.err());
    o.writeInt(r.exit());
    o.flush();
  }

  public static Response readResponse(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new IOException("not a tpsearch daemon");
    }
    return new Response(in.readBoolean(), string(in), bytes(in), bytes(in), in.readInt());
  }

  /** Longest string or output accepted (a bound, so a stray peer cannot make us allocate gigabytes). */
  private static final int MAX = 256 << 20;

  private static void string(DataOutputStream o, String s) throws IOException {
    bytes(o, s.getBytes(StandardCharsets.UTF_8));
  }

  private static String string(DataInputStream in) throws IOException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static void bytes(DataOutputStream o, byte[] b) throws IOException {
    o.writeInt(b.length);
    o.write(b);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int n = count(in);
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw new java.io.EOFException("the answer ended early");
    }
    return b;
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX) {
      throw new IOException("bad length " + n);
    }
    return n;
  }
}
