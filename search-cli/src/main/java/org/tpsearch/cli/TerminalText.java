package org.tpsearch.cli;

import java.util.Locale;
import org.tpsearch.search.Snippet;

/**
 * The one place where text from reports is made safe for a terminal: every text writer (search,
 * show, facets, lint, index warnings, error messages, the shell) passes report-derived values
 * through it. Control characters (C0 but the layout's newline and tab, DEL, C1 such as U+0085),
 * line and paragraph separators and bidirectional overrides are shown escaped ({@code \x1b},
 * {@code \u0085}), never sent raw: an ESC from a report cannot recolour, move the cursor or retitle
 * the terminal, and a file name with a newline still makes one warning one line. A one-line value
 * (a message that echoes a query, an id, a file name) also shows invisible format characters
 * escaped (zero-width space and joiners, word joiner, byte-order mark, soft hyphen: {@code \u200b}),
 * so that a query of them does not look empty. JSON output needs none of this: its writer escapes
 * control characters itself.
 */
final class TerminalText {
  private TerminalText() {}

  /** A value printed on one line: every control character escaped, newline and tab included. */
  static String line(String s) {
    return escape(s, false);
  }

  /** A multi-line value (an answer's prose, a field's value): newlines and tabs kept, the rest escaped. */
  static String block(String s) {
    return escape(s, true);
  }

  /** Any object's text as one line ({@code Problem.toString()}, a path). */
  static String line(Object o) {
    return line(String.valueOf(o));
  }

  /** A snippet with its spans wrapped in {@code open}/{@code close}, the text escaped as a block. */
  static String marked(Snippet s, String open, String close) {
    StringBuilder sb = new StringBuilder(s.text().length() + 16);
    int at = 0;
    for (Snippet.Span span : s.spans()) {
      sb.append(block(s.text().substring(at, span.start()))).append(open)
          .append(block(s.text().substring(span.start(), span.end()))).append(close);
      at = span.end();
    }
    return sb.append(block(s.text().substring(at))).toString();
  }

  private static String escape(String s, boolean keepLayout) {
    if (s == null) {
      return "null";
    }
    int first = firstUnsafe(s, keepLayout);
    if (first < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!unsafe(c, keepLayout)) {
        sb.appendCodePoint(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c < 0x80) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", c));
      } else {
        for (char unit : Character.toChars(c)) { // a supplementary character as its two UTF-16 units
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) unit));
        }
      }
    }
    return sb.toString();
  }

  private static int firstUnsafe(String s, boolean keepLayout) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (unsafe(c, keepLayout)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static boolean unsafe(int c, boolean keepLayout) {
    if (c < 0x20) {
      return !(keepLayout && (c == '\n' || c == '\t'));
    }
    if (c < 0x7F) {
      return false;
    }
    return c <= 0x9F // DEL and C1 (U+0085 NEL, U+009B CSI, ...)
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) // bidi overrides
        // On one line, every invisible format character (Cf: zero-width space and joiners, U+2060,
        // U+FEFF, the soft hyphen, the tag characters U+E0001..U+E007F); prose keeps them, where a
        // joiner belongs to a word.
        || (!keepLayout && Character.getType(c) == Character.FORMAT);
  }
}
