package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
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
    api = HttpApi.start(new Searcher(index, new QueryCompiler(ctx.glossary(), index.reader())), "127.0.0.1", 0, 2);
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
}
