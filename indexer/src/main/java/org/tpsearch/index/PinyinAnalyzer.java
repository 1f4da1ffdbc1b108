package org.tpsearch.index;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Place names whose reading HanLP gets wrong (measured, BENCHMARKS.md "Pinyin library"): the
   * place's reading is indexed as well as HanLP's, which may be right elsewhere (朝阳产业, zhaoyang).
   */
  private static final Map<String, String> PLACE_READINGS =
      Map.of("朝阳", "chaoyang", "单县", "shanxian", "乐亭", "laoting", "解州", "xiezhou");

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

  /** A Chinese word of the text and where it is. */
  private record Word(String text, int start, int end) {}

  /**
   * What the word field's analysis of the current value leaves for the pinyin field, per thread:
   * the text and its SmartChinese words. Segmenting is most of the cost of both fields (about
   * 2.7 MB/s), so the pinyin field of the same value reuses the words instead of segmenting again.
   */
  private static final class Shared {
    final StringBuilder text = new StringBuilder();
    final List<Word> words = new ArrayList<>();
    boolean complete;
    boolean replay;
    long replays;
  }

  /**
   * How many values this thread's pinyin field took from the word field's words (for tests: the
   * bench's analysis limit must reuse exactly as often as the index writer does).
   */
  public static long replaysOnThisThread() {
    return SHARED.get().replays;
  }

  private static final ThreadLocal<Shared> SHARED = ThreadLocal.withInitial(Shared::new);

  /** Readings already looked up on this thread, word to pinyin ("" for none); cleared when full. */
  private static final ThreadLocal<Map<String, String>> CACHE = ThreadLocal.withInitial(HashMap::new);

  private static final int CACHE_SIZE = 200_000;

  /** Index time, word field: a reader that keeps a copy of the text it delivers. */
  static Reader recordText(Reader in) {
    Shared shared = SHARED.get();
    shared.text.setLength(0);
    shared.words.clear();
    shared.complete = false;
    return new FilterReader(in) {
      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          shared.text.append(buf, off, n);
        }
        return n;
      }

      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          shared.text.append((char) c);
        }
        return c;
      }
    };
  }

  /** Index time, word field: the word analysis with a last filter that keeps its Chinese words. */
  static TokenStreamComponents recordWords(TokenStreamComponents components) {
    return new TokenStreamComponents(components.getSource(), new WordRecorder(components.getTokenStream()));
  }

  /**
   * Index time, pinyin field: reads the text; when it is the text the word field has just analyzed
   * on this thread, the pinyin filter reuses that analysis's words.
   */
  static Reader replayIfSame(Reader in) {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[4096];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        text.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Shared shared = SHARED.get();
    shared.replay = shared.complete && shared.text.length() == text.length() && shared.text.compareTo(text) == 0;
    return new StringReader(text.toString());
  }

  /** Passes tokens through and keeps the Chinese ones, with their offsets, for the pinyin field. */
  private static final class WordRecorder extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

    WordRecorder(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (isHan(termAtt)) {
        SHARED.get().words.add(new Word(termAtt.toString(), offsetAtt.startOffset(), offsetAtt.endOffset()));
      }
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      SHARED.get().complete = true;
    }
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
    /** The text's length when its words were reused (the tokenizer then read nothing), else -1. */
    private int replayedLength = -1;

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
      Shared shared = SHARED.get();
      List<Word> words;
      if (shared.replay) {
        // The word field has just segmented this very text on this thread: reuse its words.
        shared.replay = false;
        shared.replays++;
        words = shared.words;
        replayedLength = shared.text.length();
      } else {
        words = new ArrayList<>();
        while (input.incrementToken()) {
          String text = termAtt.toString();
          if (isHan(text)) {
            words.add(new Word(text, offsetAtt.startOffset(), offsetAtt.endOffset()));
          }
        }
      }
      List<Word> run = new ArrayList<>();
      for (Word w : words) {
        // A run is broken by anything not Chinese, and by any gap (punctuation, a space).
        if (!run.isEmpty() && run.get(run.size() - 1).end() != w.start()) {
          emitRun(run);
          run.clear();
        }
        run.add(w);
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
      // Words repeat (a corpus has far fewer distinct words than words): remember their readings.
      Map<String, String> cache = CACHE.get();
      String py = cache.get(chinese);
      if (py == null) {
        if (cache.size() >= CACHE_SIZE) {
          cache.clear();
        }
        py = pinyin(chinese);
        cache.put(chinese, py == null ? "" : py);
      }
      if (py != null && !py.isEmpty()) {
        out.add(new Term(py, start, end));
      }
      String place = PLACE_READINGS.get(chinese);
      if (place != null && !place.equals(py)) {
        out.add(new Term(place, start, end));
      }
    }

    @Override
    public void end() throws IOException {
      super.end();
      if (replayedLength >= 0) {
        // The final offset the tokenizer would have reached: the next value's offsets start after it.
        offsetAtt.setOffset(replayedLength, replayedLength);
      }
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      out.clear();
      next = -1;
      replayedLength = -1;
    }
  }
}
