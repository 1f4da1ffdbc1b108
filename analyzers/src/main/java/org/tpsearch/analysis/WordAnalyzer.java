package org.tpsearch.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/** Word-level analyzer for ranking: SmartChinese segmentation of folded text, English words stemmed. */
public final class WordAnalyzer extends Analyzer {

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // Fold T2S before segmenting: SmartChinese's dictionary is Simplified only. Width is folded
    // per token below: full-width punctuation must reach the segmenter as it is (see wrapSimplifyOnly).
    return TextNormalizer.wrapSimplifyOnly(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // Dictionary + HMM segmentation into Chinese words; Latin runs and numbers come out whole.
    Tokenizer tokenizer = new HMMChineseTokenizer();
    TokenStream result = tokenizer;
    // SmartChinese emits punctuation as tokens; its default stop set lists exactly those.
    result = new StopFilter(result, SmartChineseAnalyzer.getDefaultStopSet());
    // Full-width letters and digits (ＣＯ２) to ASCII, as the query side folds them.
    result = new CJKWidthFilter(result);
    // Case never carries meaning for ranking (CO2 = co2).
    result = new LowerCaseFilter(result);
    // Conflate English inflections (industry, industries, industrial -> industri); Porter needs lowercase.
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(tokenizer, result);
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    // Wildcard/prefix terms skip createComponents; fold them exactly as indexed text is folded.
    return TextNormalizer.wrap(reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    // Stemming is not a per-character normalization, so only lowercase here.
    return new LowerCaseFilter(in);
  }
}
