package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;

/**
 * {@code tpsearch serve} under hostile requests (hostile trial, session 3): a page of another site
 * reaching the loopback server by DNS rebinding, and the security headers of answers that are not
 * the search page (errors above all).
 */
class ServeHostileTest {
  private static IndexHandle index;
  private static HttpApi api;

  @BeforeAll
  static void start() throws Exception {
    index = IndexHandle.openEmbedded();
    Context ctx = new Context(Map.of(), false);
    api = HttpApi.start(new LuceneBackend(new Searcher(index, new QueryCompiler(ctx.glossary(), index.reader()))), "127.0.0.1", 0, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    api.stop();
    index.close();
  }

  private static HttpApiTest.Raw get(String pathAndQuery, String host) throws Exception {
    String request = "GET " + pathAndQuery + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
        + "Accept: text/html,application/json\r\nConnection: close\r\n\r\n";
    return HttpApiTest.raw(api.port(), request.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * DNS rebinding: evil.example first resolves to the attacker, then to 127.0.0.1; the attacker's
   * page, same-origin with evil.example, reads whatever answers there. The browser sends
   * {@code Host: evil.example:PORT}; a loopback server must refuse it, for every path.
   */
  @Test
  void aRequestForAnotherSitesNameIsRefusedOnLoopback() throws Exception {
    int port = api.port();
    for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port,
        "localhost.evil.example", "127.0.0.1:" + port + "@evil.example", "[::2]:" + port, "128.0.0.1:" + port,
        "127.0.0.1:" + port + ", evil.example", "127.0.0.256", "127.0.0.1:x", "localhost:" + port + ":1",
        "évil.example")) {
      for (String path : List.of("/", "/search?q=%E7%A2%B3%E8%BE%BE%E5%B3%B0", "/points/xinjiang/industry/2022-03-01/event",
          "/static/tpsearch.js", "/health")) {
        HttpApiTest.Raw r = get(path, host);
        assertEquals(403, r.status(), host + " " + path + ": " + r);
        assertTrue(r.body().startsWith("{\"error\":\"this server answers requests for 127.0.0.1"), r::toString);
        assertFalse(r.body().contains("碳达峰") || r.body().contains("xinjiang"), r::toString);
      }
    }
    // A name it cannot print is escaped in the message.
    assertTrue(get("/", "\u00e9vil.example").body().contains("\\u00e9vil.example"));
  }

  @Test
  void loopbackNamesAndNoHostAreAnswered() throws Exception {
    int port = api.port();
    for (String host : List.of("127.0.0.1:" + port, "127.0.0.1", "localhost:" + port, "LOCALHOST", "localhost.:" + port,
        "app.localhost:" + port, "127.1.2.3:" + port, "[::1]:" + port, "[::1]")) {
      HttpApiTest.Raw r = get("/health", host);
      assertEquals(200, r.status(), host + ": " + r);
    }
    // HTTP/1.0 without a Host (a script, never a browser).
    HttpApiTest.Raw r = HttpApiTest.raw(api.port(), "GET /health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals(200, r.status(), r::toString);
  }

  @Test
  void aServerBoundElsewhereTakesAnyName() throws Exception {
    // --host 0.0.0.0 is the user's choice to be reached by names we cannot know.
    HttpApi open = HttpApi.start(new LuceneBackend(new Searcher(index, new QueryCompiler(
        new Context(Map.of(), false).glossary(), index.reader()))), "0.0.0.0", 0, 1);
    try {
      String request = "GET /health HTTP/1.1\r\nHost: tpsearch.lab.example:" + open.port() + "\r\nConnection: close\r\n\r\n";
      HttpApiTest.Raw r = HttpApiTest.raw(open.port(), request.getBytes(StandardCharsets.US_ASCII));
      assertEquals(200, r.status(), r::toString);
    } finally {
      open.stop();
    }
  }

  /** Every answer carries a policy and nosniff: errors, 404s, 405s, the transport's own 400s. */
  @Test
  void everyAnswerHasAStrictPolicy() throws Exception {
    String host = "127.0.0.1:" + api.port();
    List<HttpApiTest.Raw> answers = List.of(
        get("/health", host),
        get("/nope", host),
        get("/search?q=%ZZ", host),
        get("/search?limit=-1", host),
        get("/points/no/such/id", null),
        get("/", "evil.example"),
        HttpApiTest.raw(api.port(), ("OPTIONS / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII)),
        HttpApiTest.raw(api.port(), "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
        HttpApiTest.raw(api.port(), "GET / HTTP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    for (HttpApiTest.Raw r : answers) {
      String csp = r.headers().getOrDefault("content-security-policy", "");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), r::toString);
      assertFalse(csp.contains("unsafe"), csp);
      assertEquals("nosniff", r.headers().get("x-content-type-options"), r::toString);
    }
    // The page keeps its own policy (scripts from this server), not the API's.
    HttpApiTest.Raw page = get("/", host);
    assertTrue(page.headers().get("content-type").startsWith("text/html"), page::toString);
    assertTrue(page.headers().get("content-security-policy").contains("script-src 'self'"), page::toString);
  }
}
