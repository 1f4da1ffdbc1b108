package org.tpsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.tpsearch.cite.Citation;
import org.tpsearch.cite.CitationWriter;

/**
 * Formatted references through citeproc-java and the official CSL styles, loaded only when a style
 * is asked for: from {@code lib/cite/} beside the product's jars (or the class path in
 * {@code $TPSEARCH_CITE_LIB}), in a class loader of their own whose parent is the platform loader.
 * So nothing of it is on the search path, and its libraries (ANTLR 4.12) never meet the product's.
 */
final class CslProcessor {
  private static final String ENTRY = "org.tpsearch.citestyles.CslStyles";
  private static final Map<String, Methods> LOADED = new ConcurrentHashMap<>();

  private CslProcessor() {}

  /** A style that does not exist in the bundled collection: a usage error. */
  static final class UnknownStyleException extends IllegalArgumentException {
    UnknownStyleException(String style) {
      super("no CSL style '" + style + "' (the names of https://www.zotero.org/styles, e.g. apa, "
          + "china-national-standard-gb-t-7714-2015-numeric, ieee, chicago-author-date)");
    }
  }

  /** The entry points of the loaded module. */
  private record Methods(Method exists, Method bibliography) {}

  /** A checked, loaded style: formats references. */
  record Style(String name, String locale, String format, Methods methods) {
    /** The bibliography of {@code citations}, one entry a line, in their order. */
    String bibliography(List<Citation> citations) {
      if (citations.isEmpty()) {
        return "";
      }
      try {
        return onceEachLiteralDate((String) methods.bibliography().invoke(null, name, locale,
            CitationWriter.CSL_JSON.write(citations), format), citations);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The style {@code name} in {@code locale} (null: the style's own), writing {@code format}
   * ({@code text} or {@code html}).
   *
   * @throws UnknownStyleException when there is no such style
   * @throws IOException when the citation module cannot be found or loaded
   */
  static Style style(String name, String locale, String format, Map<String, String> env) throws IOException {
    Methods m = load(env);
    boolean exists;
    try {
      exists = (Boolean) m.exists().invoke(null, name);
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot use the citation styles: " + e, e);
    }
    if (!exists) {
      throw new UnknownStyleException(name);
    }
    return new Style(name, locale == null ? "" : locale, format, m);
  }

  private static Methods load(Map<String, String> env) throws IOException {
    String path = env.get("TPSEARCH_CITE_LIB");
    if (path == null || path.isBlank()) {
      path = defaultLibrary().toString() + java.io.File.separator + "*";
    }
    String key = path;
    Methods m = LOADED.get(key);
    if (m == null) {
      List<URL> urls = classPath(key);
      if (urls.isEmpty()) {
        throw new IOException("cannot format references in a style: the citation module is not installed (no jars at "
            + key + "); BibTeX, CSL-JSON and RIS need no module");
      }
      @SuppressWarnings("resource") // kept for the process: serve formats many times
      URLClassLoader loader = new URLClassLoader("tpsearch-cite", urls.toArray(new URL[0]),
          ClassLoader.getPlatformClassLoader());
      try {
        Class<?> c = Class.forName(ENTRY, true, loader);
        m = new Methods(c.getMethod("exists", String.class),
            c.getMethod("bibliography", String.class, String.class, String.class, String.class));
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IOException("cannot load the citation module from " + key + ": " + e, e);
      }
      LOADED.putIfAbsent(key, m);
    }
    return m;
  }

  /** {@code lib/cite} beside the jar this class came from (the distribution's lib/). */
  static Path defaultLibrary() throws IOException {
    try {
      Path here = Path.of(CslProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return (Files.isDirectory(here) ? here : here.getParent()).resolve("cite");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IOException("cannot tell where tpsearch is installed: " + e, e);
    }
  }

  /**
   * {@code text} with an unparsed date written once where the style printed it twice. A date given
   * as a CSL literal ({@code "issued": {"literal": "近年来"}}) is printed whole by every {@code cs:date}
   * that names it, and APA names the date twice for a webpage, the year then the month and day:
   * {@code (近年来, 近年来)}. Only literal dates are touched; a parsed date is the processor's.
   */
  static String onceEachLiteralDate(String text, List<Citation> citations) {
    String out = text;
    for (Citation c : citations) {
      String literal = c.dateWritten();
      if (c.issued().isEmpty() && !literal.isEmpty()) {
        for (String delimiter : List.of(", ", " ", ". ")) {
          out = out.replace(literal + delimiter + literal, literal);
        }
      }
    }
    return out;
  }

  /** A class path as Java writes one: entries split by the path separator, {@code dir/*} for the jars in dir. */
  static List<URL> classPath(String path) throws IOException {
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        if (entry.endsWith("*")) {
          Path dir = Path.of(entry.substring(0, entry.length() - 1));
          if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
              for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
              }
            }
          }
        } else if (Files.exists(Path.of(entry))) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      } catch (MalformedURLException e) {
        throw new IOException("bad class path entry " + entry + ": " + e.getMessage(), e);
      }
    }
    return urls;
  }
}
