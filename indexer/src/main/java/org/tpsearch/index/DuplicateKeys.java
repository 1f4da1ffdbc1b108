package org.tpsearch.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    // A set: a title naming 60,000 《documents》 must not cost 60,000² comparisons.
    Set<String> out = new LinkedHashSet<>();
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
    return List.copyOf(out);
  }

  private static void addTitle(Set<String> out, String title) {
    String n = normalizedTitle(title);
    if (n.codePointCount(0, n.length()) >= MIN_TITLE) {
      add(out, "t:" + n);
    }
  }

  /** The longest key kept as it is, in characters. */
  static final int MAX_KEY = 512;

  /**
   * Adds {@code key}; one longer than {@value #MAX_KEY} characters becomes its beginning and a
   * SHA-256 of the whole: still one key per text, and never a term too long for the index (Lucene
   * refuses a term of more than 32,766 bytes, and the whole run would fail on one long title).
   */
  private static void add(Set<String> out, String key) {
    out.add(key.length() <= MAX_KEY ? key : shortened(key));
  }

  static String shortened(String key) {
    int cut = MAX_KEY - 65;
    if (Character.isHighSurrogate(key.charAt(cut - 1))) {
      cut--;
    }
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return key.substring(0, cut) + "#" + java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
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
    Set<String> out = new LinkedHashSet<>();
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
        out.add(key);
      }
    }
    return List.copyOf(out);
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
    int end = rest.length();
    while (end > 0 && rest.charAt(end - 1) == '/') {
      end--; // one pass, not a copy per slash
    }
    rest = rest.substring(0, end);
    return Optional.of((host + rest).replace('\t', ' ').replace('\n', ' '));
  }
}
