package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query understanding on its own, against a small word list: splitting, function words, whole words. */
class QueryWordsTest {
  /** A dictionary as the index and glossary would give it; 封城 is deliberately not a word. */
  static final Predicate<String> KNOWN = Set.of("新疆", "绿色电力", "交易", "武汉", "公交", "上海", "航班", "恢复", "浦东",
      "机场", "达峰", "目的", "现在", "电力", "市场", "现货", "绿色", "高速公路", "免费", "通行", "风电", "装机", "第一",
      "启动", "两", "政策")::contains;

  @ParameterizedTest(name = "{0} -> {1} (dropped: {2})")
  @CsvSource(delimiter = ';', value = {
      // Function words between words are dropped.
      "新疆的绿色电力交易; 新疆 绿色电力 交易; 的",
      // Question words, the longest first (什么时候, not 什么 + 时候).
      "上海的航班什么时候恢复; 上海 航班 恢复; 的 什么时候",
      // "In total" asks for a quantity, as 多少 and 多久 do: no report says 一共 of what it counts.
      "武汉封城一共多久; 武汉 封城; 一共 多久",
      "总共多少武汉封城; 武汉 封城; 总共 多少",
      // Single characters the dictionary does not join stay one word (封城), never alone.
      "武汉封城期间的公交; 武汉 封城 公交; 期间 的",
      // Words that hold a function character keep it: 目的, 现在.
      "现在的目的; 现在 目的; 的",
      // No function word: split into words all the same.
      "浦东机场航班恢复; 浦东 机场 航班 恢复; ''",
      "电力现货市场; 电力 现货 市场; ''",
      // Unknown characters stay together: 氢能 is one word that occurs nowhere.
      "新疆氢能; 新疆 氢能; ''",
      // A number keeps its unit character; Latin and numbers are their own words.
      "2020年武汉封城; 2020年 武汉 封城; ''",
      "C919航班; C919 航班; ''",
      // A measure word joins the numeral before it, not the word after (个启动 made 启动 no word).
      "第一个启动; 第一个 启动; ''",
      "两项政策; 两项 政策; ''",
  })
  void splitsAndDrops(String typed, String words, String dropped) {
    QueryWords.Understood u = QueryWords.understand(typed, KNOWN);
    assertEquals(List.of(words.split(" ")), u.words(), typed);
    assertEquals(dropped.isEmpty() ? List.of() : Arrays.asList(dropped.split(" ")), u.dropped(), typed);
  }

  @ParameterizedTest(name = "{0} -> {1} (dropped: {2})")
  @CsvSource(delimiter = ';', value = {
      // 及 beside the lone 不 (the index has no word 不及, but the text says 不及预期): one word.
      "西电东送不及预期; 西电东送 不及 预期; ''",
      // 及 between two words stays a function word.
      "电力及市场; 电力 市场; 及",
      // 的 beside a lone character that never occurs with it: still dropped.
      "新疆的煤; 新疆 煤; 的",
  })
  void functionCharacterInsideAWordOfTheText(String typed, String words, String dropped) {
    Predicate<String> known = w -> KNOWN.test(w) || w.equals("预期");
    Predicate<String> occurs = Set.of("不及", "及预")::contains;
    QueryWords.Understood u = QueryWords.understand(typed, known, occurs);
    assertEquals(List.of(words.split(" ")), u.words(), typed);
    assertEquals(dropped.isEmpty() ? List.of() : Arrays.asList(dropped.split(" ")), u.dropped(), typed);
  }

  @ParameterizedTest(name = "{0} -> {1} (dropped: {2})")
  @CsvSource(delimiter = ';', value = {
      // A lone character joins the next word where the two occur (碳达峰), else the previous (交易量).
      "碳达峰; 碳达峰; ''",
      "交易量; 交易量; ''",
      // ...and at an end still joins its neighbour where neither occurs: a query for 交易额 is no
      // query for 交易 (read as 交易, it matched every point that says 交易)...
      "交易额; 交易额; ''",
      "额交易; 额交易; ''",
      // ...but between two words, where it links them, it is left out: 占 is no part of 工业.
      "交易占工业; 交易 工业; 占",
      // Only a place's 省/市/县 the text does not write is left out: 新疆省 is written nowhere
      // (an autonomous region).
      "新疆省绿色电力; 新疆 绿色电力; 省",
      "武汉市公交; 武汉 公交; 市",
      // A light character between words says when: left out.
      "江苏复工复产后用电恢复; 江苏 复工 复产 用电 恢复; 后",
      // Beside a lone character it may be part of a word: 后高速 does not occur, 高速 does.
      "复工后高速货车; 复工 高速 货车; 后",
      // Of two lone characters, the light one goes where the other joins a word (哈密南 occurs).
      "哈密南到郑州; 哈密南 郑州; 到",
      // Beside a lone character with nothing to join, it stays: 氢能 is one word, if nowhere.
      "新疆氢能; 新疆 氢能; ''",
      // A measure word after 多少 belongs to the question (not 家 + 电厂, not 家电 + 厂)...
      "多少家电厂; 电厂; 多少 家",
      // The place a question word asks for, typed as one character.
      "哪个省的绿电交易最多; 绿电 交易 最多; 哪个 省 的",
      // ...and 有 before a question word is part of the question.
      "交易有多少家; 交易; 有 多少 家",
      // A word said twice is one word of the query.
      "电力市场的电力; 电力 市场; 的",
  })
  void aLoneCharacterJoinsANeighbourOnlyWhereTheJoinOccurs(String typed, String words, String dropped) {
    Predicate<String> known = w -> KNOWN.test(w)
        || Set.of("复工", "复产", "用电", "江苏", "货车", "哈密", "郑州", "电厂", "家电", "工业").contains(w);
    Predicate<String> occurs = Set.of("碳达峰", "交易量", "高速", "哈密南")::contains;
    QueryWords.Understood u = QueryWords.understand(typed, known, occurs);
    assertEquals(List.of(words.split(" ")), u.words(), typed);
    assertEquals(dropped.isEmpty() ? List.of() : Arrays.asList(dropped.split(" ")), u.dropped(), typed);
  }

  @Test
  void ofTwoEqualSegmentationsTheOneWithoutAContentCharacterAloneWins() {
    // Forward: 联合国 · 大会 · 上; backward: 联合国 · 大 · 会上. Same words, one single character
    // each, but 上 is light and 大 is content: reading 大 alone joined it to 联合国 (联合国大),
    // which the text never says.
    Predicate<String> known = Set.of("联合国", "大会", "会上")::contains;
    List<String> f = QueryWords.forward("联合国大会上", known);
    List<String> b = QueryWords.backward("联合国大会上", known);
    assertEquals(List.of("联合国", "大会", "上"), f);
    assertEquals(List.of("联合国", "大", "会上"), b);
    assertEquals(f, QueryWords.best(f, b));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      // 比特币挖矿 has no word of the index (SmartChinese keeps 挖 and 矿 apart) and does not occur;
      // 挖矿 does (虚拟货币"挖矿"): two words.
      "内蒙古的比特币挖矿; 内蒙古 比特币 挖矿",
      // The longest part that occurs first, then the rest the same way.
      "比特币挖矿封城; 比特币 挖矿封城",
      // A split never leaves a character alone: 封城 occurs, 期 would stand alone.
      "武汉封城期; 武汉 封城期",
      // A piece that occurs as written stays whole.
      "武汉挖矿封城; 武汉 挖矿封城",
  })
  void piecesThatDoNotOccurAreSplitAtWhatDoes(String typed, String words) {
    Predicate<String> known = w -> KNOWN.test(w) || w.equals("内蒙古");
    Predicate<String> occurs = Set.of("挖矿", "封城", "挖矿封城")::contains;
    assertEquals(List.of(words.split(" ")), QueryWords.understand(typed, known, occurs).words(), typed);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      // Occurs as typed: whole.
      "生态环境部令第19号; 生态环境部令第19号",
      // Does not: its words around the number, which keeps 第 and its unit.
      "武汉防控指挥部第1号通告; 武汉 防控 指挥部 第1号 通告",
      "国发〔2021〕23号文件; 国发 〔2021〕23号 文件",
  })
  void aWholeWordThatDoesNotOccurAsTypedIsReadAsWords(String typed, String words) {
    Predicate<String> known = w -> KNOWN.test(w) || Set.of("防控", "指挥部", "通告", "国发", "文件").contains(w);
    Predicate<String> occurs = Set.of("生态环境部令第19号")::contains;
    assertEquals(List.of(words.split(" ")), QueryWords.understand(typed, known, occurs).words(), typed);
  }

  @ParameterizedTest(name = "{0} -> {1} (dropped: {2})")
  @CsvSource(delimiter = ';', value = {
      // A number keeps a unit of several characters: 1100千 · 伏 matched every 伏 of 光伏.
      "1100千伏特高压; 1100千伏 特高压; ''",
      "52.6亿千瓦时绿电; 52.6亿千瓦时 绿电; ''",
      "52.6亿度; 52.6亿度; ''",
      // A unit per unit too: a price.
      "碳价48元/吨; 碳价 48元/吨; ''",
      "0.453元/千瓦时; 0.453元/千瓦时; ''",
      // 2月份 is 2月, as the reports write it.
      "2020年2月份; 2020年 2月; 份",
      // Beside a number a light character is left out...
      "2020年后; 2020年; 后",
      // ...and so is one that qualifies the number after it, also between two numbers...
      "约45亿吨; 45亿吨; 约",
      "2030年达12亿千瓦; 2030年 12亿千瓦; 达",
      // ...another stays a word: glued, 2020年煤 found nothing where the text says 2020年 and 煤.
      "2020年煤; 2020年 煤; ''",
      "1439号文; 1439号 文; ''",
      // 第几 asks for an ordinal, and the 号 after it belongs to the question (the text says
      // 生态环境部令第19号).
      "生态环境部第几号令; 生态环境部 令; 第几 号",
      // A 文号 typed without its bracketed year is its words and its number.
      "发改价格1439号; 发改 价格 1439号; ''",
      // A day written 号 after its month stays whole: a date, not a 文号.
      "7月16号; 7月16号; ''",
  })
  void numbersKeepTheirUnitsAndLightCharactersBesideThemAreLeftOut(String typed, String words, String dropped) {
    Predicate<String> known = w -> KNOWN.test(w) || Set.of("特高压", "绿电", "发改", "价格", "生态环境部").contains(w);
    QueryWords.Understood u = QueryWords.understand(typed, known, w -> true);
    assertEquals(List.of(words.split(" ")), u.words(), typed);
    assertEquals(dropped.isEmpty() ? List.of() : Arrays.asList(dropped.split(" ")), u.dropped(), typed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"国发〔2021〕23号", "国发[2021]23号", "《2030年前碳达峰行动方案》", "生态环境部令第19号", "52.6亿",
      "74.7", "绿色电力", "的"})
  void wholeWordsStayWhole(String typed) {
    assertEquals(List.of(typed), QueryWords.understand(typed, KNOWN).words());
  }

  @ParameterizedTest
  @CsvSource({"what", "When", "the", "of", "did", "does", "how", "which"})
  void englishStopWords(String word) {
    assertEquals(true, QueryWords.isEnglishStop(word));
  }

  @ParameterizedTest
  @CsvSource({"power", "toll", "Pudong"})
  void englishContentWords(String word) {
    assertEquals(false, QueryWords.isEnglishStop(word));
  }
}
