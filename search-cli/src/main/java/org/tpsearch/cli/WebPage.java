package org.tpsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The search page of {@code tpsearch serve}: its HTML, script and style sheet (resources of this
 * jar, {@code org/tpsearch/web/}) and ECharts' bundle (unpacked from the WebJar at its own path,
 * {@code META-INF/resources/webjars/echarts/VERSION/dist/echarts.min.js}), with the headers that
 * keep the page safe: a strict Content-Security-Policy (scripts and styles from this server only,
 * nothing inline, no plugins, no framing, no base URL) and no content sniffing.
 *
 * <p>Only the files listed here are answered: no path from the URL ever reaches the class path.
 */
final class WebPage {
  /** The policy of every page answer: the page runs only the script files this server sends. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /** The ECharts version bundled, as the build wrote it. */
  static final String ECHARTS_VERSION = echartsVersion();

  /** URL path to the static file it is: content type and class-path resource. */
  private record Asset(String contentType, String resource, boolean immutable) {}

  private static final Map<String, Asset> ASSETS = new LinkedHashMap<>();

  static {
    ASSETS.put("/static/tpsearch.js", new Asset("text/javascript; charset=utf-8", "org/tpsearch/web/tpsearch.js", false));
    ASSETS.put("/static/tpsearch.css", new Asset("text/css; charset=utf-8", "org/tpsearch/web/tpsearch.css", false));
    ASSETS.put("/static/favicon.svg", new Asset("image/svg+xml", "org/tpsearch/web/favicon.svg", false));
    // Versioned: the browser may keep it.
    ASSETS.put(echartsPath(), new Asset("text/javascript; charset=utf-8",
        "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js", true));
  }

  private static final Map<String, byte[]> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  private WebPage() {}

  /** Where the page loads ECharts from. */
  static String echartsPath() {
    return "/static/echarts-" + ECHARTS_VERSION + ".min.js";
  }

  /** Whether a request with this Accept header is a browser asking for a page. */
  static boolean wantsHtml(String accept) {
    return accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  /** The page, with {@code status} (404 for a point that does not exist: the page says so). */
  static HttpTransport.Response page(int status) {
    byte[] html = CACHE.computeIfAbsent("/", k -> new String(read("org/tpsearch/web/index.html"), StandardCharsets.UTF_8)
        .replace("{{ECHARTS}}", echartsPath()).getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = new LinkedHashMap<>(securityHeaders());
    headers.put("Cache-Control", "no-cache");
    // The same URL answers JSON to scripts (/, /points/{id}): caches must keep both apart.
    headers.put("Vary", "Accept");
    return new HttpTransport.Response(status, "text/html; charset=utf-8", html, headers);
  }

  /** The static file at {@code path}, or null when there is none. */
  static HttpTransport.Response asset(String path) {
    Asset a = ASSETS.get(path);
    if (a == null) {
      return null;
    }
    byte[] body = CACHE.computeIfAbsent(path, k -> read(a.resource()));
    Map<String, String> headers = new LinkedHashMap<>(securityHeaders());
    headers.put("Cache-Control", a.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
    return new HttpTransport.Response(200, a.contentType(), body, headers);
  }

  private static Map<String, String> securityHeaders() {
    return Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY, "Referrer-Policy", "no-referrer",
        "X-Frame-Options", "DENY", "Cross-Origin-Opener-Policy", "same-origin");
  }

  private static byte[] read(String resource) {
    try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the search page's file " + resource + " is missing from the jar (a broken build)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String echartsVersion() {
    Properties p = new Properties();
    try (InputStream in = WebPage.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty("echarts.version", "");
    if (v.isEmpty() || v.startsWith("${")) {
      throw new IllegalStateException("build.properties names no ECharts version (a broken build)");
    }
    return v;
  }
}
