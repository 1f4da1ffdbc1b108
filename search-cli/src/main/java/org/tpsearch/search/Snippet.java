package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of text with highlighted spans (UTF-16 offsets into {@link #text}, sorted, merged so
 * that adjacent matches form one span: 碳达峰, not 碳 达 峰).
 */
public record Snippet(String text, List<Span> spans) {
  /** A highlighted range, {@code [start, end)}. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
    }
  }

  public Snippet {
    spans = List.copyOf(spans);
    for (Span s : spans) {
      if (s.end() > text.length()) {
        throw new IllegalArgumentException("span " + s + " beyond text of length " + text.length());
      }
    }
  }

  /** Plain text, nothing highlighted. */
  public static Snippet plain(String text) {
    return new Snippet(text, List.of());
  }

  /** The text with each span wrapped in {@code open} and {@code close}. */
  public String marked(String open, String close) {
    StringBuilder sb = new StringBuilder(text.length() + spans.size() * (open.length() + close.length()));
    int at = 0;
    for (Span s : spans) {
      sb.append(text, at, s.start()).append(open).append(text, s.start(), s.end()).append(close);
      at = s.end();
    }
    return sb.append(text, at, text.length()).toString();
  }

  /** Sorts spans and merges overlapping or touching ones. */
  static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      if (!out.isEmpty() && s.start() <= out.get(out.size() - 1).end()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether a character ends a sentence (Chinese and English punctuation). */
  static boolean endsSentence(String text, int i) {
    return switch (text.charAt(i)) {
      case '。', '！', '？', '；', '!', '?', ';', '\n' -> true;
      // A full stop ends a sentence only before a space or the end: not inside 5.26 or a URL.
      case '.' -> i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
      default -> false;
    };
  }

  /**
   * The best window of {@code text} around {@code spans}: the sentence with the most matches,
   * grown with neighbours to about {@code target} characters, cut to {@code max} if it is long.
   */
  static Snippet window(String text, List<Span> spans, int target, int max) {
    List<Span> merged = merge(spans);
    if (text.isEmpty()) {
      return plain("");
    }
    // Sentence boundaries, found only as far as needed (the text is read up to the sentence after
    // the last match and the window's growth): [start(k), start(k + 1)).
    Sentences sentences = new Sentences(text);
    // The sentence of the last match ends the ones that can score: any later one scores 0 and the
    // first sentence, which scores at least 0, comes before it.
    int lastMatch = merged.isEmpty() ? 0 : merged.get(merged.size() - 1).start();
    int best = 0;
    int bestScore = -1;
    for (int s = 0; sentences.has(s + 1) && sentences.start(s) <= lastMatch; s++) {
      int from = sentences.start(s);
      int to = sentences.start(s + 1);
      int score = 0;
      for (Span sp : merged) {
        if (sp.start() >= from && sp.start() < to) {
          score += 1 + (sp.end() - sp.start() > 1 ? 1 : 0);
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    int from = sentences.start(best);
    int to = sentences.start(best + 1);
    int next = best + 1;
    while (to - from < target && sentences.has(next + 1)) {
      to = sentences.start(++next);
    }
    return cut(text, from, to, merged, max);
  }

  /**
   * The snippet of {@code text} between {@code from} and {@code to} (cut to {@code max} characters
   * before the first match when longer), with the {@code merged} spans that fall in it.
   */
  static Snippet cut(String text, int from, int to, List<Span> merged, int max) {
    if (to - from > max) {
      int sentenceStart = from;
      int first = merged.stream().filter(sp -> sp.start() >= sentenceStart).mapToInt(Span::start).findFirst().orElse(from);
      int lead = Math.max(from, first - max / 3);
      from = lead;
      to = Math.min(to, from + max);
    }
    // Do not cut a surrogate pair in half.
    if (from > 0 && from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
      from--;
    }
    if (to < text.length() && to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
      to++;
    }
    String cut = text.substring(from, to).stripTrailing();
    int lead = cut.length() - cut.stripLeading().length();
    cut = cut.strip();
    List<Span> local = new ArrayList<>();
    int base = from + lead;
    for (Span sp : merged) {
      int s = Math.max(sp.start(), base);
      int e = Math.min(sp.end(), base + cut.length());
      if (s < e) {
        local.add(new Span(s - base, e - base));
      }
    }
    String prefix = from > 0 ? "…" : "";
    String suffix = to < text.length() ? "…" : "";
    List<Span> shifted = new ArrayList<>();
    for (Span sp : local) {
      shifted.add(new Span(sp.start() + prefix.length(), sp.end() + prefix.length()));
    }
    // Lines of an item become one line of output; same length, so spans stay put.
    return new Snippet((prefix + cut + suffix).replace('\n', ' '), shifted);
  }

  /**
   * The sentence starts of a text, found as they are asked for: 0, each place after a character
   * that {@link #endsSentence ends a sentence} (but the last), then the text's length.
   */
  private static final class Sentences {
    private final String text;
    private int[] starts = new int[16];
    private int count = 1;
    /** The next character to look at; the text's length once the last start is known. */
    private int scanned;

    Sentences(String text) {
      this.text = text;
    }

    /** Whether there is a k-th start (the text's length being the last). */
    boolean has(int k) {
      while (count <= k && scanned < text.length()) {
        findNext();
      }
      return k < count;
    }

    /** The k-th start; {@link #has}(k) must be true. */
    int start(int k) {
      return starts[k];
    }

    private void findNext() {
      int length = text.length();
      int at = length;
      for (int i = scanned; i + 1 < length; i++) {
        if (endsSentence(text, i)) {
          at = i + 1;
          break;
        }
      }
      scanned = at;
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = at;
    }
  }
}
