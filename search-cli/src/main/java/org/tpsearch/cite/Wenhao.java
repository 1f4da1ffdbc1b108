package org.tpsearch.cite;

/**
 * Finds a 文号, the number a Chinese government document is issued under: an issuer's short name,
 * the year in brackets and a serial number ({@code 国发〔2021〕23号}, {@code 发改环资〔2021〕1310号};
 * also with [ ], ［ ］ or 【 】, as they are often retyped). A plain scan, linear in the text.
 */
final class Wenhao {
  private static final String OPEN = "〔[［【";
  private static final String CLOSE = "〕]］】";
  /** The issuer's short name is a few characters: 国发, 发改价格, 晋政发, 国办发明电. */
  private static final int MAX_ISSUER = 12;

  private Wenhao() {}

  /** The first 文号 in {@code text}, or "" when there is none. */
  static String find(String text) {
    for (int i = 0; i < text.length(); i++) {
      int kind = OPEN.indexOf(text.charAt(i));
      if (kind < 0) {
        continue;
      }
      int j = i + 1;
      int year = 0;
      while (j < text.length() && year < 4 && Character.isDigit(text.charAt(j))) {
        j++;
        year++;
      }
      if (year != 4 || j >= text.length() || text.charAt(j) != CLOSE.charAt(kind)) {
        continue;
      }
      j++;
      int serial = 0;
      while (j < text.length() && serial < 7 && Character.isDigit(text.charAt(j))) {
        j++;
        serial++;
      }
      if (serial == 0 || j >= text.length() || text.charAt(j) != '号') {
        continue;
      }
      int start = i;
      while (start > 0 && i - start < MAX_ISSUER && isHan(text.charAt(start - 1))) {
        start--;
      }
      if (start == i) {
        continue;
      }
      return text.substring(start, j + 1);
    }
    return "";
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
