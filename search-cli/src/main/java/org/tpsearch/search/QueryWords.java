package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.tpsearch.analysis.TextNormalizer;

/**
 * Query understanding: what a typed word means to search for. Unspaced Chinese is split into words
 * (bidirectional maximum matching against the index's own words and the glossary's terms), function
 * and question words are dropped (的, 什么时候, what, the...), and numbers, 文号 and 《》 titles stay
 * whole. The words that remain are the query's content words.
 */
final class QueryWords {
  /**
   * Chinese function and question words: they carry no topic, and a report never repeats the
   * question's wording. Matched as whole words of the segmentation, so 目的, 现在, 参与 or 和平
   * keep their characters.
   */
  static final Set<String> ZH_STOP = Set.of(
      "的", "了", "是", "在", "和", "与", "及", "以及", "或", "或者", "跟", "同", "对", "把", "被", "从", "向", "于",
      "吗", "呢", "吧", "啊", "呀", "么", "地", "得", "着", "过", "也", "都", "还", "就", "又",
      "什么", "什么时候", "什么样", "啥", "多少", "哪些", "哪个", "哪", "哪里", "哪儿", "哪年", "哪一年", "哪天",
      "哪月", "几", "几月", "几年", "何时", "为何", "为什么", "怎么", "怎么样", "怎样", "如何", "是否", "是不是",
      "有没有", "有无", "能否", "会不会", "多久", "一共", "总共", "谁", "请问", "期间", "时候", "有关", "关于", "相关", "这", "那",
      "这个", "那个", "这些", "那些", "其", "之", "等", "之后", "以后", "之前", "以前", "以来", "已经", "因为", "所以",
      "但是", "如果", "虽然", "可以", "可能", "很多", "许多", "第几");

  /**
   * Light characters: they say when, where or how one thing follows another (复工复产后, 新十条后,
   * 哈密南到郑州, 疫情期间会, 有多少), and are function words where they stand between words. Beside a
   * character that is no word of its own they are part of a word (氢能, 后高速 is 后 · 高速 only when
   * 高速 occurs), so they are not in {@link #ZH_STOP}.
   */
  static final String ZH_LIGHT = "后前时到将会能要已让使给为由因但而上中下内里有";

  /**
   * Administrative suffixes: after a word, one the text does not write there is left out (新疆省,
   * 武汉市 where the reports say 新疆, 武汉): the place is the same without it.
   */
  static final String ZH_PLACE_SUFFIX = "省市县";

  /** Question words that count: a measure word after them belongs to the question (多少家电厂). */
  private static final Set<String> ZH_COUNTING = Set.of("多少", "几", "哪", "哪些", "哪个", "哪一", "第几");

  /**
   * The places a question word asks for, typed as one character or two (哪个省的绿电交易最多,
   * 哪些省市限电): each point on green power trading names its province without a lone 省. (省份
   * and 城市 stay words: a point that says 省份 beside 拉闸限电 lists the provinces asked for.)
   */
  private static final Set<String> QUESTION_PLACE = Set.of("省", "市", "县", "区", "省市", "市县");

  /** What a question word counts by: the measure words, and 号, 期, 届, 批 (第几号令 asks for a number). */
  private static final String QUESTION_MEASURE = "个项家次条位批种座台件号期届";

  /**
   * Chinese generic words: content words that name an aspect of a topic (its impact, situation,
   * measures, progress), not a topic. Searched, and they rank the points that have them higher,
   * but they do not decide the tiers ({@link QueryCompiler}): a report about the topic need not
   * repeat them, and nearly every report says 影响 somewhere. Matched as whole words of the
   * segmentation, so 影响力 or 发展改革委 keep their characters. Words of scope are generic too:
   * 多省, 各地 or 省份 say where to look, not what (2021年多省拉闸限电: the Guangdong point on its
   * own rationing says 多地, the Inner Mongolia one 多个省份).
   */
  static final Set<String> ZH_GENERIC = Set.of(
      "影响", "情况", "状况", "问题", "方面", "措施", "举措", "政策", "行业", "领域", "发展", "变化", "效果",
      "成效", "作用", "工作", "水平", "现状", "原因", "结果", "进展", "形势", "表现", "项目", "企业", "工厂",
      "各地", "多地", "多省", "各省", "省份", "各省份", "多个", "各省市", "多省市", "各地区");

  /** Whether {@code word} is a generic word ({@link #ZH_GENERIC}). */
  static boolean isGeneric(String word) {
    return ZH_GENERIC.contains(word);
  }

  /** English stop and question words (lower case). */
  static final Set<String> EN_STOP = Set.of(
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "as", "into", "and",
      "or", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "has", "have", "had",
      "what", "when", "which", "who", "whom", "whose", "where", "why", "how", "whether", "there", "this", "that",
      "these", "those", "it", "its", "any", "during", "after", "before", "can", "could", "will", "would",
      "should", "much", "many");

  /** Longest word of the index (not of the glossary: {@link #MAX_TERM}), in code points. */
  static final int MAX_WORD = 8;

  /** Longest glossary term tried by the segmenter (国家发展和改革委员会 is 10), in code points. */
  static final int MAX_TERM = 12;

  /** A typed word, understood: its content words, and what was dropped. */
  record Understood(List<String> words, List<String> dropped, boolean split) {}

  private QueryWords() {}

  /** Whether {@code word} (one unquoted query word) is an English stop or question word. */
  static boolean isEnglishStop(String word) {
    return EN_STOP.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Splits one unquoted, space-free query word into content words. {@code known} says whether a
   * string of Chinese characters is a word (of the index or the glossary).
   */
  static Understood understand(String typed, Predicate<String> known) {
    return understand(typed, known, w -> false, w -> true);
  }

  /**
   * {@link #understand(String, Predicate)}, where {@code occurs} says whether two characters occur
   * together in the indexed text: a one-character function word beside a lone character it forms
   * such a pair with is part of a word there (不及 in 西电东送不及预期, 涉及), not a function word.
   */
  static Understood understand(String typed, Predicate<String> known, Predicate<String> occurs) {
    return understand(typed, known, occurs, occurs);
  }

  /**
   * {@link #understand(String, Predicate, Predicate)}, where {@code asTyped} says whether a word that
   * stays whole (a 文号, a word with 第 and a number) occurs as typed. One that does not is read as
   * its words around the number, which keeps 第 and its unit (武汉防控指挥部第1号通告 is 武汉 · 防控 ·
   * 指挥部 · 第1号 · 通告, where the text says 防控指挥部（通告第1号）): kept whole, it found nothing.
   */
  private static Understood understand(String typed, Predicate<String> known, Predicate<String> occurs,
      Predicate<String> asTyped) {
    String s = TextNormalizer.fold(typed);
    if (wholeWord(s) && (s.startsWith("《") || asTyped.test(s))) {
      return new Understood(List.of(typed), List.of(), false);
    }
    List<String> words = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    // Pieces: runs of Chinese characters, and runs of anything else (Latin, numbers with their
    // punctuation). A number keeps a Chinese unit character that follows it (52.6亿, 76天, 2020年).
    int i = 0;
    // Whether the piece just before was a number (52.6亿).
    boolean afterNumber = false;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int end = i;
      // 第 before a number starts the number's piece (第1号, 第19号).
      boolean ordinal = ordinal(s, i);
      if (isHan(cp) && !ordinal) {
        end += Character.charCount(cp);
        while (end < s.length() && isHan(s.codePointAt(end)) && !ordinal(s, end)) {
          end += Character.charCount(s.codePointAt(end));
        }
        String run = s.substring(i, end);
        boolean beforeNumber = end < s.length() && Character.isDigit(s.charAt(end));
        int c0 = run.codePointAt(0);
        if (lone(run) && (afterNumber || beforeNumber)
            && (ZH_LIGHT.indexOf(c0) >= 0 || (beforeNumber && NUMBER_QUALIFIERS.indexOf(c0) >= 0))) {
          // Beside a number, a light character says when (2020年后 is 2020年) and one before a
          // number qualifies it (约45亿吨, 2030年达12亿千瓦: the text may say 45亿吨 alone): left
          // out. Another lone character stays a word of its own (2020年煤, 1439号文): glued to
          // the number it would be a phrase the text may never write.
          dropped.add(run);
        } else {
          han(run, known, occurs, words, dropped);
        }
        afterNumber = false;
      } else {
        end = ordinal ? i + 1 : i;
        while (end < s.length() && !isHan(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        if (endsWithDigit(s, i, end)) {
          end = unitEnd(s, end);
        }
        String piece = s.substring(i, end);
        if (piece.endsWith("月份") && piece.length() > 2 && Character.isDigit(piece.charAt(piece.length() - 3))) {
          // 2月份 is 2月, as the reports write it.
          piece = piece.substring(0, piece.length() - 1);
          dropped.add("份");
        }
        if (piece.codePoints().anyMatch(Character::isLetterOrDigit)) {
          words.add(piece);
        }
        afterNumber = piece.codePoints().anyMatch(Character::isDigit);
      }
      i = end;
    }
    if (words.isEmpty()) {
      // Only function words (的, 是): search them as typed rather than for nothing.
      return new Understood(List.of(typed), List.of(), false);
    }
    // A word said twice (电力市场的电力) is one word of the query.
    List<String> distinct = words.stream().distinct().toList();
    boolean split = distinct.size() > 1 || !dropped.isEmpty() || !distinct.get(0).equals(s);
    return new Understood(split ? distinct : List.of(typed), List.copyOf(dropped), split);
  }

  /** Chinese unit characters a number keeps: 52.6亿, 76天, 2020年, 23号. */
  private static final String UNITS = "亿万千百年月日号天吨元度个次家条项倍台座户人";

  /**
   * Units of several characters a number keeps whole (1100千伏, 79.35亿千瓦时, 2月份), longest
   * first: kept to one character, 1100千伏 was 1100千 · 伏, and 伏 matched every 光伏.
   */
  private static final List<String> UNIT_WORDS = List.of(
      "亿千瓦时", "万千瓦时", "亿立方米", "兆瓦时", "千瓦时", "亿千瓦", "万千瓦", "立方米", "千瓦", "兆瓦", "千伏", "万吨", "亿吨",
      "万元", "亿元", "亿度", "万度", "万辆", "万人", "万户", "公里", "千米", "小时", "个月", "月份",
      // The end or start of a year or month (2023年底, not 2023年 · 底山西).
      "年底", "年初", "年末", "月底", "月初", "月末");

  /** The end of the unit after the number that ends at {@code end}: a unit word, else a unit character. */
  private static int unitEnd(String s, int end) {
    int e = oneUnitEnd(s, end);
    if (e > end && e + 1 < s.length() && s.charAt(e) == '/') {
      // A unit per unit stays whole: 48元/吨 (a price), 0.5元/千瓦时.
      int per = oneUnitEnd(s, e + 1);
      if (per > e + 1) {
        return per;
      }
    }
    return e;
  }

  private static int oneUnitEnd(String s, int end) {
    for (String u : UNIT_WORDS) {
      if (s.startsWith(u, end)) {
        return end + u.length();
      }
    }
    return end < s.length() && UNITS.indexOf(s.charAt(end)) >= 0 ? end + 1 : end;
  }

  /** Characters that qualify a number after them: about, over, reaching, in all, a share of. */
  private static final String NUMBER_QUALIFIERS = "约近超达共占逾计";

  /** Measure words: after a numeral they belong to it (第一个, 两项, 三家). */
  private static final String MEASURE = "个项家次条位批种座台件";

  /** Whether {@code word} ends with a numeral or a word that counts like one (一, 两, 十, 几, 每, 各). */
  private static boolean endsWithNumeral(String word) {
    char last = word.charAt(word.length() - 1);
    return "一二三四五六七八九十百千万两几每各".indexOf(last) >= 0 || Character.isDigit(last);
  }

  /** Whether {@code s} has 第 followed by a digit at {@code i}. */
  private static boolean ordinal(String s, int i) {
    return s.charAt(i) == '第' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1));
  }

  private static boolean endsWithDigit(String s, int from, int end) {
    return end > from && Character.isDigit(s.charAt(end - 1));
  }

  /**
   * Words that stay whole: a 《》 title, and a 文号 or any word with digits between Chinese
   * characters and brackets (国发〔2021〕23号, 生态环境部令第19号).
   */
  private static boolean wholeWord(String s) {
    if (s.startsWith("《") && s.endsWith("》")) {
      return true;
    }
    boolean digit = s.codePoints().anyMatch(Character::isDigit);
    if (!digit) {
      return false;
    }
    return s.indexOf('〔') >= 0 || s.indexOf('[') >= 0 || s.indexOf('【') >= 0 || s.indexOf('［') >= 0
        || s.contains("第") || (s.endsWith("号") && !hanBeforeDigit(s));
  }

  /**
   * Whether a Chinese character stands right before a digit: a 文号 typed without its bracketed
   * year (发改价格1439号 for 发改价格〔2021〕1439号), which the text never writes so. Not 年 or 月: 7月16号
   * is a date, which the index reads as 7月16日.
   */
  private static boolean hanBeforeDigit(String s) {
    for (int k = 1; k < s.length(); k++) {
      char before = s.charAt(k - 1);
      if (Character.isDigit(s.charAt(k)) && isHan(before) && before != '年' && before != '月') {
        return true;
      }
    }
    return false;
  }

  /** Segments a run of Chinese characters, drops function words and keeps single characters in words. */
  private static void han(String run, Predicate<String> known, Predicate<String> occurs, List<String> words,
      List<String> dropped) {
    Predicate<String> word = w -> ZH_STOP.contains(w) || known.test(w);
    List<String> tokens = rejoinFunctionCharacters(best(forward(run, word), backward(run, word)), occurs);
    // Pieces between function words; inside one, a single character never stands alone: runs of
    // them are one piece (封城 when the index has 封 and 城 apart), a lone one joins its neighbour.
    List<List<String>> stretches = new ArrayList<>();
    List<String> current = new ArrayList<>();
    boolean questionPlace = false;
    for (int k = 0; k < tokens.size(); k++) {
      String t = tokens.get(k);
      boolean afterQuestion = k > 0 && ZH_COUNTING.contains(tokens.get(k - 1));
      boolean measureOfQuestion = afterQuestion && single(t) && QUESTION_MEASURE.indexOf(t.charAt(0)) >= 0;
      // The places asked for, one or a run of them (哪些省市限电: 省 and 市).
      // Not before a lone character it makes a word with (哪个省会封城: 省会, the capital; 省级).
      String next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
      boolean placeOfQuestion = QUESTION_PLACE.contains(t) && (afterQuestion || (k > 1 && questionPlace))
          && (next == null || !single(next) || ZH_STOP.contains(next) || QUESTION_PLACE.contains(next));
      questionPlace = placeOfQuestion;
      measureOfQuestion |= placeOfQuestion;
      if (ZH_STOP.contains(t) || measureOfQuestion || lightBetweenWords(tokens, k)) {
        dropped.add(t);
        if (!current.isEmpty()) {
          stretches.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      stretches.add(current);
    }
    for (List<String> stretch : stretches) {
      // Runs of single characters first (封 城 -> 封城)...
      List<String> grouped = new ArrayList<>();
      List<Boolean> ofSingles = new ArrayList<>();
      boolean lastSingles = false;
      for (String t : stretch) {
        if (single(t) && lastSingles) {
          grouped.set(grouped.size() - 1, grouped.get(grouped.size() - 1) + t);
          ofSingles.set(ofSingles.size() - 1, true);
        } else {
          grouped.add(t);
          ofSingles.add(false);
        }
        lastSingles = single(t);
      }
      // ...a run that is no word and does not occur loses a light character at an end when the
      // rest does, or, of two, when the other joins a neighbour (后高速 -> 高速, 哈密 南到 郑州 ->
      // 哈密南 郑州)...
      for (int k = 0; k < grouped.size(); k++) {
        if (ofSingles.get(k) && !word.test(grouped.get(k)) && !occurs.test(grouped.get(k))) {
          String[] trimmed = trimLight(grouped, k, word, occurs);
          if (trimmed != null) {
            grouped.set(k, trimmed[0]);
            dropped.add(trimmed[1]);
          }
        }
      }
      // ...then a lone one joins the next word where the two make a word or occur, else the
      // previous (碳+达峰, 交易+量). One that joins neither is left out between two words, where
      // it links them (绿电交易占工业用电量: 占 is no part of 工业), and at an end joins its one
      // neighbour all the same: left out there it would widen the query (交易量 is no query for
      // 交易 where the text never says 交易量), but a place's 省, 市 or 县 that the text does not
      // write after it is left out (新疆省 is 新疆). A measure word joins the numeral before it
      // (第一+个 in 第一个启动, not 个+启动, which made 启动 no word of the query).
      List<String> merged = new ArrayList<>();
      String carry = "";
      for (int k = 0; k < grouped.size(); k++) {
        String t = carry + grouped.get(k);
        carry = "";
        String previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (single(t) && MEASURE.indexOf(t.charAt(0)) >= 0 && previous != null && endsWithNumeral(previous)) {
          merged.set(merged.size() - 1, previous + t);
        } else if (single(t) && grouped.size() > 1) {
          String next = k + 1 < grouped.size() ? grouped.get(k + 1) : null;
          if (next != null && joins(t + next, word, occurs)) {
            carry = t;
          } else if (previous != null && joins(previous + t, word, occurs)) {
            merged.set(merged.size() - 1, previous + t);
          } else if (previous != null && (next != null || ZH_PLACE_SUFFIX.indexOf(t.charAt(0)) >= 0)) {
            dropped.add(t);
          } else if (next != null) {
            carry = t;
          } else {
            merged.set(merged.size() - 1, previous + t);
          }
        } else {
          merged.add(t);
        }
      }
      // A piece the index has no word for and that does not occur as written may hold one that
      // does: 比特币挖矿 is 比特币 · 挖矿 when the text says 虚拟货币"挖矿" (and SmartChinese keeps
      // 挖 and 矿 apart, so neither is a word of the index).
      for (String w : merged) {
        words.addAll(word.test(w) || occurs.test(w) ? List.of(w) : splitByOccurrence(w, occurs));
      }
    }
  }

  /** Whether two pieces joined make a word or occur in the text. */
  private static boolean joins(String joined, Predicate<String> word, Predicate<String> occurs) {
    return word.test(joined) || occurs.test(joined);
  }

  /**
   * Whether token {@code k} is a light character ({@link #ZH_LIGHT}) between words: neither
   * neighbour is a character that is no word of its own (氢 in 氢能).
   */
  private static boolean lightBetweenWords(List<String> tokens, int k) {
    String t = tokens.get(k);
    if (!single(t) || ZH_LIGHT.indexOf(t.charAt(0)) < 0 || tokens.size() == 1) {
      return false;
    }
    return (k == 0 || !lone(tokens.get(k - 1))) && (k + 1 == tokens.size() || !lone(tokens.get(k + 1)));
  }

  /**
   * Run {@code k} of {@code grouped} without a light character at one end, when what is left makes
   * a word or occurs, or (a run of two) when the other character joins the word before or after
   * it: what is left and the light character; null when neither end can go.
   */
  private static String[] trimLight(List<String> grouped, int k, Predicate<String> word, Predicate<String> occurs) {
    String g = grouped.get(k);
    int[] cps = g.codePoints().toArray();
    String before = k > 0 ? grouped.get(k - 1) : null;
    String after = k + 1 < grouped.size() ? grouped.get(k + 1) : null;
    for (boolean front : new boolean[] {true, false}) {
      int light = front ? cps[0] : cps[cps.length - 1];
      if (ZH_LIGHT.indexOf(light) < 0) {
        continue;
      }
      String rest = front ? new String(cps, 1, cps.length - 1) : new String(cps, 0, cps.length - 1);
      boolean keeps = cps.length > 2
          ? joins(rest, word, occurs)
          : (before != null && joins(before + rest, word, occurs)) || (after != null && joins(rest + after, word, occurs));
      if (keeps) {
        return new String[] {rest, Character.toString(light)};
      }
    }
    return null;
  }

  /** The longest piece {@link #splitByOccurrence} splits (each try looks its parts up in the index). */
  static final int MAX_SPLIT = 16;

  /**
   * {@code piece} split around the longest part of two or more characters that occurs in the
   * text (then the leftmost), each side split the same way, when every piece keeps two or more
   * characters; {@code piece} alone when there is no such part.
   */
  static List<String> splitByOccurrence(String piece, Predicate<String> occurs) {
    int[] cps = piece.codePoints().toArray();
    if (cps.length > MAX_SPLIT) {
      return List.of(piece);
    }
    for (int len = cps.length - 1; len >= 2; len--) {
      for (int from = 0; from + len <= cps.length; from++) {
        int rest = cps.length - from - len;
        if ((from != 1 && rest != 1) && occurs.test(new String(cps, from, len))) {
          List<String> out = new ArrayList<>();
          if (from > 0) {
            out.addAll(splitByOccurrence(new String(cps, 0, from), occurs));
          }
          out.add(new String(cps, from, len));
          if (rest > 0) {
            out.addAll(splitByOccurrence(new String(cps, from + len, rest), occurs));
          }
          return out;
        }
      }
    }
    return List.of(piece);
  }

  /**
   * {@code tokens} with each one-character function word that stands beside a lone character
   * (one that is no word of its own) joined to it when the two occur together in the text: the
   * segmenter splits 不及 into 不 + 及 when the index has no word 不及, and dropping 及 would leave
   * 西电东送不, which the text never says. The left neighbour is tried first (不及, 涉及).
   */
  static List<String> rejoinFunctionCharacters(List<String> tokens, Predicate<String> occurs) {
    List<String> out = new ArrayList<>(tokens);
    for (int k = 0; k < out.size(); k++) {
      String t = out.get(k);
      if (!single(t) || !ZH_STOP.contains(t)) {
        continue;
      }
      if (k > 0 && lone(out.get(k - 1)) && occurs.test(out.get(k - 1) + t)) {
        out.set(k - 1, out.get(k - 1) + t);
        out.remove(k);
        k--;
      } else if (k + 1 < out.size() && lone(out.get(k + 1)) && occurs.test(t + out.get(k + 1))) {
        out.set(k, t + out.get(k + 1));
        out.remove(k + 1);
      }
    }
    return out;
  }

  /** One character that is not a function word: a piece the segmenter could not place in a word. */
  private static boolean lone(String s) {
    return single(s) && !ZH_STOP.contains(s);
  }

  private static boolean single(String s) {
    return s.codePointCount(0, s.length()) == 1;
  }

  /** Forward maximum matching: the longest known prefix, else one character. */
  static List<String> forward(String run, Predicate<String> known) {
    int[] cps = run.codePoints().toArray();
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < cps.length) {
      int len = Math.min(MAX_TERM, cps.length - i);
      while (len > 1 && !known.test(new String(cps, i, len))) {
        len--;
      }
      out.add(new String(cps, i, len));
      i += len;
    }
    return out;
  }

  /** Backward maximum matching: the longest known suffix, else one character. */
  static List<String> backward(String run, Predicate<String> known) {
    int[] cps = run.codePoints().toArray();
    List<String> out = new ArrayList<>();
    int end = cps.length;
    while (end > 0) {
      int len = Math.min(MAX_TERM, end);
      while (len > 1 && !known.test(new String(cps, end - len, len))) {
        len--;
      }
      out.add(0, new String(cps, end - len, len));
      end -= len;
    }
    return out;
  }

  /**
   * The better of two segmentations: fewer words, then fewer single characters, then fewer single
   * characters that carry content (not function or light ones: 联合国 · 大会 · 上 before 联合国 ·
   * 大 · 会上), then backward.
   */
  static List<String> best(List<String> forward, List<String> backward) {
    if (forward.size() != backward.size()) {
      return forward.size() < backward.size() ? forward : backward;
    }
    long f = forward.stream().filter(QueryWords::single).count();
    long b = backward.stream().filter(QueryWords::single).count();
    if (f != b) {
      return f < b ? forward : backward;
    }
    return contentSingles(forward) < contentSingles(backward) ? forward : backward;
  }

  /** Single characters of {@code tokens} that are neither function nor light characters. */
  private static long contentSingles(List<String> tokens) {
    return tokens.stream()
        .filter(t -> single(t) && !ZH_STOP.contains(t) && ZH_LIGHT.indexOf(t.codePointAt(0)) < 0)
        .count();
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
