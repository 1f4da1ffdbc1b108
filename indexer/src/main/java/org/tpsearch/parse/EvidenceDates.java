package org.tpsearch.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.model.DateRange;

/**
 * Reads the days an evidence item's time field covers, as the language model writes it:
 * {@code 2022年3月}, {@code 2022年全年}, {@code 2021年12月至2022年3月}, {@code 2020-02-17},
 * {@code 17/02/2020}, {@code 2022年3月上旬}, {@code 2022年第一季度}, {@code Q1 2022}, {@code March 2022},
 * {@code 17 March 2022}, {@code 2020年2月15日发布，2月17日零时起执行}, in Traditional characters or
 * full-width digits, with Chinese numerals (二〇二二年三月).
 *
 * <p>Every date the text names is read (a month or day without a year takes the last year named
 * before it; a month smaller than the one before it, without its own year, is in the next year),
 * and the answer is the span from the first day of the earliest to the last day of the latest.
 * A qualifier narrows a year or month: 上旬 days 1-10, 中旬 11-20, 下旬 21 to the end, 月初 1-10,
 * 月底/月末 21 to the end; 上半年 January-June, 下半年 July-December, 年初 January-March, 年中
 * May-August, 年底/年末 October-December, a quarter its three months, 春 March-May, 夏 June-August,
 * 秋 September-November, 冬 December to February of the next year. Words it does not know (起, 前后,
 * early, mid) leave the unit whole. Years outside 1900..2100 are not dates. A month outside 1..12
 * or a day its month does not have (2022年13月, 2月30日, 2022-04-31) is an impossible date: the whole
 * field is then undated, not read leniently, and {@link #impossible} says what was wrong so that
 * the parser can warn with the file and line. Text with no date in it is undated.
 *
 * <p>One pass over the characters, no regular expressions: any input, however long or hostile,
 * is read in linear time and never throws. Only the first {@value #MAX_CHARS} characters count.
 */
public final class EvidenceDates {
  /** A time field is a few words; past this it is prose, not a date. */
  static final int MAX_CHARS = 1000;

  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2100;

  private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};

  private EvidenceDates() {}

  /** The days {@code time} covers, or empty when it names no date. Never throws. */
  public static Optional<DateRange> parse(String time) {
    if (time == null || time.isEmpty()) {
      return Optional.empty();
    }
    try {
      return parseStrict(time);
    } catch (RuntimeException e) {
      // A bug here must not stop indexing: the item is undated (the tests call parseStrict, which lets it out).
      return Optional.empty();
    }
  }

  /** {@link #parse} without the safety net, for the tests: an exception here is a bug. */
  static Optional<DateRange> parseStrict(String time) {
    if (time == null || time.isEmpty()) {
      return Optional.empty();
    }
    Scan scan = new Scan(fold(time));
    Optional<DateRange> r = scan.run();
    return scan.impossible == null ? r : Optional.empty();
  }

  /**
   * The first impossible date {@code time} names ({@code "day 30 of 2022-02"}, {@code "month 13"}),
   * for a warning; empty when it names none. {@link #parse} reads such a field as undated.
   */
  public static Optional<String> impossible(String time) {
    if (time == null || time.isEmpty()) {
      return Optional.empty();
    }
    try {
      Scan scan = new Scan(fold(time));
      scan.run();
      return Optional.ofNullable(scan.impossible);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Traditional to Simplified, full width to ASCII, 號/号 to 日, lower case; at most MAX_CHARS. */
  private static char[] fold(String time) {
    String s = time.length() > MAX_CHARS ? time.substring(0, MAX_CHARS) : time;
    char[] c = TextNormalizer.fold(s).toCharArray();
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch == '号' || ch == '號') {
        c[i] = '日';
      } else if (ch == '\u3000') {
        c[i] = ' ';
      } else if (ch >= 'A' && ch <= 'Z') {
        c[i] = (char) (ch + ('a' - 'A'));
      }
    }
    return c;
  }

  /** One scan of one folded time field. */
  private static final class Scan {
    private final char[] s;
    private final List<DateRange> found = new ArrayList<>();
    /** Month mentions written before any year ("March 1 to April 3, 2022"): [month, day]. */
    private final List<int[]> pending = new ArrayList<>();
    private int year;
    private int month;
    /** The first impossible date met, described; null when none. */
    String impossible;

    Scan(char[] s) {
      this.s = s;
    }

    Optional<DateRange> run() {
      int i = 0;
      while (i < s.length) {
        int next = isDigit(i) || isChineseNumeral(i) ? number(i) : isLetter(i) ? word(i) : i + 1;
        i = Math.max(next, i + 1);
      }
      for (int[] p : pending) {
        if (year > 0) {
          addMonth(year, p[0], p[1]);
        }
      }
      DateRange all = null;
      for (DateRange r : found) {
        all = all == null ? r : all.span(r);
      }
      return Optional.ofNullable(all);
    }

    // ---------------------------------------------------------------- numbers

    /** A number at {@code i} and what follows it; returns where the scan goes on. */
    private int number(int i) {
      Num n = readNumber(i);
      if (n == null) {
        return i + 1;
      }
      int j = skipSpaces(n.end);
      char unit = at(j);
      if (unit == '年') {
        if (n.digits == 4 && validYear(n.value)) {
          return afterYear(n.value, j + 1);
        }
        return j + 1; // 三年, 十四五: not a date
      }
      if (unit == '月' && n.digits <= 2 && (n.value < 1 || n.value > 12) && year > 0) {
        impossible("month " + n.value);
        return j + 1;
      }
      if (unit == '月' && n.digits <= 2 && n.value >= 1 && n.value <= 12) {
        if (year == 0) {
          pending.add(new int[] {n.value, 0});
          return j + 1;
        }
        // A month below the last one, with no year of its own, is in the next year (2022年11月至2月).
        int y = month > 0 && n.value < month ? year + 1 : year;
        return afterMonth(y, n.value, j + 1);
      }
      if (unit == '日' && n.digits <= 2 && year > 0 && month > 0) {
        addDay(year, month, n.value);
        return j + 1;
      }
      if (n.chinese) {
        return n.end;
      }
      if (n.digits == 4 && validYear(n.value)) {
        return afterBareYear(n.value, n.end);
      }
      if (n.digits <= 2) {
        return dayFirst(n, n.end);
      }
      return n.end;
    }

    /** {@code YYYY年} read, {@code k} just after 年: a month, a day, or a qualifier of the year. */
    private int afterYear(int y, int k) {
      year = y;
      month = 0;
      int j = skipSpaces(k);
      Num m = isDigit(j) || isChineseNumeral(j) ? readNumber(j) : null;
      if (m != null && m.digits <= 2) {
        int u = skipSpaces(m.end);
        if (at(u) == '月' && m.value >= 1 && m.value <= 12) {
          return afterMonth(y, m.value, u + 1);
        }
        if (at(u) == '月') {
          impossible("month " + m.value);
          return u + 1;
        }
      }
      return yearQualifier(y, j);
    }

    /** What follows {@code YYYY年} when it is not a month: 全年, 上半年, 第一季度, 春季, 年底... */
    private int yearQualifier(int y, int at) {
      int j = at(at) == '年' ? at + 1 : at; // 2022年年底
      if (startsWith(j, "上半年")) {
        return add(months(y, 1, 6), j + 3);
      }
      if (startsWith(j, "下半年")) {
        return add(months(y, 7, 12), j + 3);
      }
      if (startsWith(j, "初") || startsWith(j, "年初")) {
        return add(months(y, 1, 3), j + 1);
      }
      if (startsWith(j, "中")) {
        return add(months(y, 5, 8), j + 1);
      }
      if (startsWith(j, "底") || startsWith(j, "末")) {
        return add(months(y, 10, 12), j + 1);
      }
      int q = quarterAt(j);
      if (q > 0) {
        return add(months(y, q * 3 - 2, q * 3), j + 2);
      }
      if (at(j) == 'h' && (at(j + 1) == '1' || at(j + 1) == '2') && !isDigit(j + 2)) {
        int h = at(j + 1) - '0';
        return add(months(y, h * 6 - 5, h * 6), j + 2);
      }
      int season = "春夏秋冬".indexOf(at(j));
      if (season >= 0) {
        YearMonth start = YearMonth.of(y, 3 + season * 3);
        return add(new DateRange(start.atDay(1), start.plusMonths(2).atEndOfMonth()), j + 1);
      }
      return add(months(y, 1, 12), j); // 2022年, 2022年全年, and any word we do not know
    }

    /** A quarter written at {@code j}: 第一季度, 一季度, 1季度, 第1季, q1. 0 when there is none. */
    private int quarterAt(int j) {
      int k = at(j) == '第' ? j + 1 : j;
      if (at(j) == 'q') {
        char d = at(j + 1);
        return d >= '1' && d <= '4' && !isDigit(j + 2) ? d - '0' : 0;
      }
      int q = "一二三四".indexOf(at(k)) + 1;
      if (q == 0 && at(k) >= '1' && at(k) <= '4') {
        q = at(k) - '0';
      }
      return q > 0 && at(k + 1) == '季' ? q : 0;
    }

    /** {@code M月} read in year {@code y}, {@code k} just after 月: a day, or a qualifier of the month. */
    private int afterMonth(int y, int mo, int k) {
      if (!validYear(y)) {
        return k;
      }
      year = y;
      month = mo;
      int j = skipSpaces(k);
      Num d = isDigit(j) || isChineseNumeral(j) ? readNumber(j) : null;
      if (d != null && d.digits <= 2) {
        int u = skipSpaces(d.end);
        if (at(u) == '日' && addDay(y, mo, d.value)) {
          return u + 1;
        }
      }
      YearMonth ym = YearMonth.of(y, mo);
      int last = ym.lengthOfMonth();
      if (startsWith(j, "上旬") || startsWith(j, "初")) {
        return add(days(ym, 1, 10), j + (at(j) == '初' ? 1 : 2));
      }
      if (startsWith(j, "中旬")) {
        return add(days(ym, 11, 20), j + 2);
      }
      if (startsWith(j, "下旬") || startsWith(j, "底") || startsWith(j, "末")) {
        return add(days(ym, 21, last), j + (at(j) == '下' ? 2 : 1));
      }
      return add(days(ym, 1, last), j);
    }

    /** A four-digit year with no 年: 2022-03-01, 2022/3, 2022.03.01, 2022 q1, or the year alone. */
    private int afterBareYear(int y, int k) {
      char sep = at(k);
      if ((sep == '-' || sep == '/' || sep == '.') && isDigit(k + 1)) {
        Num m = readNumber(k + 1);
        if (m != null && m.digits <= 2 && (m.value < 1 || m.value > 12) && at(m.end) == sep && isDigit(m.end + 1)) {
          impossible("month " + m.value);
          return m.end;
        }
        if (m != null && m.digits <= 2 && m.value >= 1 && m.value <= 12) {
          if (at(m.end) == sep && isDigit(m.end + 1)) {
            Num d = readNumber(m.end + 1);
            if (d != null && d.digits <= 2 && !isDigit(d.end)) {
              year = y;
              month = m.value;
              addDay(y, m.value, d.value);
              return d.end;
            }
          }
          if (!isDigit(m.end)) {
            return afterMonth(y, m.value, m.end);
          }
        }
      }
      if (isLetter(k - 5)) {
        return k; // part of a word or code (abc2022)
      }
      int j = skipSpaces(k);
      if (at(j) == '-') {
        j = skipSpaces(j + 1);
      }
      int q = at(j) == 'q' ? quarterAt(j) : 0;
      year = y;
      month = 0;
      if (q > 0) {
        return add(months(y, q * 3 - 2, q * 3), j + 2);
      }
      if (!pending.isEmpty()) {
        for (int[] p : pending) {
          addMonth(y, p[0], p[1]);
        }
        pending.clear();
        return k;
      }
      return add(months(y, 1, 12), k);
    }

    /** One or two digits first: 17/02/2020 (day first, as the pipeline writes), 02/17/2020, 17 march 2022. */
    private int dayFirst(Num a, int k) {
      char sep = at(k);
      if ((sep == '/' || sep == '-' || sep == '.') && isDigit(k + 1)) {
        Num b = readNumber(k + 1);
        if (b != null && b.digits <= 2 && at(b.end) == sep && isDigit(b.end + 1)) {
          Num y = readNumber(b.end + 1);
          if (y != null && y.digits == 4 && validYear(y.value) && !isDigit(y.end)) {
            // Day first unless that cannot be a date and month first can.
            int day = a.value;
            int mo = b.value;
            if (mo > 12 && day <= 12) {
              day = b.value;
              mo = a.value;
            }
            if (mo >= 1 && mo <= 12) {
              year = y.value;
              month = mo;
              addDay(y.value, mo, day);
            } else {
              impossible("month " + mo);
            }
            return y.end;
          }
        }
        return b == null ? k + 1 : b.end;
      }
      // 17 March 2022
      int j = skipSpaces(k);
      if (isLetter(j)) {
        int end = wordEnd(j);
        int mo = monthOf(j, end);
        if (mo > 0) {
          return monthThenYear(mo, a.value, end);
        }
      }
      return k;
    }

    // ---------------------------------------------------------------- words

    /** A run of letters at {@code i}: a month name, q1..q4, h1/h2; anything else is skipped. */
    private int word(int i) {
      int end = wordEnd(i);
      if (i > 0 && isLetter(i - 1)) {
        return end;
      }
      int mo = monthOf(i, end);
      if (mo > 0) {
        // March 17, 2022 / March 2022 / March 17-20, 2022
        int j = skipSpaces(at(end) == '.' ? end + 1 : end);
        int day = 0;
        if (isDigit(j)) {
          Num d = readNumber(j);
          if (d != null && d.digits <= 2) {
            day = d.value;
            j = d.end;
            int sfx = wordEnd(j);
            if (sfx - j == 2) {
              j = sfx; // 17th, 1st
            }
          }
        }
        return monthThenYear(mo, day, day > 0 ? j : end);
      }
      if (end - i == 1 && (at(i) == 'q' || at(i) == 'h') && isDigit(end) && !isDigit(end + 1)) {
        int n = at(end) - '0';
        int j = skipSpaces(end + 1);
        if (isDigit(j)) {
          Num y = readNumber(j);
          if (y != null && y.digits == 4 && validYear(y.value)) {
            year = y.value;
            month = 0;
            if (at(i) == 'q' && n >= 1 && n <= 4) {
              return add(months(y.value, n * 3 - 2, n * 3), y.end);
            }
            if (at(i) == 'h' && n >= 1 && n <= 2) {
              return add(months(y.value, n * 6 - 5, n * 6), y.end);
            }
            return y.end;
          }
        }
      }
      return end;
    }

    /** After a month name (and maybe a day): the year, else the last year named, else later. */
    private int monthThenYear(int mo, int day, int k) {
      int j = skipSpaces(at(k) == ',' ? k + 1 : k);
      if (at(j) == ',') {
        j = skipSpaces(j + 1);
      }
      if (isDigit(j)) {
        Num y = readNumber(j);
        if (y != null && y.digits == 4 && validYear(y.value) && !isDigit(y.end)) {
          year = y.value;
          month = mo;
          for (int[] p : pending) {
            addMonth(y.value, p[0], p[1]);
          }
          pending.clear();
          addMonth(y.value, mo, day);
          return y.end;
        }
      }
      if (year > 0) {
        month = mo;
        addMonth(year, mo, day);
      } else {
        pending.add(new int[] {mo, day});
      }
      return k;
    }

    private int monthOf(int i, int end) {
      int len = end - i;
      if (len < 3 || len > 9) {
        return 0;
      }
      String w = new String(s, i, len);
      for (int m = 0; m < 12; m++) {
        String name = MONTH_NAMES[m];
        if (w.equals(name) || w.equals(name.substring(0, 3)) || (m == 8 && w.equals("sept"))) {
          return m + 1;
        }
      }
      return 0;
    }

    // ---------------------------------------------------------------- adding

    private void addMonth(int y, int mo, int day) {
      if (!validYear(y) || mo < 1 || mo > 12) {
        return;
      }
      if (day > 0 && addDay(y, mo, day)) {
        return;
      }
      YearMonth ym = YearMonth.of(y, mo);
      found.add(days(ym, 1, ym.lengthOfMonth()));
    }

    /** Adds the day when the month has it; a day it does not have (2月30日) adds the month. */
    private boolean addDay(int y, int mo, int day) {
      if (!validYear(y) || mo < 1 || mo > 12) {
        return false;
      }
      YearMonth ym = YearMonth.of(y, mo);
      if (day < 1 || day > ym.lengthOfMonth()) {
        impossible("day " + day + " of " + ym);
        found.add(days(ym, 1, ym.lengthOfMonth()));
        return false;
      }
      LocalDate d = ym.atDay(day);
      found.add(new DateRange(d, d));
      return true;
    }

    private void impossible(String what) {
      if (impossible == null) {
        impossible = what;
      }
    }

    private int add(DateRange r, int next) {
      found.add(r);
      return next;
    }

    private static DateRange months(int y, int first, int last) {
      return new DateRange(YearMonth.of(y, first).atDay(1), YearMonth.of(y, last).atEndOfMonth());
    }

    private static DateRange days(YearMonth ym, int first, int last) {
      return new DateRange(ym.atDay(first), ym.atDay(last));
    }

    private static boolean validYear(int y) {
      return y >= MIN_YEAR && y <= MAX_YEAR;
    }

    // ---------------------------------------------------------------- characters

    /** A number: ASCII digits, or Chinese numerals (〇一二...十); {@code digits} as written. */
    private record Num(int value, int digits, int end, boolean chinese) {}

    /** The number at {@code i}; null when it is too long to be part of a date (its digits are skipped). */
    private Num readNumber(int i) {
      int j = i;
      if (isDigit(i)) {
        while (isDigit(j)) {
          j++;
        }
        if (j - i > 4) {
          return new Num(-1, j - i, j, false);
        }
        return new Num(Integer.parseInt(new String(s, i, j - i)), j - i, j, false);
      }
      while (isChineseNumeral(j)) {
        j++;
      }
      return chineseNumber(i, j);
    }

    /** 二〇二二 (digit by digit), 十二, 二十三, 三十一; null for a form that is no such number. */
    private Num chineseNumber(int i, int j) {
      int len = j - i;
      if (len == 0 || len > 4) {
        return new Num(-1, 9, j, true);
      }
      int ten = -1;
      for (int k = i; k < j; k++) {
        if (s[k] == '十') {
          if (ten >= 0) {
            return new Num(-1, 9, j, true);
          }
          ten = k;
        }
      }
      if (ten < 0) {
        int v = 0;
        for (int k = i; k < j; k++) {
          v = v * 10 + digitOf(s[k]);
        }
        return new Num(v, len, j, true);
      }
      if (len > 3) {
        return new Num(-1, 9, j, true);
      }
      int tens = ten == i ? 1 : digitOf(s[i]);
      int ones = ten == j - 1 ? 0 : digitOf(s[j - 1]);
      if ((ten != i && ten - i != 1) || (ten != j - 1 && j - 1 - ten != 1)) {
        return new Num(-1, 9, j, true);
      }
      return new Num(tens * 10 + ones, 2, j, true);
    }

    private static int digitOf(char c) {
      int d = "〇一二三四五六七八九".indexOf(c);
      if (d >= 0) {
        return d;
      }
      return c == '零' ? 0 : c == '两' ? 2 : 0;
    }

    private boolean isChineseNumeral(int i) {
      return i >= 0 && i < s.length && "〇零一二三四五六七八九十两".indexOf(s[i]) >= 0;
    }

    private boolean isDigit(int i) {
      return i >= 0 && i < s.length && s[i] >= '0' && s[i] <= '9';
    }

    private boolean isLetter(int i) {
      return i >= 0 && i < s.length && s[i] >= 'a' && s[i] <= 'z';
    }

    private int wordEnd(int i) {
      int j = i;
      while (isLetter(j)) {
        j++;
      }
      return j;
    }

    private char at(int i) {
      return i >= 0 && i < s.length ? s[i] : '\0';
    }

    private int skipSpaces(int i) {
      int j = i;
      while (j < s.length && s[j] == ' ') {
        j++;
      }
      return j;
    }

    private boolean startsWith(int i, String w) {
      if (i < 0 || i + w.length() > s.length) {
        return false;
      }
      for (int k = 0; k < w.length(); k++) {
        if (s[i + k] != w.charAt(k)) {
          return false;
        }
      }
      return true;
    }
  }
}
