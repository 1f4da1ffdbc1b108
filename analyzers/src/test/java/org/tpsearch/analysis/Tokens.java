package org.tpsearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** Test helper: runs an analyzer over a string and records every token's attributes. */
record Tokens(List<Token> tokens, int finalIncrement, int finalOffset) {

  /** One token as the indexer sees it. */
  record Token(String term, int posInc, int posLen, int start, int end, String type) {}

  static Tokens of(Analyzer analyzer, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute posLen = ts.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            new Token(
                term.toString(),
                posInc.getPositionIncrement(),
                posLen.getPositionLength(),
                offset.startOffset(),
                offset.endOffset(),
                type.type()));
      }
      ts.end();
      return new Tokens(out, posInc.getPositionIncrement(), offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> terms() {
    return tokens.stream().map(Token::term).toList();
  }

  List<Integer> increments() {
    return tokens.stream().map(Token::posInc).toList();
  }

  List<String> offsets() {
    return tokens.stream().map(t -> t.start() + "-" + t.end()).toList();
  }
}
