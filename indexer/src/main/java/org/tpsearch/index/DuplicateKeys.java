package org.tpsearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.model.Link;

/**
 * The keys that say two evidence items cite the same event or document. Two items with a key in
 * common are duplicates; a duplicate cluster is a set of items linked by shared keys that spans
 * several turning points. An item's keys:
 *
 * <ul>
 *   <li>{@code t:} its title normalised: Traditional to Simplified, full width to half width, lower
 *       case, everything but letters and digits removed (punctuation, whitespace, brackets, quotes),
 *       so {@code 《关于…的通知》（"新十条"）} and {@code 关于…的通知 "新十条"} are one key; the same
 *       title with its parenthetical remarks removed ({@code 上海新冠疫情封控（Shanghai lockdown）} is
 *       also {@code 上海新冠疫情封控}); and each {@code 《document title》} it holds;
 *   <li>{@code n:} each 文号 it holds ({@code 国发〔2021〕23号});
 *   <li>{@code u:} each source URL that names a document (not a site's root, see
 *       {@link EvidenceChecks#isBareUrl}), without its scheme, {@code www.}, fragment and trailing
 *       slash, its host in lower case.
 * </ul>
 *
 * A title key shorter than {@value #MIN_TITLE} characters is dropped: too generic to name one event.
 */
public final class DuplicateKeys {
  /** The fewest characters of a title key. */
  public static final int MIN_TITLE = 4;

  private DuplicateKeys() {}

  /** The keys of an item with this title and these sources, without repeats, in a fixed order. */
  public static List<String> of(String title, List<Link> sources) {
    List<String> out = new ArrayList<>();
    String t = title == null ? "" : title;
    addTitle(out, t);
    addTitle(out, withoutParentheses(t));
    for (String book : bookTitles(t)) {
      addTitle(out, book);
    }
    for (String n : documentNumbers(t)) {
      add(out, "n:" + n);
    }
    for (Link l : sources) {
      normalizedUrl(l.url()).ifPresent(u -> add(out, "u:" + u));
    }
    return out;
  }

  private static void addTitle(List<String> out, String title) {
    String n = normalizedTitle(title);
    if (n.codePointCount(0, n.length()) >= MIN_TITLE) {
      add(out, "t:" + n);
    }
  }

  private static void add(List<String> out, String key) {
    if (!out.contains(key)) {
      out.add(key);
    }
  }

  /** Folded, lower case, letters and digits only. */
  public static String normalizedTitle(String title) {
    String f = TextNormalizer.fold(title).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(f.length());
    for (int i = 0; i < f.length(); ) {
      int cp = f.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        sb.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  /** The title with every (...) and （...） part removed (unclosed ones run to the end). */
  static String withoutParentheses(String title) {
    StringBuilder sb = new StringBuilder(title.length());
    int depth = 0;
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      } else if (depth == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The text inside each 《...》 (outermost), in order. */
  static List<String> bookTitles(String title) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c == '《') {
        if (depth++ == 0) {
          start = i + 1;
        }
      } else if (c == '》' && depth > 0 && --depth == 0) {
        out.add(title.substring(start, i));
      }
    }
    return out;
  }

  /**
   * Each 文号 in {@code title}: the Chinese issuer before a bracketed year, the year and the number,
   * {@code 国发〔2021〕23号} as {@code 国发2021-23}; brackets 〔〕, [], ［］, 【】 and （） alike.
   */
  static List<String> documentNumbers(String title) {
    List<String> out = new ArrayList<>();
    String s = TextNormalizer.fold(title);
    for (int i = 0; i < s.length(); i++) {
      char open = s.charAt(i);
      if ("〔[［【(（".indexOf(open) < 0) {
        continue;
      }
      int issuerStart = i;
      while (issuerStart > 0 && i - issuerStart < 12 && Character.UnicodeScript.of(s.charAt(issuerStart - 1))
          == Character.UnicodeScript.HAN) {
        issuerStart--;
      }
      int y = i + 1;
      int yEnd = y;
      while (yEnd < s.length() && yEnd - y < 4 && Character.isDigit(s.charAt(yEnd))) {
        yEnd++;
      }
      if (issuerStart == i || yEnd - y != 4 || yEnd >= s.length() || "〕]］】)）".indexOf(s.charAt(yEnd)) < 0) {
        continue;
      }
      int n = yEnd + 1;
      int nEnd = n;
      while (nEnd < s.length() && nEnd - n < 6 && Character.isDigit(s.charAt(nEnd))) {
        nEnd++;
      }
      if (nEnd > n && nEnd < s.length() && s.charAt(nEnd) == '号') {
        String key = s.substring(issuerStart, i) + s.substring(y, yEnd) + "-" + Integer.parseInt(s.substring(n, nEnd));
        if (!out.contains(key)) {
          out.add(key);
        }
      }
    }
    return out;
  }

  /**
   * A URL as a key: no scheme, no {@code www.}, no fragment, no trailing slash, the host lower case;
   * empty for a site's root (it names no document) or text that is no URL with a host.
   */
  public static Optional<String> normalizedUrl(String url) {
    if (SourceDomains.registeredDomain(url).isEmpty() || EvidenceChecks.isBareUrl(url)) {
      return Optional.empty();
    }
    String s = url.strip();
    int scheme = s.indexOf("://");
    s = scheme >= 0 ? s.substring(scheme + 3) : s.startsWith("//") ? s.substring(2) : s;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int slash = s.indexOf('/');
    int q = s.indexOf('?');
    int hostEnd = slash < 0 ? (q < 0 ? s.length() : q) : (q < 0 ? slash : Math.min(slash, q));
    String host = s.substring(0, hostEnd).toLowerCase(Locale.ROOT);
    host = host.substring(host.lastIndexOf('@') + 1);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    if (host.endsWith(":80") || host.endsWith(":443")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    String rest = s.substring(hostEnd);
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return Optional.of((host + rest).replace('\t', ' ').replace('\n', ' '));
  }
}
