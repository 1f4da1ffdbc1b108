package org.tpsearch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * One index on an OpenSearch cluster, spoken to over its REST API with the JDK's HTTP client:
 * {@code http://host:9200/index-name} (the index name defaults to {@value #DEFAULT_INDEX}).
 * Credentials come from the environment ({@value #ENV_USER} and {@value #ENV_PASSWORD}, or
 * {@value #ENV_API_KEY}), never from the URL; an {@code https} URL is verified against the JDK's
 * trust store ({@code -Djavax.net.ssl.trustStore=...} in {@code TPSEARCH_JAVA_OPTS} for a private CA).
 */
public final class Cluster {
  /** The index name when the URL gives none. */
  public static final String DEFAULT_INDEX = "tpsearch";
  public static final String ENV_USER = "TPSEARCH_ENGINE_USER";
  public static final String ENV_PASSWORD = "TPSEARCH_ENGINE_PASSWORD";
  public static final String ENV_API_KEY = "TPSEARCH_ENGINE_API_KEY";

  private final URI base;
  private final String index;
  private final String authorization;
  private final HttpClient http;

  private Cluster(URI base, String index, String authorization) {
    this.base = base;
    this.index = index;
    this.authorization = authorization;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
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

  /**
   * The cluster and index {@code url} names, with credentials from {@code env}.
   *
   * @throws IllegalArgumentException for a URL that is not http(s)://host[:port][/index], or that holds credentials
   */
  public static Cluster connect(String url, Map<String, String> env) {
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
    String auth = null;
    String key = env.get(ENV_API_KEY);
    String user = env.get(ENV_USER);
    if (key != null && !key.isBlank()) {
      auth = "ApiKey " + key.strip();
    } else if (user != null && !user.isBlank()) {
      String pass = env.getOrDefault(ENV_PASSWORD, "");
      auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
    }
    return new Cluster(base, index, auth);
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

  /** A response: status and parsed JSON body (null when empty). */
  public record Response(int status, Object body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends {@code body} (JSON, NDJSON, or null) to {@code path}; any status comes back, a network failure throws. */
  public Response send(String method, String path, String body, String contentType) throws ClusterException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
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
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ClusterException("cannot reach the cluster at " + base + ": " + (e.getMessage() == null ? e : e.getMessage()), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while waiting for the cluster at " + base, 0, e);
    }
    Object parsed = null;
    String text = r.body();
    if (text != null && !text.isBlank()) {
      try {
        parsed = JsonText.parse(text);
      } catch (IllegalArgumentException e) {
        parsed = text;
      }
    }
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw new ClusterException("the cluster at " + base + " refused tpsearch (" + r.statusCode() + "): set $" + ENV_USER
          + " and $" + ENV_PASSWORD + ", or $" + ENV_API_KEY + ", to an account that may read and write " + index,
          r.statusCode(), null);
    }
    return new Response(r.statusCode(), parsed);
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
