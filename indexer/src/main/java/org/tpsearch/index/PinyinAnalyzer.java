package org.tpsearch.index;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tpsearch.analysis.TextNormalizer;

/**
 * Index-time analyzer of the pinyin field: each Chinese word of the text as toneless, joined,
 * lower-case pinyin (浦东 → pudong, 重庆 → chongqing, 吕梁 → lvliang), so a researcher who types a
 * place, plant or company name in pinyin finds the points that write it in characters.
 *
 * <p>Words are SmartChinese's, as on the word field. A name it does not know comes out in pieces
 * (白鹤 滩, 准 东, 乌 东 德), so two or three adjacent pieces of at most four characters in all,
 * one of them a single character, are also joined and read as one word (baihetan, zhundong,
 * wudongde); a place ending in 县, 市, 州, 区 and the like also gives the name without it (墨玉县 →
 * moyuxian, moyu). A lone character is never a term of its own. No stemming, no English: the query
 * side looks a lower-case ASCII word up in this field as it is.
 *
 * <p>Readings come from HanLP's pinyin dictionary (word-level, so 重庆 is chongqing and 调峰
 * tiaofeng), which is loaded on first use: only indexing touches it.
 */
public final class PinyinAnalyzer extends Analyzer {

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    // Traditional to Simplified first, as the word field does: SmartChinese knows Simplified only.
    return TextNormalizer.wrapSimplifyOnly(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    // SmartChinese words (the word field's segmentation), then their pinyin.
    Tokenizer tokenizer = new HMMChineseTokenizer();
    return new TokenStreamComponents(tokenizer, new PinyinFilter(tokenizer));
  }

  /** Administrative suffixes a place name is also typed without (墨玉县 → moyu). */
  private static final String PLACE_SUFFIXES = "省市县区州盟旗镇乡村";

  /** Longest run of pieces, in characters, that is joined into one name. */
  private static final int MAX_JOINED_CHARS = 4;

  /**
   * The pinyin of a Chinese string, toneless and joined, ü as v (as pinyin keyboards type it);
   * null if a character has no reading.
   */
  static String pinyin(String chinese) {
    List<Pinyin> readings = HanLP.convertToPinyinList(chinese);
    StringBuilder out = new StringBuilder(chinese.length() * 4);
    for (Pinyin p : readings) {
      if (p == Pinyin.none5) {
        return null;
      }
      out.append(p.getPinyinWithoutTone());
    }
    return out.toString().replace('ü', 'v');
  }

  /** True if every code point is a Han character. */
  static boolean isHan(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /**
   * Reads the whole value (one evidence item or part: small), groups adjacent Chinese words into
   * runs, and emits the terms of each run.
   */
  private static final class PinyinFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final List<Term> out = new ArrayList<>();
    private int next = -1;

    private record Word(String text, int start, int end) {}

    private record Term(String text, int start, int end) {}

    PinyinFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (next < 0) {
        collect();
        next = 0;
      }
      if (next >= out.size()) {
        return false;
      }
      clearAttributes();
      Term t = out.get(next++);
      termAtt.setEmpty().append(t.text());
      offsetAtt.setOffset(t.start(), t.end());
      return true;
    }

    private void collect() throws IOException {
      List<Word> run = new ArrayList<>();
      while (input.incrementToken()) {
        String text = termAtt.toString();
        int start = offsetAtt.startOffset();
        int end = offsetAtt.endOffset();
        boolean han = isHan(text);
        // A run is broken by anything not Chinese, and by any gap (punctuation, a space).
        if (!run.isEmpty() && (!han || run.get(run.size() - 1).end() != start)) {
          emitRun(run);
          run.clear();
        }
        if (han) {
          run.add(new Word(text, start, end));
        }
      }
      emitRun(run);
    }

    private void emitRun(List<Word> run) {
      for (int i = 0; i < run.size(); i++) {
        Word w = run.get(i);
        int length = w.text().codePointCount(0, w.text().length());
        if (length > 1) {
          add(w.text(), w.start(), w.end());
          if (length > 2 && PLACE_SUFFIXES.indexOf(w.text().charAt(w.text().length() - 1)) >= 0) {
            add(w.text().substring(0, w.text().length() - 1), w.start(), w.end() - 1);
          }
        }
        // Pieces of a name the segmenter does not know: join two or three, one a single character.
        StringBuilder joined = new StringBuilder(w.text());
        int chars = length;
        boolean hasSingle = length == 1;
        for (int j = i + 1; j < run.size() && j < i + 3; j++) {
          Word v = run.get(j);
          int n = v.text().codePointCount(0, v.text().length());
          chars += n;
          hasSingle |= n == 1;
          if (chars > MAX_JOINED_CHARS) {
            break;
          }
          joined.append(v.text());
          if (hasSingle) {
            add(joined.toString(), w.start(), v.end());
          }
        }
      }
    }

    private void add(String chinese, int start, int end) {
      String py = pinyin(chinese);
      if (py != null && !py.isEmpty()) {
        out.add(new Term(py, start, end));
      }
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      out.clear();
      next = -1;
    }
  }
}
