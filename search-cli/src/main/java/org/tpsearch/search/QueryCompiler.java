package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.Cedict;
import org.tpsearch.analysis.Glossary;
import org.tpsearch.analysis.PinyinSyllables;
import org.tpsearch.index.Schema;
import org.tpsearch.model.Region;
import org.tpsearch.model.Regions;
import org.tpsearch.model.Sector;
import org.tpsearch.model.Sectors;

/**
 * Turns a {@link UserQuery} into Lucene queries with the ranking rules of tpsearch:
 *
 * <ul>
 *   <li>recall: every word is a phrase over CJK bigrams, so any substring of two or more
 *       characters, a number or a 文号 matches, and scattered characters never do;
 *   <li>ranking: title beats body, an exact form (bigram field) beats a stemmed one (word field)
 *       beats a glossary expansion, words close together get a proximity bonus, and points with
 *       real evidence beat those whose text only repeats the question.
 * </ul>
 */
public final class QueryCompiler {
  /** A match in an evidence title adds this much on top of the match in the text. */
  static final float TITLE_BOOST = 2f;

  /** Exact forms (bigram field) beat stems and SmartChinese words (word field) beat expansions. */
  static final float WORD_FIELD_WEIGHT = 0.5f;
  static final float EXPANSION_WEIGHT = 0.4f;
  /** Dictionary (CC-CEDICT) translations weigh less than the curated glossary's. */
  static final float DICTIONARY_WEIGHT = 0.3f;

  /** Weight of a glossary's narrower term (a kind of what was asked), below the dictionary's forms. */
  static final float NARROWER_WEIGHT = 0.15f;
  /** The most dictionary translations one word adds (each costs a phrase evaluation). */
  static final int MAX_DICTIONARY_FORMS = 6;
  static final float PROXIMITY_BOOST = 2f;
  static final int PROXIMITY_SLOP = 24;
  /** How many first-pass hits the proximity bonus and the tiers re-rank. */
  static final int RERANK_DEPTH = 100;
  static final float FOUND_BOOST = 1.5f;

  private final Analyzer bigrams = new BigramAnalyzer(false);
  private final QueryBuilder bigramBuilder = new QueryBuilder(bigrams);
  private final TermDictionarySegmenter words;
  private final Glossary glossary;
  /** Whether a translation occurs in this index: every bigram (or English word) of it does. */
  private final java.util.function.Predicate<String> occurs;
  private final org.apache.lucene.index.IndexReader reader;

  /**
   * A compiled query. Its hits come in tiers: the query as typed (a phrase), then every content
   * word, then at least {@code minimumMatch} of them.
   *
   * @param strict every content word required (tiers a and b)
   * @param partials tier c, best first: at least {@code minimumMatch} content words but not all,
   *     then at least one but fewer than {@code minimumMatch}; empty for a single content word
   * @param typed the query as typed, as one phrase (tier a); null when it has OR groups
   * @param proximity the words as one sloppy phrase, for re-ranking; null for a single word
   * @param units one query per content word (or OR group or glossary term)
   * @param words the content words, as searched, for explain and for hits
   * @param explain how each word was understood, analyzed and expanded
   * @param minimumMatch how many content words a partial hit has at least
   * @param forms every searched form of every word (expansions included), for highlighting
   * @param fragments the last of tier c: points with none of the content words but a part of one
   *     (错峰 of 错峰生产); null when no word has parts
   * @param rankUnits what orders tier c when a word that occurs nowhere counts there by its parts:
   *     one query per content word, the word or one of those parts; empty otherwise (the units)
   * @param generic one query per generic word ({@link QueryWords#isGeneric}): not among the units,
   *     so neither required nor counted; among hits of the same tier and count, those with more of
   *     them come first
   * @param absent the words that are glossary topics no report mentions in any form, for which
   *     tier c is left out (核电 of 光伏 核电); empty otherwise
   * @param facetOnly near the end of tier c: points with only the query's sector or date
   *     words (2021年 of 2021年9月限电), after every point with a topic word or a part of one and
   *     before the fragments; null when the query has no such words, or only such words, or when a
   *     topic of it occurs nowhere (no tier c then, or only the amount's)
   */
  public record Compiled(
      Query strict, List<Query> partials, Query typed, Query proximity, List<Query> units, List<String> words,
      List<String> explain, int minimumMatch, List<String> forms, Query fragments, List<Query> rankUnits,
      List<Query> generic, List<String> absent, Query facetOnly) {
    public Compiled {
      absent = List.copyOf(absent);
      partials = List.copyOf(partials);
      generic = List.copyOf(generic);
      rankUnits = List.copyOf(rankUnits);
      units = List.copyOf(units);
      words = List.copyOf(words);
      explain = List.copyOf(explain);
      forms = List.copyOf(forms);
    }

    /** Number of content words. */
    public int wordCount() {
      return units.size();
    }
  }

  /** A compiler for queries against {@code reader}, whose word dictionary segments query words. */
  public QueryCompiler(Glossary glossary, org.apache.lucene.index.IndexReader reader) {
    this.glossary = glossary;
    this.words = new TermDictionarySegmenter(reader);
    this.reader = reader;
    this.occurs = Cedict.occursIn(reader, Schema.TEXT_BI, bigrams);
  }

  /** The glossary, with the region and sector aliases of the model added. */
  public static Glossary defaultGlossary() {
    List<List<String>> groups = new ArrayList<>();
    for (Region r : Regions.ALL) {
      groups.add(r.allNames());
    }
    for (Sector s : Sectors.ALL) {
      groups.add(s.allNames());
    }
    return Glossary.load().withGroups(groups);
  }

  /**
   * How many of {@code n} content words a partial hit must have: one of two, else half of them,
   * rounded up (two of three or four, three of five or six). Measured on the relevance set against
   * three fifths (three of four), which missed points a researcher wants (BENCHMARKS.md).
   */
  static int minimumMatch(int n) {
    return n <= 2 ? 1 : (n + 1) / 2;
  }

  /** One content word of the query: its query, its label, and its words for the proximity bonus. */
  private record Content(String label, Query query, List<UserQuery.Unit> words, List<String> forms) {
    Content(String label, Query query, List<UserQuery.Unit> words) {
      this(label, query, words, List.of());
    }
  }

  /** Compiles {@code q}; {@code expand} turns glossary expansion on. */
  public Compiled compile(UserQuery q, boolean expand) throws QueryException {
    List<String> explain = new ArrayList<>();
    List<String> forms = new ArrayList<>();
    List<Content> content = understand(q, expand, true, explain, forms);
    if (content.isEmpty()) {
      // Only function words (what, the): search them as typed rather than for nothing.
      content = understand(q, expand, false, explain, forms);
    }
    if (content.isEmpty()) {
      throw new QueryException("the query has no searchable words: '" + describe(q) + "'");
    }
    // Words split out of unspaced text are words too: a repeated one counts once, and past the
    // limit the query is a usage error naming it, not Lucene's clause limit (issue 7, defect 8).
    Map<String, Content> distinct = new LinkedHashMap<>();
    content.forEach(c -> distinct.putIfAbsent(c.label(), c));
    content = List.copyOf(distinct.values());
    if (content.size() > UserQuery.MAX_WORDS) {
      throw new QueryException("the query reads as " + content.size() + " different words; the limit is "
          + UserQuery.MAX_WORDS);
    }
    // A generic word (影响, 情况, 行业...) names an aspect of a topic, not a topic: it ranks the
    // points that have it higher but does not decide the tiers, unless the query has nothing else
    // (能耗双控对电力行业的影响: the points on 能耗双控 and the power sector come first whether or
    // not they say 行业 or 影响; a point that says only those is not an answer).
    List<Content> generic = content.stream().filter(QueryCompiler::isGeneric).toList();
    if (generic.size() == content.size()) {
      generic = List.of();
    }
    List<Query> genericQueries = generic.stream().map(Content::query).toList();
    List<Content> typedOrder = content;
    if (!generic.isEmpty()) {
      content = content.stream().filter(c -> !isGeneric(c)).toList();
    }
    List<Query> unitQueries = new ArrayList<>();
    List<Query> partialUnits = new ArrayList<>();
    List<Query> rankUnits = new ArrayList<>();
    boolean byParts = false;
    List<String> labels = new ArrayList<>();
    List<UserQuery.Unit> proximityUnits = new ArrayList<>();
    Map<UserQuery.Unit, List<String>> alternatives = new java.util.HashMap<>();
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Content c : content) {
      unitQueries.add(c.query());
      // Among points with only some of the words, those with the topic come before those with
      // only the place: a region's name weighs less there (江苏的碳市场: the carbon market
      // elsewhere before anything else in Jiangsu).
      // A term of several typed words (Spring Festival: 春节) counts as that many words: a point with
      // it says more of the query than one with a single word of it (stay put for Spring Festival:
      // the point that says 春节 before the one whose English says "puts").
      int typedWords = Math.max(1, c.words().size());
      Query partial = isRegionName(c.label()) ? new BoostQuery(c.query(), REGION_PARTIAL_WEIGHT)
          : typedWords > 1 ? new BoostQuery(c.query(), typedWords) : c.query();
      Query rank = c.query();
      // A word that occurs nowhere in any form counts there by a part of it that does: 灵活性改造
      // (flexibility retrofit) by 改造, where the Shanxi reports say 煤电机组节能改造.
      List<String> standIns = content.size() > 1 && occursNowhere(c) ? parts(c.words().get(0).text()) : List.of();
      if (!standIns.isEmpty()) {
        BooleanQuery.Builder alt = new BooleanQuery.Builder().add(partial, Occur.SHOULD);
        BooleanQuery.Builder any = new BooleanQuery.Builder().add(rank, Occur.SHOULD);
        for (String part : standIns) {
          Query pq = bigramBuilder.createPhraseQuery(Schema.TEXT_BI, part);
          alt.add(new BoostQuery(pq, PART_WEIGHT), Occur.SHOULD);
          any.add(pq, Occur.SHOULD);
        }
        partial = alt.build();
        rank = any.build();
        byParts = true;
        explain.add(c.label() + " occurs nowhere: among points with only some of the words it counts by "
            + String.join(" · ", standIns));
      }
      partialUnits.add(partial);
      rankUnits.add(rank);
      labels.add(c.label());
      all.add(c.query(), Occur.MUST);
      c.words().forEach(w -> proximityUnits.add(nearWord(w)));
      if (c.words().size() == 1 && !c.forms().isEmpty()) {
        alternatives.put(c.words().get(0), c.forms());
      }
    }
    if (!generic.isEmpty()) {
      // The proximity bonus reads every word, generic ones too, in the order typed.
      proximityUnits.clear();
      for (Content c : typedOrder) {
        c.words().forEach(w -> proximityUnits.add(nearWord(w)));
        if (c.words().size() == 1 && !c.forms().isEmpty()) {
          alternatives.put(c.words().get(0), c.forms());
        }
      }
    }
    Query every = all.build();
    int n = unitQueries.size();
    int minimum = minimumMatch(n);
    explain.add(0, "content words: " + String.join(" · ", labels)
        + (n > 1 ? " (every word, then at least " + minimum + " of " + n + (minimum > 1 ? ", then any" : "") + ")" : ""));
    if (!generic.isEmpty()) {
      explain.add(1, "generic words: " + String.join(" · ", generic.stream().map(Content::label).toList())
          + " (not required and not counted: among points with the same words, those that also have these come"
          + " first; a point with only these is no answer)");
    }
    Query found = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Schema.STATUS, "found"))), FOUND_BOOST);
    BooleanQuery.Builder strict = new BooleanQuery.Builder().add(every, Occur.MUST).add(found, Occur.SHOULD);
    genericQueries.forEach(g -> strict.add(g, Occur.SHOULD));
    List<String> nowhereBesideFacets = List.of();
    List<Query> otherUnits = new ArrayList<>();
    List<Query> weakUnits = new ArrayList<>();
    // Tier c in two steps: at least the minimum of the content words, then (when that leaves room)
    // any of them; each step excludes what an earlier one found.
    List<BooleanQuery.Builder> partials = new ArrayList<>();
    if (n > 1) {
      Query most = atLeast(partialUnits, minimum);
      partials.add(new BooleanQuery.Builder().add(most, Occur.MUST).add(every, Occur.MUST_NOT).add(found, Occur.SHOULD));
      if (minimum > 1) {
        partials.add(new BooleanQuery.Builder().add(atLeast(partialUnits, 1), Occur.MUST).add(most, Occur.MUST_NOT)
            .add(found, Occur.SHOULD));
      }
      if (byParts) {
        // A part stands in for its word only beside a whole word: the points with parts alone
        // come last, as below (and never answer a query none of whose words occur).
        Query anyWord = atLeast(unitQueries, 1);
        partials.forEach(p -> p.add(anyWord, Occur.MUST));
      }
      partials.forEach(p -> genericQueries.forEach(g -> p.add(g, Occur.SHOULD)));
      // A topic of the glossary that occurs nowhere in any form (阶梯电价 in 居民阶梯电价), though a
      // part of it may: a point that has only the query's region or sector names says nothing of
      // what was asked, so a partial hit needs one of the other words (or a part standing in for
      // the missing one, 电价). A Chinese word the glossary does not know may be one the text says
      // otherwise (送到 in 新疆电力送到安徽), so it does not count here; nor does an English word
      // of the dictionary (latest in Hebei latest, crunch in power crunch). An English name does:
      // capitalised, unknown to the dictionary, occurring nowhere (Tesla beside Shanghai).
      List<Query> topicUnits = new ArrayList<>();
      List<String> nowhere = new ArrayList<>();
      for (int i = 0; i < content.size(); i++) {
        Content c = content.get(i);
        (isSectorOrDate(c) ? weakUnits : otherUnits).add(partialUnits.get(i));
        if (!isFacetName(c.label()) && !AREAS.contains(c.label())) {
          topicUnits.add(partialUnits.get(i));
          // The glossary first: a map look-up, where occursNowhere reads the term dictionary.
          if ((!glossary.expansions(c.label()).isEmpty() || englishName(c)) && occursNowhere(c)) {
            nowhere.add(c.label());
          }
        }
      }
      if (!nowhere.isEmpty() && !topicUnits.isEmpty() && topicUnits.size() < n) {
        Query topic = atLeast(topicUnits, 1);
        partials.forEach(p -> p.add(topic, Occur.MUST));
        nowhereBesideFacets = nowhere;
        explain.add(String.join(" · ", nowhere) + " occurs nowhere in any form: points with only the region or sector"
            + " names of the query are not shown");
      }
    }
    // Last, the points with none of the words but a part of a long one: the reports say 错峰用电
    // where the query says 错峰生产 (a plain OR over SmartChinese's words finds them too). A query
    // of one long Chinese word fills its page the same way (淘汰落后产能: the point that says 落后
    // and 去产能): a word of five characters or more, which is words typed together; a shorter one
    // is a term whose parts are no answer (静默管理: 管理, in nearly every point). Not a term typed
    // in English (China Eastern, whose 东方航空 would bring every point that says 航空), and not a
    // part that names a region or sector (广东, 电力 of 广东电力交易中心).
    // A topic of the glossary that no report mentions in any form, nor any part of it (核电 where
    // no report covers nuclear power): the reports hold nothing on what the query asks, and the
    // points that have its other words (机组, 投运) are about something else. No tier c then: the
    // query finds only what has every word, which is nothing. A region's name is a place, not a
    // topic (浙江 without a report: the topic elsewhere still answers), and a word the glossary does
    // not know may be one the text says otherwise (狗狗币 for 虚拟货币), so both still let tier c answer.
    // Such a topic leaves no tier c but the amount's (below), and no page to fill with parts: the
    // parts are not looked at then (nor, on a cluster, their glossary forms asked).
    List<String> absent = n > 1 ? absentTopics(content) : List.of();
    List<Query> partQueries = new ArrayList<>();
    List<String> partLabels = new ArrayList<>();
    boolean oneWord = n == 1;
    for (Content c : absent.isEmpty() ? content : List.<Content>of()) {
      if (c.words().isEmpty() || c.words().get(0).quoted()) {
        continue;
      }
      String typedWord = c.words().size() == 1 ? c.words().get(0).text() : "";
      if (oneWord && isChineseWord(typedWord) && typedWord.codePointCount(0, typedWord.length()) < ONE_WORD_PARTS_FROM) {
        // A shorter word still reaches its head, the part it ends with, when that is a topic of
        // the glossary: a 拉闸限电 (rolling blackout) is a 限电 (power rationing), so 拉闸限电原因
        // fills its page with the points on rationing; 管理 of 静默管理 is no topic.
        List<String> split = parts(typedWord);
        String head = split.size() < 2 ? null : split.get(split.size() - 1);
        if (head != null && isTopic(head) && !labels.contains(head)) {
          partQueries.add(partQuery(head, expand, forms));
          partLabels.add(head);
        }
        continue;
      }
      if (oneWord && (!isChineseWord(typedWord) || typedWord.codePointCount(0, typedWord.length()) < ONE_WORD_PARTS_FROM)) {
        continue;
      }
      // A Chinese word's own parts; an English word's or term's, those of its Chinese forms
      // (staggered production is 错峰生产).
      List<String> sources = isChineseWord(typedWord) ? List.of(typedWord)
          : c.forms().stream().filter(QueryCompiler::isChineseWord).toList();
      // A long part's own parts too (淘汰落后产能: 淘汰 · 落后产能, then 落后 · 产能 of 落后产能).
      for (String part : sources.stream().flatMap(f -> parts(f).stream())
          .flatMap(pt -> java.util.stream.Stream.concat(java.util.stream.Stream.of(pt), parts(pt).stream()))
          .distinct().toList()) {
        if (labels.contains(part) || partLabels.contains(part) || (oneWord && isFacetName(part))) {
          continue;
        }
        Query pq = partQuery(part, expand, forms);
        if (pq != null) {
          partQueries.add(pq);
          partLabels.add(part);
        }
      }
    }
    // Ranked by each engine's own BM25 (a weight from this index's document frequencies would not
    // be the cluster's, whose lexicon knows only whether a term occurs).
    BooleanQuery.Builder fragments = null;
    if (!partQueries.isEmpty()) {
      // Among points with some of the words, one that has a part of a missing word as well (省份
      // and 限电 of 省份 · 拉闸限电) says more of the query: the parts add to the score there.
      partials.forEach(p -> partQueries.forEach(pq -> p.add(new BoostQuery(pq, PART_WEIGHT), Occur.SHOULD)));
      fragments = new BooleanQuery.Builder().add(atLeast(partQueries, 1), Occur.MUST)
          .add(atLeast(unitQueries, 1), Occur.MUST_NOT).add(found, Occur.SHOULD);
      explain.add("parts of words: " + String.join(" · ", partLabels) + " (among points with some of the words, a"
          + " part of a missing word adds to the score; then, to fill the page, points with none of the words but a part of one)");
    }
    // A point with only the query's sector or date says little of what was asked: among points
    // with some of the words, those with another word (or a part of one) come first, and the ones
    // with only 2021年 or 工业 follow (2021年9月限电: the points on rationing without 9月, and
    // 有序用电, before the other points of 2021), before those with only a part of a word. Not a
    // region's name: a place is what many a query is about, and one point may say nothing else of
    // it (上海旅客吞吐量机场下降: the Shanghai point on the lockdown of 2022 says only 上海).
    Query facetOnly = null;
    if (nowhereBesideFacets.isEmpty() && !otherUnits.isEmpty() && !weakUnits.isEmpty()) {
      List<Query> topical = new ArrayList<>(otherUnits);
      topical.addAll(partQueries);
      Query topic = atLeast(topical, 1);
      partials.forEach(p -> p.add(topic, Occur.FILTER));
      BooleanQuery.Builder rest = new BooleanQuery.Builder().add(atLeast(weakUnits, 1), Occur.MUST)
          .add(topic, Occur.MUST_NOT).add(found, Occur.SHOULD);
      genericQueries.forEach(g -> rest.add(g, Occur.SHOULD));
      facetOnly = rest.build();
    }
    // An amount says what the query is after (碳价48元/吨: the reports say 开盘价48元/吨, never 碳价):
    // beside an absent topic, the points that have the amount itself still answer, and only those
    // (核电装机100万千瓦 finds nothing: no report says 100万千瓦 beside anything nuclear or not).
    List<Query> amounts = content.stream().filter(QueryCompiler::isAmount).map(Content::query).toList();
    if (absent.isEmpty()) {
      // Named when nothing is found, as for an absent topic.
      absent = nowhereBesideFacets;
    } else if (!amounts.isEmpty()) {
      Query amount = atLeast(amounts, 1);
      partials.forEach(p -> p.add(amount, Occur.MUST));
      fragments = null;
      facetOnly = null;
      explain.add(String.join(" · ", absent) + (absent.size() == 1 ? ", a topic," : ", each a topic,")
          + " occurs nowhere in the index in any form: only points with the query's amount are shown");
    } else {
      partials.clear();
      fragments = null;
      facetOnly = null;
      explain.add(String.join(" · ", absent) + (absent.size() == 1 ? ", a topic," : ", each a topic,")
          + " occurs nowhere in the index in any form: points with only some of the words are not shown");
    }
    for (UserQuery.Unit u : q.excluded()) {
      Query uq = unit(u, false, new ArrayList<>(), new ArrayList<>());
      if (uq != null) {
        strict.add(uq, Occur.MUST_NOT);
        partials.forEach(p -> p.add(uq, Occur.MUST_NOT));
        if (fragments != null) {
          fragments.add(uq, Occur.MUST_NOT);
        }
        if (facetOnly != null) {
          facetOnly = new BooleanQuery.Builder().add(facetOnly, Occur.MUST).add(uq, Occur.MUST_NOT).build();
        }
        explain.add("excluded " + u + ": " + uq);
      }
    }
    Query typed = typed(q);
    if (typed != null && n > 1) {
      explain.add("first the points that have the query as typed: " + typed);
    }
    // The proximity bonus is a sloppy phrase over all the words: costly on every match, so it
    // re-ranks the best first-pass hits instead of scoring them all (see Searcher).
    Query proximity = proximity(proximityUnits, alternatives);
    if (proximity != null) {
      explain.add("proximity bonus (re-ranks the top " + RERANK_DEPTH + "): " + proximity);
    }
    return new Compiled(strict.build(), partials.stream().map(b -> (Query) b.build()).toList(), typed, proximity,
        unitQueries, labels, explain, minimum, forms, fragments == null ? null : fragments.build(),
        byParts ? rankUnits : List.of(), genericQueries, absent, facetOnly);
  }

  /**
   * The parts of a long Chinese content word that occur in the text: the word split into the
   * index's (and glossary's) words other than itself, a lone character joined to its neighbour as
   * in {@link QueryWords} (错峰生产 -> 错峰 · 生产; 电解铝 and 秋冬季 have none). Empty for a word of
   * fewer than three characters, a region's name, or anything but Chinese.
   */
  private List<String> parts(String word) {
    if (!isChineseWord(word) || word.codePointCount(0, word.length()) < 3 || isRegionName(word)) {
      return List.of();
    }
    List<String> split = QueryWords.understand(word, w -> !w.equals(word) && isWord(w), occurs).words();
    if (split.size() < 2) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : split) {
      if (isChineseWord(part) && occurs.test(part)) {
        out.add(part);
      }
    }
    return out;
  }

  /**
   * Those of {@code content}'s words that are topics of the glossary, Chinese or one English word (not a region's name)
   * none of whose searched forms (the word, its glossary and dictionary forms) occurs in the index,
   * not even loosely, and none of whose parts does; empty when there is none.
   */
  private List<String> absentTopics(List<Content> content) {
    List<String> out = new ArrayList<>();
    for (Content c : content) {
      if (c.words().size() != 1 || c.words().get(0).quoted()) {
        continue;
      }
      String word = c.words().get(0).text();
      // A topic typed in English counts the same (CCUS, which no report mentions in any form).
      if (!(isChineseWord(word) || isEnglishWord(word)) || isRegionName(word) || AREAS.contains(word)) {
        continue;
      }
      if (glossary.expansions(word).isEmpty()) {
        continue;
      }
      // A part that is no word of the index or the glossary does not make the topic present:
      // 新能源车 (new energy vehicles), cut by what occurs, is 新能 · 源车. Nor does a part that
      // only qualifies the topic: 利用 of 碳捕集利用与封存 (carbon capture, utilisation and storage)
      // says nothing of it, where 电价 of 阶梯电价 or 改造 of 灵活性改造 names what it is.
      if (occursNowhere(c) && parts(word).stream().noneMatch(p -> isWord(p) && (isHead(word, p) || isTopic(p)))) {
        out.add(word);
      }
    }
    return out;
  }

  /**
   * Whether {@code word} names a sector or a date (电力, 工业, 2021年, 9月, 2021年9月16日): a facet
   * that nearly every point of its kind has, so one that says only it says little of the query.
   */
  static boolean isSectorOrDate(String word) {
    return isDate(word) || Sectors.lookup(word).isPresent();
  }

  /** Whether {@code c} is one word, quoted or not, that names a sector or a date ({@link #isSectorOrDate(String)}). */
  private static boolean isSectorOrDate(Content c) {
    return c.words().size() == 1 && isSectorOrDate(c.words().get(0).text());
  }

  /**
   * Whether {@code word} is a date: a year, a month or both, then perhaps a day (2021年, 9月,
   * 2021年9月16日, 9月16号) or the end or start of the year or month (2023年底, 9月初), an ISO
   * date (2021-10-08) or a year alone (2022); not 1439号 (a document's number).
   */
  static boolean isDate(String word) {
    String w = org.tpsearch.analysis.TextNormalizer.fold(word);
    if (w.length() > 2 && "年月".indexOf(w.charAt(w.length() - 2)) >= 0 && "底初末".indexOf(w.charAt(w.length() - 1)) >= 0) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.matches("\\d{4}-\\d{1,2}(-\\d{1,2})?|(19|20)\\d\\d")) {
      return true;
    }
    String units = "";
    int k = 0;
    while (k < w.length()) {
      int end = NumberForms.numberEnd(w.substring(k));
      if (end == 0 || k + end == w.length()) {
        return false;
      }
      units += w.charAt(k + end);
      k += end + 1;
    }
    return units.matches("年|月|年月|月[日号]|年月[日号]");
  }

  /**
   * The query for a part of a word: the part as a phrase, or, when it is a topic, with its Chinese
   * glossary forms as phrases too, weighted as expansions and narrower terms are (限电 of 拉闸限电
   * reaches 有序用电, its narrower term, as the query 限电 does). Phrases only: nothing is looked up
   * in the term dictionary, which on a cluster would be a request the batch did not plan.
   */
  private Query partQuery(String part, boolean expand, List<String> forms) {
    Query own = bigramBuilder.createPhraseQuery(Schema.TEXT_BI, part);
    if (!expand || !isTopic(part)) {
      return own;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    if (own != null) {
      b.add(own, Occur.SHOULD);
      clauses++;
    }
    List<String> narrower = glossaryNarrower(part);
    for (String f : glossaryExpansions(part)) {
      Query fq = f.equals(part) || !isChineseWord(f) ? null : bigramBuilder.createPhraseQuery(Schema.TEXT_BI, f);
      if (fq != null) {
        b.add(new BoostQuery(fq, narrower.contains(f) ? NARROWER_WEIGHT : EXPANSION_WEIGHT), Occur.SHOULD);
        forms.add(f);
        clauses++;
      }
    }
    return clauses == 0 ? own : b.build();
  }

  /**
   * Areas of several provinces: places, not topics, like a region's name (2020年初长三角疫情应急响应:
   * no report says 长三角, and the Zhejiang, Shanghai and Jiangsu points on the emergency response
   * still answer).
   */
  static final java.util.Set<String> AREAS = java.util.Set.of("长三角", "长江三角洲", "珠三角", "珠江三角洲", "京津冀",
      "粤港澳大湾区", "大湾区", "成渝", "汾渭平原", "华北", "华东", "华南", "华中", "西北", "西南", "东北");

  /** Whether {@code part}, one of {@link #parts}, ends {@code word}: what the word is a kind of. */
  private static boolean isHead(String word, String part) {
    return word.endsWith(part);
  }

  /** Whether {@code word} is a topic of the glossary (not a region's or sector's name). */
  private boolean isTopic(String word) {
    return !glossary.expansions(word).isEmpty() && !isFacetName(word);
  }

  /**
   * Whether {@code c} is one amount: a number with a unit of Chinese characters that is no date
   * (48元/吨, 52.6亿千瓦时, 45亿吨; not 2021年, 7月, 2021-10-08 or 5%).
   */
  private static boolean isAmount(Content c) {
    if (c.words().size() != 1 || c.words().get(0).quoted()) {
      return false;
    }
    String w = org.tpsearch.analysis.TextNormalizer.fold(c.words().get(0).text());
    int k = NumberForms.numberEnd(w);
    if (k == 0 || k == w.length() || "年月日号".indexOf(w.charAt(k)) >= 0) {
      return false;
    }
    int slash = w.indexOf('/', k);
    return NumberForms.unitAfter(slash < 0 ? w : w.substring(0, slash), k, 1)
        && (slash < 0 || NumberForms.unitAfter(w, slash + 1, 1));
  }

  /**
   * Whether {@code c} is one Chinese word (not quoted) none of whose forms (the word, its glossary
   * forms, also when expansion is off, and the dictionary's) occurs in the index, not even loosely.
   */
  private boolean occursNowhere(Content c) {
    if (c.words().size() != 1 || c.words().get(0).quoted()) {
      return false;
    }
    String word = c.words().get(0).text();
    if (isEnglishWord(word)) {
      // One English word: no form of it (its translations included) nor its pinyin reading occurs.
      String py = pinyin(word);
      try {
        if (py != null && reader.docFreq(new Term(Schema.TEXT_PY, py)) > 0) {
          return false;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else if (!isChineseWord(word)) {
      return false;
    }
    List<String> forms = new ArrayList<>(c.forms());
    forms.add(word);
    forms.addAll(glossary.expansions(word));
    // An English form of several words is looked up word by word (the term dictionary has no
    // phrases): new, energy and vehicles all occur, new energy vehicles does not. Such a form is
    // no sign that the word occurs; its Chinese forms and its single English words are.
    // Nor is a form of Chinese and digits (国6 of 国六): its 国 and its 6 each occur somewhere, and
    // the term dictionary cannot say whether they stand together.
    return forms.stream().filter(f -> !(isEnglish(f) && f.strip().contains(" ")))
        .filter(f -> !(f.codePoints().anyMatch(QueryWords::isHan) && f.codePoints().anyMatch(Character::isDigit)))
        .noneMatch(f -> occurs.test(f) || loose(f) != null);
  }

  /** Whether {@code c} is one typed generic word ({@link QueryWords#isGeneric}), not quoted. */
  private static boolean isGeneric(Content c) {
    return c.words().size() == 1 && !c.words().get(0).quoted() && QueryWords.isGeneric(c.words().get(0).text());
  }

  /** The fewest characters of a one-word query whose parts fill its page (淘汰落后产能, not 能耗双控). */
  static final int ONE_WORD_PARTS_FROM = 5;

  /** How much a part of a word that occurs nowhere counts for it among points with only some of the words. */
  static final float PART_WEIGHT = 0.5f;

  /** How much a region's name counts among the words of a partial hit. */
  static final float REGION_PARTIAL_WEIGHT = 0.3f;

  /** Every name of every region (lower case): 江苏, Jiangsu, 江苏省... */
  private static final java.util.Set<String> REGION_NAMES = regionNames();

  private static java.util.Set<String> regionNames() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Region r : Regions.ALL) {
      r.allNames().forEach(name -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
    }
    return java.util.Set.copyOf(names);
  }

  /** Whether {@code word} names a region or a sector (a facet of every point, not a topic). */
  static boolean isFacetName(String word) {
    return isRegionName(word) || Sectors.lookup(word).isPresent();
  }

  static boolean isRegionName(String word) {
    return REGION_NAMES.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** At least {@code minimum} of {@code units}. */
  private static Query atLeast(List<Query> units, int minimum) {
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    units.forEach(u -> some.add(u, Occur.SHOULD));
    some.setMinimumNumberShouldMatch(minimum);
    return some.build();
  }

  /**
   * The content words of {@code q}: OR groups, quoted phrases and glossary terms as they are,
   * every other word understood by {@link QueryWords} (split, function words dropped unless
   * {@code dropFunctionWords} is false).
   */
  private List<Content> understand(UserQuery q, boolean expand, boolean dropFunctionWords, List<String> explain,
      List<String> forms) {
    List<String> localExplain = new ArrayList<>();
    List<String> localForms = new ArrayList<>();
    List<Content> out = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<List<UserQuery.Unit>> required = q.required();
    for (int i = 0; i < required.size(); i++) {
      List<UserQuery.Unit> group = required.get(i);
      // Spaced pinyin (pu dong, Zhang Jia Kou) is one word of the pinyin field: pudong.
      int pinyinEnd = expand ? pinyinRunEnd(required, i) : i;
      if (pinyinEnd > i) {
        List<UserQuery.Unit> spaced = new ArrayList<>();
        required.subList(i, pinyinEnd + 1).forEach(w -> spaced.add(w.get(0)));
        UserQuery.Unit joined = new UserQuery.Unit(joinedPinyin(spaced), false);
        localExplain.add("\"" + String.join(" ", spaced.stream().map(UserQuery.Unit::text).toList())
            + "\" is read as the pinyin " + joined.text());
        int before = localForms.size();
        Query uq = unit(joined, true, localExplain, localForms);
        if (uq != null) {
          out.add(new Content(joined.text(), uq, List.of(joined), List.copyOf(localForms.subList(before, localForms.size()))));
        }
        i = pinyinEnd;
        continue;
      }
      // Words that together are a glossary term (green power, clean heating) are one unit.
      int end = expand ? glossaryTermEnd(required, i) : i;
      if (end > i) {
        List<UserQuery.Unit> termWords = new ArrayList<>();
        required.subList(i, end + 1).forEach(w -> termWords.add(w.get(0)));
        int before = localForms.size();
        Query uq = glossaryTerm(termWords, localExplain, localForms);
        if (uq != null) {
          out.add(new Content(String.join(" ", termWords.stream().map(UserQuery.Unit::text).toList()), uq, termWords,
              List.copyOf(localForms.subList(before, localForms.size()))));
        }
        i = end;
        continue;
      }
      if (group.size() > 1) {
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        int kept = 0;
        for (UserQuery.Unit u : group) {
          Query uq = unit(u, expand, localExplain, localForms);
          if (uq != null) {
            alternatives.add(uq, Occur.SHOULD);
            kept++;
          }
        }
        if (kept == 0) {
          localExplain.add("  (ignored: " + group + " has no searchable characters)");
        } else {
          out.add(new Content(String.join(" OR ", group.stream().map(UserQuery.Unit::toString).toList()),
              alternatives.build(), List.of()));
        }
        continue;
      }
      UserQuery.Unit u = group.get(0);
      List<UserQuery.Unit> parts = List.of(u);
      if (!u.quoted() && dropFunctionWords) {
        if (QueryWords.isEnglishStop(u.text())) {
          dropped.add(u.text());
          continue;
        }
        if (expand && unknownCompound(u)) {
          List<UserQuery.Unit> words = new ArrayList<>();
          for (String w : u.text().split("-")) {
            if (w.isBlank()) {
              continue;
            }
            if (QueryWords.isEnglishStop(w)) {
              dropped.add(w);
            } else {
              words.add(new UserQuery.Unit(w, false));
            }
          }
          if (words.size() > 1) {
            localExplain.add(u + " is read as " + String.join(" · ", words.stream().map(UserQuery.Unit::text).toList()));
          }
          if (!words.isEmpty()) {
            parts = words;
          }
        }
        if (parts.size() == 1 && parts.get(0) == u) {
          String text = u.text();
          // A 《》 title stays whole, unless the index cannot hold it as typed (one of its character
          // pairs occurs nowhere): the text writes it with other punctuation inside
          // (《新疆维吾尔自治区"十四五"工业绿色发展规划》 typed without the quotes), so it is read as its words.
          String inner = text.length() > 2 && text.startsWith("《") && text.endsWith("》")
              ? text.substring(1, text.length() - 1) : null;
          if (inner != null && !inner.isBlank() && !occurs.test(inner)) {
            localExplain.add(u + " does not occur as typed: read as its words");
            text = inner;
          }
          QueryWords.Understood understood = QueryWords.understand(text, this::isWord, occurs);
          dropped.addAll(understood.dropped());
          if (understood.split()) {
            localExplain.add(u + " is read as " + String.join(" · ", understood.words()));
          }
          parts = understood.words().stream().map(w -> new UserQuery.Unit(w, false)).toList();
        }
      }
      for (UserQuery.Unit part : parts) {
        int before = localForms.size();
        Query uq = unit(part, expand, localExplain, localForms);
        if (uq == null) {
          localExplain.add("  (ignored: " + part + " has no searchable characters)");
        } else {
          out.add(new Content(part.toString(), uq, List.of(part),
              List.copyOf(localForms.subList(before, localForms.size()))));
        }
      }
    }
    if (!out.isEmpty()) {
      if (!dropped.isEmpty()) {
        localExplain.add("function and question words left out: " + String.join(" ", dropped));
      }
      explain.addAll(localExplain);
      forms.addAll(localForms);
    }
    return out;
  }

  /**
   * Whether {@code u} is a hyphenated English compound that neither the glossary nor the dictionary
   * knows as a whole and that does not occur as written (toll-free, gas-fired; not coal-to-gas):
   * then each of its words is a content word, reaching its own translations (通行费, 免费).
   */
  private boolean unknownCompound(UserQuery.Unit u) {
    return !u.quoted() && u.text().indexOf('-') > 0 && isEnglish(u.text()) && glossary.expansions(u.text()).isEmpty()
        && dictionaryForms(u.text(), List.of()).isEmpty() && !occurs.test(u.text());
  }

  /** Whether {@code w}, a string of Chinese characters, is a word: of the index or of the glossary. */
  private boolean isWord(String w) {
    if (w.codePointCount(0, w.length()) > QueryWords.MAX_WORD) {
      // Only the glossary has words this long (国家发展和改革委员会).
      return !glossary.expansions(w).isEmpty();
    }
    return words.isIndexedWord(w) || !glossary.expansions(w).isEmpty();
  }

  /** The query as typed, as one phrase of bigrams; null when it has OR groups or no bigrams. */
  private Query typed(UserQuery q) {
    List<String> parts = new ArrayList<>();
    for (List<UserQuery.Unit> g : q.required()) {
      if (g.size() != 1) {
        return null;
      }
      parts.add(g.get(0).text());
    }
    return bigramBuilder.createPhraseQuery(Schema.TEXT_BI, String.join(" ", parts));
  }

  /** The most words of spaced pinyin joined into one (bai he tan, wu lu mu qi). */
  static final int MAX_PINYIN_WORDS = 5;

  /**
   * The last of the words starting at {@code i} that, joined, are a word of the pinyin field
   * (pu dong -> pudong): a run of two or more plain, unquoted words each of which reads as pinyin
   * syllables, the longest whose join occurs; {@code i} when there is none. English words that read
   * as pinyin (a, he, long, man) are joined only when the join is a word of the indexed text.
   */
  private int pinyinRunEnd(List<List<UserQuery.Unit>> required, int i) {
    int run = i;
    while (run < required.size() && run - i < MAX_PINYIN_WORDS && required.get(run).size() == 1
        && !required.get(run).get(0).quoted()
        && PinyinSyllables.isPinyin(org.tpsearch.analysis.TextNormalizer.foldDiacritics(required.get(run).get(0).text())
            .toLowerCase(java.util.Locale.ROOT))) {
      run++;
    }
    for (int end = run - 1; end > i; end--) {
      List<UserQuery.Unit> spaced = new ArrayList<>();
      required.subList(i, end + 1).forEach(w -> spaced.add(w.get(0)));
      if (inPinyinField(joinedPinyin(spaced))) {
        return end;
      }
    }
    return i;
  }

  private static String joinedPinyin(List<UserQuery.Unit> words) {
    StringBuilder out = new StringBuilder();
    words.forEach(w -> out.append(org.tpsearch.analysis.TextNormalizer.foldDiacritics(w.text()).toLowerCase(java.util.Locale.ROOT)));
    return out.toString();
  }

  private boolean inPinyinField(String term) {
    try {
      return reader.docFreq(new Term(Schema.TEXT_PY, term)) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The most words of a query that can form one glossary term. */
  static final int MAX_TERM_WORDS = 6;

  /**
   * The last of the words starting at {@code i} that together, joined by spaces, are a glossary
   * term (the longest such run of plain, unquoted words); {@code i} when there is none.
   */
  private int glossaryTermEnd(List<List<UserQuery.Unit>> required, int i) {
    int run = i;
    while (run < required.size() && run - i < MAX_TERM_WORDS && required.get(run).size() == 1
        && !required.get(run).get(0).quoted()) {
      run++;
    }
    for (int end = run - 1; end > i; end--) {
      String joined = joined(required.subList(i, end + 1));
      // A dictionary phrase never starts or ends with a function word ("how much" is no topic).
      boolean plain = !QueryWords.isEnglishStop(required.get(i).get(0).text())
          && !QueryWords.isEnglishStop(required.get(end).get(0).text());
      if (!glossaryExpansions(joined).isEmpty() || (plain && !dictionaryForms(joined, List.of()).isEmpty())) {
        return end;
      }
    }
    return i;
  }

  /**
   * The dictionary's translations of {@code text} that occur in the index and are not among
   * {@code known}: for English, the Chinese words one of whose senses is exactly it (highway ->
   * 公路, 高速公路); for a Chinese word, its English senses (煤矿 -> coal mine); none for mixed
   * text. At most {@link #MAX_DICTIONARY_FORMS}.
   */
  private List<String> dictionaryForms(String text, List<String> known) {
    boolean english = isEnglish(text);
    if (!english && !isChineseWord(text)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    known.forEach(k -> seen.add(org.tpsearch.analysis.TextNormalizer.normalize(k)));
    if (!english) {
      // Chinese to English: the senses that occur in the index and that few headwords share (唐山
      // is also an old name for China, which six other words are: such a sense says nothing).
      for (String sense : Cedict.englishFor(text)) {
        if (out.size() >= MAX_DICTIONARY_FORMS) {
          break;
        }
        if (seen.add(org.tpsearch.analysis.TextNormalizer.normalize(sense)) && occurs.test(sense)
            && Cedict.chineseFor(sense).size() <= MAX_SENSE_SHARED) {
          out.add(sense);
        }
      }
      return out;
    }
    // The senses that are the phrase itself first (units: 单位, 机组), never those that only share
    // Porter's stem with it (united: 联合), unless the dictionary does not list the phrase at all.
    Cedict.Senses senses = Cedict.lookup(text);
    addOccurring(senses.exact(), seen, out);
    if (out.isEmpty() && text.indexOf(' ') < 0) {
      // Nothing the text says: the dictionary may define the word's verb or singular instead
      // (reduction: to reduce, 减少; shutdown: to shut down, 关停; pollution: to pollute, 污染).
      for (String variant : EnglishVariants.of(org.tpsearch.analysis.TextNormalizer.foldDiacritics(text))) {
        addOccurring(Cedict.lookup(variant).exact(), seen, out);
      }
    }
    if (out.isEmpty() && !senses.listed()) {
      // A word the dictionary does not list (sintering): the senses that share its stem (to sinter, 烧结).
      addOccurring(senses.related(), seen, out);
    }
    return out;
  }

  /** Adds to {@code out} those of {@code candidates} not yet {@code seen} that occur in the index, up to the limit. */
  private void addOccurring(List<String> candidates, java.util.Set<String> seen, List<String> out) {
    for (String candidate : candidates) {
      if (out.size() >= MAX_DICTIONARY_FORMS) {
        break;
      }
      if (seen.add(org.tpsearch.analysis.TextNormalizer.normalize(candidate))
          && (occurs.test(candidate) || loose(candidate) != null)) {
        out.add(candidate);
      }
    }
  }

  /**
   * The pinyin-field term a Latin word may stand for: the word in lower case when it reads as two
   * or more toneless syllables (pudong, Wulumuqi); null otherwise (one syllable, like "fan" or
   * "long", is far more often English).
   */
  static String pinyin(String word) {
    String lower = org.tpsearch.analysis.TextNormalizer.foldDiacritics(word).toLowerCase(java.util.Locale.ROOT);
    return PinyinSyllables.syllableCount(lower) >= 2 ? lower : null;
  }

  /**
   * The most headwords an English sense may be shared by for a Chinese word to reach it: "coal
   * mine" names 2, "steel" 4, "flight" 6; "China" 7, "market" 13, "time" dozens.
   */
  static final int MAX_SENSE_SHARED = 6;

  /** How far (in bigram positions) a number's unit may stand from it: 1亿—1.5亿吨 for 1亿吨. */
  static final int UNIT_SLOP = 3;

  /** How many characters may stand between a word and the one character typed after it (用电需求下降 for 用电需求降). */
  static final int LONE_END_SLOP = 3;

  /**
   * A word with a lone character typed after it, also read as the word and that character a
   * little way after it: 用电需求降 finds 用电需求下降, 航油消耗减 finds 航油消耗大幅减少, and
   * 用气 · 需求增 finds 用气需求大幅增加 although 需求增 occurs as written elsewhere (需求增量).
   * Researchers type a verb's one character where the reports write two. Null unless {@code typed}
   * is three or more Chinese characters that make no word of the index or glossary, whose part
   * before the last character occurs, and whose last character is no function word.
   */
  private Query wordThenCharacter(String typed) {
    String stem = loneEndStem(typed);
    if (stem == null) {
      return null;
    }
    String text = org.tpsearch.analysis.TextNormalizer.fold(typed);
    int[] cps = text.codePoints().toArray();
    String last = Character.toString(cps[cps.length - 1]);
    // The index lays a run of characters out one position each, a bigram stacked on the character
    // it starts with (BigramRunPositionFilter): the stem's bigrams at 0..n-2, the next character at
    // n, or a little later. One exact phrase per distance: a sloppy phrase would also take the
    // character before the word (钢铁增 would find 严禁新增钢铁, the opposite of what was asked).
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (int gap = 0; gap <= LONE_END_SLOP; gap++) {
      PhraseQuery.Builder pb = new PhraseQuery.Builder();
      for (int i = 0; i + 1 < cps.length - 1; i++) {
        pb.add(new Term(Schema.TEXT_BI, new String(cps, i, 2)), i);
      }
      pb.add(new Term(Schema.TEXT_BI, last), cps.length - 1 + gap);
      any.add(pb.build(), Occur.SHOULD);
    }
    return any.build();
  }

  /**
   * {@code u} as the proximity bonus reads it: a word typed with a lone character after it that
   * does not occur as typed is its word alone (工业用电降了吗: 工业 and 用电 close together, as in
   * 工业用电大幅下降, where 用电降's bigram 电降 is nowhere); the character is required all the same.
   */
  private UserQuery.Unit nearWord(UserQuery.Unit u) {
    String stem = u.quoted() ? null : loneEndStem(u.text());
    return stem == null || occurs.test(org.tpsearch.analysis.TextNormalizer.fold(u.text())) ? u
        : new UserQuery.Unit(stem, false);
  }

  /**
   * The word before the last character of {@code typed} (folded), when {@link #wordThenCharacter}
   * reads it so: three or more Chinese characters that make no word of the index or glossary, the
   * part before the last one occurs, and the last is no function word; else null.
   */
  private String loneEndStem(String typed) {
    String text = org.tpsearch.analysis.TextNormalizer.fold(typed);
    if (!isChineseWord(text) || text.codePointCount(0, text.length()) < 3 || isWord(text)) {
      return null;
    }
    int cut = text.offsetByCodePoints(text.length(), -1);
    String stem = text.substring(0, cut);
    return occurs.test(stem) && !QueryWords.ZH_STOP.contains(text.substring(cut)) ? stem : null;
  }

  /** A number followed by a unit of two or more Chinese characters (1亿吨, 1100千伏), nothing else. */
  private static boolean numberWithUnit(String text) {
    int k = NumberForms.numberEnd(text);
    return k > 0 && NumberForms.unitAfter(text, k, 2);
  }

  /**
   * A place typed with its 省, 市 or 县, without it too, when that is a word of the index or the
   * glossary: the reports write 唐山市大气污染防治 and 唐山、邯郸, and 唐山市 found only the first.
   */
  private List<String> placeWithoutSuffix(String text) {
    if (!isChineseWord(text) || text.codePointCount(0, text.length()) < 3
        || QueryWords.ZH_PLACE_SUFFIX.indexOf(text.charAt(text.length() - 1)) < 0) {
      return List.of();
    }
    String stem = text.substring(0, text.length() - 1);
    return words.isIndexedWord(stem) || !glossary.expansions(stem).isEmpty() ? List.of(stem) : List.of();
  }

  /**
   * An acronym of two capitals (US, UK, PV): matched as written, not through the stems of the word
   * field, where the stemmer makes "use" us. A longer one keeps the word field, which holds it
   * where the bigram field does not (NEA in www.nea.gov.cn, a source's address).
   */
  static boolean isAcronym(String text) {
    return text.length() == 2 && text.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z');
  }

  /**
   * A capitalised English word that neither the glossary nor the dictionary gave another form: a
   * name (Tesla, Foxconn). Read from the forms {@link #unit} searched, not looked up again.
   */
  private static boolean englishName(Content c) {
    String w = c.label();
    return isEnglishWord(w) && Character.isUpperCase(w.charAt(0)) && !isAcronym(w)
        && c.forms().stream().allMatch(f -> f.equalsIgnoreCase(w));
  }

  /** One English word: Latin letters only, no space, hyphen or digit (Tesla, gigafactory). */
  private static boolean isEnglishWord(String text) {
    return text.length() >= 2 && text.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
  }

  /** Two or more Chinese characters and nothing else: a word the dictionary may know. */
  private static boolean isChineseWord(String text) {
    return text.codePointCount(0, text.length()) >= 2 && text.codePoints().allMatch(QueryWords::isHan);
  }

  /**
   * Latin letters, with or without diacritics (Ürümqi), with spaces, hyphens, apostrophes, and at
   * least one letter: an English word or phrase.
   */
  private static boolean isEnglish(String text) {
    text = org.tpsearch.analysis.TextNormalizer.foldDiacritics(text);
    boolean letter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letter = true;
      } else if (c != ' ' && c != '-' && c != '\'') {
        return false;
      }
    }
    return letter;
  }

  private static String joined(List<List<UserQuery.Unit>> words) {
    return String.join(" ", words.stream().map(w -> w.get(0).text()).toList());
  }

  /**
   * Several words that form a glossary term: every word (each with its own expansions), or one
   * of the term's expansions, weighted as expansions are.
   */
  private Query glossaryTerm(List<UserQuery.Unit> words, List<String> explain, List<String> forms) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int kept = 0;
    for (UserQuery.Unit w : words) {
      // Each word with its glossary forms but not the dictionary's: "rationing" alone is 配额
      // (quota), which is not what "power rationing" means.
      Query uq = unit(w, true, false, explain, forms);
      if (uq != null) {
        all.add(uq, Occur.MUST);
        kept++;
      }
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    if (kept > 0) {
      b.add(all.build(), Occur.SHOULD);
      clauses++;
    }
    String term = String.join(" ", words.stream().map(UserQuery.Unit::text).toList());
    List<String> expansions = glossaryExpansions(term);
    List<String> narrower = glossaryNarrower(term);
    List<String> translations = dictionaryForms(term, expansions);
    List<String> quiet = new ArrayList<>();
    List<String> all2 = new ArrayList<>(expansions);
    all2.addAll(translations);
    for (int k = 0; k < all2.size(); k++) {
      Query fq = loose(all2.get(k));
      if (fq == null) {
        fq = unit(new UserQuery.Unit(all2.get(k), false), false, quiet, forms);
      } else {
        forms.add(all2.get(k));
      }
      if (fq != null) {
        float weight = narrower.contains(all2.get(k)) ? NARROWER_WEIGHT
            : k < expansions.size() ? EXPANSION_WEIGHT : DICTIONARY_WEIGHT;
        b.add(new BoostQuery(fq, weight), Occur.SHOULD);
        clauses++;
      }
    }
    explain.add("\"" + term + "\" is " + (expansions.isEmpty() ? "a dictionary phrase" : "a glossary term")
        + ": its words, or " + all2);
    return clauses == 0 ? null : b.build();
  }

  /**
   * One word or phrase: a disjunction of its forms (the word and, unless quoted or turned off,
   * its glossary expansions), each matched as a phrase of bigrams in the text, with a bonus for
   * a match in a title and a smaller one for a match of its words (stems) in the word field.
   */
  private Query unit(UserQuery.Unit u, boolean expand, List<String> explain, List<String> formsOut) {
    return unit(u, expand, true, explain, formsOut);
  }

  /**
   * The glossary's terms for {@code text}; for an English plural the glossary does not list, those
   * of its singular (holidays: 假期, as holiday; type certificates, as type certificate: a term of
   * several words is plural by its last; the glossary writes each English term once).
   */
  private List<String> glossaryExpansions(String text) {
    String form = glossaryForm(text);
    if (form.equals(text)) {
      return glossary.expansions(text);
    }
    List<String> out = new ArrayList<>(glossary.expansions(form));
    out.remove(form);
    return out;
  }

  /** The glossary's narrower terms for {@code text}, read as {@link #glossaryExpansions} reads it (aircrafts as aircraft). */
  private List<String> glossaryNarrower(String text) {
    return glossary.narrower(glossaryForm(text));
  }

  /**
   * {@code text}, or for an English plural the glossary does not list, the singular it does list
   * (a term of several words is plural by its last); {@code text} when there is none.
   */
  private String glossaryForm(String text) {
    if (!isEnglish(text) || !glossary.expansions(text).isEmpty()) {
      return text;
    }
    int space = text.lastIndexOf(' ');
    for (String singular : EnglishVariants.singulars(text.substring(space + 1))) {
      String variant = text.substring(0, space + 1) + singular;
      if (!glossary.expansions(variant).isEmpty()) {
        return variant;
      }
    }
    return text;
  }

  /** {@link #unit(UserQuery.Unit, boolean, List, List)}, with the dictionary's forms only if {@code dictionary}. */
  private Query unit(UserQuery.Unit u, boolean expand, boolean dictionary, List<String> explain, List<String> formsOut) {
    List<String> forms = new ArrayList<>();
    forms.add(u.text());
    int curated = 1;
    List<String> translations = List.of();
    if (expand && !u.quoted()) {
      String folded = org.tpsearch.analysis.TextNormalizer.fold(u.text());
      forms.addAll(NumberForms.of(folded));
      forms.addAll(placeWithoutSuffix(folded));
      forms.addAll(glossaryExpansions(u.text()));
      curated = forms.size();
      translations = dictionary ? dictionaryForms(u.text(), forms) : List.of();
      forms.addAll(translations);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    boolean[] covered = covered(forms);
    // A narrower term of the glossary finds a kind of what was asked (燃煤机组 for 火电): below the
    // synonyms, so the points that name the topic itself come first.
    List<String> narrower = expand && !u.quoted() ? glossaryNarrower(u.text()) : List.of();
    for (int i = 0; i < forms.size(); i++) {
      float formWeight = i == 0 ? 1f : narrower.contains(forms.get(i)) ? NARROWER_WEIGHT
          : i < curated ? EXPANSION_WEIGHT : DICTIONARY_WEIGHT;
      Query bi = i > 0 ? formQuery(forms.get(i)) : bigramBuilder.createPhraseQuery(Schema.TEXT_BI, forms.get(i));
      if (bi == null) {
        continue;
      }
      formsOut.add(forms.get(i));
      if (covered[i]) {
        // Every match of this expansion is a match of another form (光伏发电 of 光伏): searching it
        // costs a phrase evaluation per candidate and finds nothing more. It is still highlighted.
        continue;
      }
      b.add(new BoostQuery(bi, formWeight), Occur.SHOULD);
      clauses++;
      if (i > 0) {
        // An expansion finds; the title and word-field bonuses serve the form the user typed
        // (and each clause costs a phrase evaluation over every candidate).
        continue;
      }
      Query title = bigramBuilder.createPhraseQuery(Schema.TITLE_BI, forms.get(i));
      if (title != null) {
        b.add(new BoostQuery(title, TITLE_BOOST * formWeight), Occur.SHOULD);
      }
      if (!u.quoted() && !isAcronym(u.text())) {
        Query w = wordPhrase(Schema.TEXT_W, forms.get(i));
        if (w != null) {
          b.add(new BoostQuery(w, WORD_FIELD_WEIGHT * formWeight), Occur.SHOULD);
        }
      }
    }
    if (expand && !u.quoted() && numberWithUnit(u.text())) {
      // A number with a unit of several characters, its unit a little way off: the text writes
      // the unit once for two numbers (1亿—1.5亿吨 for 1亿吨).
      Query near = bigramBuilder.createPhraseQuery(Schema.TEXT_BI, u.text(), UNIT_SLOP);
      if (near instanceof PhraseQuery) {
        b.add(new BoostQuery(near, EXPANSION_WEIGHT), Occur.SHOULD);
        clauses++;
      }
    }
    // Reading, not expansion: --no-expand keeps it (需求降 finds 需求下降 either way).
    Query loneEnd = !u.quoted() ? wordThenCharacter(u.text()) : null;
    if (loneEnd != null) {
      b.add(new BoostQuery(loneEnd, EXPANSION_WEIGHT), Occur.SHOULD);
      clauses++;
    }
    // A region's English name is that region, not a pinyin reading: Shanxi is 山西, while the
    // toneless pinyin of 陕西 (Shaanxi) is shanxi too.
    String pinyin = expand && !u.quoted() && !isRegionName(u.text()) ? pinyin(u.text()) : null;
    if (pinyin != null) {
      // A Latin word that reads as two or more pinyin syllables may name a Chinese place, plant or
      // person (pudong -> 浦东): the pinyin field holds each Chinese word of the text so.
      b.add(new BoostQuery(new TermQuery(new Term(Schema.TEXT_PY, pinyin)), DICTIONARY_WEIGHT), Occur.SHOULD);
      clauses++;
    }
    if (clauses == 0 && !u.quoted()) {
      // Nothing the bigram analysis keeps (a lone stemmed word never is); try the words alone.
      Query w = wordPhrase(Schema.TEXT_W, u.text());
      if (w != null) {
        b.add(w, Occur.SHOULD);
        clauses++;
      }
    }
    if (clauses == 0) {
      return null;
    }
    explain.add(u + (curated > 1 ? " expands to " + forms.subList(1, curated) : "")
        + (translations.isEmpty() ? "" : ", dictionary: " + translations)
        + (pinyin == null ? "" : ", pinyin: " + pinyin)
        + " -> bigrams " + tokens(bigrams, u.text()) + (u.quoted() ? "" : ", words " + words.segment(u.text())));
    return b.build();
  }

  /** How far apart (in words, either order) the words of an expansion may stand when it does not occur as written. */
  static final int LOOSE_SLOP = 2;

  /**
   * The query for an expansion (a glossary or dictionary form): a phrase of its bigrams, or, when
   * it does not occur as written, {@link #loose} (null when it has neither).
   */
  private Query formQuery(String form) {
    Query bi = bigramBuilder.createPhraseQuery(Schema.TEXT_BI, form);
    if (bi == null || occurs.test(form)) {
      return bi;
    }
    Query l = loose(form);
    return l == null ? bi : l;
  }

  /**
   * A Chinese expansion that does not occur as written but whose words (two or more words of the
   * index, each of two or more characters) all do: those words close together, in either order, on
   * the word field. The dictionary writes 产能过剩 (overcapacity), the reports 化解过剩产能; a
   * typed Chinese query is split into its words the same way ({@link QueryWords}). Null otherwise.
   */
  private Query loose(String form) {
    if (!isChineseWord(form) || occurs.test(form)) {
      return null;
    }
    List<TermDictionarySegmenter.Token> tokens = words.tokens(form);
    if (tokens.size() < 2) {
      return null;
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (TermDictionarySegmenter.Token t : tokens) {
      if (t.term().codePointCount(0, t.term().length()) < 2 || !words.isIndexedWord(t.term())) {
        return null;
      }
      pb.add(new Term(Schema.TEXT_W, t.term()), t.position());
    }
    pb.setSlop(LOOSE_SLOP);
    return pb.build();
  }

  /**
   * For each of {@code forms}, whether it is an expansion (not the first, typed form) whose bigram
   * phrase contains another form's, token for token: a text that matches it matches that one.
   */
  private boolean[] covered(List<String> forms) {
    boolean[] out = new boolean[forms.size()];
    if (forms.size() < 2) {
      return out;
    }
    List<List<String>> tokens = new ArrayList<>();
    for (String f : forms) {
      tokens.add(positioned(f));
    }
    for (int i = 1; i < forms.size(); i++) {
      for (int j = 0; j < forms.size() && !out[i]; j++) {
        List<String> a = tokens.get(i);
        List<String> b = tokens.get(j);
        // Equal forms: the first one stays.
        out[i] = j != i && !b.isEmpty() && (a.size() > b.size() || (a.equals(b) && j < i)) && containsPhrase(a, b);
      }
    }
    return out;
  }

  /** Whether phrase {@code b} occurs in phrase {@code a} (its first token's gap does not matter). */
  private static boolean containsPhrase(List<String> a, List<String> b) {
    String first = b.get(0).substring(b.get(0).indexOf('|') + 1);
    for (int k = 0; k + b.size() <= a.size(); k++) {
      if (a.get(k).substring(a.get(k).indexOf('|') + 1).equals(first) && a.subList(k + 1, k + b.size()).equals(b.subList(1, b.size()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The query-side bigram tokens of {@code text}, each with the gap before it ("+1|光伏"), so that
   * one list is a sub-list of another only when its tokens stand at the same relative positions.
   */
  private List<String> positioned(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = bigrams.tokenStream(Schema.TEXT_BI, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add((out.isEmpty() ? "" : inc.getPositionIncrement() + "|") + term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The words of {@code text} as one phrase on a word field; null when it has none. */
  private Query wordPhrase(String field, String text) {
    List<TermDictionarySegmenter.Token> tokens = words.tokens(text);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term()));
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (TermDictionarySegmenter.Token t : tokens) {
      pb.add(new Term(field, t.term()), t.position());
    }
    return pb.build();
  }

  /**
   * All single words in one sloppy phrase over the body's bigrams: close together ranks higher.
   * When some word is one token and has a one-token form of another kind (international: 国际,
   * flights: 航班), a second phrase with each such word as its first such form joins the first, so
   * English words over Chinese text get the bonus too. Plain phrases, so that every backend runs
   * the same query.
   */
  private Query proximity(List<UserQuery.Unit> units, Map<UserQuery.Unit, List<String>> alternatives) {
    if (units.size() < 2) {
      return null;
    }
    List<String> across = new ArrayList<>();
    boolean differs = false;
    for (UserQuery.Unit u : units) {
      List<String> tokens = tokens(bigrams, u.text());
      String other = null;
      if (tokens.size() == 1) {
        for (String form : alternatives.getOrDefault(u, List.of())) {
          List<String> ft = tokens(bigrams, form);
          if (ft.size() == 1 && !ft.get(0).equals(tokens.get(0)) && QueryWords.isHan(ft.get(0).codePointAt(0))
              != QueryWords.isHan(tokens.get(0).codePointAt(0))) {
            other = ft.get(0);
            break;
          }
        }
      }
      if (other != null) {
        across.add(other);
        differs = true;
      } else {
        across.addAll(tokens);
      }
    }
    Query first = typedPhrase(units);
    if (!differs) {
      return first;
    }
    Query second = sloppyPhrase(across);
    if (first == null) {
      return second;
    }
    return second == null ? first
        : new BooleanQuery.Builder().add(first, Occur.SHOULD).add(second, Occur.SHOULD).build();
  }

  /** The words' bigrams, as analyzed (gaps kept), in one phrase with the proximity slop; null for fewer than two. */
  private Query typedPhrase(List<UserQuery.Unit> units) {
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    int position = -1;
    int terms = 0;
    for (UserQuery.Unit u : units) {
      try (TokenStream ts = bigrams.tokenStream(Schema.TEXT_BI, u.text())) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          position += Math.max(1, inc.getPositionIncrement());
          pb.add(new Term(Schema.TEXT_BI, term.toString()), position);
          terms++;
        }
        ts.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (terms < 2) {
      return null;
    }
    pb.setSlop(PROXIMITY_SLOP);
    return pb.build();
  }

  /** {@code terms} of the body's bigram field in one phrase with the proximity slop; null for fewer than two. */
  private static Query sloppyPhrase(List<String> terms) {
    if (terms.size() < 2) {
      return null;
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    for (int p = 0; p < terms.size(); p++) {
      pb.add(new Term(Schema.TEXT_BI, terms.get(p)), p);
    }
    pb.setSlop(PROXIMITY_SLOP);
    return pb.build();
  }

  /** The tokens an analyzer makes of {@code text}, for --explain. */
  static List<String> tokens(Analyzer a, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("explain", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String describe(UserQuery q) {
    List<String> parts = new ArrayList<>();
    for (List<UserQuery.Unit> g : q.required()) {
      parts.add(String.join(" OR ", g.stream().map(UserQuery.Unit::toString).toList()));
    }
    return String.join(" ", parts);
  }
}
