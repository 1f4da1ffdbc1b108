package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import org.tpsearch.analysis.Glossary;
import org.tpsearch.analysis.WordAnalyzer;
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
  /** Field weights: a match in an evidence title beats one in prose. */
  static final Map<String, Float> FIELD_BOOSTS =
      Map.of(Schema.TITLE, 3f, Schema.BODY, 1f, Schema.SOURCES, 0.5f, Schema.META, 1.5f);

  /** Exact forms beat stems beat expansions. */
  static final float WORD_FIELD_WEIGHT = 0.5f;
  static final float EXPANSION_WEIGHT = 0.4f;
  static final float PROXIMITY_BOOST = 2f;
  static final int PROXIMITY_SLOP = 24;
  static final float FOUND_BOOST = 1.5f;
  /** In partial mode each matched word adds this much, so more words always rank first. */
  static final float PER_WORD = 10_000f;

  private final Analyzer bigrams = new BigramAnalyzer(false);
  private final Analyzer words = new WordAnalyzer();
  private final QueryBuilder bigramBuilder = new QueryBuilder(bigrams);
  private final QueryBuilder wordBuilder = new QueryBuilder(words);
  private final Glossary glossary;

  /** A compiled query: the strict form, the partial (most words) form, and what it expanded. */
  public record Compiled(Query strict, Query partial, List<Query> units, List<String> explain, int wordCount) {
    /**
     * What highlighting looks for: the words (and their expansions) only, not the proximity
     * bonus, whose sloppy-phrase match would span everything between two words.
     */
    public Query highlight() {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      units.forEach(u -> b.add(u, Occur.SHOULD));
      return b.build();
    }
  }

  public QueryCompiler(Glossary glossary) {
    this.glossary = glossary;
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

  /** Compiles {@code q}; {@code expand} turns glossary expansion on. */
  public Compiled compile(UserQuery q, boolean expand) throws QueryException {
    List<String> explain = new ArrayList<>();
    BooleanQuery.Builder strict = new BooleanQuery.Builder();
    BooleanQuery.Builder partial = new BooleanQuery.Builder();
    // Partial mode: at least one word must match; the bonuses below only rank.
    BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
    List<Query> unitQueries = new ArrayList<>();
    List<UserQuery.Unit> proximityUnits = new ArrayList<>();
    for (List<UserQuery.Unit> group : q.required()) {
      BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
      int kept = 0;
      for (UserQuery.Unit u : group) {
        Query uq = unit(u, expand, explain);
        if (uq != null) {
          alternatives.add(uq, Occur.SHOULD);
          kept++;
        }
      }
      if (kept == 0) {
        explain.add("  (ignored: " + group + " has no searchable characters)");
        continue;
      }
      Query g = alternatives.build();
      unitQueries.add(g);
      strict.add(g, Occur.MUST);
      anyWord.add(new BoostQuery(new ConstantScoreQuery(g), PER_WORD), Occur.SHOULD);
      anyWord.add(g, Occur.SHOULD);
      if (group.size() == 1) {
        proximityUnits.add(group.get(0));
      }
    }
    if (unitQueries.isEmpty()) {
      throw new QueryException("the query has no searchable words: '" + describe(q) + "'");
    }
    partial.add(anyWord.build(), Occur.MUST);
    for (UserQuery.Unit u : q.excluded()) {
      Query uq = unit(u, false, new ArrayList<>());
      if (uq != null) {
        strict.add(uq, Occur.MUST_NOT);
        partial.add(uq, Occur.MUST_NOT);
        explain.add("excluded " + u + ": " + uq);
      }
    }
    Query proximity = proximity(proximityUnits);
    if (proximity != null) {
      strict.add(new BoostQuery(proximity, PROXIMITY_BOOST), Occur.SHOULD);
      partial.add(new BoostQuery(proximity, PROXIMITY_BOOST), Occur.SHOULD);
      explain.add("proximity bonus: " + proximity);
    }
    Query found = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Schema.STATUS, "found"))), FOUND_BOOST);
    strict.add(found, Occur.SHOULD);
    partial.add(found, Occur.SHOULD);
    return new Compiled(strict.build(), partial.build(), unitQueries, explain, unitQueries.size());
  }

  /** One word or phrase: a disjunction over fields and, for a word, its glossary expansions. */
  private Query unit(UserQuery.Unit u, boolean expand, List<String> explain) {
    List<String> forms = new ArrayList<>();
    forms.add(u.text());
    if (expand && !u.quoted()) {
      forms.addAll(glossary.expansions(u.text()));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    for (int i = 0; i < forms.size(); i++) {
      float formWeight = i == 0 ? 1f : EXPANSION_WEIGHT;
      for (Map.Entry<String, Float> f : FIELD_BOOSTS.entrySet()) {
        Query bi = bigramBuilder.createPhraseQuery(f.getKey() + Schema.BIGRAM_SUFFIX, forms.get(i));
        if (bi != null) {
          b.add(new BoostQuery(bi, f.getValue() * formWeight), Occur.SHOULD);
          clauses++;
        }
        if (!u.quoted()) {
          Query w = wordBuilder.createPhraseQuery(f.getKey() + Schema.WORD_SUFFIX, forms.get(i));
          if (w != null) {
            b.add(new BoostQuery(w, f.getValue() * formWeight * WORD_FIELD_WEIGHT), Occur.SHOULD);
            clauses++;
          }
        }
      }
    }
    if (clauses == 0) {
      return null;
    }
    explain.add(u + (forms.size() > 1 ? " expands to " + forms.subList(1, forms.size()) : "")
        + " -> bigrams " + tokens(bigrams, u.text()) + (u.quoted() ? "" : ", words " + tokens(words, u.text())));
    return b.build();
  }

  /** All single words in one sloppy phrase over the body's bigrams: close together ranks higher. */
  private Query proximity(List<UserQuery.Unit> units) {
    if (units.size() < 2) {
      return null;
    }
    PhraseQuery.Builder pb = new PhraseQuery.Builder();
    int position = -1;
    int terms = 0;
    for (UserQuery.Unit u : units) {
      try (TokenStream ts = bigrams.tokenStream(Schema.BODY + Schema.BIGRAM_SUFFIX, u.text())) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          position += Math.max(1, inc.getPositionIncrement());
          pb.add(new Term(Schema.BODY + Schema.BIGRAM_SUFFIX, term.toString()), position);
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
