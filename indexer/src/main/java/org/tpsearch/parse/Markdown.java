package org.tpsearch.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tpsearch.model.Link;

/** Line-level Markdown helpers: plain text for indexing, and the links a line cites. */
final class Markdown {
  private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:>\\s*)*(?:[-*+]|\\d{1,3}[.)])\\s+");
  private static final Pattern HEADING_MARKER = Pattern.compile("^\\s*#{1,6}\\s*");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
  static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
  private static final Pattern BARE_URL =
      Pattern.compile("https?://[^\\s<>()\\[\\]（）【】，。、；！？\"'《》]+");
  private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

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
      s = LIST_MARKER.matcher(s).replaceFirst("");
    }
    return s.strip();
  }

  /** Inline Markdown removed: emphasis markers, link syntax (the link text stays), code ticks. */
  static String plainInline(String s) {
    if (s.indexOf('-') >= 0 && s.indexOf("--") >= 0 && TABLE_RULE.matcher(s).matches()) {
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
    return out.strip();
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
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String url = trimUrl(m.group(2));
      if (url.startsWith("http") || url.startsWith("www.")) {
        byUrl.putIfAbsent(url, new Link(plainInline(m.group(1)), url));
      }
      taken.add(new int[] {m.start(), m.end()});
    }
    Matcher b = BARE_URL.matcher(text);
    while (b.find()) {
      int at = b.start();
      if (taken.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
        continue;
      }
      String url = trimUrl(b.group());
      byUrl.putIfAbsent(url, new Link("", url));
    }
    return List.copyOf(byUrl.values());
  }

  private static String trimUrl(String url) {
    String u = url.strip();
    while (!u.isEmpty() && ".,;:!?*_".indexOf(u.charAt(u.length() - 1)) >= 0) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }
}
