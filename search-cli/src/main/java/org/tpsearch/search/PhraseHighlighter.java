package org.tpsearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.DateZeros;
import org.tpsearch.analysis.TextNormalizer;

/**
 * Finds where a query's words occur in a displayed text, with exact offsets: the text is analyzed
 * again by the index-side bigram analyzer and each word's query-side bigrams are matched as a
 * phrase, exactly as the index matched them. Only the few items shown are analyzed, so no
 * offsets need to be stored in the index and no postings opened per hit.
 */
final class PhraseHighlighter {
  private static final Analyzer INDEX_SIDE = new BigramAnalyzer(true);
  private static final Analyzer QUERY_SIDE = new BigramAnalyzer(false);

  /** A query-side token: term and position relative to the word's first token. */
  private record Needle(String term, int position) {}

  /** An index-side token of the displayed text. */
  private record Token(String term, int position, int start, int end) {}

  private final List<List<Needle>> words = new ArrayList<>();
  /**
   * For each word, its first run of letters, digits or Han characters, folded and lower-cased: a
   * text that contains none of them cannot match, and is not analyzed (most items of a hit).
   */
  private final List<String> firstRuns = new ArrayList<>();
  /** Every needle's term: the only tokens of a displayed text that can be part of a match. */
  private final CharArraySet needleTerms = new CharArraySet(16, false);
  /**
   * For each word, the ideographs it is when it is nothing else (光伏发电: its bigrams one position
   * apart, each overlapping the next), else null: such a word matches wherever those characters
   * stand together, with no analysis.
   */
  private final List<String> ideographs = new ArrayList<>();
  /** The first needle's term of each word that is not all ideographs, once each: where a match can begin. */
  private final List<String> firstNeedles = new ArrayList<>();
  /**
   * Whether some word begins with 年, 月 or 日: in a text where the folding writes one the text does
   * not spell ({@link DateZeros#writesDateChars}), where such a word begins cannot be found in the
   * text as spelled, and the whole text is analysed.
   */
  private boolean startsWithDateChar;
  /** The most positions a word's needles span after its first: how far past its start a match reaches. */
  private int maxSpan;
  /** A candidate start this close (chars) after a stretch's needed tokens is read in the same stretch. */
  private static final int CONTINUE_WITHIN = 32;

  /** Highlights every one of {@code forms} (query words, phrases and their expansions). */
  PhraseHighlighter(List<String> forms) {
    for (String form : forms) {
      List<Needle> needles = new ArrayList<>();
      analyze(QUERY_SIDE, form, (term, pos, s, e) -> needles.add(new Needle(term, pos)));
      if (!needles.isEmpty()) {
        int base = needles.get(0).position();
        List<Needle> word = needles.stream().map(n -> new Needle(n.term(), n.position() - base)).toList();
        words.add(word);
        String chars = ideographs(word);
        ideographs.add(chars);
        if (chars == null) {
          if (!firstNeedles.contains(word.get(0).term())) {
            firstNeedles.add(word.get(0).term());
          }
          for (Needle nd : word) {
            maxSpan = Math.max(maxSpan, nd.position());
          }
        }
        needles.forEach(n -> needleTerms.add(n.term()));
        String run = firstRun(TextNormalizer.fold(form).toLowerCase(Locale.ROOT));
        if (!run.isEmpty() && isDateChar(run.charAt(0))) {
          // The folding may write this 年, 月 or 日 where the text spells a date otherwise
          // (2020-10-29前 holds 日前): only what follows it is sure to stand in the text.
          startsWithDateChar = true;
          int k = 0;
          while (k < run.length() && isDateChar(run.charAt(k))) {
            k++;
          }
          run = run.substring(k);
        }
        firstRuns.add(run);
      }
    }
  }

  /**
   * A displayed text folded once for {@link #mentions} and {@link #spans}: {@code folded} as
   * {@link TextNormalizer#fold} and lower case make it, {@code spelled} the same char for char
   * ({@link TextNormalizer#foldLowerInPlace}; null when the offsets would not line up).
   */
  static final class Folded {
    final String text;
    final char[] spelled;
    final String folded;

    Folded(String text) {
      this.text = text;
      this.spelled = TextNormalizer.foldLowerInPlace(text);
      this.folded = spelled != null ? new String(spelled) : TextNormalizer.fold(text).toLowerCase(Locale.ROOT);
    }
  }

  /** {@code text} folded for {@link #mentions(Folded)} and {@link #spans(Folded)}. */
  static Folded fold(String text) {
    return new Folded(text);
  }

  /**
   * How often the words' first runs occur in {@code text}: 0 means no word can match there; more
   * means a likelier, better match. A cheap pre-check, no analysis.
   */
  int mentions(String text) {
    return mentions(fold(text));
  }

  /** {@link #mentions(String)} of a text folded already. */
  int mentions(Folded t) {
    if (words.isEmpty() || t.text.isEmpty()) {
      return 0;
    }
    String folded = t.folded;
    int n = 0;
    for (String run : firstRuns) {
      if (run.isEmpty()) {
        n++;
        continue;
      }
      for (int at = folded.indexOf(run); at >= 0; at = folded.indexOf(run, at + run.length())) {
        n++;
      }
    }
    return n;
  }

  /** The spans of {@code text} where a word occurs (unmerged). */
  List<Snippet.Span> spans(String text) {
    return spans(fold(text), false);
  }

  /** {@link #spans(String)} of a text folded already. */
  List<Snippet.Span> spans(Folded t) {
    return spans(t, false);
  }

  /**
   * The spans of {@code text} where a word occurs (unmerged); with {@code whole}, by analysing the
   * whole text, as before analysing around the candidates was tried (the reference the tests
   * compare with, and the way for a text whose folding changes its length).
   */
  List<Snippet.Span> spans(String text, boolean whole) {
    return spans(fold(text), whole);
  }

  private List<Snippet.Span> spans(Folded t, boolean whole) {
    String text = t.text;
    if (words.isEmpty() || text.isEmpty()) {
      return List.of();
    }
    if (!containsAnyFirstRun(t.folded)) {
      return List.of();
    }
    // Only the tokens some word needs are kept (most of a text's bigrams are not): the analysis
    // stays exact, the bookkeeping is a few list entries instead of a map entry per token.
    Map<String, List<Token>> byTerm = new HashMap<>();
    char[] spelled = whole || (startsWithDateChar && DateZeros.writesDateChars(text)) ? null : t.spelled;
    String spelledText = null;
    if (spelled == null) {
      analyzeKept(text, 0, 0, null, byTerm);
    } else {
      spelledText = t.folded;
      if (!firstNeedles.isEmpty()) {
        analyzeAround(text, spelled, spelledText, byTerm);
      }
    }
    List<Snippet.Span> out = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      List<Needle> word = words.get(w);
      String chars = ideographs.get(w);
      if (spelledText != null && chars != null) {
        for (int at = spelledText.indexOf(chars); at >= 0; at = spelledText.indexOf(chars, at + 1)) {
          int end = at + chars.length();
          if (end < spelled.length && joinsPrevious(spelled[end])) {
            // A mark or format character after the last ideograph may make one token with it
            // (UAX#29): rare enough to analyse the whole text rather than follow the tokenizer.
            return spans(t, true);
          }
          out.add(new Snippet.Span(at, end));
        }
        continue;
      }
      for (Token first : byTerm.getOrDefault(word.get(0).term(), List.of())) {
        int start = first.start();
        int end = first.end();
        boolean all = true;
        for (int i = 1; i < word.size() && all; i++) {
          Token tk = at(byTerm.get(word.get(i).term()), first.position() + word.get(i).position());
          if (tk == null) {
            all = false;
          } else {
            start = Math.min(start, tk.start());
            end = Math.max(end, tk.end());
          }
        }
        if (all && end > start && end <= text.length()) {
          out.add(new Snippet.Span(start, end));
        }
      }
    }
    return out;
  }

  /** Whether {@code folded} contains some word's first run (else no word can match there). */
  private boolean containsAnyFirstRun(String folded) {
    for (String run : firstRuns) {
      if (folded.contains(run)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The ideographs a word matches as they stand, when it is all ideographs: one ideograph (a
   * unigram) or bigrams at positions 0, 1, 2, ... each beginning with the last character of the one
   * before (光伏, 伏发, 发电: 光伏发电). Else null. The index side makes each ideograph a token and
   * joins neighbours into bigrams, so such a word's phrase matches exactly where its characters
   * stand side by side.
   */
  private static String ideographs(List<Needle> word) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < word.size(); i++) {
      String t = word.get(i).term();
      if (word.get(i).position() != i || t.isEmpty() || t.length() > 2 || (t.length() == 1 && word.size() > 1)) {
        return null;
      }
      for (int k = 0; k < t.length(); k++) {
        if (!isIdeograph(t.charAt(k))) {
          return null;
        }
      }
      if (i == 0) {
        sb.append(t);
      } else if (t.charAt(0) == sb.charAt(sb.length() - 1)) {
        sb.append(t.charAt(1));
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  private static boolean isDateChar(char c) {
    return c == '年' || c == '月' || c == '日';
  }

  /** Whether the tokenizer joins {@code c} to the character before it (marks, format characters), or may. */
  private static boolean joinsPrevious(char c) {
    return switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.FORMAT,
          Character.SURROGATE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }

  /**
   * Analyses only the stretches of {@code text} where a match can begin: a match's first token
   * spells its word's first needle, so it starts where that needle occurs in the text as the
   * tokens spell it ({@code spelled}). Each stretch is analysed from a place where the tokenizer
   * starts a token whatever precedes it ({@link #tokenStartsAt}), so its tokens, and their
   * distances in positions, are those of the whole text's analysis from there on; it ends once the
   * tokens every match begun in it needs are read. Stretches are kept apart in positions, so no
   * phrase spans two of them.
   */
  private void analyzeAround(String text, char[] spelled, String s, Map<String, List<Token>> byTerm) {
    int[] starts = new int[8];
    int n = 0;
    for (String first : firstNeedles) {
      for (int at = s.indexOf(first); at >= 0; at = s.indexOf(first, at + 1)) {
        if (n == starts.length) {
          starts = java.util.Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = at;
      }
    }
    if (n == 0) {
      return;
    }
    java.util.Arrays.sort(starts, 0, n);
    // Where the analysis for each start may begin: the nearest place at or before it where a token
    // starts whatever precedes it (non-decreasing, as the starts are).
    int[] from = new int[n];
    for (int k = 0; k < n; k++) {
      int f = starts[k];
      int floor = k == 0 ? 0 : from[k - 1];
      while (f > floor && !tokenStartsAt(spelled, f)) {
        f--;
      }
      from[k] = f;
    }
    Stretch stretch = new Stretch(starts, from, n);
    int positionBase = 0;
    while (stretch.next < n) {
      int last = analyzeKept(text, from[stretch.next], positionBase, stretch, byTerm);
      positionBase = last + maxSpan + 2;
    }
  }

  /**
   * The candidate starts of a text in order, where the analysis for each may begin, and the next
   * one no stretch has reached yet.
   */
  private static final class Stretch {
    final int[] starts;
    final int[] from;
    final int n;
    int next;

    Stretch(int[] starts, int[] from, int n) {
      this.starts = starts;
      this.from = from;
      this.n = n;
    }
  }

  /**
   * Whether the tokenizer (UAX#29 words, each CJK ideograph a token of its own) starts a token at
   * {@code i} whatever comes before it: at a CJK ideograph (no rule joins anything before one), or
   * at a letter or digit after white space (no rule joins across white space).
   */
  static boolean tokenStartsAt(char[] c, int i) {
    char q = c[i];
    if (isIdeograph(q)) {
      return true;
    }
    return Character.isWhitespace(c[i - 1]) && Character.isLetterOrDigit(q) && !Character.isSurrogate(q);
  }

  /** CJK ideographs of Unicode 3.0 and before, which every tokenizer table here knows as such. */
  private static boolean isIdeograph(char c) {
    return (c >= '\u4E00' && c <= '\u9FA5') || (c >= '\u3400' && c <= '\u4DB5');
  }

  /** The token of {@code tokens} (in position order) at {@code position}, or null. */
  private static Token at(List<Token> tokens, int position) {
    if (tokens == null) {
      return null;
    }
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = tokens.get(mid).position();
      if (p < position) {
        lo = mid + 1;
      } else if (p > position) {
        hi = mid - 1;
      } else {
        // Several tokens may share a position (a bigram and its unigram): the terms differ, and
        // each list holds one term, so at most one.
        return tokens.get(mid);
      }
    }
    return null;
  }

  /**
   * Analyzes {@code text} index-side from offset {@code from}, keeping the tokens whose term is one
   * of the needles'; to its end when {@code stretch} is null, else only as far as the candidate
   * starts it passes need (see {@link #analyzeAround}), the next of which it moves on. Returns the
   * position (counted from the stretch's base) of the last token read.
   */
  private int analyzeKept(String text, int from, int base, Stretch stretch, Map<String, List<Token>> byTerm) {
    java.io.Reader in = new java.io.StringReader(text);
    try (TokenStream ts = INDEX_SIDE.tokenStream("text_bi", skipped(in, from))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = base - 1;
      // The last position a match begun at a candidate start passed so far can reach.
      int needed = Integer.MIN_VALUE;
      boolean toTheEnd = true;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        int start = from + off.startOffset();
        int end = from + off.endOffset();
        if (stretch != null) {
          // Every token a match begun so far needs is read: stop here unless the next candidate's
          // analysis would begin close by (reading on is cheaper than starting again) or at or
          // before this token (it would read tokens this stretch has kept).
          if (pos > needed && (stretch.next >= stretch.n || stretch.from[stretch.next] > end + CONTINUE_WITHIN)) {
            toTheEnd = false;
            break;
          }
          while (stretch.next < stretch.n && stretch.starts[stretch.next] <= start) {
            // This token is the first at or after that start: a match beginning there begins here.
            needed = Math.max(needed, pos + maxSpan);
            stretch.next++;
          }
        }
        if (needleTerms.contains(term.buffer(), 0, term.length())) {
          String t = term.toString();
          byTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(new Token(t, pos, start, end));
        }
      }
      if (stretch != null && toTheEnd) {
        // The text ended: no token starts at or after a candidate start left, so no match does.
        stretch.next = stretch.n;
      }
      ts.end();
      return pos;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.io.Reader skipped(java.io.Reader in, int chars) throws IOException {
    long left = chars;
    while (left > 0) {
      long k = in.skip(left);
      if (k <= 0) {
        throw new IllegalStateException("could not skip to " + chars);
      }
      left -= k;
    }
    return in;
  }

  /**
   * The leading run of letters, digits and Han characters of {@code s} (after any others), as far
   * as the text must spell it too: a number alone, without leading zeros, as a run that begins with
   * one, and what comes before the first digit otherwise. Dates are read in other forms
   * (2021-07-16 as 2021年7月16日, 05月 as 5月, 16号 as 16日: DateZeros), so only the number is
   * sure to stand in the text as in the query.
   */
  static String firstRun(String s) {
    int i = 0;
    while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    int j = i;
    while (j < s.length() && Character.isLetterOrDigit(s.codePointAt(j))) {
      j += Character.charCount(s.codePointAt(j));
    }
    int digitAt = i;
    while (digitAt < j && !(s.charAt(digitAt) >= '0' && s.charAt(digitAt) <= '9')) {
      digitAt++;
    }
    if (digitAt == j) {
      return s.substring(i, j);
    }
    if (digitAt > i) {
      return s.substring(i, digitAt);
    }
    int end = i;
    while (end < j && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
      end++;
    }
    int from = i;
    while (from < end - 1 && s.charAt(from) == '0') {
      from++;
    }
    return s.substring(from, end);
  }

  @FunctionalInterface
  private interface Sink {
    void token(String term, int position, int start, int end);
  }

  private static void analyze(Analyzer a, String text, Sink sink) {
    try (TokenStream ts = a.tokenStream("text_bi", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        sink.token(term.toString(), pos, off.startOffset(), off.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
