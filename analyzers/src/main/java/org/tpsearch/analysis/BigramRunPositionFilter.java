package org.tpsearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds one position after every run of CJK bigrams so the query side lines up with the index side.
 *
 * <p>Why: with {@code outputUnigrams=true}, {@link CJKBigramFilter} lays out a run of n
 * ideographs ABC as {@code A(+1) AB(+0, len 2) B(+1) BC(+0, len 2) C(+1)}: n positions, each bigram
 * stacked on the unigram it starts with. With {@code outputUnigrams=false} the same run is
 * {@code AB(+1) BC(+1)}: only n-1 positions. A phrase that stays inside one run lines up either
 * way, but anything after the run ("29号" in "晋政发〔2022〕29号", "工业" after "十四五") would sit one
 * position too early per preceding run and the phrase would never match. This filter adds the
 * missing position to the token that follows a run of two or more ideographs (and to the final
 * increment), turning the query side into {@code AB(+1) BC(+1) <hole> next(+2)}. A run of one
 * ideograph is a single unigram on both sides and needs nothing.
 */
final class BigramRunPositionFilter extends TokenFilter {

  private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  /** End offset of the previous token if it was a bigram, else -1: a run is open. */
  private int openRunEnd = -1;

  BigramRunPositionFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    boolean bigram = CJKBigramFilter.DOUBLE_TYPE.equals(typeAtt.type());
    // Bigrams of one run overlap by exactly one character (AB then BC), so a bigram starting
    // before the previous one ended continues the run; anything else means the run closed.
    boolean continuesRun = bigram && openRunEnd >= 0 && offsetAtt.startOffset() < openRunEnd;
    if (openRunEnd >= 0 && !continuesRun) {
      posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + 1);
    }
    openRunEnd = bigram ? offsetAtt.endOffset() : -1;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    // The index side's last unigram of a trailing run also occupies a position; keep the final
    // increment (used between values of a multi-valued field) the same on both sides.
    if (openRunEnd >= 0) {
      posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + 1);
      openRunEnd = -1;
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    openRunEnd = -1;
  }
}
