package org.tpsearch.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Traditional to Simplified and full width to half width in one pass (and the zero of a zero-padded
 * month or day dropped, {@link DateZeros}) over a plain code-point
 * table, with offsets corrected back to the input. Does what a MappingCharFilter over the T2S
 * table followed by CJKWidthCharFilter does for Chinese text, without building their FST (about
 * 200 ms in a cold JVM, paid by every search that highlights).
 */
final class FoldingCharFilter extends BaseCharFilter {
  private final boolean widthToo;
  private String folded;
  private int pos;

  /** Folds Traditional to Simplified, and full width to half width when {@code widthToo}. */
  FoldingCharFilter(Reader in, boolean widthToo) {
    super(in);
    this.widthToo = widthToo;
  }

  private StringBuilder out;
  /** Input offset minus output offset, from the output's current end on. */
  private int diff;

  private void fill() throws IOException {
    StringBuilder raw = new StringBuilder();
    char[] buf = new char[1024];
    for (int n = input.read(buf); n != -1; n = input.read(buf)) {
      raw.append(buf, 0, n);
    }
    out = new StringBuilder(raw.length());
    diff = 0;
    java.util.regex.Matcher iso = null;
    for (int i = 0; i < raw.length(); ) {
      if (DateZeros.isoCandidate(raw, i)) {
        if (iso == null) {
          iso = DateZeros.isoMatcher(raw);
        }
        if (DateZeros.isoDateAt(iso, raw, i)) {
          // 2022-05-01 (or 2022/5/1, 2022.05.01) is read as the reports write it, 2022年5月1日
          // (see DateZeros): 年 and 月 stand for the separators, 日 is zero-width at the end.
          for (int k = iso.start(1); k < iso.end(1); k++) {
            emit(raw.charAt(k));
          }
          emit('年');
          number(raw, iso.start(2), iso.end(2));
          emit('月');
          number(raw, iso.start(3), iso.end(3));
          out.append('日');
          diff -= 1;
          addOffCorrectMap(out.length(), diff);
          i = iso.end();
          continue;
        }
      }
      if (DateZeros.padding(raw, i)) {
        // 05月 and 03月01日 are read as 5月 and 3月1日: the zero is not written (see DateZeros).
        number(raw, i, i + 2);
        i += 2;
        continue;
      }
      int cp = Character.codePointAt(raw, i);
      int inLen = Character.charCount(cp);
      if (cp == '号' && DateZeros.dayHao(raw, i)) {
        // 5月1号 is read as 5月1日.
        cp = '日';
      }
      int mapped = widthToo ? TextNormalizer.foldCodePoint(cp) : TextNormalizer.simplify(cp);
      out.appendCodePoint(mapped);
      int outLen = Character.charCount(mapped);
      i += inLen;
      if (outLen != inLen) {
        // From here on, output offsets are off by the accumulated length change.
        diff += inLen - outLen;
        addOffCorrectMap(out.length(), diff);
      }
    }
    folded = out.toString();
    out = null;
  }

  /** One BMP character of the input (a digit, a separator read as 年 or 月), folded, for one of the output. */
  private void emit(char c) {
    out.append((char) (widthToo ? TextNormalizer.foldCodePoint(c) : TextNormalizer.simplify(c)));
  }

  /**
   * A month or day of one or two digits at {@code [from, to)}; a padding zero is not written, and
   * the digit after it stands for both (its token's offsets cover {@code 05}, so a highlight of the
   * word before it, 年 or 月, does not take the zero).
   */
  private void number(CharSequence raw, int from, int to) {
    if (to - from == 2 && (raw.charAt(from) == '0' || raw.charAt(from) == '０')) {
      emit(raw.charAt(from + 1));
      diff += 1;
      addOffCorrectMap(out.length(), diff);
    } else {
      for (int k = from; k < to; k++) {
        emit(raw.charAt(k));
      }
    }
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (folded == null) {
      fill();
    }
    if (pos >= folded.length()) {
      return -1;
    }
    int n = Math.min(len, folded.length() - pos);
    folded.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }
}
