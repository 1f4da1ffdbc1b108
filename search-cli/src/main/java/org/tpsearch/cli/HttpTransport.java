package org.tpsearch.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 transport of {@code tpsearch serve}: connections, limits and time limits; answers
 * are JSON (errors always), or the search page's files. It serves GET-style requests without bodies, which is all the read-only API
 * needs, and hands each one to a {@link Handler}.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it answers a URL it cannot parse (raw UTF-8,
 * bad percent-encoding) with its own HTML page before any handler sees it, resets the connection
 * on a long request line, and lets a client that sends half a request hold a request thread for
 * as long as it likes.
 *
 * <p>How work is bounded (see {@link Limits}):
 *
 * <ul>
 *   <li>Each connection is read on a virtual thread, so an idle or slow client costs no request
 *       thread; at most {@code maxConnections} are open at once, more are answered 503.
 *   <li>A request's line and headers must arrive within {@code readTimeout} (408 otherwise); a
 *       kept-alive connection idle that long is closed.
 *   <li>Requests run on a fixed pool of {@code threads} (the searches at once: one per core is
 *       what the CPU can do); the others wait in order.
 *   <li>Each request has {@code requestTimeout} from the end of its headers, waiting included; past
 *       it the client gets 503 at once, a request that had not started never starts, and one that
 *       had finishes in the background (query limits keep that short).
 * </ul>
 */
final class HttpTransport implements Closeable {
  /** The longest request target (path and query), in bytes: longer answers 414. */
  static final int MAX_TARGET = 8192;
  /** The most bytes of request line and headers together: more answers 431. */
  static final int MAX_HEAD = 16384;
  /** The most header lines. */
  static final int MAX_HEADERS = 100;
  /** How much of an unwanted request (a body, the rest of a long line) is read before closing. */
  private static final int DRAIN_BYTES = 4 << 20;
  private static final Duration DRAIN_TIME = Duration.ofSeconds(2);

  /**
   * How much the server takes on.
   *
   * @param threads requests that run at once
   * @param maxConnections connections open at once (each one's reading costs a virtual thread)
   * @param readTimeout time for a request's line and headers to arrive; also how long an idle
   *     kept-alive connection stays open
   * @param requestTimeout time from a request's arrival to its answer, waiting for a thread
   *     included
   */
  record Limits(int threads, int maxConnections, Duration readTimeout, Duration requestTimeout) {
    /** The defaults of {@code tpsearch serve}. */
    static final int DEFAULT_MAX_CONNECTIONS = 512;
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    Limits {
      if (threads < 1 || maxConnections < 1 || readTimeout.isNegative() || readTimeout.isZero()
          || requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("bad limits: " + threads + " threads, " + maxConnections
            + " connections, read timeout " + readTimeout + ", request timeout " + requestTimeout);
      }
    }

    /** The defaults with {@code threads} request threads. */
    static Limits of(int threads) {
      return new Limits(threads, DEFAULT_MAX_CONNECTIONS, DEFAULT_READ_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
  }

  /**
   * A request as it arrived: the path and query are decoded from UTF-8 (raw UTF-8 is accepted) but
   * not percent-decoded (see {@link #percentDecode}); header names in lower case.
   */
  record Request(String method, String path, String query, String target, Map<String, String> headers) {
    Request {
      headers = Map.copyOf(headers);
    }

    /** The value of header {@code name} (lower case), or "". */
    String header(String name) {
      return headers.getOrDefault(name, "");
    }
  }

  /** The content type of JSON answers. */
  static final String JSON = "application/json; charset=utf-8";

  /** An answer: a status, a body of {@code contentType}, and extra headers. */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    /** A JSON answer (a newline is added after the document). */
    Response(int status, String json, Map<String, String> headers) {
      this(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8), headers);
    }

    Response(int status, String json) {
      this(status, json, Map.of());
    }
  }

  /** Answers a request; runs on a request thread. An exception it throws answers 500. */
  interface Handler {
    Response handle(Request request) throws Exception;
  }

  /** Where the transport reports what it cannot answer for (a handler's escaping exception). */
  interface Log {
    void internalError(Request request, Throwable e);
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Log log;
  private final Limits limits;
  private final ThreadPoolExecutor pool;
  private final Semaphore connections;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  private HttpTransport(ServerSocket server, Handler handler, Log log, Limits limits) {
    this.server = server;
    this.handler = handler;
    this.log = log;
    this.limits = limits;
    this.connections = new Semaphore(limits.maxConnections());
    // Each connection has at most one request in the queue, so it never holds more than this.
    this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(limits.maxConnections()), daemonThreads("tpsearch-request-"));
    this.acceptor = Thread.ofPlatform().daemon().name("tpsearch-accept").unstarted(this::acceptLoop);
  }

  /** Binds {@code host:port} (0 picks a free port) and starts serving. */
  static HttpTransport start(String host, int port, Limits limits, Handler handler, Log log) throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(host), port), Math.max(64, limits.maxConnections()));
    } catch (IOException e) {
      server.close();
      throw e;
    }
    HttpTransport t = new HttpTransport(server, handler, log, limits);
    t.acceptor.start();
    return t;
  }

  int port() {
    return server.getLocalPort();
  }

  Limits limits() {
    return limits;
  }

  /** Stops accepting, closes every connection; requests running finish on their own. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    // No interrupts: Lucene's file channels must not see one.
    pool.shutdown();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue; // a connection that failed while being accepted: the next one may be fine
      }
      if (!connections.tryAcquire()) {
        Thread.ofVirtual().start(() -> refuse(s));
        continue;
      }
      open.add(s);
      Thread.ofVirtual().name("tpsearch-connection").start(() -> {
        try {
          serve(s);
        } finally {
          open.remove(s);
          closeQuietly(s);
          connections.release();
        }
      });
    }
  }

  private void refuse(Socket s) {
    try (s) {
      OutputStream out = s.getOutputStream();
      write(out, new Response(503, error("too many connections (the limit is " + limits.maxConnections()
          + "); try again"), Map.of("Retry-After", "1")), false, true);
      finish(s, s.getInputStream());
    } catch (IOException ignored) {
      // The client went away: nothing to answer.
    }
  }

  // ---------------------------------------------------------------- one connection

  /** A problem with the request itself: answered with this status, then the connection closes. */
  private static final class BadRequest extends Exception {
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** A request line and headers; {@code close} when the connection ends after the answer. */
  private record Head(Request request, boolean close, boolean body) {}

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream(), 8192);
      OutputStream out = s.getOutputStream();
      while (!closed) {
        Head head;
        try {
          head = readHead(s, in);
        } catch (BadRequest e) {
          write(out, new Response(e.status, error(e.getMessage())), false, true);
          finish(s, in);
          return;
        }
        if (head == null) {
          return; // the client closed, or stayed idle too long between requests
        }
        // On loopback, only requests for a loopback name: a web page whose name an attacker's DNS
        // points at 127.0.0.1 (DNS rebinding) would otherwise read the index from the browser.
        Response r = server.getInetAddress().isLoopbackAddress() && !loopbackHost(head.request().header("host"))
            ? new Response(403, error("this server answers requests for 127.0.0.1, [::1] or localhost only, not for '"
                + printable(head.request().header("host")) + "' (a page of another site must not read it)"))
            : answer(head.request());
        write(out, r, head.request().method().equals("HEAD"), head.close());
        if (head.close()) {
          finish(s, in);
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or a write timed out: nothing more to answer.
    }
  }

  /** Runs the handler on the pool within the request's time limit. */
  private Response answer(Request request) {
    long deadline = System.nanoTime() + limits.requestTimeout().toNanos();
    FutureTask<Response> task = new FutureTask<>(() -> handler.handle(request));
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      return new Response(503, error("the server is busy; try again"), Map.of("Retry-After", "1"));
    }
    try {
      return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      // Not started: it never will. Started: it finishes in the background, its answer dropped.
      task.cancel(false);
      pool.remove(task);
      return new Response(503, error("the request took longer than the time limit of "
          + seconds(limits.requestTimeout()) + "; try a narrower query"), Map.of("Retry-After", "1"));
    } catch (ExecutionException e) {
      log.internalError(request, e.getCause());
      return new Response(500, error(INTERNAL_ERROR));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(503, error("the server is stopping"));
    }
  }

  /**
   * Whether a request's {@code Host} header names this machine's loopback: {@code localhost} or a
   * name under {@code .localhost}, an IPv4 address in 127.0.0.0/8 or {@code [::1]}, any port. No
   * Host at all (HTTP/1.0 scripts) passes: browsers always send one. Nothing is looked up.
   */
  static boolean loopbackHost(String host) {
    if (host.isEmpty()) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close > 0 && h.substring(1, close).equals("::1") && portOnly(h.substring(close + 1));
    }
    int colon = h.indexOf(':');
    String name = colon < 0 ? h : h.substring(0, colon);
    if (colon >= 0 && !portOnly(h.substring(colon))) {
      return false;
    }
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1); // localhost. is localhost
    }
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    String[] quad = name.split("\\.", -1);
    if (quad.length != 4 || !quad[0].equals("127")) {
      return false;
    }
    for (String part : quad) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** "" or ":" followed by digits. */
  private static boolean portOnly(String s) {
    return s.isEmpty() || (s.length() > 1 && s.length() <= 6 && s.charAt(0) == ':'
        && s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'));
  }

  /** A header value for a message: printable ASCII kept, anything else as \\uXXXX, at most 200 characters. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(200).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
        : String.format(Locale.ROOT, "\\u%04x", c)));
    return b.toString();
  }

  /** What a 500 says: the details go to the server's log, not to the client. */
  static final String INTERNAL_ERROR = "internal error (the details are in the server's log)";

  private Head readHead(Socket s, InputStream in) throws IOException, BadRequest {
    // One deadline for the idle wait before a request and for its whole head: a client that
    // sends a byte at a time cannot keep a connection open for longer.
    long deadline = System.nanoTime() + limits.readTimeout().toNanos();
    byte[] first;
    try {
      first = readLine(s, in, deadline, MAX_TARGET + 32, true, limits.readTimeout());
    } catch (SocketTimeoutException e) {
      return null; // idle: close without a word, as servers do
    }
    if (first == null) {
      return null;
    }
    String line = utf8(first, "the request line");
    String[] parts = line.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new BadRequest(400, "bad request line (expected: GET /path HTTP/1.1)");
    }
    String method = parts[0];
    String target = parts[1];
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new BadRequest(505, "unsupported HTTP version '" + version + "' (expected HTTP/1.1 or HTTP/1.0)");
    }
    if (target.getBytes(StandardCharsets.UTF_8).length > MAX_TARGET) {
      throw new BadRequest(414, "the URL is longer than " + MAX_TARGET + " bytes");
    }
    for (int i = 0; i < target.length(); i++) {
      if (target.charAt(i) < 0x20 || target.charAt(i) == 0x7f) {
        throw new BadRequest(400, "a control character in the URL");
      }
    }
    if (!target.startsWith("/")) {
      throw new BadRequest(400, "the URL must start with '/'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    int size = first.length;
    while (true) {
      byte[] h = readLine(s, in, deadline, MAX_HEAD - size, false, limits.readTimeout());
      if (h == null) {
        throw new BadRequest(400, "the request ended before its headers did");
      }
      if (h.length == 0) {
        break;
      }
      size += h.length + 2;
      if (headers.size() >= MAX_HEADERS) {
        throw new BadRequest(431, "more than " + MAX_HEADERS + " header lines");
      }
      String header = new String(h, StandardCharsets.ISO_8859_1);
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "a header line without a name");
      }
      headers.merge(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean body = headers.containsKey("transfer-encoding")
        || !headers.getOrDefault("content-length", "0").strip().equals("0");
    // A request with a body is answered and the connection closed: no body is ever read.
    boolean close = body || connection.contains("close")
        || (version.equals("HTTP/1.0") && !connection.contains("keep-alive"));
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    int hash = path.indexOf('#');
    return new Head(new Request(method, hash < 0 ? path : path.substring(0, hash), query, target, headers), close, body);
  }

  /**
   * Reads a line up to LF (a CR before it dropped); null at the end of the stream before any
   * byte. The first line answers 414 past {@code max} bytes, a header line 431. Past the deadline:
   * a {@link SocketTimeoutException} when nothing of a request came, else 408.
   */
  private static byte[] readLine(Socket s, InputStream in, long deadline, int max, boolean requestLine, Duration readTimeout)
      throws IOException, BadRequest {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b;
      try {
        if (in.available() == 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new SocketTimeoutException();
          }
          s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        b = in.read();
      } catch (SocketTimeoutException e) {
        if (requestLine && line.size() == 0) {
          throw e; // idle before a request: not an error
        }
        throw new BadRequest(408, "the request did not arrive within " + seconds(readTimeout));
      }
      if (b < 0) {
        if (line.size() == 0 && requestLine) {
          return null;
        }
        throw new BadRequest(400, "the request ended in the middle of a line");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return java.util.Arrays.copyOf(bytes, n);
      }
      if (line.size() >= max) {
        throw requestLine ? new BadRequest(414, "the URL is longer than " + MAX_TARGET + " bytes")
            : new BadRequest(431, "the request headers are longer than " + MAX_HEAD + " bytes");
      }
      line.write(b);
    }
  }

  /**
   * Ends a connection whose client may still be sending (a long URL, a body): stop writing, read
   * what comes for a bounded time and amount, then close. Closing with unread bytes would reset
   * the connection, and the client could lose the answer.
   */
  private static void finish(Socket s, InputStream in) {
    try {
      s.shutdownOutput();
      long deadline = System.nanoTime() + DRAIN_TIME.toNanos();
      byte[] buf = new byte[8192];
      long drained = 0;
      while (drained < DRAIN_BYTES) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        drained += n;
      }
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }

  /** The policy of every answer that is not the search page or one of its files. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

  private static void write(OutputStream out, Response r, boolean head, boolean close) throws IOException {
    byte[] body = r.body();
    StringBuilder h = new StringBuilder(256);
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
    h.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
    h.append("Content-Type: ").append(r.contentType()).append("\r\n");
    // No answer is ever read as another type than it says (a JSON string as HTML, say).
    h.append("X-Content-Type-Options: nosniff\r\n");
    // Every answer under a policy, errors included: JSON opened as a page runs nothing, loads
    // nothing and cannot be framed; the search page's files bring their own.
    if (!r.headers().containsKey("Content-Security-Policy")) {
      h.append("Content-Security-Policy: ").append(API_POLICY).append("\r\n");
    }
    h.append("Content-Length: ").append(body.length).append("\r\n");
    for (Map.Entry<String, String> e : r.headers().entrySet()) {
      h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
    }
    if (close) {
      h.append("Connection: close\r\n");
    }
    h.append("\r\n");
    byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + (head ? 0 : body.length)];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    if (!head) {
      System.arraycopy(body, 0, all, headBytes.length, body.length);
    }
    out.write(all);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 414 -> "URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status " + status;
    };
  }

  // ---------------------------------------------------------------- decoding

  private static String utf8(byte[] bytes, String what) throws BadRequest {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest(400, what + " is not valid UTF-8");
    }
  }

  /**
   * Decodes {@code %XX} escapes (and {@code +} as a space when {@code plusIsSpace}) into UTF-8
   * text. A bad escape or bytes that are not UTF-8 are an {@link IllegalArgumentException} naming
   * the problem, never a replacement character.
   */
  static String percentDecode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          String bad = s.substring(i, Math.min(s.length(), i + 3));
          throw new IllegalArgumentException("bad percent-encoding in the URL: '" + bad + "' (expected % and two hex digits)");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(b);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the URL's percent-encoded bytes are not UTF-8 text");
    }
  }

  static String error(String message) {
    return new Json().beginObject().field("error", message).endObject().toString();
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> Thread.ofPlatform().daemon().name(prefix + n.incrementAndGet()).unstarted(r);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }
}
