package org.tpsearch.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * One index on an OpenSearch cluster, spoken to over its REST API with the JDK's HTTP client:
 * {@code http://host:9200/index-name} (the index name defaults to {@value #DEFAULT_INDEX}).
 * Credentials come from {@link Access} (the environment or config.toml, never the URL); an
 * {@code https} URL is verified against the JDK's trust store, plus a CA certificate file when one
 * is given. Every request has a connect and a request timeout; an answer 429 or 503 (the cluster is
 * busy) is tried again after a bounded exponential back-off that honours {@code Retry-After}. The
 * first request checks that the server is OpenSearch ({@code GET /}).
 */
public final class Cluster {
  /** The index name when the URL gives none. */
  public static final String DEFAULT_INDEX = "tpsearch";
  public static final String ENV_USER = "TPSEARCH_ENGINE_USER";
  public static final String ENV_PASSWORD = "TPSEARCH_ENGINE_PASSWORD";
  public static final String ENV_API_KEY = "TPSEARCH_ENGINE_API_KEY";
  public static final String ENV_CA = "TPSEARCH_ENGINE_CA";
  /** How often a request the cluster answers 429 or 503 is sent, at most. */
  static final int ATTEMPTS = 6;
  /** The first wait before sending again; it doubles each time, up to {@link #MAX_WAIT}. */
  static final Duration FIRST_WAIT = Duration.ofMillis(250);
  /** The longest wait between two attempts, whatever Retry-After asks. */
  static final Duration MAX_WAIT = Duration.ofSeconds(20);

  /**
   * How tpsearch reaches a cluster: credentials (an API key, else a user and password; none for a
   * cluster without security), a CA certificate file to trust besides the JDK's trust store (or
   * null), and the connect and request timeouts.
   */
  public record Access(String user, String password, String apiKey, Path ca, Duration connectTimeout, Duration timeout) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The access the environment gives ({@value #ENV_USER}, ...), with the default timeouts. */
    public static Access fromEnv(Map<String, String> env) {
      String ca = env.get(ENV_CA);
      return new Access(env.get(ENV_USER), env.get(ENV_PASSWORD), env.get(ENV_API_KEY),
          ca == null || ca.isBlank() ? null : Path.of(ca.strip()), CONNECT_TIMEOUT, TIMEOUT);
    }

    /** The Authorization header, or null. */
    String authorization() {
      if (apiKey != null && !apiKey.isBlank()) {
        return "ApiKey " + apiKey.strip();
      }
      if (user != null && !user.isBlank()) {
        String pass = password == null ? "" : password;
        return "Basic " + Base64.getEncoder().encodeToString((user.strip() + ":" + pass).getBytes(StandardCharsets.UTF_8));
      }
      return null;
    }

    @Override
    public String toString() {
      return "Access[user=" + user + ", password=" + (password == null ? null : "***") + ", apiKey="
          + (apiKey == null ? null : "***") + ", ca=" + ca + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + "]";
    }
  }

  private final URI base;
  private final String index;
  private final String authorization;
  private final Access access;
  private final HttpClient http;
  private volatile boolean checked;
  /** HTTP exchanges so far (each attempt of a request counts), for benchmarks and tests of round trips. */
  private final java.util.concurrent.atomic.AtomicLong exchanges = new java.util.concurrent.atomic.AtomicLong();

  private Cluster(URI base, String index, Access access, HttpClient http) {
    this.base = base;
    this.index = index;
    this.access = access;
    this.authorization = access.authorization();
    this.http = http;
  }

  /** A failure the cluster answered, or could not be reached for; carries the URL. */
  public static final class ClusterException extends IOException {
    private final int status;

    public ClusterException(String message, int status, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    /** The HTTP status, or 0 when the cluster did not answer. */
    public int status() {
      return status;
    }
  }

  /** The cluster and index {@code url} names, with the access the environment {@code env} gives. */
  public static Cluster connect(String url, Map<String, String> env) {
    return connect(url, Access.fromEnv(env));
  }

  /**
   * The cluster and index {@code url} names, reached with {@code access}. Nothing is sent yet.
   *
   * @throws IllegalArgumentException for a URL that is not http(s)://host[:port][/index], or that
   *     holds credentials, or a CA file that cannot be read
   */
  public static Cluster connect(String url, Access access) {
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + redacted(url) + "' is not a URL (expected http://host:9200/index-name)");
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
      throw new IllegalArgumentException("'" + redacted(url) + "' is not an http or https URL (expected http://host:9200/index-name)");
    }
    if (u.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the engine URL holds credentials: give them in $" + ENV_USER + " and $"
          + ENV_PASSWORD + " (or $" + ENV_API_KEY + "), never on the command line");
    }
    String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
    if (path.contains("/")) {
      throw new IllegalArgumentException("'" + redacted(url) + "': expected one index name after the host, got '" + path + "'");
    }
    String index = path.isEmpty() ? DEFAULT_INDEX : path;
    if (!index.matches("[a-z0-9][a-z0-9_.-]*") || index.length() > 200) {
      throw new IllegalArgumentException("'" + index + "' is not an OpenSearch index name (lower case letters, digits, _ . -)");
    }
    URI base = URI.create(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(access.connectTimeout());
    if (access.ca() != null) {
      http.sslContext(trusting(access.ca()));
    }
    return new Cluster(base, index, access, http.build());
  }

  /** TLS that trusts the JDK's trust store and the certificates in {@code caFile} (PEM or DER). */
  private static SSLContext trusting(Path caFile) {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      int n = 0;
      for (var tm : jdk.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            trusted.setCertificateEntry("jdk-" + n++, c);
          }
        }
      }
      Collection<? extends Certificate> mine;
      try (InputStream in = Files.newInputStream(caFile)) {
        mine = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (mine.isEmpty()) {
        throw new IllegalArgumentException(caFile + ": no certificate in it (expected a PEM or DER CA certificate)");
      }
      for (Certificate c : mine) {
        trusted.setCertificateEntry("ca-" + n++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the CA certificate " + caFile + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(caFile + ": not a CA certificate (expected PEM or DER): " + e.getMessage());
    }
  }

  /**
   * {@code url} for a message: whatever stands between the scheme and the last {@code @} (a user
   * and password, even a malformed one) replaced by {@code ***}. A password typed into a URL is
   * never printed, whatever else is wrong with the URL.
   */
  public static String redacted(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int at = url.lastIndexOf('@');
    return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
  }

  /** The index name. */
  public String index() {
    return index;
  }

  /** The URL of the index, for people (no credentials are ever in it). */
  public String url() {
    return base + "/" + index;
  }

  /** How many HTTP exchanges (round trips) this client has made. */
  public long exchanges() {
    return exchanges.get();
  }

  /** A response: status and parsed JSON body (null when empty). */
  public record Response(int status, Object body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * Sends {@code body} (JSON, NDJSON, or null) to {@code path}; any status comes back but 401 and
   * 403 (refused), and 429 and 503 after the last attempt; a network failure or timeout throws.
   */
  public Response send(String method, String path, String body, String contentType) throws ClusterException {
    if (!checked) {
      checkEngine();
    }
    return exchange(method, path, body, contentType);
  }

  /**
   * Checks once that the server at the URL is OpenSearch: {@code GET /} names the distribution.
   * Elasticsearch, another service, or a proxy page answering 200 is a clear error, not a
   * confusing one later.
   */
  private void checkEngine() throws ClusterException {
    Response r = exchange("GET", "/", null, null);
    Map<String, Object> version = JsonText.map(r.body(), "version");
    String distribution = JsonText.string(version, "distribution");
    if (!r.ok() || !"opensearch".equals(distribution)) {
      String what = !r.ok() ? "answered " + r.status() + " to GET /"
          : version.isEmpty() ? "answered GET / with no OpenSearch version"
          : "is " + (distribution == null ? "not OpenSearch" : distribution) + " "
              + JsonText.string(version, "number") + (distribution == null ? " (Elasticsearch?)" : "");
      throw new ClusterException(base + " is not an OpenSearch cluster: it " + what
          + "; tpsearch needs OpenSearch 3.x with the analysis-smartcn plugin", r.status(), null);
    }
    checked = true;
  }

  /** One request, sent again while the cluster answers 429 or 503 (at most {@link #ATTEMPTS} times). */
  private Response exchange(String method, String path, String body, String contentType) throws ClusterException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(access.timeout())
        .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", contentType);
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest request = b.build();
    HttpResponse<String> r;
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      r = once(request, method, path);
      int status = r.statusCode();
      if ((status != 429 && status != 503) || attempt == ATTEMPTS) {
        if (status == 429 || status == 503) {
          // Its reason tells a busy cluster (429, a full queue) from an unavailable shard (503, a node down).
          throw new ClusterException("the cluster at " + base + " is busy: it answered " + status + " to " + method + " "
              + path + " " + ATTEMPTS + " times over " + seconds(waited) + because(r.body()) + "; try again later",
              status, null);
        }
        break;
      }
      Duration wait = backoff(attempt, r.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now());
      waited = waited.plus(wait);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for the cluster at " + base, 0, e);
      }
    }
    Object parsed = parsedOrText(r.body());
    // 401, or 403 from the security plugin: the credentials. (A 403 for a write block on an index
    // is the cluster's answer about that index, reported by whoever asked.)
    String type = JsonText.string(JsonText.map(parsed, "error"), "type");
    if (r.statusCode() == 401 || (r.statusCode() == 403 && (type == null || type.equals("security_exception")))) {
      throw new ClusterException("the cluster at " + base + " refused tpsearch (" + r.statusCode() + "): set $" + ENV_USER
          + " and $" + ENV_PASSWORD + ", or $" + ENV_API_KEY + " (or engine-user and engine-password, or engine-api-key, "
          + "in config.toml), to an account that may read and write " + index, r.statusCode(), null);
    }
    return new Response(r.statusCode(), parsed);
  }

  /** One HTTP exchange; a failure to connect, a timeout or an untrusted certificate is said plainly. */
  private HttpResponse<String> once(HttpRequest request, String method, String path) throws ClusterException {
    exchanges.incrementAndGet();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new ClusterException("cannot reach the cluster at " + base + ": no connection within "
          + seconds(access.connectTimeout()) + " (engine-connect-timeout)", 0, e);
    } catch (HttpTimeoutException e) {
      throw new ClusterException("the cluster at " + base + " did not answer " + method + " " + path + " within "
          + seconds(access.timeout()) + " (engine-timeout)", 0, e);
    } catch (SSLException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new ClusterException("cannot reach the cluster at " + base + " over TLS: " + root.getMessage()
          + (root instanceof java.security.cert.CertificateException || e instanceof javax.net.ssl.SSLHandshakeException
              ? "; if its certificate is signed by your own CA, give that CA's certificate in $" + ENV_CA
                  + " or config.toml's engine-ca" : ""), 0, e);
    } catch (ConnectException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
          // The JDK says "connection refused" for a name no DNS knows: a typo in the host is not a cluster down.
          throw new ClusterException("cannot reach the cluster at " + base + ": unknown host " + base.getHost()
              + " (no address for it: check the engine URL)", 0, e);
        }
      }
      throw new ClusterException("cannot reach the cluster at " + base + ": connection refused", 0, e);
    } catch (IOException e) {
      throw new ClusterException("cannot reach the cluster at " + base + ": " + (e.getMessage() == null ? e : e.getMessage()), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for the cluster at " + base, 0, e);
    }
  }

  /** " (the reason)" a response body gives, at most a line's length; empty for an empty body. */
  private static String because(String body) {
    Object parsed = parsedOrText(body);
    if (parsed == null) {
      return "";
    }
    String why = reason(parsed).strip().replaceAll("\\s+", " ");
    return " (" + (why.length() > 200 ? why.substring(0, 200) + "…" : why) + ")";
  }

  /** A response body parsed as JSON; the text itself when it is not JSON; null when empty. */
  private static Object parsedOrText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return JsonText.parse(text);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /**
   * The wait before attempt {@code attempt + 1}: {@code Retry-After} when the cluster sends one
   * (seconds or an HTTP date), else {@link #FIRST_WAIT} doubled each attempt; never more than
   * {@link #MAX_WAIT}.
   */
  public static Duration backoff(int attempt, String retryAfter, ZonedDateTime now) {
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempt - 1, 16));
    if (retryAfter != null && !retryAfter.isBlank()) {
      String v = retryAfter.strip();
      try {
        if (v.matches("\\d{1,9}")) {
          wait = Duration.ofSeconds(Long.parseLong(v));
        } else {
          wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        }
      } catch (DateTimeParseException e) {
        // Not a Retry-After value: the back-off stands.
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Sends JSON {@code body} to {@code path} and returns the answer, failing on any status but 2xx. */
  public Object call(String method, String path, Object body) throws ClusterException {
    Response r = send(method, path, body == null ? null : JsonText.write(body), "application/json");
    if (!r.ok()) {
      throw new ClusterException("the cluster at " + base + " answered " + r.status() + " to " + method + " " + path + ": "
          + reason(r.body()), r.status(), null);
    }
    return r.body();
  }

  /**
   * Sends search {@code body} to {@code path} ({@code _search}) and returns the answer, failing on
   * any status but 2xx and on an answer that left shards out ({@link #whole}).
   */
  public Object search(String path, Object body) throws ClusterException {
    return whole(call("POST", path, body));
  }

  /**
   * {@code answer} (of a search, or one search of an {@code _msearch}) when every shard of the
   * index answered it; else fails naming how many did. OpenSearch answers 200 from the shards it
   * reaches when others are unavailable (a node that holds them is down, with no replica elsewhere)
   * or failed: its hits, totals and counts would be short with nothing to say so.
   */
  public Object whole(Object answer) throws ClusterException {
    Map<String, Object> shards = JsonText.map(answer, "_shards");
    if (shards.isEmpty()) {
      return answer;
    }
    long total = (long) JsonText.number(shards, "total", 0);
    long answered = (long) JsonText.number(shards, "successful", 0) + (long) JsonText.number(shards, "skipped", 0);
    long failed = (long) JsonText.number(shards, "failed", 0);
    if (failed == 0 && answered >= total) {
      return answer;
    }
    Object first = JsonText.list(shards, "failures").stream().findFirst().orElse(null);
    String why = first == null ? "" : " (" + reason(JsonText.obj("error", JsonText.map(first, "reason"))) + ")";
    long missing = total - Math.min(total, answered);
    throw new ClusterException("the index " + url() + " answered from " + Math.min(total, answered) + " of its " + total
        + " shards: " + (missing == 1 ? "one is" : missing + " are") + " unavailable or failed" + why
        + ", so the answer would be incomplete (a node that holds " + (missing == 1 ? "it" : "them")
        + " may be down; start it again, or see GET /_cluster/health/" + index + "?level=shards)", 503, null);
  }

  /**
   * Waits while a cluster just started is still reading its state from disk ("state not recovered"):
   * until then every index looks missing (a run would take an existing index for a new one, a
   * search would say there is none).
   * An account not allowed to read the cluster's blocks goes on without waiting. True when it waited.
   */
  public boolean awaitStarted() throws ClusterException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    for (boolean waited = false; ; waited = true) {
      Response r;
      try {
        r = send("GET", "/_cluster/state/blocks", null, null);
      } catch (ClusterException e) {
        if (e.status() == 401 || e.status() == 403) {
          return waited;
        }
        throw e;
      }
      Map<String, Object> global = JsonText.map(JsonText.map(r.body(), "blocks"), "global");
      if (!r.ok() || !global.containsKey(STATE_NOT_RECOVERED)) {
        return waited;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException("the cluster at " + base + " has not finished starting: after 30 s it is still "
            + "reading its state from disk (" + JsonText.string(JsonText.map(global, STATE_NOT_RECOVERED), "description")
            + "); run again when GET /_cluster/health answers yellow or green", r.status(), null);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for the cluster at " + base + " to start", 0, e);
      }
    }
  }

  /** The id of OpenSearch's global block "state not recovered / initialized". */
  private static final String STATE_NOT_RECOVERED = "1";

  /** How long a run waits for the shards of an existing index to be ready (after a node restart, say). */
  public static final String SHARD_WAIT = "30s";

  /** Waits until every primary shard of {@code index} (which exists) is active; fails naming it if they stay down. */
  public void awaitShards(String index) throws ClusterException {
    Response r = send("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=" + SHARD_WAIT, null, null);
    Map<?, ?> health = r.body() instanceof Map<?, ?> m ? m : Map.of();
    if (r.ok() && !Boolean.TRUE.equals(health.get("timed_out"))) {
      return;
    }
    String status = health.get("status") != null ? String.valueOf(health.get("status")) : "HTTP " + r.status();
    throw new ClusterException("the index " + index + " at " + base + " is not ready: after " + SHARD_WAIT
        + " its status is " + status + " (a node that holds its data may be down; start it again, or see GET /_cluster/health/"
        + index + "?level=shards)", r.status(), null);
  }

  /**
   * Waits at most {@code timeout} (as "10s") until every primary shard of {@code index} is active;
   * false when they are not by then. At once when they are (one request).
   */
  public boolean shardsReady(String index, String timeout) throws ClusterException {
    Response r = send("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=" + timeout, null, null);
    Map<?, ?> health = r.body() instanceof Map<?, ?> m ? m : Map.of();
    return r.ok() && !Boolean.TRUE.equals(health.get("timed_out"));
  }

  /** The reason an error body gives, in one line. */
  public static String reason(Object body) {
    Map<String, Object> error = JsonText.map(body, "error");
    if (!error.isEmpty()) {
      String type = JsonText.string(error, "type");
      String reason = JsonText.string(error, "reason");
      return (type == null ? "" : type + ": ") + (reason == null ? "" : reason);
    }
    Object e = body instanceof Map<?, ?> m ? m.get("error") : null;
    return e != null ? e.toString() : String.valueOf(body);
  }
}
