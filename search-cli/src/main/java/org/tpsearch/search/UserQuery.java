package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed query string: groups that must all match (each group is one word, or words joined
 * by {@code OR}), and words that must not.
 *
 * <p>Syntax: words separated by spaces are all required; {@code "a phrase"} matches those words
 * exactly, in order, without expansion; {@code -word} or {@code -"a phrase"} excludes; {@code a OR
 * b} matches either. Chinese, full-width and curly quotes work like ASCII ones.
 */
public record UserQuery(List<List<Unit>> required, List<Unit> excluded) {
  /**
   * The longest query, in characters. Longer text is not a query but a pasted document; every
   * character costs analysis time on a shared server.
   */
  public static final int MAX_CHARS = 1000;

  /**
   * The most different words (and phrases) a query may have, repeated ones counted once: each
   * word becomes several Lucene clauses (fields, forms, glossary expansions), and a few hundred
   * words exceed Lucene's clause limit. Web search engines stop at 32 words too.
   */
  public static final int MAX_WORDS = 32;

  /** One word or quoted phrase. */
  public record Unit(String text, boolean quoted) {
    /**
     * A word as the dictionary and pinyin look-ups read it: full-width Latin letters and digits (an
     * input method in full-width mode types ｈｅａｔｉｎｇ) as ASCII, and a letter typed as a base
     * letter and a combining mark (U+0308 after U) composed (NFC), as the analyzers already read the
     * text. Without this, ｈｅａｔｉｎｇ and a decomposed Ürümqi matched the text but reached no
     * English sense. Other full-width characters (operators, punctuation) are left to the analyzers.
     */
    public Unit {
      text = latinForm(text);
    }

    @Override
    public String toString() {
      return quoted ? "\"" + text + "\"" : text;
    }
  }

  /** Full-width ASCII letters and digits as ASCII, and combining marks composed; {@code s} itself when it has neither. */
  static String latinForm(String s) {
    boolean wide = false;
    boolean marks = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      wide |= isWideAlnum(c);
      marks |= c >= '\u0300' && c <= '\u036F';
    }
    if (!wide && !marks) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(isWideAlnum(c) ? (char) (c - 0xFEE0) : c);
    }
    String t = out.toString();
    return marks ? java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC) : t;
  }

  private static boolean isWideAlnum(char c) {
    return (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A');
  }

  public UserQuery {
    required = required.stream().map(List::copyOf).toList();
    excluded = List.copyOf(excluded);
  }

  /** Whether there is nothing to search for (list mode). */
  public boolean isEmpty() {
    return required.isEmpty() && excluded.isEmpty();
  }

  /** Parses {@code q}; throws with a message naming the problem and where it is. */
  public static UserQuery parse(String q) throws QueryException {
    if (q != null && q.length() > MAX_CHARS) {
      throw new QueryException("the query is " + q.length() + " characters long; the limit is " + MAX_CHARS);
    }
    List<Token> tokens = tokenize(q == null ? "" : q);
    List<List<Unit>> required = new ArrayList<>();
    List<Unit> excluded = new ArrayList<>();
    boolean pendingOr = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.or) {
        if (required.isEmpty() || pendingOr || i == tokens.size() - 1 || tokens.get(i - 1).excluded) {
          throw new QueryException("OR needs a word on each side (at column " + (t.column + 1) + " of '" + q + "')");
        }
        pendingOr = true;
        continue;
      }
      if (t.excluded) {
        if (pendingOr) {
          throw new QueryException("cannot OR an excluded word (at column " + (t.column + 1) + " of '" + q + "')");
        }
        if (!excluded.contains(t.unit)) {
          excluded.add(t.unit);
        }
        continue;
      }
      if (pendingOr) {
        List<Unit> group = required.get(required.size() - 1);
        if (!group.contains(t.unit)) {
          group.add(t.unit);
        }
        pendingOr = false;
      } else if (tokens.size() > i + 1 && tokens.get(i + 1).or || !required.contains(List.of(t.unit))) {
        // A repeated word is one word (a word that starts an OR group is always kept).
        List<Unit> group = new ArrayList<>();
        group.add(t.unit);
        required.add(group);
      }
    }
    if (required.isEmpty() && !excluded.isEmpty()) {
      throw new QueryException("a query cannot only exclude: add a word to search for, or use filters alone");
    }
    if (required.isEmpty() && q != null && !q.isBlank()) {
      // Typed, but nothing in it to search for (-, "", AND): an error, not a list of every point,
      // which is what no query at all asks for.
      throw new QueryException("the query has no searchable words: '" + q.strip() + "' (to list every point, give no query)");
    }
    int words = excluded.size() + required.stream().mapToInt(List::size).sum();
    if (words > MAX_WORDS) {
      throw new QueryException("the query has " + words + " different words; the limit is " + MAX_WORDS);
    }
    return new UserQuery(required, excluded);
  }

  private record Token(Unit unit, boolean excluded, boolean or, int column) {}

  private static final String OPEN_QUOTES = "\"“「『＂";
  private static final String CLOSE_QUOTES = "\"”」』＂";

  private static List<Token> tokenize(String q) throws QueryException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      int column = i;
      boolean excluded = false;
      if ((c == '-' || c == '－') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        excluded = true;
        i++;
        c = q.charAt(i);
      }
      int quote = OPEN_QUOTES.indexOf(c);
      if (quote >= 0) {
        int end = -1;
        for (int j = i + 1; j < n; j++) {
          if (CLOSE_QUOTES.indexOf(q.charAt(j)) >= 0) {
            end = j;
            break;
          }
        }
        if (end < 0) {
          throw new QueryException("unclosed quote at column " + (i + 1) + " of '" + q + "'");
        }
        String phrase = q.substring(i + 1, end).strip();
        if (!phrase.isEmpty()) {
          out.add(new Token(new Unit(phrase, true), excluded, false, column));
        }
        i = end + 1;
        continue;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '\u3000') {
        i++;
      }
      String word = q.substring(start, i);
      if (!excluded && word.equals("OR")) {
        out.add(new Token(null, false, true, column));
      } else if (!excluded && word.equals("AND")) {
        continue; // AND is what spaces already mean
      } else if (word.equals("-")) {
        continue;
      } else {
        out.add(new Token(new Unit(word, false), excluded, false, column));
      }
    }
    return out;
  }
}
