package org.tpsearch.parse;

/**
 * Finds turning-point headings line by line, without a Markdown parser: a {@code ## 转折点} line is a
 * point wherever Markdown would put it (inside a code fence, a list, an HTML block), and a line that
 * only looks like one ({@code ### 转折点}, {@code > ## 转折点}, {@code **转折点: ...**}) is reported,
 * never dropped in silence. Plain character scans: no regular expression runs on the line.
 */
final class HeadingScan {
  private static final String MARK = "转折点";

  private HeadingScan() {}

  /**
   * The line with every character that is no printable text (whitespace of any script, U+2028,
   * U+2029, U+0085, other control and format characters) as a plain space, so that such a
   * character neither hides a heading nor splits its parts.
   */
  static String normalized(String line) {
    StringBuilder sb = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && isBlankLike(c)) {
        if (sb == null) {
          sb = new StringBuilder(line);
        }
        sb.setCharAt(i, ' ');
      }
    }
    return sb == null ? line : sb.toString();
  }

  private static boolean isBlankLike(char c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c < 0x80) {
      return false;
    }
    int type = Character.getType(c);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
        || type == Character.CONTROL;
  }

  /**
   * Whether the line is a turning-point heading: after any indentation, exactly {@code ##}, then
   * (after optional spaces) {@code 转折点}.
   */
  static boolean isPointHeading(String line) {
    String s = normalized(line);
    int i = skipSpaces(s, 0);
    if (!s.startsWith("##", i) || s.startsWith("###", i)) {
      return false;
    }
    return s.startsWith(MARK, skipSpaces(s, i + 2));
  }

  /**
   * Whether the line looks like a turning-point heading: a {@code #} right before {@code 转折点}
   * anywhere in it, or {@code 转折点} first on the line once Markdown marks (heading hashes, quote and
   * list markers, emphasis, full-width hashes) and spaces are skipped, with at least one such mark or
   * a colon after it; the Traditional 轉折點 counts as 转折点. Prose that mentions a 转折点 in a
   * sentence does not: the word is not first on its line there.
   */
  static boolean looksLikeHeading(String line) {
    if (line.indexOf('转') < 0 && line.indexOf('轉') < 0) {
      return false;
    }
    // A heading in Traditional characters (轉折點) is no point heading but looks like one: warned, never lost in silence.
    String s = normalized(line).replace('轉', '转').replace('點', '点');
    if (hashThenMark(s)) {
      // '## 转折点' after other text ('"# 转折点', 'x## 转折点'): a heading with something before it.
      return true;
    }
    int i = 0;
    boolean marked = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ') {
        i++;
      } else if ("#＃>*_-+`|=~".indexOf(c) >= 0) {
        marked = true;
        i++;
      } else if (c >= '0' && c <= '9' && i + 1 < s.length() && (s.charAt(i + 1) == '.' || s.charAt(i + 1) == ')')) {
        marked = true;
        i += 2;
      } else {
        break;
      }
    }
    if (!s.startsWith(MARK, i)) {
      return false;
    }
    int after = skipSpaces(s, i + MARK.length());
    return marked || (after < s.length() && (s.charAt(after) == ':' || s.charAt(after) == '：'));
  }

  /** Whether a {@code #} (or full-width {@code ＃}), then only spaces, then {@code 转折点} occurs anywhere. */
  private static boolean hashThenMark(String s) {
    for (int at = s.indexOf(MARK); at >= 0; at = s.indexOf(MARK, at + 1)) {
      int i = at - 1;
      while (i >= 0 && s.charAt(i) == ' ') {
        i--;
      }
      if (i >= 0 && (s.charAt(i) == '#' || s.charAt(i) == '＃')) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
