package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits a line into words the way a shell does for quotes (no expansion), for the shell command. */
final class ShellWords {
  private ShellWords() {}

  /**
   * Words of a {@code tpsearch shell} line: single quotes group, double quotes stay in the word,
   * because in a query they mean a phrase.
   */
  static List<String> split(String line) {
    return split(line, false);
  }

  /** Words of a line; with {@code doubleQuotesGroup} double quotes group too, as in sh. */
  static List<String> split(String line, boolean doubleQuotesGroup) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || (doubleQuotesGroup && c == '"')) {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
