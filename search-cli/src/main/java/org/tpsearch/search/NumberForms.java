package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Other ways the reports write a number a user typed: a date in the reports' Chinese form
 * (2021-09 as 2021年9月, 23/01/2020 as 2020年1月23日: the index reads an ISO date so, and the
 * reports write 年月日; 2022-12-07 also as 12月7日), an amount of electricity in 千瓦时 or 度 (52.6亿度
 * for 52.6亿千瓦时), and a round number as the text says it roughly (5000户 as 5000余户).
 * Read by hand, without regular expressions: a query word is short, but this runs on every one.
 */
final class NumberForms {
  private NumberForms() {}

  /**
   * The other forms of {@code word} (folded: half-width, Simplified), none when it is no date or
   * amount of electricity.
   */
  static List<String> of(String word) {
    List<String> out = new ArrayList<>();
    yearMonth(word, out);
    monthDay(word, out);
    dayMonthYear(word, out);
    electricity(word, out);
    roughly(word, out);
    english(word, out);
    plainNumber(word, out);
    return out;
  }

  /**
   * A number as the reports write it: 4,000万吨 as 4000万吨, 1.50亿吨 as 1.5亿吨 (without its
   * thousands commas and trailing zeros).
   */
  private static void plainNumber(String w, List<String> out) {
    int k = 0;
    while (k < w.length() && (Character.isDigit(w.charAt(k)) || (k > 0 && (w.charAt(k) == '.' || w.charAt(k) == ',')))) {
      k++;
    }
    String number = w.substring(0, k);
    if (k == 0 || !Character.isDigit(w.charAt(k - 1)) || number.length() > 40) {
      return;
    }
    String plain = number.replace(",", "");
    if (plain.indexOf('.') >= 0) {
      int end = plain.length();
      while (plain.charAt(end - 1) == '0') {
        end--;
      }
      plain = plain.substring(0, plain.charAt(end - 1) == '.' ? end - 1 : end);
    }
    if (!plain.equals(number) && !plain.isEmpty() && plain.chars().filter(c -> c == '.').count() <= 1) {
      out.add(plain + w.substring(k));
    }
  }

  /** English names of the units the reports give in both languages (the English summaries say 48 yuan per tonne). */
  private static final java.util.Map<String, List<String>> ENGLISH_UNITS = java.util.Map.of(
      "千瓦时", List.of("kWh"), "度", List.of("kWh"), "千瓦", List.of("kW"), "吨", List.of("tonnes", "tons"),
      "元", List.of("yuan"), "元/吨", List.of("yuan per tonne", "yuan/t", "yuan per ton"),
      "元/千瓦时", List.of("yuan/kWh", "yuan per kWh"), "元/度", List.of("yuan/kWh", "yuan per kWh"));

  /**
   * An amount as the reports' English writes it: 52.6亿千瓦时 as 5.26 billion kWh, 300万千瓦 as 3
   * million kW, 48元/吨 as 48 yuan per tonne. 亿 is a hundred million, 万 ten thousand.
   */
  private static void english(String w, List<String> out) {
    int k = numberEnd(w);
    if (k == 0 || k == w.length()) {
      return;
    }
    java.math.BigDecimal n;
    try {
      n = new java.math.BigDecimal(w.substring(0, k));
    } catch (NumberFormatException e) {
      return;
    }
    char m = w.charAt(k);
    int unit = m == '亿' || m == '万' ? k + 1 : k;
    List<String> names = ENGLISH_UNITS.get(w.substring(unit));
    if (names == null || n.precision() > 12) {
      return;
    }
    String amount;
    if (m == '亿') {
      java.math.BigDecimal billions = n.movePointLeft(1);
      amount = billions.compareTo(java.math.BigDecimal.ONE) >= 0 ? plain(billions) + " billion" : plain(n.movePointRight(2)) + " million";
    } else if (m == '万') {
      java.math.BigDecimal millions = n.movePointLeft(2);
      amount = millions.compareTo(java.math.BigDecimal.ONE) >= 0 ? plain(millions) + " million" : grouped(n.movePointRight(4));
    } else {
      amount = grouped(n);
    }
    for (String name : names) {
      out.add(amount + " " + name);
    }
  }

  private static String plain(java.math.BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /** A whole number in thousands as English writes it (50,000 tonnes for 5万吨), else plain. */
  private static String grouped(java.math.BigDecimal d) {
    java.math.BigDecimal t = d.stripTrailingZeros();
    return t.scale() <= 0 ? String.format(java.util.Locale.ROOT, "%,d", t.toBigIntegerExact()) : t.toPlainString();
  }

  /**
   * 2022-12-07 as 12月7日 too: a report that has named the year says the day without it (12月7日,
   * 国务院联防联控机制发布"新十条"). The index reads the whole date as 2022年12月7日 itself.
   */
  private static void monthDay(String w, List<String> out) {
    if (w.length() < 8 || w.length() > 10 || !digits(w, 0, 4) || w.charAt(4) != '-') {
      return;
    }
    String[] parts = w.substring(5).split("-", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[0].length() > 2 || parts[1].isEmpty() || parts[1].length() > 2
        || !digits(parts[0], 0, parts[0].length()) || !digits(parts[1], 0, parts[1].length())) {
      return;
    }
    int month = Integer.parseInt(parts[0]);
    int day = Integer.parseInt(parts[1]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      out.add(month + "月" + day + "日");
    }
  }

  /**
   * 5000户 as 5000余户 and 5000多户: the text says how many with 余 or 多 after the number (5000余户
   * 居民), a researcher types the round number.
   */
  private static void roughly(String w, List<String> out) {
    int k = numberEnd(w);
    if (k == 0 || !unitAfter(w, k, 1) || w.charAt(k) == '余' || w.charAt(k) == '多' || "年月日号".indexOf(w.charAt(k)) >= 0) {
      return;
    }
    for (String about : new String[] {"余", "多"}) {
      out.add(w.substring(0, k) + about + w.substring(k));
      if (w.length() > k + 1 && (w.charAt(k) == '亿' || w.charAt(k) == '万')) {
        // 1亿多吨, 160万余吨: after the magnitude too.
        out.add(w.substring(0, k + 1) + about + w.substring(k + 1));
      }
    }
  }

  /** 2021-09 and 2021-9 as 2021年9月; 2021-09-16 is left to the index's own folding. */
  private static void yearMonth(String w, List<String> out) {
    int dash = w.indexOf('-');
    if (dash != 4 || !digits(w, 0, 4) || w.length() < 6 || w.length() > 7 || !digits(w, 5, w.length())) {
      return;
    }
    int month = Integer.parseInt(w.substring(5));
    if (month >= 1 && month <= 12) {
      out.add(w.substring(0, 4) + "年" + month + "月");
    }
  }

  /**
   * 23/01/2020 as 2020年1月23日 (the pipeline writes day first); where both readings are dates
   * (01/02/2020), month first too.
   */
  private static void dayMonthYear(String w, List<String> out) {
    String[] parts = w.split("/", -1);
    if (parts.length != 3 || parts[2].length() != 4 || !digits(parts[2], 0, 4)) {
      return;
    }
    for (String p : List.of(parts[0], parts[1])) {
      if (p.isEmpty() || p.length() > 2 || !digits(p, 0, p.length())) {
        return;
      }
    }
    int a = Integer.parseInt(parts[0]);
    int b = Integer.parseInt(parts[1]);
    if (b >= 1 && b <= 12 && a >= 1 && a <= 31) {
      out.add(parts[2] + "年" + b + "月" + a + "日");
    }
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31 && a != b) {
      out.add(parts[2] + "年" + a + "月" + b + "日");
    }
  }

  /** 52.6亿度 as 52.6亿千瓦时 and back, 0.453元/度 as 0.453元/千瓦时: 度 is the everyday name of the kilowatt-hour. */
  private static void electricity(String w, List<String> out) {
    int k = numberEnd(w);
    if (k == 0) {
      return;
    }
    // The magnitude (亿, 万) stays; the unit after it is the one that has another name.
    int unit = k < w.length() && (w.charAt(k) == '亿' || w.charAt(k) == '万') ? k + 1 : k;
    String rest = w.substring(unit);
    String before = w.substring(0, unit);
    if (rest.startsWith("元/")) {
      // A price per kilowatt-hour: 0.453元/度 as 0.453元/千瓦时.
      before += "元/";
      rest = rest.substring(2);
    }
    if (rest.equals("千瓦时")) {
      out.add(before + "度");
    } else if (rest.equals("度")) {
      out.add(before + "千瓦时");
    }
  }

  /** The end of the number {@code w} starts with (digits, a decimal point inside), 0 when none. */
  static int numberEnd(String w) {
    int k = 0;
    while (k < w.length() && (Character.isDigit(w.charAt(k)) || (k > 0 && w.charAt(k) == '.'))) {
      k++;
    }
    return k > 0 && Character.isDigit(w.charAt(k - 1)) ? k : 0;
  }

  /** Whether {@code w} from {@code k} on is a unit: Chinese characters only, at least {@code least}. */
  static boolean unitAfter(String w, int k, int least) {
    return w.codePointCount(k, w.length()) >= least && w.substring(k).codePoints().allMatch(QueryWords::isHan);
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
