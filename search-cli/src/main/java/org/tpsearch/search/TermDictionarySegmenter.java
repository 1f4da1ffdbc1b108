package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.index.Schema;

/**
 * Query-side word segmentation without SmartChinese: Chinese runs are cut by longest match against
 * the index's own word-field term dictionary (it holds every word the word field can match), and
 * Latin and digit runs are cut as the SmartChinese tokenizer cuts them (letters, digits), then
 * lower-cased and Porter-stemmed like the index side. Loading SmartChinese's dictionaries costs
 * 250–300 ms per process; this costs a few term look-ups per query.
 */
final class TermDictionarySegmenter {
  /** Longest Chinese word tried, in code points. */
  private static final int MAX_WORD = 8;

  private final List<TermsEnum> dictionaries = new ArrayList<>();
  private final Analyzer stemmer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer t = new KeywordTokenizer();
      return new TokenStreamComponents(t, new PorterStemFilter(t));
    }
  };

  TermDictionarySegmenter(IndexReader reader) {
    try {
      Terms terms = MultiTerms.getTerms(reader, Schema.TEXT_W);
      if (terms != null) {
        dictionaries.add(terms.iterator());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A word and its position; punctuation leaves a gap, as the index side's stop filter does. */
  record Token(String term, int position) {}

  /** The words of {@code text}, in order. */
  List<String> segment(String text) {
    return tokens(text).stream().map(Token::term).toList();
  }

  /** The word tokens of {@code text} with positions, as the word field indexes them. */
  synchronized List<Token> tokens(String text) {
    String s = TextNormalizer.fold(text);
    List<String> out = new ArrayList<>();
    List<Integer> gaps = new ArrayList<>();
    int pendingGap = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (isHan(cp)) {
        int end = i;
        while (end < s.length() && isHan(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        segmentHan(s.substring(i, end), out);
        pendingGap = gap(gaps, out, pendingGap);
        i = end;
      } else if (isLetter(cp)) {
        int end = i;
        while (end < s.length() && isLetter(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        out.add(stem(s.substring(i, end).toLowerCase(Locale.ROOT)));
        pendingGap = gap(gaps, out, pendingGap);
        i = end;
      } else if (Character.isDigit(cp)) {
        int end = i;
        while (end < s.length() && Character.isDigit(s.codePointAt(end))) {
          end += Character.charCount(s.codePointAt(end));
        }
        out.add(s.substring(i, end));
        pendingGap = gap(gaps, out, pendingGap);
        i = end;
      } else {
        // Spaces separate words; punctuation is a token the index side drops, leaving a gap.
        if (!Character.isWhitespace(cp)) {
          pendingGap++;
        }
        i += Character.charCount(cp);
      }
    }
    List<Token> tokens = new ArrayList<>();
    int position = -1;
    for (int k = 0; k < out.size(); k++) {
      position += 1 + gaps.get(k);
      tokens.add(new Token(out.get(k), position));
    }
    return tokens;
  }

  /** Records the gap before every token added since the last call; returns the new pending gap. */
  private static int gap(List<Integer> gaps, List<String> out, int pendingGap) {
    while (gaps.size() < out.size()) {
      gaps.add(gaps.size() == 0 ? 0 : pendingGap);
      pendingGap = 0;
    }
    return 0;
  }

  /** Forward maximum matching: the longest prefix that is an indexed word, else one character. */
  private void segmentHan(String run, List<String> out) {
    int[] cps = run.codePoints().toArray();
    int i = 0;
    while (i < cps.length) {
      int len = Math.min(MAX_WORD, cps.length - i);
      for (; len > 1; len--) {
        if (isIndexedWord(new String(cps, i, len))) {
          break;
        }
      }
      out.add(new String(cps, i, len));
      i += len;
    }
  }

  /** Whether {@code w} is a term of the index's word field (a word SmartChinese cut from the text). */
  synchronized boolean isIndexedWord(String w) {
    BytesRef term = new BytesRef(w);
    try {
      for (TermsEnum te : dictionaries) {
        if (te.seekExact(term)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String stem(String word) {
    try (TokenStream ts = stemmer.tokenStream("", word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String out = ts.incrementToken() ? term.toString() : word;
      ts.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Letters as SmartChinese groups them: Latin (full width is already folded). */
  private static boolean isLetter(int cp) {
    return cp < 0x250 && Character.isLetter(cp);
  }
}
