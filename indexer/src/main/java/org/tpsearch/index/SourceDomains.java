package org.tpsearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.TurningPoint;

/**
 * The {@code source_domain} facet: the registered domain of each evidence source URL of a point
 * ({@code www.chinadaily.com.cn} is {@code chinadaily.com.cn}), every government site grouped as
 * {@code gov.cn} ({@code www.ndrc.gov.cn}, {@code www.xinjiang.gov.cn}), and {@code none} for a point
 * that cites no URL.
 */
public final class SourceDomains {
  /** The value of a point without any source URL. */
  public static final String NONE = "none";

  /** Suffixes whose sites are grouped under the suffix itself: who publishes matters, not which office. */
  private static final Set<String> GROUPED = Set.of("gov.cn");

  /** Second-level public suffixes: the registered domain is one label more. */
  private static final Set<String> PUBLIC_SECOND_LEVEL = Set.of("com.cn", "net.cn", "org.cn", "edu.cn", "ac.cn",
      "com.hk", "org.hk", "gov.hk", "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "co.jp", "com.sg", "com.tw");

  private SourceDomains() {}

  /** The distinct registered domains of {@code p}'s source URLs, in order of first citation, or {@code none}. */
  public static List<String> of(TurningPoint p) {
    List<String> out = new ArrayList<>();
    for (EvidenceItem e : p.evidence()) {
      for (Link l : e.sources()) {
        registeredDomain(l.url()).filter(d -> !out.contains(d)).ifPresent(out::add);
      }
    }
    return out.isEmpty() ? List.of(NONE) : out;
  }

  /** The distinct registered domains of these links' URLs, in order; empty when none has a host. */
  public static List<String> ofLinks(List<Link> links) {
    List<String> out = new ArrayList<>();
    for (Link l : links) {
      registeredDomain(l.url()).filter(d -> !out.contains(d)).ifPresent(out::add);
    }
    return out;
  }

  /** The longest DNS name. */
  static final int MAX_HOST = 253;

  /** The registered domain of {@code url} (lower case), or empty when it names no host. */
  public static Optional<String> registeredDomain(String url) {
    String s = url.strip();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    } else if (s.startsWith("//")) {
      s = s.substring(2);
    }
    int end = s.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String host = s.substring(0, end);
    host = host.substring(host.lastIndexOf('@') + 1);
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    host = host.toLowerCase(Locale.ROOT);
    int cut = host.length();
    while (cut > 0 && host.charAt(cut - 1) == '.') {
      cut--; // one pass: a host of 100,000 dots is not copied 100,000 times
    }
    host = host.substring(0, cut);
    // A DNS name has at most 253 characters: a longer "host" is none, and would be a facet value
    // too long for the index (Lucene refuses a term of more than 32,766 bytes and the whole run fails).
    if (host.length() > MAX_HOST || host.isEmpty() || host.indexOf('.') < 0 || !host.chars().allMatch(c -> c == '.' || c == '-'
        || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c > 127)) {
      return Optional.empty();
    }
    if (host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return Optional.of(host); // an IP address is its own domain
    }
    String[] labels = host.split("\\.");
    String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
    if (GROUPED.contains(lastTwo)) {
      return Optional.of(lastTwo);
    }
    int keep = PUBLIC_SECOND_LEVEL.contains(lastTwo) && labels.length >= 3 ? 3 : 2;
    return Optional.of(String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length)));
  }
}
