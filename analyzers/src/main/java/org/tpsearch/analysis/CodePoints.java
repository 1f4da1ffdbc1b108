package org.tpsearch.analysis;

/** String order by code point, for keys that must sort as Lucene and OpenSearch sort them. */
public final class CodePoints {
  private CodePoints() {}

  /**
   * Code-point order, which is the byte order of UTF-8: the order Lucene and OpenSearch give a
   * keyword ({@link String#compareTo} compares UTF-16 units and differs above U+FFFF).
   */
  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
