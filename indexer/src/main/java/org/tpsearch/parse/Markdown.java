package org.tpsearch.parse;

import com.vladsch.flexmark.util.sequence.Html5Entities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tpsearch.model.Link;

/** Line-level Markdown helpers: plain text for indexing, and the links a line cites. */
final class Markdown {
  // Every pattern here runs on report text: each run is possessive or bounded, so a long line costs
  // linear time (a link text or URL longer than the bound is left as text), and no pattern repeats a
  // group, which Java's matcher would recurse on once per character.
  private static final Pattern HEADING_MARKER = Pattern.compile("^\\s*+#{1,6}\\s*+");
  private static final Pattern IMAGE =
      Pattern.compile("!\\[([^\\]]{0,1000}+)\\]\\(([^)\\s]{0,2048}+)(?:\\s++\"[^\"]{0,1000}+\")?\\)");
  static final Pattern LINK =
      Pattern.compile("\\[([^\\]]{0,1000}+)\\]\\(\\s*+<?([^)\\s>]{1,2048}+)>?(?:\\s++\"[^\"]{0,1000}+\")?\\s*+\\)");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]{1,2048}+)>");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]{0,1000}+>");

  private Markdown() {}

  /** The line without its list marker, block-quote marker or leading indentation. */
  static String stripMarkers(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return s;
    }
    // Most lines start with neither: skip the regular expressions for them (parsing is hot).
    char c = s.charAt(0);
    if (c == '#') {
      s = HEADING_MARKER.matcher(s).replaceFirst("");
    }
    c = s.isEmpty() ? ' ' : s.charAt(0);
    if (c == '-' || c == '*' || c == '+' || c == '>' || (c >= '0' && c <= '9')) {
      s = s.substring(listMarkerEnd(s));
    }
    return s.strip();
  }

  /**
   * Where the text after a list marker starts ({@code - }, {@code * }, {@code 1. }, {@code 2) }, each
   * possibly inside block quotes: {@code > > - }), or 0 when the line has none. A scan, not a pattern.
   */
  private static int listMarkerEnd(String s) {
    int i = skipSpace(s, 0);
    while (i < s.length() && s.charAt(i) == '>') {
      i = skipSpace(s, i + 1);
    }
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (c == '-' || c == '*' || c == '+') {
      i++;
    } else {
      int digits = 0;
      while (i + digits < s.length() && s.charAt(i + digits) >= '0' && s.charAt(i + digits) <= '9') {
        digits++;
      }
      if (digits < 1 || digits > 3 || i + digits >= s.length()
          || (s.charAt(i + digits) != '.' && s.charAt(i + digits) != ')')) {
        return 0;
      }
      i += digits + 1;
    }
    int after = skipSpace(s, i);
    return after > i ? after : 0;
  }

  /** The index of the first character from {@code from} on that is not a regex {@code \s}. */
  private static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Whether the line is a thematic break ({@code ---}, {@code * * *}, {@code ___}): up to three
   * spaces, then three or more of one of {@code - * _}, with only spaces between.
   */
  static boolean isThematicBreak(String line) {
    int i = 0;
    while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i >= line.length()) {
      return false;
    }
    char mark = line.charAt(i);
    if (mark != '-' && mark != '*' && mark != '_') {
      return false;
    }
    int count = 0;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == mark) {
        count++;
      } else if (" \t\n\u000B\f\r".indexOf(c) < 0) {
        return false;
      }
    }
    return count >= 3;
  }

  /** Whether the line is a table's rule ({@code |---|:--:|}): cells of two or more {@code -}, colons at their ends. */
  private static boolean isTableRule(String s) {
    int cells = 0;
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '|') {
        String cell = s.substring(start, i).strip();
        if (!cell.isEmpty()) {
          int from = cell.charAt(0) == ':' ? 1 : 0;
          int to = cell.length() > from && cell.charAt(cell.length() - 1) == ':' ? cell.length() - 1 : cell.length();
          if (to - from < 2) {
            return false;
          }
          for (int j = from; j < to; j++) {
            if (cell.charAt(j) != '-') {
              return false;
            }
          }
          cells++;
        }
        start = i + 1;
      }
    }
    return cells > 0;
  }

  /** Inline Markdown removed: emphasis markers, link syntax (the link text stays), code ticks. */
  static String plainInline(String s) {
    if (s.indexOf("--") >= 0 && isTableRule(s)) {
      return "";
    }
    // Each pattern only where its opening characters occur: most lines have no link or tag.
    String out = s;
    if (out.contains("](")) {
      out = IMAGE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
      out = LINK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
    if (out.indexOf('<') >= 0) {
      out = AUTOLINK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
      out = HTML_TAG.matcher(out).replaceAll(" ");
    }
    out = out.replace("**", "").replace("__", "").replace("`", "");
    // A lone * is emphasis in this text (the model does not write multiplication as *).
    out = out.replace("*", "");
    // Last: a decoded &lt;b&gt; or &#42; is text, not a tag or emphasis to remove.
    return decodeEntities(out.strip());
  }

  /**
   * HTML character references decoded, as CommonMark reads them in text: named ({@code &amp;},
   * {@code &nbsp;}, {@code &mdash;}: HTML5's names, from flexmark's table), decimal
   * ({@code &#20013;}, 1 to 7 digits) and hexadecimal ({@code &#x4E2D;}, 1 to 6 digits); a code point
   * of 0, a surrogate or past U+10FFFF becomes U+FFFD. An {@code &} that starts no reference, or an
   * unknown name ({@code &bogus;}), stays as written. A scan: each {@code &} looks at most 34
   * characters ahead.
   */
  static String decodeEntities(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder sb = null;
    int done = 0;
    while (amp >= 0) {
      int end = referenceEnd(s, amp);
      String decoded = end < 0 ? null : decodeReference(s.substring(amp, end));
      if (decoded == null) {
        amp = s.indexOf('&', amp + 1);
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length());
      }
      sb.append(s, done, amp).append(decoded);
      done = end;
      amp = s.indexOf('&', end);
    }
    return sb == null ? s : sb.append(s, done, s.length()).toString();
  }

  /** The longest entity name HTML5 has is 31 characters ({@code &CounterClockwiseContourIntegral;}). */
  private static final int MAX_ENTITY_NAME = 32;

  /** The end (past the {@code ;}) of a character reference's shape at {@code amp}, or -1. */
  private static int referenceEnd(String s, int amp) {
    int i = amp + 1;
    if (i >= s.length()) {
      return -1;
    }
    int start;
    if (s.charAt(i) == '#') {
      i++;
      boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) {
        i++;
      }
      start = i;
      while (i < s.length() && i - start < (hex ? 6 : 7) && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0
          && s.charAt(i) < 0x80) {
        i++;
      }
    } else {
      start = i;
      if (!isAsciiLetter(s.charAt(i))) {
        return -1;
      }
      while (i < s.length() && i - start < MAX_ENTITY_NAME
          && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
        i++;
      }
    }
    return i > start && i < s.length() && s.charAt(i) == ';' ? i + 1 : -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The text of a reference ({@code &...;}), or null when it names no character. */
  private static String decodeReference(String ref) {
    if (ref.charAt(1) == '#') {
      boolean hex = ref.charAt(2) == 'x' || ref.charAt(2) == 'X';
      int cp = Integer.parseInt(ref.substring(hex ? 3 : 2, ref.length() - 1), hex ? 16 : 10);
      boolean valid = cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
      return Character.toString(valid ? cp : 0xFFFD);
    }
    String named = Html5Entities.entityToString(ref);
    return named.equals(ref) ? null : named;
  }

  /** A whole line as plain text: markers and inline Markdown removed. */
  static String plain(String line) {
    return plainInline(stripMarkers(line));
  }

  /** Markdown links, autolinks and bare URLs in the text, in order, each URL once. */
  static List<Link> links(String text) {
    if (!text.contains("http") && !text.contains("www.")) {
      return List.of();
    }
    Map<String, Link> byUrl = new LinkedHashMap<>();
    List<int[]> taken = new ArrayList<>();
    // A Markdown link has "](" in it: most cited URLs are bare, so the link pattern mostly has nothing to find.
    if (text.contains("](")) {
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String url = trimUrl(m.group(2));
        if (url.startsWith("http") || url.startsWith("www.")) {
          byUrl.putIfAbsent(url, new Link(plainInline(m.group(1)), url));
        }
        taken.add(new int[] {m.start(), m.end()});
      }
    }
    // Both runs are in text order: walk the link ranges along with the URLs (linear, not links x URLs).
    int next = 0;
    for (int at = bareUrl(text, 0); at >= 0; ) {
      int end = urlEnd(text, at);
      while (next < taken.size() && taken.get(next)[1] <= at) {
        next++;
      }
      if (next >= taken.size() || at < taken.get(next)[0]) {
        String url = trimUrl(text.substring(at, end));
        byUrl.putIfAbsent(url, new Link("", url));
      }
      at = bareUrl(text, end);
    }
    return List.copyOf(byUrl.values());
  }

  /** What ends a bare URL: a regex {@code \s} or one of these. */
  private static final String URL_STOP = " \t\n\u000B\f\r<>()[]（）【】，。、；！？\"'《》";

  /**
   * Where the next bare URL starts from {@code from} on, or -1: the first {@code http://} or
   * {@code https://} followed by a character that does not end a URL. A scan for what the pattern
   * {@code https?://[^\s<>()\[\]（）【】，。、；！？"'《》]+} finds (MarkdownLinksTest holds them
   * equal), without testing a union character class at every character.
   */
  static int bareUrl(String text, int from) {
    for (int i = text.indexOf("http", from); i >= 0; i = text.indexOf("http", i + 1)) {
      int j = i + 4;
      if (j < text.length() && text.charAt(j) == 's') {
        j++;
      }
      if (text.startsWith("://", j) && j + 3 < text.length() && URL_STOP.indexOf(text.charAt(j + 3)) < 0) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the bare URL starting at {@code at}: the first character after the scheme that ends a URL. */
  static int urlEnd(String text, int at) {
    int i = text.indexOf("://", at) + 3;
    while (i < text.length() && URL_STOP.indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private static String trimUrl(String url) {
    // A URL copied from HTML may say &amp; for & (?a=1&amp;b=2).
    String u = decodeEntities(url.strip());
    while (!u.isEmpty() && ".,;:!?*_".indexOf(u.charAt(u.length() - 1)) >= 0) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
