package org.tpsearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * CJK bigram analyzer for recall and exact phrases: index with {@code new BigramAnalyzer(true)},
 * query with {@code new BigramAnalyzer(false)}.
 */
public final class BigramAnalyzer extends Analyzer {

  private static final int CJK_SCRIPTS =
      CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;

  private final boolean unigrams;

  /**
   * Creates the analyzer; {@code unigrams} is true for the index side (unigrams and bigrams, so a
   * one-character query can match) and false for the query side (bigrams only, fewer terms).
   */
  public BigramAnalyzer(boolean unigrams) {
    this.unigrams = unigrams;
  }

  /** Whether this instance emits unigrams alongside bigrams (index side). */
  public boolean unigrams() {
    return unigrams;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // Fold T2S and width first so 綠電 and 绿电, ＡＢＣ and abc produce the same grams.
    return TextNormalizer.wrap(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // UAX#29 words: numbers stay whole (74.7, 5.26), Latin words whole, one token per ideograph,
    // punctuation (and %, 〔〕, 《》) dropped.
    Tokenizer tokenizer = new StandardTokenizer();
    TokenStream result = tokenizer;
    // Exact forms, case-folded only: no stemming, so phrases match what was written.
    result = new LowerCaseFilter(result);
    // Adjacent ideographs (and kana, hangul) to overlapping bigrams; unigrams too on the index side.
    result = new CJKBigramFilter(result, CJK_SCRIPTS, unigrams);
    if (!unigrams) {
      // Query side: give each CJK run as many positions as the index side gives it, so phrase
      // queries spanning a run and what follows it line up (see BigramRunPositionFilter).
      result = new BigramRunPositionFilter(result);
    }
    return new TokenStreamComponents(tokenizer, result);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    // Wildcard/prefix terms skip createComponents; fold them exactly as indexed text is folded.
    return TextNormalizer.wrap(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
