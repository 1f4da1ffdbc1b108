package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.Schema;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchBackend;

/**
 * The read-only HTTP JSON API of {@code tpsearch serve}: the same answers as the CLI's JSON.
 *
 * <ul>
 *   <li>{@code GET /search?q=绿色电力+交易&region=新疆&sector=Industry&type=Event&status=found&year=2021..2023&min_confidence=0.6&limit=10&sort=relevance&facets=true&expand=true&explain=false}
 *   <li>{@code GET /facets?q=...&region=...} (counts only)
 *   <li>{@code GET /points/{id}} (one turning point in full, as {@code show --format json})
 *   <li>{@code GET /health}
 *   <li>{@code GET /} (the endpoints and the index served; a browser, asking for text/html, gets
 *       the search page, see {@link WebPage}; so does {@code /points/{id}})
 * </ul>
 *
 * <p>Besides a parameter per facet dimension, {@code not_DIMENSION} excludes a value (repeatable)
 * and {@code max_confidence} bounds confidence from above.
 *
 * Every answer is JSON, errors too: {@code {"error": "..."}} with status 400 (bad query or URL),
 * 404, 405, 408, 414, 431, 503 (busy, or past the time limit, or the cluster behind {@code --engine}
 * could not answer) or 500 (a bug: the details go to the server's log). Connections and limits are {@link HttpTransport}'s.
 */
public final class HttpApi {
  /** The engine; each request acquires its own view of it (one reader from start to answer). */
  private final SearchBackend engine;
  private final HttpTransport transport;

  private HttpApi(SearchBackend searcher, HttpTransport transport) {
    this.engine = searcher;
    this.transport = transport;
  }

  /** The environment that says where the citation styles are ({@code TPSEARCH_CITE_LIB}); the process's by default. */
  private volatile Map<String, String> env = System.getenv();

  /** Uses {@code env} to find the citation styles (serve passes its context's). */
  HttpApi withEnv(Map<String, String> env) {
    this.env = env;
    return this;
  }

  /** Starts serving {@code searcher} on {@code host:port} (port 0 picks a free one) with default limits. */
  public static HttpApi start(SearchBackend searcher, String host, int port, int threads) throws IOException {
    return start(searcher, host, port, HttpTransport.Limits.of(threads), new PrintWriter(java.io.Writer.nullWriter()), false);
  }

  /**
   * Starts serving {@code searcher} on {@code host:port} within {@code limits}; an internal error is
   * reported on {@code log} in one line, with its stack trace when {@code verbose}.
   */
  static HttpApi start(SearchBackend searcher, String host, int port, HttpTransport.Limits limits, PrintWriter log,
      boolean verbose) throws IOException {
    HttpApi[] api = new HttpApi[1];
    HttpTransport transport = HttpTransport.start(host, port, limits, r -> api[0].handle(r),
        (r, e) -> logInternalError(log, verbose, r, e));
    api[0] = new HttpApi(searcher, transport);
    return api[0];
  }

  /**
   * Runs the searches a first visit to the page makes (every point with facet counts; words with
   * facet counts and tiers), so that the first person to open the page does not wait for the
   * JIT and the index's first reads: about a second on a cold JVM. Errors are ignored (an empty
   * index, a backend that is not up yet): the real request will say what is wrong.
   */
  public void warmUp() {
    for (String q : new String[] {"", "碳排放 政策 power"}) {
      try {
        engine.search(new SearchRequest(q, Map.of(), Double.NaN, 20, SearchRequest.SortOrder.RELEVANCE, true, true, false));
      } catch (Exception e) {
        // The request itself will answer with the error.
      }
    }
  }

  /** The bound port. */
  public int port() {
    return transport.port();
  }

  /** Stops serving. */
  public void stop() {
    transport.close();
  }

  private HttpTransport.Response handle(HttpTransport.Request r) throws Exception {
    String method = r.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return new HttpTransport.Response(405, error("read-only API: use GET"), Map.of("Allow", "GET, HEAD"));
    }
    HttpTransport.Response asset = WebPage.asset(r.path());
    if (asset != null) {
      return asset;
    }
    boolean html = WebPage.wantsHtml(r.header("accept"));
    if (html && r.path().equals("/")) {
      return WebPage.page(200);
    }
    SearchBackend searcher;
    try {
      searcher = engine.acquire();
    } catch (org.tpsearch.search.LiveIndex.Unreadable e) {
      // The index was deleted or rewritten by another tpsearch: say so, and keep serving (it may come back).
      return new HttpTransport.Response(503, error(e.getMessage()));
    }
    try {
      return handle(r, searcher, html);
    } finally {
      engine.release(searcher);
    }
  }

  /** Answers {@code r} (a GET or HEAD of no static file) from {@code searcher}, one view of the index. */
  private HttpTransport.Response handle(HttpTransport.Request r, SearchBackend searcher, boolean html) throws Exception {
    try {
      String path = r.path();
      Map<String, List<String>> params = params(r.query());
      return switch (path) {
        // A browser gets the search page; a script the list of endpoints, as before the page.
        case "/" -> ok(root(searcher));
        case "/health" -> ok(new Json().beginObject().field("status", "ok")
            .field("index", searcher.description()).endObject().toString());
        case "/search" -> ok(JsonRenderer.search(flag(params, "collapse", false)
            ? org.tpsearch.search.Collapse.search(searcher, request(params, true)) : searcher.search(request(params, true))));
        case "/duplicates" -> {
          java.io.StringWriter sw = new java.io.StringWriter();
          JsonRenderer.INSTANCE.duplicates(searcher.duplicates(request(params, false)), searcher.description(),
              new PrintWriter(sw));
          yield ok(sw.toString().strip());
        }
        case "/facets" -> ok(JsonRenderer.search(searcher.facets(request(params, false))));
        default -> {
          if (path.startsWith("/points/") && path.endsWith("/cite")) {
            String id = decode(path.substring("/points/".length(), path.length() - "/cite".length()), false);
            StoredPoint p = searcher.show(id);
            if (p != null) {
              yield cite(p, params);
            }
          }
          if (path.startsWith("/points/")) {
            String id = decode(path.substring("/points/".length()), false);
            StoredPoint p = searcher.show(id);
            if (html) {
              // The page shows the point (it asks this URL for JSON); a missing one is a 404 page.
              yield WebPage.page(p == null ? 404 : 200);
            }
            yield p == null ? new HttpTransport.Response(404, error("no turning point '" + id + "'")) : ok(JsonRenderer.point(p));
          }
          yield new HttpTransport.Response(404, error("no such endpoint: " + decode(path, false)
              + " (try /search, /facets, /points/{id}, /duplicates, /health)"));
        }
      };
    } catch (QueryException | org.tpsearch.search.NotSupportedByEngine e) {
      return new HttpTransport.Response(400, error(e.getMessage()));
    } catch (org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
      return new HttpTransport.Response(400, error(Main.TOO_COMPLEX));
    } catch (org.tpsearch.opensearch.Cluster.ClusterException e) {
      // The cluster behind --engine could not answer (down, a shard missing, refusing, busy): said, not a bug.
      return new HttpTransport.Response(503, error(e.getMessage()));
    }
    // Anything else is a bug: HttpTransport answers a generic 500 and logs it.
  }

  /**
   * {@code GET /points/{id}/cite?format=bibtex|csl-json|ris&style=NAME&item=N}: the references of the
   * point's items (or of item N), as {@code tpsearch cite} writes them, in a JSON answer's {@code text}.
   */
  private HttpTransport.Response cite(StoredPoint p, Map<String, List<String>> params) throws java.io.IOException {
    String item = one(params, "item");
    int n = 0;
    if (item != null) {
      try {
        n = Integer.parseInt(item.strip());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > p.items().size()) {
        return new HttpTransport.Response(400, error("item '" + item + "': " + p.id() + " has " + p.items().size()
            + " evidence items"));
      }
    }
    String style = one(params, "style");
    String format = one(params, "format");
    List<org.tpsearch.cite.Citation> citations = Citations.of(p, n == 0 ? List.of() : List.of(n));
    String text;
    if (style != null) {
      if (format != null) {
        return new HttpTransport.Response(400, error("style writes formatted references; it cannot be combined with format"));
      }
      try {
        text = CslProcessor.style(style.strip(), one(params, "locale"), "text", env).bibliography(citations);
      } catch (CslProcessor.UnknownStyleException e) {
        return new HttpTransport.Response(400, error(e.getMessage()));
      } catch (java.io.IOException e) {
        return new HttpTransport.Response(500, error(e.getMessage()));
      }
    } else {
      org.tpsearch.cite.CitationWriter writer = null;
      for (org.tpsearch.cite.CitationWriter w : org.tpsearch.cite.CitationWriter.values()) {
        if (w.formatName().equals(format == null ? "bibtex" : format.strip().toLowerCase(java.util.Locale.ROOT))) {
          writer = w;
        }
      }
      if (writer == null) {
        return new HttpTransport.Response(400, error("format '" + format + "' (expected bibtex, csl-json or ris)"));
      }
      format = writer.formatName();
      text = writer.write(citations);
    }
    Json j = new Json().beginObject().field("id", p.id());
    j.name("item");
    if (n == 0) {
      j.value((String) null);
    } else {
      j.value(n);
    }
    j.field("format", style == null ? format : null).field("style", style);
    j.name("keys").beginArray();
    citations.forEach(c -> j.value(c.key()));
    j.endArray();
    return ok(j.field("text", text).endObject().toString());
  }

  private static HttpTransport.Response ok(String json) {
    return new HttpTransport.Response(200, json);
  }

  /** {@code GET /} for a script: what this server answers (a browser gets the page). */
  private static String root(SearchBackend searcher) {
    Json j = new Json().beginObject().field("name", "tpsearch").field("index", searcher.description());
    j.name("endpoints").beginObject()
        .field("/search", "GET /search?q=WORDS&region=&sector=&type=&status=&year=&min_confidence=&limit=&sort=&facets=&expand=&explain=: "
            + "turning points, as 'tpsearch search --format json'; not_region=... (any dimension) excludes a value, "
            + "max_confidence= bounds confidence")
        .field("/facets", "GET /facets?q=WORDS&region=...: counts only, as 'tpsearch facets --format json'")
        .field("/points/{id}", "GET /points/ID: one turning point in full, as 'tpsearch show --format json'")
        .field("/points/{id}/cite", "GET /points/ID/cite?format=bibtex|csl-json|ris&style=NAME&item=N: references of its "
            + "evidence items, as 'tpsearch cite' writes them, in text")
        .field("/duplicates", "GET /duplicates?q=WORDS&region=...: duplicate clusters, as 'tpsearch duplicates --format json'")
        .field("/health", "GET /health: status and the index served")
        .endObject();
    return j.endObject().toString();
  }

  private static void logInternalError(PrintWriter log, boolean verbose, HttpTransport.Request r, Throwable e) {
    // The request as sent, escaped: a URL must not write control characters into a terminal.
    StringBuilder line = new StringBuilder("tpsearch: internal error answering ").append(r.method()).append(' ');
    r.target().codePoints().forEach(c -> line.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
        : String.format(Locale.ROOT, c > 0xffff ? "\\U%08x" : "\\u%04x", c)));
    synchronized (log) {
      if (verbose) {
        log.println(line + ": " + e);
        e.printStackTrace(log);
      } else {
        log.println(line + " (serve with -v for details)");
      }
      log.flush();
    }
  }

  private static String decode(String s, boolean plusIsSpace) throws QueryException {
    try {
      return HttpTransport.percentDecode(s, plusIsSpace);
    } catch (IllegalArgumentException e) {
      throw new QueryException(e.getMessage());
    }
  }

  private static SearchRequest request(Map<String, List<String>> p, boolean hits) throws QueryException {
    String limit = one(p, "limit");
    String sort = one(p, "sort");
    SearchRequest.SortOrder order;
    try {
      order = SearchRequest.SortOrder.parse(sort);
    } catch (QueryException e) {
      throw new QueryException("bad sort " + e.getMessage());
    }
    int n;
    try {
      n = hits ? (limit == null ? 10 : SearchRequest.parseLimit(limit)) : 0;
    } catch (QueryException e) {
      throw new QueryException("bad limit " + e.getMessage());
    }
    double c = SearchRequest.parseMinConfidence(one(p, "min_confidence"));
    double max;
    try {
      max = SearchRequest.parseMinConfidence(one(p, "max_confidence"));
    } catch (QueryException e) {
      throw new QueryException(e.getMessage().replace("min confidence", "max confidence"));
    }
    if (n < 0 || n > 10_000) {
      throw new QueryException("limit must be 0..10000, got " + n);
    }
    // A parameter per facet dimension (region, sector, year, ...), each repeatable.
    // not_DIMENSION: values filtered out.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    Map<String, List<String>> excluded = new LinkedHashMap<>();
    for (Dimension d : Schema.DIMENSIONS) {
      filters.put(d.name(), all(p, d.name()));
      excluded.put(d.name(), all(p, "not_" + d.name()));
    }
    return new SearchRequest(one(p, "q"), filters, c, n, order, !hits || flag(p, "facets", false),
        flag(p, "expand", true), flag(p, "explain", false), excluded, max);
  }

  private static boolean flag(Map<String, List<String>> p, String name, boolean dflt) throws QueryException {
    String v = one(p, name);
    if (v == null) {
      return dflt;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "", "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw new QueryException("bad value for " + name + ": '" + v + "' (expected true or false)");
    };
  }

  private static String one(Map<String, List<String>> p, String name) {
    List<String> v = p.get(name);
    return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
  }

  private static List<String> all(Map<String, List<String>> p, String name) {
    return p.getOrDefault(name, List.of());
  }

  private static Map<String, List<String>> params(String raw) throws QueryException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String error(String message) {
    return HttpTransport.error(message);
  }
}
