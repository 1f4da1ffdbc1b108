package org.tpsearch.parse;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Field;
import org.tpsearch.model.Link;

/**
 * Reads one free-Markdown answer into evidence items, in two steps: first raw labelled lines
 * grouped by the Markdown tree (list items, headings, paragraphs), then items whose fields go
 * through the one label table, {@link Labels}.
 */
final class AnswerParser {
  /**
   * Blocks only: the answer is read from the block tree (lists, their items, headings,
   * paragraphs, breaks) and each block's text from the answer itself, so flexmark's inline pass
   * (emphasis, links, code spans: a tree under every paragraph, about a third of its time) is
   * skipped. Link reference definitions are still taken out of paragraphs, as before: that is a
   * block step of the same inline parser, which stays.
   */
  private static final Parser PARSER = Parser.builder()
      .customInlineParserFactory((options, special, delimiters, processors, linkRefs, extensions) ->
          new InlineParserImpl(options, special, delimiters, processors, linkRefs, extensions) {
            @Override
            public void parse(BasedSequence input, Node block) {}
          })
      .build();

  // Bounded or possessive runs only (report text), and DOTALL so that a U+2028 or U+0085 inside a
  // value does not keep '.' from reaching the end of its line.
  private static final Pattern BOLD_LABEL =
      Pattern.compile("^\\*\\*([^*]{1,40}?)\\*\\*\\s*+[:：]\\s*+(.*)$", Pattern.DOTALL);
  private static final Pattern BOLD_LABEL_COLON_INSIDE =
      Pattern.compile("^\\*\\*([^*]{1,40}?)\\s*[:：]\\s*\\*\\*\\s*+(.*)$", Pattern.DOTALL);
  private static final Pattern PLAIN_LABEL =
      Pattern.compile("^([^:：*|#\\[\\]]{1,30}?)\\s*[:：]\\s*+(.*)$", Pattern.DOTALL);
  private static final Pattern BOLD_TITLE = Pattern.compile("^\\*\\*([^*]++)\\*\\*\\s*+(.*)$", Pattern.DOTALL);
  private static final Pattern ENUMERATION =
      Pattern.compile("^(?:\\*\\*)?\\s*+(?:\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*+[、.．)）]\\s*+(.+)$",
          Pattern.DOTALL);

  static final Pattern NONE_FOUND =
      Pattern.compile("未找到(?:任何)?(?:相关|有关)?的?(?:政策|事件|政策或事件|政策和事件|政策与事件|相关政策或事件)|没有找到(?:任何)?相关|no relevant (?:polic|event)", Pattern.CASE_INSENSITIVE);
  static final Pattern FAILED =
      Pattern.compile("API调用失败|查询失败|无法获取相关信息|处理出错|请求失败|调用失败|request failed|api error", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月)?");
  private static final Pattern ISO_YEAR_MONTH = Pattern.compile("(?<!\\d)(\\d{4})[-/.](\\d{1,2})(?!\\d)");
  private static final Pattern YEAR_ONLY = Pattern.compile("(?<!\\d)(19\\d{2}|20\\d{2})(?!\\d)");
  private static final Pattern[] MONTH_ABBREVIATIONS = {
    Pattern.compile("\\bjan\\b"), Pattern.compile("\\bfeb\\b"), Pattern.compile("\\bmar\\b"),
    Pattern.compile("\\bapr\\b"), Pattern.compile("\\bmay\\b"), Pattern.compile("\\bjun\\b"),
    Pattern.compile("\\bjul\\b"), Pattern.compile("\\baug\\b"), Pattern.compile("\\bsep\\b"),
    Pattern.compile("\\boct\\b"), Pattern.compile("\\bnov\\b"), Pattern.compile("\\bdec\\b"),
  };
  private static final String[] MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"
  };

  /** The parse of one answer. */
  record Result(
      EvidenceStatus status, List<EvidenceItem> items, String prose, List<String> flags) {}

  /** One line of the answer with its 1-based line in the file. */
  private record Line(int number, String text) {}

  /** A labelled line before validation. */
  private record RawField(String label, String value, int line) {}

  /** An item before validation: its lines, and whether it began at a heading or paragraph (not a list). */
  private static final class RawItem {
    final List<Line> lines = new ArrayList<>();
    final boolean standalone;
    /** The list whose bullet opened this item with a title label, if one did. */
    Node titledIn;

    RawItem(boolean standalone) {
      this.standalone = standalone;
    }
  }

  private AnswerParser() {}

  /**
   * Parses {@code answer}, whose first line is line {@code firstLine} of its file.
   */
  static Result parse(String answer, int firstLine) {
    List<String> flags = new ArrayList<>();
    if (answer.isBlank()) {
      flags.add("empty-answer");
      return new Result(EvidenceStatus.FAILED, List.of(), "", flags);
    }
    int[] lineStarts = lineStarts(answer);
    Node doc = PARSER.parse(treeInput(answer));
    List<RawItem> items = new ArrayList<>();
    List<Line> prose = new ArrayList<>();
    RawItem current = null;
    for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
      List<Line> lines = lines(answer, lineStarts, block, firstLine);
      if (block instanceof ThematicBreak) {
        continue;
      }
      if (block instanceof ListBlock) {
        for (Node li = block.getFirstChild(); li != null; li = li.getNext()) {
          List<Line> itemLines = lines(answer, lineStarts, li, firstLine);
          if (current != null && isFieldsOnly(itemLines)) {
            // A bullet that only adds a field (发生时间, 来源...) belongs to the item above it.
            current.lines.addAll(itemLines);
          } else if (current != null && current.titledIn == block && block instanceof BulletList
              && isLabelledNonTitle(itemLines)) {
            // A flat bullet list whose item a title label opened (- **Policy:** ...): its later
            // labelled bullets are that item's fields, known labels or not, up to the next title.
            current.lines.addAll(itemLines);
          } else if (startsItem(itemLines, true)) {
            current = new RawItem(false);
            current.lines.addAll(itemLines);
            if (isLabelledAs(itemLines.get(0), Labels.TITLE)) {
              current.titledIn = block;
            }
            items.add(current);
          } else {
            prose.addAll(itemLines);
          }
        }
      } else if (block instanceof Heading h && h.isAtxHeading()) {
        current = new RawItem(true);
        current.lines.addAll(lines);
        items.add(current);
      } else if (block instanceof Paragraph || block instanceof Heading) {
        if (startsItem(lines, false)) {
          current = new RawItem(true);
          current.lines.addAll(lines);
          items.add(current);
        } else if (current != null && hasField(lines)) {
          current.lines.addAll(lines);
        } else {
          prose.addAll(lines);
        }
      } else {
        // Tables (plain paragraphs without the tables extension), code, quotes, HTML: prose.
        prose.addAll(lines);
      }
    }

    List<EvidenceItem> evidence = new ArrayList<>();
    for (RawItem raw : items) {
      // A heading or bold line with nothing under it but other items is a category title
      // ("### 一、政策类", "**二、事件类**"): prose.
      if (raw.standalone && raw.lines.size() == 1 && !hasField(raw.lines)) {
        prose.addAll(raw.lines);
        continue;
      }
      evidence.add(toItem(raw, evidence.size() + 1));
    }

    // Category headings join the prose after the blocks that follow them: put it back in answer order.
    prose.sort(java.util.Comparator.comparingInt(Line::number));
    String proseText = join(prose);
    EvidenceStatus status;
    // The wording scans only run when there are no items: they cost more than the parse.
    if (!evidence.isEmpty()) {
      status = EvidenceStatus.FOUND;
    } else if (FAILED.matcher(answer).find()) {
      status = EvidenceStatus.FAILED;
    } else if (NONE_FOUND.matcher(answer).find()) {
      status = EvidenceStatus.NONE;
    } else {
      // Free prose that cites something without items: one item, so nothing is lost.
      flags.add("unstructured-answer");
      RawItem raw = new RawItem(false);
      raw.lines.addAll(prose);
      evidence.add(toItem(raw, 1));
      proseText = "";
      status = EvidenceStatus.FOUND;
    }
    return new Result(status, evidence, proseText, flags);
  }

  /** Longer lines give flexmark only their first {@link #TREE_PREFIX} characters to read. */
  private static final int TREE_LINE = 1000;
  private static final int TREE_PREFIX = 100;
  /** More containers (quotes, list items) opened on one line than this is no real answer's layout. */
  private static final int TREE_DEPTH = 16;

  /**
   * The answer as given to flexmark, the same length, line for line, so that the tree's offsets
   * still point into the answer (the text of every block is read from the answer itself). What
   * flexmark takes quadratic time or deep recursion on is defused: a long line keeps its first
   * characters, which decide its block, and the rest becomes plain letters (a line of 20,000
   * {@code [a](b} or {@code <a } took minutes, 100,000 {@code -} overflowed the stack); a line opening thousands of nested quotes or lists ({@code > > > ...},
   * {@code - - - ...}) starts with a backslash instead, which makes it a paragraph.
   */
  static String treeInput(String answer) {
    StringBuilder out = null;
    int start = 0;
    while (start <= answer.length()) {
      int end = answer.indexOf('\n', start);
      if (end < 0) {
        end = answer.length();
      }
      boolean longLine = end - start > TREE_LINE;
      int depth = containerDepth(answer, start, end);
      if (longLine || depth > TREE_DEPTH) {
        if (out == null) {
          out = new StringBuilder(answer);
        }
        if (longLine) {
          // A long '-----' stays a thematic break, ended by spaces: flexmark's own thematic-break
          // pattern repeats a group per character, which overflowed the stack at 100,000.
          char fill = Markdown.isThematicBreak(answer.substring(start, end)) ? ' ' : 'x';
          for (int i = start + TREE_PREFIX; i < end; i++) {
            out.setCharAt(i, fill);
          }
        }
        if (depth > TREE_DEPTH) {
          int first = start;
          while (answer.charAt(first) == ' ' || answer.charAt(first) == '\t') {
            first++;
          }
          out.setCharAt(first, '\\');
        }
      }
      start = end + 1;
    }
    return out == null ? answer : out.toString();
  }

  /** How many block quotes and list items the line opens at its start ({@code > - 1. } opens three). */
  private static int containerDepth(String s, int start, int end) {
    int depth = 0;
    int i = start;
    while (i < end && depth <= TREE_DEPTH) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == '>') {
        depth++;
        i++;
      } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
        depth++;
        i += 2;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        if (j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && (s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
          depth++;
          i = j + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return depth;
  }

  private static int[] lineStarts(String s) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lineIndexOf(int[] lineStarts, int offset) {
    int i = java.util.Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The source lines a block spans, with their file line numbers. */
  private static List<Line> lines(String text, int[] lineStarts, Node node, int firstLine) {
    int start = node.getStartOffset();
    int end = node.getEndOffset();
    int first = lineIndexOf(lineStarts, start);
    int last = lineIndexOf(lineStarts, Math.max(start, end - 1));
    List<Line> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      int from = lineStarts[i];
      int to = i + 1 < lineStarts.length ? lineStarts[i + 1] - 1 : text.length();
      String line = text.substring(from, Math.max(from, to));
      if (!line.isBlank()) {
        out.add(new Line(firstLine + i, line));
      }
    }
    return out;
  }

  private static RawField field(String line, int number) {
    String s = Markdown.stripMarkers(line);
    Matcher m = BOLD_LABEL_COLON_INSIDE.matcher(s);
    if (!m.matches()) {
      m = BOLD_LABEL.matcher(s);
    }
    if (m.matches()) {
      return new RawField(m.group(1).strip(), m.group(2), number);
    }
    m = PLAIN_LABEL.matcher(s);
    if (m.matches() && Labels.isKnown(m.group(1))) {
      return new RawField(m.group(1).strip(), m.group(2), number);
    }
    return null;
  }

  private static boolean hasField(List<Line> lines) {
    return lines.stream().anyMatch(l -> field(l.text(), l.number()) != null);
  }

  /** Every line is a known non-title field: it adds to the item above, it starts nothing. */
  private static boolean isFieldsOnly(List<Line> lines) {
    return isLabelledNonTitle(lines)
        && lines.stream().allMatch(l -> Labels.isKnown(field(l.text(), l.number()).label()));
  }

  /** Every line is a labelled line, known or not, and none is a title. */
  private static boolean isLabelledNonTitle(List<Line> lines) {
    for (Line l : lines) {
      RawField f = field(l.text(), l.number());
      if (f == null || Labels.TITLE.equals(Labels.keyOf(f.label()))) {
        return false;
      }
    }
    return !lines.isEmpty();
  }

  /** Whether the line is labelled with a label of canonical key {@code key}. */
  private static boolean isLabelledAs(Line line, String key) {
    RawField f = field(line.text(), line.number());
    return f != null && key.equals(Labels.keyOf(f.label()));
  }

  /** Whether a block starts a new evidence item. */
  private static boolean startsItem(List<Line> lines, boolean inList) {
    if (lines.isEmpty()) {
      return false;
    }
    Line first = lines.get(0);
    RawField f = field(first.text(), first.number());
    if (f != null) {
      return Labels.TITLE.equals(Labels.keyOf(f.label())) || !Labels.isKnown(f.label()) || inList;
    }
    String s = Markdown.stripMarkers(first.text());
    if (inList) {
      // A list item is an item when it has fields, or opens with a bold name.
      return hasField(lines) || BOLD_TITLE.matcher(s).matches();
    }
    return ENUMERATION.matcher(s).matches() && (hasField(lines) || s.startsWith("**"));
  }

  private static EvidenceItem toItem(RawItem raw, int ordinal) {
    List<Field> fields = new ArrayList<>();
    List<String> text = new ArrayList<>();
    String titleLine = "";
    StringBuilder lastValue = null;
    List<StringBuilder> values = new ArrayList<>();
    List<RawField> rawFields = new ArrayList<>();
    for (Line line : raw.lines) {
      String plain = Markdown.plain(line.text());
      if (plain.isEmpty()) {
        continue;
      }
      text.add(plain);
      RawField f = field(line.text(), line.number());
      if (f != null && !(titleLine.isEmpty() && rawFields.isEmpty() && !Labels.isKnown(f.label()))) {
        rawFields.add(f);
        lastValue = new StringBuilder(Markdown.plainInline(f.value()));
        values.add(lastValue);
      } else if (titleLine.isEmpty() && rawFields.isEmpty()) {
        titleLine = titleOf(line.text());
      } else if (lastValue != null) {
        // A wrapped value or a sub-bullet under a field: part of that field.
        lastValue.append(lastValue.isEmpty() ? "" : "\n").append(plain);
      }
    }
    String title = "";
    String time = "";
    String place = "";
    String agency = "";
    for (int i = 0; i < rawFields.size(); i++) {
      RawField f = rawFields.get(i);
      String key = Labels.keyOf(f.label());
      String value = values.get(i).toString().strip();
      fields.add(new Field(f.label(), key == null ? f.label() : key, value, f.line()));
      if (key == null) {
        continue;
      }
      switch (key) {
        case Labels.TITLE -> title = title.isEmpty() ? value : title;
        case Labels.TIME -> time = time.isEmpty() ? value : time;
        case Labels.PLACE -> place = place.isEmpty() ? value : place;
        case Labels.AGENCY -> agency = agency.isEmpty() ? value : agency;
        default -> {}
      }
    }
    if (title.isEmpty()) {
      title = titleLine;
    }
    // Joined once: a pairwise reduce copied the text so far for every line (quadratic in an item's lines).
    String all = raw.lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    List<Link> sources = Markdown.links(all);
    int[] ym = yearMonth(time);
    int line = raw.lines.isEmpty() ? 1 : raw.lines.get(0).number();
    return new EvidenceItem(
        ordinal, title, time, ym[0], ym[1], place, agency, fields, sources, String.join("\n", text), line);
  }

  /** The item's name from its first line when it has no title field: the bold part, or the line. */
  private static String titleOf(String line) {
    String s = Markdown.stripMarkers(line);
    Matcher e = ENUMERATION.matcher(s);
    if (e.matches()) {
      s = (s.startsWith("**") ? "**" : "") + e.group(1);
    }
    Matcher b = BOLD_TITLE.matcher(s);
    if (b.matches()) {
      return Markdown.plainInline(b.group(1)).replaceAll("[:：]$", "").strip();
    }
    String plain = Markdown.plainInline(s);
    int cut = indexOfAny(plain, "：:。");
    return (cut > 0 ? plain.substring(0, cut) : plain).strip();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Year and month (0 when unknown) from a time as written: 2022年6月, 2022-06, June 2022. */
  static int[] yearMonth(String time) {
    Matcher m = YEAR_MONTH.matcher(time);
    if (m.find()) {
      int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      return new int[] {Integer.parseInt(m.group(1)), month >= 1 && month <= 12 ? month : 0};
    }
    m = ISO_YEAR_MONTH.matcher(time);
    if (m.find()) {
      int month = Integer.parseInt(m.group(2));
      return new int[] {Integer.parseInt(m.group(1)), month >= 1 && month <= 12 ? month : 0};
    }
    m = YEAR_ONLY.matcher(time);
    if (m.find()) {
      int year = Integer.parseInt(m.group(1));
      String lower = time.toLowerCase(java.util.Locale.ROOT);
      for (int i = 0; i < MONTHS.length; i++) {
        if (lower.contains(MONTHS[i]) || MONTH_ABBREVIATIONS[i].matcher(lower).find()) {
          return new int[] {year, i + 1};
        }
      }
      return new int[] {year, 0};
    }
    return new int[] {0, 0};
  }

  private static String join(List<Line> lines) {
    List<String> out = new ArrayList<>();
    for (Line l : lines) {
      String p = Markdown.plain(l.text());
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return String.join("\n", out);
  }
}
