package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.TextNormalizer;

/**
 * Finds where a query's words occur in a displayed text, with exact offsets: the text is analyzed
 * again by the index-side bigram analyzer and each word's query-side bigrams are matched as a
 * phrase, exactly as the index matched them. Only the few items shown are analyzed, so no
 * offsets need to be stored in the index and no postings opened per hit.
 */
final class PhraseHighlighter {
  private static final Analyzer INDEX_SIDE = new BigramAnalyzer(true);
  private static final Analyzer QUERY_SIDE = new BigramAnalyzer(false);

  /** A query-side token: term and position relative to the word's first token. */
  private record Needle(String term, int position) {}

  /** An index-side token of the displayed text. */
  private record Token(String term, int position, int start, int end) {}

  private final List<List<Needle>> words = new ArrayList<>();
  /**
   * For each word, its first run of letters, digits or Han characters, folded and lower-cased: a
   * text that contains none of them cannot match, and is not analyzed (most items of a hit).
   */
  private final List<String> firstRuns = new ArrayList<>();
  /** Every needle's term: the only tokens of a displayed text that can be part of a match. */
  private final CharArraySet needleTerms = new CharArraySet(16, false);

  /** Highlights every one of {@code forms} (query words, phrases and their expansions). */
  PhraseHighlighter(List<String> forms) {
    for (String form : forms) {
      List<Needle> needles = new ArrayList<>();
      analyze(QUERY_SIDE, form, (term, pos, s, e) -> needles.add(new Needle(term, pos)));
      if (!needles.isEmpty()) {
        int base = needles.get(0).position();
        words.add(needles.stream().map(n -> new Needle(n.term(), n.position() - base)).toList());
        needles.forEach(n -> needleTerms.add(n.term()));
        firstRuns.add(firstRun(TextNormalizer.fold(form).toLowerCase(Locale.ROOT)));
      }
    }
  }

  /**
   * How often the words' first runs occur in {@code text}: 0 means no word can match there; more
   * means a likelier, better match. A cheap pre-check, no analysis.
   */
  int mentions(String text) {
    if (words.isEmpty() || text.isEmpty()) {
      return 0;
    }
    String folded = TextNormalizer.fold(text).toLowerCase(Locale.ROOT);
    int n = 0;
    for (String run : firstRuns) {
      if (run.isEmpty()) {
        n++;
        continue;
      }
      for (int at = folded.indexOf(run); at >= 0; at = folded.indexOf(run, at + run.length())) {
        n++;
      }
    }
    return n;
  }

  /** The spans of {@code text} where a word occurs (unmerged). */
  List<Snippet.Span> spans(String text) {
    if (words.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    String folded = TextNormalizer.fold(text).toLowerCase(Locale.ROOT);
    if (firstRuns.stream().noneMatch(folded::contains)) {
      return List.of();
    }
    // Only the tokens some word needs are kept (most of a text's bigrams are not): the analysis
    // stays exact, the bookkeeping is a few list entries instead of a map entry per token.
    Map<String, List<Token>> byTerm = new HashMap<>();
    analyzeKept(text, byTerm);
    List<Snippet.Span> out = new ArrayList<>();
    for (List<Needle> word : words) {
      for (Token first : byTerm.getOrDefault(word.get(0).term(), List.of())) {
        int start = first.start();
        int end = first.end();
        boolean all = true;
        for (int i = 1; i < word.size() && all; i++) {
          Token t = at(byTerm.get(word.get(i).term()), first.position() + word.get(i).position());
          if (t == null) {
            all = false;
          } else {
            start = Math.min(start, t.start());
            end = Math.max(end, t.end());
          }
        }
        if (all && end > start && end <= text.length()) {
          out.add(new Snippet.Span(start, end));
        }
      }
    }
    return out;
  }

  /** The token of {@code tokens} (in position order) at {@code position}, or null. */
  private static Token at(List<Token> tokens, int position) {
    if (tokens == null) {
      return null;
    }
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = tokens.get(mid).position();
      if (p < position) {
        lo = mid + 1;
      } else if (p > position) {
        hi = mid - 1;
      } else {
        // Several tokens may share a position (a bigram and its unigram): the terms differ, and
        // each list holds one term, so at most one.
        return tokens.get(mid);
      }
    }
    return null;
  }

  /** Analyzes {@code text} index-side, keeping the tokens whose term is one of the needles'. */
  private void analyzeKept(String text, Map<String, List<Token>> byTerm) {
    try (TokenStream ts = INDEX_SIDE.tokenStream("text_bi", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        if (needleTerms.contains(term.buffer(), 0, term.length())) {
          String t = term.toString();
          byTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(new Token(t, pos, off.startOffset(), off.endOffset()));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The leading run of letters, digits and Han characters of {@code s} (after any others). */
  private static String firstRun(String s) {
    int i = 0;
    while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    int j = i;
    while (j < s.length() && Character.isLetterOrDigit(s.codePointAt(j))) {
      j += Character.charCount(s.codePointAt(j));
    }
    return s.substring(i, j);
  }

  @FunctionalInterface
  private interface Sink {
    void token(String term, int position, int start, int end);
  }

  private static void analyze(Analyzer a, String text, Sink sink) {
    try (TokenStream ts = a.tokenStream("text_bi", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        sink.token(term.toString(), pos, off.startOffset(), off.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
