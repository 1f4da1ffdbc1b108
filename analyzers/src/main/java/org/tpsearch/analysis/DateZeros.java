package org.tpsearch.analysis;

/**
 * Months and days written with a leading zero ({@code 2022年05月}, {@code 03月01日}) read as
 * without it ({@code 2022年5月}, {@code 3月1日}), so each form finds the other: the reports write
 * both, and users type either. The rule, the same as the {@link #PATTERN} a cluster's
 * {@code pattern_replace} char filter applies: a {@code 0} (ASCII or full width) that follows no
 * digit, point, Latin letter or underscore (it would be inside a word), is followed by one digit,
 * and then by 月 or 日. One character of look-behind and
 * two of look-ahead: no backtracking, on any text.
 */
public final class DateZeros {
  private DateZeros() {}

  /** The rule as a Java regular expression whose match is the zero; the digit is group 1. */
  public static final String PATTERN = "(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ_])[0０]([0-9０-９])(?=[月日])";

  /** Whether the character at {@code i} of {@code s} is the zero padding of a month or a day. */
  static boolean padding(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c != '0' && c != '０') {
      return false;
    }
    if (i + 2 >= s.length() || !digit(s.charAt(i + 1))) {
      return false;
    }
    char unit = s.charAt(i + 2);
    if (unit != '月' && unit != '日') {
      return false;
    }
    if (i > 0) {
      char before = s.charAt(i - 1);
      return !digit(before) && before != '.' && before != '．' && before != '_' && !latin(before);
    }
    return true;
  }

  private static boolean latin(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
  }

  private static boolean digit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }
}
