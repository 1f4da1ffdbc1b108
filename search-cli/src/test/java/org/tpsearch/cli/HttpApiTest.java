package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;
import picocli.CommandLine;

/** The read-only HTTP API on loopback: the same JSON as the CLI, errors as JSON. */
class HttpApiTest {
  private static IndexHandle index;
  private static HttpApi api;
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    index = IndexHandle.openEmbedded();
    Context ctx = new Context(Map.of(), false);
    api = HttpApi.start(new LuceneBackend(new Searcher(index, new QueryCompiler(ctx.glossary(), index.reader()))), "127.0.0.1", 0, 2)
        .withEnv(Map.of("TPSEARCH_CITE_LIB", CiteTest.CITE_LIB));
  }

  @Test
  void citeAnswersTheReferencesOfAPointOrAnItemAsTheCliWritesThem() throws Exception {
    String id = "xinjiang/industry/2022-03-01/event";
    HttpResponse<String> all = get("/points/" + enc(id) + "/cite");
    assertEquals(200, all.statusCode(), all.body());
    Map<String, Object> json = MiniJson.object(all.body());
    assertEquals(cli("cite", id), ((String) json.get("text")).strip());
    assertEquals(List.of("xinjiang-industry-2022-03-01-event-1", "xinjiang-industry-2022-03-01-event-2",
        "xinjiang-industry-2022-03-01-event-3"), json.get("keys"));
    HttpResponse<String> one = get("/points/" + enc(id) + "/cite?item=2&format=ris");
    assertEquals(200, one.statusCode(), one.body());
    assertEquals(cli("cite", id + "#2", "--format", "ris"), ((String) MiniJson.object(one.body()).get("text")).strip());
    HttpResponse<String> apa = get("/points/" + enc(id) + "/cite?item=1&style=apa");
    assertEquals(200, apa.statusCode(), apa.body());
    assertTrue(((String) MiniJson.object(apa.body()).get("text")).startsWith("China Daily. ("), apa.body());
    assertEquals(400, get("/points/" + enc(id) + "/cite?item=9").statusCode());
    assertEquals(400, get("/points/" + enc(id) + "/cite?format=csv").statusCode());
    assertEquals(400, get("/points/" + enc(id) + "/cite?style=no-such-style").statusCode());
    assertEquals(404, get("/points/" + enc("xinjiang/industry/1999-01-01/event") + "/cite").statusCode());
  }

  @AfterAll
  static void stop() throws Exception {
    api.stop();
    index.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(10)).GET().build();
    return CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The CLI's JSON for the same search, from a separate command line over the embedded index. */
  private static String cli(String... args) {
    CommandLine cl = Main.newCommandLine(new Context(Map.of("HOME", "/nonexistent-home"), false));
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute(args);
    return out.toString().strip();
  }

  @Test
  void searchAnswersWithTheSameJsonAsTheCli() throws Exception {
    HttpResponse<String> r = get("/search?q=" + enc("绿色电力 交易") + "&sector=Industry&facets=true");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(cli("search", "绿色电力 交易", "--sector", "Industry", "--facets", "--format", "json"), r.body().strip());
  }

  @Test
  void filtersFacetsAndPoints() throws Exception {
    HttpResponse<String> r = get("/search?region=" + enc("新疆") + "&year=2022&limit=50");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"id\":\"xinjiang/industry/2022-03-01/event\""), r.body());
    assertTrue(!r.body().contains("\"region\":\"Guangdong\""), r.body());
    HttpResponse<String> f = get("/facets?q=" + enc("碳达峰"));
    assertEquals(200, f.statusCode());
    assertTrue(f.body().contains("\"facets\":{\"region\":["), f.body());
    HttpResponse<String> p = get("/points/" + enc("xinjiang/industry/2022-03-01/event"));
    assertEquals(200, p.statusCode());
    assertEquals(cli("show", "xinjiang/industry/2022-03-01/event", "--format", "json"), p.body().strip());
    assertEquals(200, get("/health").statusCode());
  }

  @Test
  void errorsAreJson() throws Exception {
    HttpResponse<String> bad = get("/search?q=" + enc("\"unclosed"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().startsWith("{\"error\":\"unclosed quote"), bad.body());
    assertEquals(400, get("/search?q=x&year=20x").statusCode());
    assertEquals(400, get("/search?q=x&limit=abc").statusCode());
    assertEquals(404, get("/points/no/such/id").statusCode());
    assertEquals(404, get("/nowhere").statusCode());
    HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/search"))
        .POST(HttpRequest.BodyPublishers.ofString("q=x")).build();
    assertEquals(405, CLIENT.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  // ---------------------------------------------------------------- over a raw socket

  /** An answer read off the wire: status, headers (names in lower case) and body. */
  record Raw(int status, Map<String, String> headers, String body) {}

  /** Sends {@code request} as bytes on a new connection and reads the answer until the server closes. */
  static Raw raw(int port, byte[] request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      return parse(s.getInputStream().readAllBytes());
    }
  }

  static Raw raw(String request) throws Exception {
    return raw(api.port(), request.getBytes(StandardCharsets.UTF_8));
  }

  static Raw parse(byte[] bytes) {
    String all = new String(bytes, StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    assertTrue(end > 0, () -> "no complete answer: '" + all + "'");
    String[] lines = all.substring(0, end).split("\r\n");
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(end + 4));
  }

  static void assertJsonError(Raw r, int status, String message) {
    assertEquals(status, r.status(), r::toString);
    assertEquals("application/json; charset=utf-8", r.headers().get("content-type"), r::toString);
    assertTrue(r.body().startsWith("{\"error\":\"") && r.body().contains(message), r::toString);
  }

  static String get(String pathAndQuery, boolean close) {
    return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
  }

  @Test
  void rawUtf8InTheUrlIsUnderstood() throws Exception {
    // Issue 9: the JDK server answered an HTML 400 (URISyntaxException) to raw UTF-8.
    Raw r = raw(get("/search?q=光伏&region=新疆", true));
    assertEquals(200, r.status(), r::toString);
    assertEquals(cli("search", "光伏", "--region", "新疆", "--format", "json"), r.body().strip());
    assertJsonError(raw(api.port(), concat("GET /search?q=".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff, (byte) 0xfe},
        " HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII))), 400, "is not valid UTF-8");
  }

  @Test
  void badPercentEncodingIsAJson400() throws Exception {
    // Issue 7, 12: an HTML page before.
    assertJsonError(raw(get("/search?q=%zz", true)), 400, "bad percent-encoding in the URL: '%zz'");
    assertJsonError(raw(get("/points/%E7%A2", true)), 400, "not UTF-8");
    assertJsonError(raw(get("/points/x%2", true)), 400, "bad percent-encoding in the URL: '%2'");
    assertJsonError(raw(get("/search?q=%E7%A2", true)), 400, "not UTF-8");
    assertJsonError(raw(get("/search?q=%FF", true)), 400, "not UTF-8");
  }

  @Test
  void aUrlOfAMegabyteIsAJson414() throws Exception {
    // Issue 7, 12: the connection was reset.
    Raw r = raw(get("/search?q=" + "a".repeat(1 << 20), true));
    assertJsonError(r, 414, "the URL is longer than 8192 bytes");
    assertEquals("close", r.headers().get("connection"));
    assertJsonError(raw(get("/search?q=" + "碳".repeat(org.tpsearch.search.UserQuery.MAX_CHARS + 1), true)), 400,
        "the query is 1001 characters long; the limit is 1000");
  }

  @Test
  void hundredsOfWordsAreA400NotA500() throws Exception {
    // Issue 7, defect 8: TooManyClauses answered 500.
    HttpResponse<String> r = get("/search?q=" + enc(ExitCodesTest.manyWords(200)));
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("{\"error\":\"the query has 200 different words; the limit is 32\"}", r.body().strip());
    r = get("/search?q=" + enc(String.join(" ", java.util.Collections.nCopies(100, "绿色电力 交易"))));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(cli("search", "绿色电力 交易", "--format", "json"),
        r.body().strip().replace(String.join(" ", java.util.Collections.nCopies(100, "绿色电力 交易")), "绿色电力 交易"));
  }

  @Test
  void filtersAreCheckedAsTheCliChecksThem() throws Exception {
    // Issue 7, 12: min_confidence=NaN meant no filter over HTTP, year=0000 every year.
    for (String bad : List.of("NaN", "-0.1", "1.5", "Infinity", "abc")) {
      HttpResponse<String> r = get("/search?q=x&min_confidence=" + bad);
      assertEquals(400, r.statusCode(), bad);
      assertTrue(r.body().contains("is not a number from 0 to 1"), r.body());
    }
    assertEquals(200, get("/search?q=x&min_confidence=0.6").statusCode());
    for (String bad : List.of("0000", "0000..2022", "2021..9999")) {
      HttpResponse<String> r = get("/search?q=x&year=" + bad);
      assertEquals(400, r.statusCode(), bad);
      assertTrue(r.body().contains("is not a year from 1900 to 2100"), r.body());
    }
  }

  @Test
  void theRootSaysWhatIsServed() throws Exception {
    // Issue 9: GET / was a 404.
    HttpResponse<String> r = get("/");
    assertEquals(200, r.statusCode());
    Map<String, Object> doc = MiniJson.object(r.body());
    assertEquals("the embedded sample index", doc.get("index"));
    @SuppressWarnings("unchecked")
    Map<String, Object> endpoints = (Map<String, Object>) doc.get("endpoints");
    assertEquals(List.of("/search", "/facets", "/points/{id}", "/points/{id}/cite", "/duplicates", "/health"),
        List.copyOf(endpoints.keySet()));
  }

  private static HttpResponse<String> getHtml(String pathAndQuery) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .timeout(Duration.ofSeconds(10)).GET().build();
    return CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aBrowserGetsThePageUnderAStrictPolicyAndAScriptStillGetsJson() throws Exception {
    HttpResponse<String> page = getHtml("/");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
        "base-uri 'none'", "frame-ancestors 'none'")) {
      assertTrue(csp.contains(directive), csp);
    }
    assertFalse(csp.contains("unsafe"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("Accept", page.headers().firstValue("Vary").orElse(""));
    // Nothing inline: every script is a file of this server, no style element or attribute.
    String html = page.body();
    assertTrue(html.contains("<script src=\"/static/tpsearch.js\" defer></script>"), html);
    assertEquals(1, html.split("<script", -1).length - 1, html);
    assertFalse(html.contains("<style") || html.contains(" style="), html);
    assertFalse(java.util.regex.Pattern.compile("<[^>]*\\son[a-z]+\\s*=").matcher(html).find(), "an inline handler\n" + html);
    assertTrue(html.contains("data-echarts=\"/static/echarts-" + WebPage.ECHARTS_VERSION + ".min.js\""), html);
    // The same URL without text/html: the endpoints, as before; every JSON answer nosniff too.
    HttpResponse<String> json = get("/");
    assertTrue(json.body().startsWith("{\"name\":\"tpsearch\""), json.body());
    assertEquals("nosniff", json.headers().firstValue("X-Content-Type-Options").orElse(""));
    // A point: the page for a browser (404 when there is no such point), JSON for a script.
    HttpResponse<String> point = getHtml("/points/xinjiang/industry/2022-03-01/event");
    assertEquals(200, point.statusCode());
    assertTrue(point.body().startsWith("<!doctype html>"), point.body());
    assertEquals(404, getHtml("/points/no/such/id").statusCode());
    assertTrue(get("/points/xinjiang/industry/2022-03-01/event").body().startsWith("{\"id\":"));
  }

  @Test
  void thePagesFilesComeFromTheJarAndNothingElseDoes() throws Exception {
    HttpResponse<String> js = get("/static/tpsearch.js");
    assertEquals(200, js.statusCode());
    assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
    assertTrue(js.body().contains("'use strict';"));
    assertEquals("text/css; charset=utf-8", get("/static/tpsearch.css").headers().firstValue("Content-Type").orElse(""));
    // ECharts from the WebJar, at the path the page names: its licence header and the whole bundle.
    HttpResponse<String> echarts = get("/static/echarts-" + WebPage.ECHARTS_VERSION + ".min.js");
    assertEquals(200, echarts.statusCode());
    assertTrue(echarts.body().contains("Licensed to the Apache Software Foundation"), echarts.body().substring(0, 300));
    assertTrue(echarts.body().length() > 900_000, "length " + echarts.body().length());
    assertTrue(echarts.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
    // No other path reaches the class path.
    for (String path : List.of("/static/", "/static/nothing.js", "/static/../org/tpsearch/cli/build.properties",
        "/org/tpsearch/web/tpsearch.js", "/META-INF/resources/webjars/echarts/" + WebPage.ECHARTS_VERSION + "/dist/echarts.min.js",
        "/static/echarts.min.js")) {
      assertEquals(404, get(path).statusCode(), path);
    }
  }

  @Test
  void notDimensionExcludesAValueAndMaxConfidenceBoundsTheRange() throws Exception {
    Map<String, Object> all = MiniJson.object(get("/search?limit=1000&facets=true").body());
    Map<String, Object> xinjiang = MiniJson.object(get("/search?region=Xinjiang&limit=1000").body());
    Map<String, Object> rest = MiniJson.object(get("/search?not_region=Xinjiang&limit=1000&facets=true").body());
    long inXinjiang = org.tpsearch.testing.SampleCorpus.where(p -> p.region().name().equals("Xinjiang")).size();
    assertEquals(inXinjiang, SearchJson.total(xinjiang));
    assertEquals(SearchJson.total(all) - inXinjiang, SearchJson.total(rest));
    assertTrue(SearchJson.ids(rest).stream().noneMatch(id -> id.startsWith("xinjiang/")), SearchJson.ids(rest)::toString);
    // Excluded from every count, its own dimension's too.
    assertFalse(SearchJson.facet(rest, "region").containsKey("Xinjiang"), rest.get("facets")::toString);
    assertTrue(SearchJson.facet(all, "region").containsKey("Xinjiang"));
    // Any alias, and the other dimensions.
    assertEquals(SearchJson.total(rest), SearchJson.total(MiniJson.object(get("/search?not_region=" + enc("新疆")).body())));
    Map<String, Object> noEvents = MiniJson.object(get("/search?q=" + enc("光伏") + "&not_type=Event&limit=100").body());
    assertTrue(SearchJson.hits(noEvents).stream().noneMatch(h -> "Event".equals(h.get("type"))));

    Map<String, Object> range = MiniJson.object(get("/search?min_confidence=0.6&max_confidence=0.7&limit=1000").body());
    long inRange = org.tpsearch.testing.SampleCorpus.where(p -> p.confidence() >= 0.6 && p.confidence() <= 0.7).size();
    assertTrue(inRange > 0);
    assertEquals(inRange, SearchJson.total(range));
    for (Map<String, Object> h : SearchJson.hits(range)) {
      double c = SearchJson.confidence(h);
      assertTrue(c >= 0.6 && c <= 0.7, h::toString);
    }
    HttpResponse<String> bad = get("/search?max_confidence=2");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("max confidence 2.0 is not a number from 0 to 1"), bad.body());
    HttpResponse<String> empty = get("/search?min_confidence=0.8&max_confidence=0.7");
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("is empty"), empty.body());
    HttpResponse<String> unknown = get("/search?not_region=Atlantis");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("unknown region 'Atlantis'"), unknown.body());
  }

  @Test
  void idleAndHalfSentRequestsDoNotBlockOthers() throws Exception {
    // Issue 7, defect 7: two clients that sent half a request held both request threads of the
    // JDK server for as long as they stayed; every other request waited.
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket s = new Socket("127.0.0.1", api.port());
        idle.add(s);
        if (i % 2 == 0) {
          s.getOutputStream().write("GET /sea".getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
        }
      }
      for (int i = 0; i < 4; i++) {
        HttpResponse<String> r = get("/search?q=" + enc("光伏"));
        assertEquals(200, r.statusCode());
      }
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void keptAliveConnectionsAnswerInTurnAndHeadHasNoBody() throws Exception {
    try (Socket s = new Socket("127.0.0.1", api.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write((get("/health", false) + get("/points/xinjiang/industry/2022-03-01/event", false)).getBytes(StandardCharsets.UTF_8));
      out.write("HEAD /health HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> statusLines = all.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
      assertEquals(List.of("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK"), statusLines, all);
      assertTrue(all.endsWith("Connection: close\r\n\r\n"), "HEAD: headers only\n" + all);
    }
    Raw post = raw("POST /search HTTP/1.1\r\nContent-Length: 3\r\n\r\nq=x");
    assertJsonError(post, 405, "read-only API: use GET");
    assertEquals("GET, HEAD", post.headers().get("allow"));
    assertJsonError(raw("GET /health HTTP/2.0\r\n\r\n"), 505, "unsupported HTTP version");
    assertJsonError(raw("GET\r\n\r\n"), 400, "bad request line");
    assertJsonError(raw("GET http://example.org/ HTTP/1.1\r\n\r\n"), 400, "must start with '/'");
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
