package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Usage help that wraps descriptions between words only. picocli wraps with the JDK's line
 * {@link java.text.BreakIterator}, which may break between any two Chinese characters
 * (新疆维吾 / 尔自治区) and after dots (2021.., .. / 2022). Here a line breaks after a space or after
 * Chinese punctuation (，。、；：), so a run of Chinese characters, like a Latin word, stays whole; only
 * a run wider than the whole column is still cut.
 */
final class WordWrapHelp extends CommandLine.Help {
  WordWrapHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    return new Layout(scheme, Table.copyOf(scheme, layout.textTable()), layout.optionRenderer(), layout.parameterRenderer());
  }

  /** Key-value lists (exit codes): picocli's columns, the rows added again to a word-wrapping table. */
  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    Table t = Table.copyOf(colorScheme(), super.createTextTable(map));
    if (map != null && !map.isEmpty()) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        t.addRowValues(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
      }
    }
    return t;
  }

  /** A text table whose wrapping columns break lines between words. */
  static final class Table extends TextTable {
    private final ColorScheme scheme;

    private Table(ColorScheme scheme, Column[] columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    static Table copyOf(ColorScheme scheme, TextTable original) {
      Table t = new Table(scheme, original.columns());
      t.indentWrappedLines = original.indentWrappedLines;
      t.setAdjustLineBreaksForWideCJKCharacters(original.isAdjustLineBreaksForWideCJKCharacters());
      return t;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Column.Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      int first = column.width - column.indent;
      List<Text> lines = wrap(value, first, first - indentWrappedLines);
      Cell cell = super.putValue(row, col, lines.get(0));
      Text indent = scheme.ansi().new Text(" ".repeat(indentWrappedLines), scheme);
      for (int i = 1; i < lines.size(); i++) {
        addEmptyRow();
        cell = super.putValue(rowCount() - 1, col, indent.concat(lines.get(i)));
      }
      return cell;
    }

    /** Greedy wrapping at break opportunities; the first line is {@code first} columns wide. */
    private static List<Text> wrap(Text value, int first, int rest) {
      String plain = value.plainString();
      List<Text> lines = new ArrayList<>();
      int lineStart = 0;
      int lastBreak = -1;
      int width = first;
      for (int i = 0; i < plain.length(); i++) {
        if (i > lineStart && breakBefore(plain, i)) {
          int end = trimEnd(plain, lineStart, i);
          if (value.substring(lineStart, end).getCJKAdjustedLength() > width && lastBreak > lineStart) {
            lines.add(value.substring(lineStart, trimEnd(plain, lineStart, lastBreak)));
            lineStart = skipSpaces(plain, lastBreak);
            width = rest;
          }
          lastBreak = i;
        }
      }
      if (value.substring(lineStart, plain.length()).getCJKAdjustedLength() > width && lastBreak > lineStart) {
        lines.add(value.substring(lineStart, trimEnd(plain, lineStart, lastBreak)));
        lineStart = skipSpaces(plain, lastBreak);
      }
      lines.add(value.substring(lineStart, plain.length()));
      return lines;
    }

    /** A line may break before {@code i}: after a space, or after Chinese punctuation. */
    private static boolean breakBefore(String s, int i) {
      char prev = s.charAt(i - 1);
      char c = s.charAt(i);
      if (c == ' ') {
        return false;
      }
      return prev == ' ' || "，。、；：！？）》」』".indexOf(prev) >= 0 || "（《「『".indexOf(c) >= 0;
    }

    private static int trimEnd(String s, int from, int end) {
      while (end > from && s.charAt(end - 1) == ' ') {
        end--;
      }
      return end;
    }

    private static int skipSpaces(String s, int i) {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return i;
    }
  }
}
