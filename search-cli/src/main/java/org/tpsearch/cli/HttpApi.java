package org.tpsearch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.Schema;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.Searcher;

/**
 * The read-only HTTP JSON API of {@code tpsearch serve}: the same answers as the CLI's JSON.
 *
 * <ul>
 *   <li>{@code GET /search?q=绿色电力+交易&region=新疆&sector=Industry&type=Event&status=found&year=2021..2023&min_confidence=0.6&limit=10&sort=relevance&facets=true&expand=true&explain=false}
 *   <li>{@code GET /facets?q=...&region=...} (counts only)
 *   <li>{@code GET /points/{id}} (one turning point in full, as {@code show --format json})
 *   <li>{@code GET /health}
 * </ul>
 *
 * Errors are JSON {@code {"error": "..."}} with status 400 (bad query), 404 or 405.
 */
public final class HttpApi {
  private final Searcher searcher;
  private final HttpServer server;
  private final ExecutorService pool;

  private HttpApi(Searcher searcher, HttpServer server, ExecutorService pool) {
    this.searcher = searcher;
    this.server = server;
    this.pool = pool;
  }

  /** Starts serving {@code searcher} on {@code host:port} (port 0 picks a free one). */
  public static HttpApi start(Searcher searcher, String host, int port, int threads) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    HttpApi api = new HttpApi(searcher, server, pool);
    server.createContext("/", api::handle);
    server.setExecutor(pool);
    server.start();
    return api;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops serving. */
  public void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(ex, 405, error("read-only API: use GET"));
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      Map<String, List<String>> params = params(ex.getRequestURI().getRawQuery());
      switch (path) {
        case "/health" -> send(ex, 200, new Json().beginObject().field("status", "ok")
            .field("index", searcher.index().description()).endObject().toString());
        case "/search" -> send(ex, 200, JsonRenderer.search(searcher.search(request(params, true))));
        case "/facets" -> send(ex, 200, JsonRenderer.search(searcher.facets(request(params, false))));
        default -> {
          if (path.startsWith("/points/")) {
            String id = URLDecoder.decode(path.substring("/points/".length()), StandardCharsets.UTF_8);
            StoredPoint p = searcher.show(id);
            if (p == null) {
              send(ex, 404, error("no turning point '" + id + "'"));
            } else {
              send(ex, 200, JsonRenderer.point(p));
            }
          } else {
            send(ex, 404, error("no such endpoint: " + path + " (try /search, /facets, /points/{id}, /health)"));
          }
        }
      }
    } catch (QueryException | IllegalArgumentException e) {
      send(ex, 400, error(e.getMessage()));
    } catch (IOException | RuntimeException e) {
      send(ex, 500, error("internal error: " + e));
    } finally {
      ex.close();
    }
  }

  private static SearchRequest request(Map<String, List<String>> p, boolean hits) throws QueryException {
    String minConf = one(p, "min_confidence");
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
    double c;
    try {
      c = minConf == null ? Double.NaN : Double.parseDouble(minConf);
    } catch (NumberFormatException e) {
      throw new QueryException("bad number: " + e.getMessage());
    }
    if (n < 0 || n > 10_000) {
      throw new QueryException("limit must be 0..10000, got " + n);
    }
    // A parameter per facet dimension (region, sector, year, ...), each repeatable.
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (Dimension d : Schema.DIMENSIONS) {
      filters.put(d.name(), all(p, d.name()));
    }
    return new SearchRequest(one(p, "q"), filters, c, n, order, !hits || flag(p, "facets", false),
        flag(p, "expand", true), flag(p, "explain", false));
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

  private static Map<String, List<String>> params(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String error(String message) {
    return new Json().beginObject().field("error", message).endObject().toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
