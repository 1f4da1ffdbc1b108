package org.tpsearch.cli;

import java.util.Locale;

/** A minimal streaming JSON writer (no dependency, no reflection: it starts fast). */
public final class Json {
  private final StringBuilder sb = new StringBuilder();
  private boolean needComma;

  Json beginObject() {
    comma();
    sb.append('{');
    needComma = false;
    return this;
  }

  Json endObject() {
    sb.append('}');
    needComma = true;
    return this;
  }

  Json beginArray() {
    comma();
    sb.append('[');
    needComma = false;
    return this;
  }

  Json endArray() {
    sb.append(']');
    needComma = true;
    return this;
  }

  Json name(String name) {
    comma();
    string(name);
    sb.append(':');
    needComma = false;
    return this;
  }

  Json value(String s) {
    comma();
    if (s == null) {
      sb.append("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  Json value(long n) {
    comma();
    sb.append(n);
    needComma = true;
    return this;
  }

  Json value(boolean b) {
    comma();
    sb.append(b);
    needComma = true;
    return this;
  }

  /** A double rounded to {@code decimals}; NaN as null. */
  Json value(double d, int decimals) {
    comma();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      sb.append("null");
    } else {
      sb.append(String.format(Locale.ROOT, "%." + decimals + "f", d));
    }
    needComma = true;
    return this;
  }

  Json field(String name, String value) {
    return name(name).value(value);
  }

  Json field(String name, long value) {
    return name(name).value(value);
  }

  private void comma() {
    if (needComma) {
      sb.append(',');
    }
  }

  private void string(String s) {
    quote(sb, s);
  }

  /**
   * Appends {@code s} as a JSON string: quotes, backslashes and every control character (C0, DEL,
   * C1 such as U+009B CSI, U+2028 and U+2029, the bidirectional overrides and isolates) escaped, so
   * no control character from a report reaches a terminal raw (the string read back is the same). The one
   * JSON string writer of the project (search output, citations, cluster requests).
   */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
              || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
