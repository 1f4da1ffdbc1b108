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

  /**
   * The rule as a Java regular expression whose match is the zero; the digit is group 1. A cluster
   * applies it after {@link #DAY_HAO_PATTERN} (so {@code 5月05号}, read {@code 5月05日}, loses its
   * zero too) and {@link #ISO_PATTERN}.
   */
  public static final String PATTERN = "(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ_])[0０]([0-9０-９])(?=[月日])";

  /**
   * A date written with dashes, slashes or points ({@code 2022-05-01}, {@code 2022/5/1},
   * {@code 2022.05.01}, full width too) as a Java regular expression: year (group 1), month (2), day
   * (3), a month 1 to 12 and a day 1 to 31, with no digit, point, dash, slash, Latin letter or
   * underscore before it (a version number, a file name's date) and no digit after it. It is read
   * as {@link #ISO_REPLACEMENT}, the way the reports write dates ({@code 2022年5月1日}, the zeros
   * then dropped by {@link #PATTERN}), so each form finds the other. Fixed-length alternatives:
   * no backtracking beyond a character or two.
   */
  public static final String ISO_PATTERN = "(?<![0-9０-９.．\\-－/／A-Za-zＡ-Ｚａ-ｚ_])([12１２][0-9０-９]{3})[-/.－／．]"
      + "([0０]?[1-9１-９]|[1１][0-2０-２])[-/.－／．]([0０]?[1-9１-９]|[12１２][0-9０-９]|[3３][01０１])(?![0-9０-９])";

  /** What {@link #ISO_PATTERN} reads a date as. */
  public static final String ISO_REPLACEMENT = "$1年$2月$3日";

  /**
   * A day written with 号 after a month ({@code 5月1号}, {@code 5月01号}) as a Java regular
   * expression whose match is the 号, read as 日. Only after a month: the reports' other 号 are
   * document numbers ({@code 〔2018〕22号}, {@code 第19号}), not days.
   */
  public static final String DAY_HAO_PATTERN = "(?<=月[0-9０-９]{1,2})号";

  private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile(ISO_PATTERN);

  /**
   * Whether a date {@link #ISO_PATTERN} reads begins at {@code i} of {@code s}; {@code iso} is a
   * matcher of {@link #isoMatcher} over {@code s}, its groups those of the date when it does.
   */
  static boolean isoDateAt(java.util.regex.Matcher iso, CharSequence s, int i) {
    iso.region(i, Math.min(s.length(), i + 10));
    return iso.lookingAt();
  }

  /** A matcher for {@link #isoDateAt} over {@code s}. */
  static java.util.regex.Matcher isoMatcher(CharSequence s) {
    return ISO.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * Whether the folding writes a 年, 月 or 日 that {@code s} does not spell: a date with dashes,
   * slashes or points ({@link #ISO_PATTERN}: 年 and 月 for its separators, 日 after it) or a day's 号
   * ({@link #DAY_HAO_PATTERN}). Where it does, the index holds these characters and their bigrams
   * with what follows (2020-10-29前 holds 日前, as 2020年10月29日前 does).
   */
  public static boolean writesDateChars(CharSequence s) {
    java.util.regex.Matcher iso = null;
    for (int i = 0; i < s.length(); i++) {
      if (isoCandidate(s, i)) {
        if (iso == null) {
          iso = isoMatcher(s);
        }
        if (isoDateAt(iso, s, i)) {
          return true;
        }
      }
      if (s.charAt(i) == '号' && dayHao(s, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s} holds a date {@link #ISO_PATTERN} reads that may begin at {@code i} (a cheap pre-check). */
  static boolean isoCandidate(CharSequence s, int i) {
    char c = s.charAt(i);
    return (c == '1' || c == '2' || c == '１' || c == '２') && i + 4 < s.length() && separator(s.charAt(i + 4));
  }

  private static boolean separator(char c) {
    return c == '-' || c == '/' || c == '.' || c == '－' || c == '／' || c == '．';
  }

  /** Whether the character at {@code i} of {@code s} is a 号 that writes a day ({@link #DAY_HAO_PATTERN}). */
  static boolean dayHao(CharSequence s, int i) {
    if (s.charAt(i) != '号' || i < 2 || !digit(s.charAt(i - 1))) {
      return false;
    }
    char before = s.charAt(i - 2);
    return before == '月' || (digit(before) && i >= 3 && s.charAt(i - 3) == '月');
  }

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
    if (unit != '月' && unit != '日' && !(unit == '号' && dayHao(s, i + 2))) {
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
