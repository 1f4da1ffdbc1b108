package org.tpsearch.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Name folding shared by the region, sector and turning-point id tables. */
final class Slugs {
  private Slugs() {}

  /** Lower case, runs of spaces, underscores and hyphens as one {@code -}. */
  static String slug(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "-");
  }

  /** The key names are looked up by: the slug, with full-width letters folded first. */
  static String key(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.strip()
        .codePoints()
        .map(c -> c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c == 0x3000 ? ' ' : c)
        .forEach(sb::appendCodePoint);
    return slug(sb.toString());
  }

  static List<String> distinctNonEmpty(String a, String b, String c, List<String> rest) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : new String[] {a, b, c}) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    out.addAll(rest);
    return List.copyOf(new ArrayList<>(out));
  }
}
