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

  private void fill() throws IOException {
    StringBuilder raw = new StringBuilder();
    char[] buf = new char[1024];
    for (int n = input.read(buf); n != -1; n = input.read(buf)) {
      raw.append(buf, 0, n);
    }
    StringBuilder out = new StringBuilder(raw.length());
    int diff = 0;
    for (int i = 0; i < raw.length(); ) {
      int cp = Character.codePointAt(raw, i);
      int inLen = Character.charCount(cp);
      if (DateZeros.padding(raw, i)) {
        // 05月 and 03月01日 are read as 5月 and 3月1日: the zero is not written (see DateZeros).
        i += inLen;
        diff += inLen;
        addOffCorrectMap(out.length(), diff);
        continue;
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
