package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.opensearch.Cluster;

/**
 * How tpsearch reaches an engine, against a real HTTP(S) server of the JDK's
 * ({@code com.sun.net.httpserver}) that answers as OpenSearch would, or as something else: the
 * credentials sent (config.toml, the environment over it), the warning for a config file others can
 * read, a busy cluster (429/503) tried again, an engine that never answers, a server that is not
 * OpenSearch, and TLS with an untrusted and a trusted certificate. (The OpenSearch test framework
 * runs nodes without the security plugin, so a cluster that asks for a password cannot run here.)
 */
class EngineConnectionTest {
  @TempDir Path home;

  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);

  /** What the server answers to one request (the path and method in {@code ex}). */
  private interface Answer {
    void answer(HttpExchange ex) throws Exception;
  }

  private static final String OPENSEARCH_ROOT = "{\"name\":\"n\",\"version\":{\"distribution\":\"opensearch\","
      + "\"number\":\"3.8.0\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";

  private String start(HttpServer s, Answer answer) {
    server = s;
    s.setExecutor(Executors.newCachedThreadPool());
    s.createContext("/", ex -> {
      try (ex) {
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        try (InputStream in = ex.getRequestBody()) {
          in.readAllBytes();
        }
        answer.answer(ex);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    });
    s.start();
    String scheme = s instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + s.getAddress().getPort() + "/tp";
  }

  private String start(Answer answer) throws IOException {
    return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), answer);
  }

  /** OpenSearch's answers of a cluster without the index 'tp'. */
  private static void noIndex(HttpExchange ex) throws IOException {
    if (ex.getRequestURI().getPath().equals("/")) {
      send(ex, 200, OPENSEARCH_ROOT);
    } else {
      send(ex, 404, "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [tp]\"},\"status\":404}");
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  private Path config(String text) throws IOException {
    Path dir = home.resolve(".config/tpsearch");
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("config.toml"), text);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsComeFromTheConfigFileAndTheEnvironmentOverridesThem() throws Exception {
    String url = start(EngineConnectionTest::noIndex);
    Path file = config("engine-user = \"reader\"\nengine-password = \"s3cret-Pw\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Cli cli = Cli.at(home);
    Cli.Result r = cli.run("stats", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("no such index on the cluster"), r::toString);
    assertEquals(basic("reader", "s3cret-Pw"), authorizations.get(authorizations.size() - 1));
    // The file holds a password and others can read it: a warning, and the run goes on.
    assertTrue(r.err().contains("warning: " + file + " holds engine-password but others can read it (mode rw-r--r--)"),
        r::toString);
    assertFalse(r.out().contains("s3cret-Pw") || r.err().contains("s3cret-Pw"), r::toString);
    Cli.Result shown = cli.run("config");
    assertTrue(shown.out().lines().anyMatch(l -> l.matches("engine-password\\s+\\*\\*\\*\\s+config config.toml line 2")),
        shown::toString);
    assertFalse(shown.out().contains("s3cret-Pw"), shown::toString);

    // Private: no warning.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    r = cli.run("stats", "--engine", url);
    assertFalse(r.err().contains("warning"), r::toString);

    // The environment wins over the file, key by key; an API key wins over a user and password.
    r = cli.with(Cluster.ENV_USER, "writer").run("stats", "--engine", url);
    assertEquals(basic("writer", "s3cret-Pw"), authorizations.get(authorizations.size() - 1), r::toString);
    r = cli.with(Cluster.ENV_API_KEY, "a2V5OnZhbHVl").run("stats", "--engine", url);
    assertEquals("ApiKey a2V5OnZhbHVl", authorizations.get(authorizations.size() - 1), r::toString);

    // 'index --to' sends them too.
    Path reports = Files.createDirectories(home.resolve("reports"));
    r = cli.run("index", reports.toString(), "--to", url);
    assertEquals(basic("reader", "s3cret-Pw"), authorizations.get(authorizations.size() - 1), r::toString);
  }

  @Test
  void noCredentialsSendNoAuthorizationAndARefusalSaysWhereToSetThem() throws Exception {
    String url = start(ex -> {
      if (ex.getRequestURI().getPath().equals("/")) {
        send(ex, 200, OPENSEARCH_ROOT);
      } else {
        send(ex, 401, "{\"error\":\"Unauthorized\"}");
      }
    });
    Cli.Result r = Cli.at(home).run("search", "光伏", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertEquals("null", authorizations.get(0));
    assertTrue(r.err().contains("refused tpsearch (401)") && r.err().contains("engine-password"), r::toString);
  }

  @Test
  void aBusyClusterIsAskedAgainAfterTheWaitItAsksFor() throws Exception {
    AtomicInteger mappings = new AtomicInteger();
    String url = start(ex -> {
      if (ex.getRequestURI().getPath().equals("/")) {
        send(ex, 200, OPENSEARCH_ROOT);
      } else if (ex.getRequestURI().getPath().equals("/tp/_mapping") && mappings.incrementAndGet() == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        send(ex, 429, "{\"error\":{\"type\":\"rejected_execution_exception\",\"reason\":\"busy\"},\"status\":429}");
      } else {
        noIndex(ex);
      }
    });
    Cli.Result r = Cli.at(home).run("stats", "--engine", url);
    // The second answer (no such index) is the one the user sees.
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("no such index"), r::toString);
    // (Then whether the cluster has just started and not read its state yet: it has.)
    assertEquals(List.of("GET /", "GET /tp/_mapping", "GET /tp/_mapping", "GET /_cluster/state/blocks"), requests);
  }

  @Test
  void aClusterThatStaysBusyIsAClearErrorAfterBoundedAttempts() throws Exception {
    String url = start(ex -> {
      if (ex.getRequestURI().getPath().equals("/")) {
        send(ex, 200, OPENSEARCH_ROOT);
      } else {
        ex.getResponseHeaders().set("Retry-After", "0");
        send(ex, 503, "{\"error\":\"unavailable\"}");
      }
    });
    Cli.Result r = Cli.at(home).run("stats", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("the cluster at " + url.replace("/tp", "") + " is busy: it answered 503 to GET /tp/_mapping 6 times"),
        r::toString);
    // With the cluster's reason: a shard unavailable (a node down) also answers 503, and is not a full queue.
    assertTrue(r.err().contains(" (unavailable); try again later"), r::toString);
    assertEquals(7, requests.size(), requests::toString);
  }

  @Test
  void aHostNoDnsKnowsIsSaidSoNotConnectionRefused() {
    // .invalid never resolves (RFC 2606). Was: "cannot reach the cluster at http://...: connection refused".
    Cli.Result r = Cli.at(home).run("search", "光伏", "--engine", "http://tpsearch-test.invalid:9200/tp");
    assertEquals(3, r.exit(), r::toString);
    assertEquals("tpsearch: cannot open http://tpsearch-test.invalid:9200/tp: cannot reach the cluster at "
        + "http://tpsearch-test.invalid:9200: unknown host tpsearch-test.invalid (no address for it: check the engine URL)"
        + System.lineSeparator(), r.err(), r::toString);
  }

  @Test
  void theWaitGrowsAndIsBounded() {
    ZonedDateTime now = ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(Duration.ofMillis(250), Cluster.backoff(1, null, now));
    assertEquals(Duration.ofMillis(500), Cluster.backoff(2, null, now));
    assertEquals(Duration.ofSeconds(4), Cluster.backoff(5, null, now));
    assertEquals(Duration.ofSeconds(20), Cluster.backoff(12, null, now));
    assertEquals(Duration.ofSeconds(3), Cluster.backoff(1, "3", now));
    assertEquals(Duration.ofSeconds(20), Cluster.backoff(1, "3600", now));
    assertEquals(Duration.ofSeconds(7),
        Cluster.backoff(1, now.plusSeconds(7).format(DateTimeFormatter.RFC_1123_DATE_TIME), now));
    assertEquals(Duration.ZERO, Cluster.backoff(1, now.minusSeconds(7).format(DateTimeFormatter.RFC_1123_DATE_TIME), now));
    assertEquals(Duration.ofMillis(500), Cluster.backoff(2, "soon", now));
  }

  @Test
  void anEngineThatNeverAnswersIsAnErrorNamingTheUrlAfterTheTimeout() throws Exception {
    String url = start(ex -> release.await(2, TimeUnit.MINUTES));
    Cli.Result r = Cli.at(home).with("TPSEARCH_ENGINE_TIMEOUT", "1s").run("search", "光伏", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("the cluster at " + url.replace("/tp", "") + " did not answer GET / within 1 s (engine-timeout)"),
        r::toString);
    Cli.Result bad = Cli.at(home).with("TPSEARCH_ENGINE_TIMEOUT", "0s").run("search", "光伏", "--engine", url);
    assertEquals(2, bad.exit(), bad::toString);
    assertTrue(bad.err().contains("engine-timeout = '0s': expected a duration of at least 1s"), bad::toString);
  }

  @Test
  void aServerThatIsNotOpenSearchIsSaidSo() throws Exception {
    String url = start(ex -> {
      if (ex.getRequestURI().getPath().equals("/")) {
        send(ex, 200, "{\"name\":\"es\",\"version\":{\"number\":\"8.15.0\",\"build_flavor\":\"default\"},"
            + "\"tagline\":\"You Know, for Search\"}");
      } else {
        send(ex, 200, "{}");
      }
    });
    Cli.Result r = Cli.at(home).run("search", "光伏", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains(url.replace("/tp", "") + " is not an OpenSearch cluster: it is not OpenSearch 8.15.0 (Elasticsearch?)"),
        r::toString);
    assertEquals(List.of("GET /"), requests);
    Path reports = Files.createDirectories(home.resolve("reports"));
    Cli.Result index = Cli.at(home).run("index", reports.toString(), "--to", url);
    assertEquals(3, index.exit(), index::toString);
    assertTrue(index.err().contains("is not an OpenSearch cluster"), index::toString);
    assertEquals(List.of("GET /", "GET /"), requests);
  }

  @Test
  void aWebPageAnsweringOkIsNotOpenSearch() throws Exception {
    String url = start(ex -> {
      byte[] b = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
    });
    Cli.Result r = Cli.at(home).run("facets", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("is not an OpenSearch cluster: it answered GET / with no OpenSearch version"), r::toString);
  }

  @Test
  void httpsIsVerifiedAgainstTheTrustStoreAndAGivenCa() throws Exception {
    // A self-signed certificate for 127.0.0.1, made by the JDK's keytool.
    Path ks = home.resolve("server.p12");
    Path ca = home.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "tp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "tp", "-keystore", ks.toString(), "-storepass", "changeit", "-file",
        ca.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(tls));
    String url = start(https, EngineConnectionTest::noIndex);

    // Not in the JDK's trust store: refused, with what to do.
    Cli.Result r = Cli.at(home).run("stats", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("cannot reach the cluster at " + url.replace("/tp", "") + " over TLS: "), r::toString);
    assertTrue(r.err().contains("give that CA's certificate in $TPSEARCH_ENGINE_CA or config.toml's engine-ca"), r::toString);
    assertTrue(requests.isEmpty(), requests::toString);

    // Its CA given (config.toml, relative to its folder): the requests arrive, with the credentials.
    Files.copy(ca, Files.createDirectories(home.resolve(".config/tpsearch")).resolve("ca.pem"));
    config("engine-ca = \"ca.pem\"\nengine-api-key = \"a2V5\"\n");
    r = Cli.at(home).run("stats", "--engine", url);
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().contains("no such index on the cluster"), r::toString);
    assertEquals(List.of("GET /", "GET /tp/_mapping", "GET /_cluster/state/blocks"), requests);
    assertEquals("ApiKey a2V5", authorizations.get(1));

    // A CA file that is not one: a usage error naming it.
    Files.writeString(home.resolve(".config/tpsearch/ca.pem"), "not a certificate\n");
    r = Cli.at(home).run("stats", "--engine", url);
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("ca.pem"), r::toString);
  }

  private void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void aPasswordInTheConfigIsNeverShownInAnError() throws Exception {
    config("engine-timeout = \"never\"\nengine-password = \"hunter2\"\n");
    Cli.Result r = Cli.at(home).run("config");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("engine-timeout = 'never'"), r::toString);
    assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"), r::toString);
  }
}
