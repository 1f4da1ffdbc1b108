package org.tpsearch.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON to and from plain Java values for the OpenSearch REST API: objects are {@link Map}s (in
 * order), arrays {@link List}s, strings, numbers, booleans and null. Small on purpose: tpsearch
 * speaks to a cluster with the JDK's HTTP client and this, no client library.
 */
public final class JsonText {
  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  // ------------------------------------------------------------------ writing

  /** {@code value} as compact JSON. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String str) {
      string(str, sb);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Float f) {
      // A float as the float it is (a boost): 2.5f, not 2.5000000xxx.
      sb.append(Float.isFinite(f) ? Float.toString(f) : "null");
    } else if (v instanceof Double d) {
      sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (v instanceof Number n) {
      sb.append(n);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof Iterable<?> it) {
      sb.append('[');
      boolean first = true;
      for (Object o : it) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(o, sb);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private static void string(String str, StringBuilder sb) {
    org.tpsearch.cli.Json.quote(sb, str);
  }

  /** A map of the given keys and values, in order (values may be null). */
  public static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int k = 0; k < keysAndValues.length; k += 2) {
      m.put((String) keysAndValues[k], keysAndValues[k + 1]);
    }
    return m;
  }

  // ------------------------------------------------------------------ reading

  /** Parses one JSON text; throws {@link IllegalArgumentException} naming the offset of the problem. */
  public static Object parse(String text) {
    JsonText p = new JsonText(text);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.i != text.length()) {
      throw p.error("trailing content");
    }
    return v;
  }

  /** {@code v} as an object, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object v) {
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  /** The object at {@code key} of {@code m}, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object m, String key) {
    Object v = m instanceof Map<?, ?> mm ? mm.get(key) : null;
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  /** The array at {@code key} of {@code m}, or an empty list. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Object m, String key) {
    Object v = m instanceof Map<?, ?> mm ? mm.get(key) : null;
    return v instanceof List<?> ? (List<Object>) v : List.of();
  }

  /** The number at {@code key} of {@code m}, or {@code otherwise}. */
  public static double number(Object m, String key, double otherwise) {
    Object v = m instanceof Map<?, ?> mm ? mm.get(key) : null;
    return v instanceof Number n ? n.doubleValue() : otherwise;
  }

  /** The string at {@code key} of {@code m}, or null. */
  public static String string(Object m, String key) {
    Object v = m instanceof Map<?, ?> mm ? mm.get(key) : null;
    return v == null ? null : String.valueOf(v);
  }

  private Object value() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        return object();
      }
      case '[' -> {
        return array();
      }
      case '"' -> {
        return str();
      }
      case 't' -> {
        return literal("true", Boolean.TRUE);
      }
      case 'f' -> {
        return literal("false", Boolean.FALSE);
      }
      case 'n' -> {
        return literal("null", null);
      }
      default -> {
        return num();
      }
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw error("expected a key");
      }
      String k = str();
      ws();
      expect(':');
      ws();
      m.put(k, value());
      ws();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  private List<Object> array() {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      ws();
      l.add(value());
      ws();
      char c = next();
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private String str() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            throw error("short \\u escape");
          }
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private Number num() {
    int start = i;
    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String t = s.substring(start, i);
    if (t.isEmpty()) {
      throw error("unexpected character");
    }
    if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException ignored) {
        // Too long for a long: read as a double below.
      }
    }
    return Double.parseDouble(t);
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected character");
    }
    i += word.length();
    return v;
  }

  private void ws() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw error("unexpected end");
    }
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("malformed JSON at offset " + i + ": " + what);
  }
}
