package org.tpsearch.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.PointType;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Region;
import org.tpsearch.model.Regions;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.Sector;
import org.tpsearch.model.Sectors;
import org.tpsearch.model.TurningPoint;

/**
 * Parses the pipeline's report files into turning points. Never drops a point: what cannot be
 * read is left empty, flagged on the point, and reported as a {@link Problem} with file and line.
 */
public final class ReportParser {
  // Possessive throughout, so a long heading is matched in one pass (no backtracking).
  private static final Pattern POINT_PARTS =
      Pattern.compile(
          "^##\\s*+转折点\\s*+[:：]?\\s*+(?<date>[^\\s(（]*+)\\s*+"
              + "(?:[(（]\\s*+(?<type>[^)）]*+)[)）])?\\s*+"
              + "(?:[-–—]\\s*+)?(?:置信度\\s*+[:：]?\\s*+(?<conf>\\S*+))?\\s*+$");
  private static final Pattern SALVAGE_DATE = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4})");
  private static final Pattern SALVAGE_TYPE = Pattern.compile("(?i)\\b(Policy|Event|Seasonal|Trend|Unknown)\\b");
  private static final Pattern SALVAGE_CONFIDENCE = Pattern.compile("置信度\\s*+[:：]?\\s*+(\\S++)");
  private static final Pattern TITLE = Pattern.compile("^#\\s++(.+?)部门\\s*+碳排放.*$", Pattern.DOTALL);
  // At most nine digits: a longer count is no count (and would overflow an int).
  private static final Pattern DECLARED = Pattern.compile("共包含\\s*+(\\d{1,9})\\s*+个");
  // The report's analysis time: the access date of its sources when they are cited.
  private static final Pattern ANALYZED = Pattern.compile("^\\s*+分析时间\\s*+[:：]\\s*+(\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?)\\s*+$");
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$");
  private static final Pattern DMY_DATE = Pattern.compile("^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})$");
  private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
  // DOTALL: a U+2028 or U+0085 in the line must not keep '.' from reaching its end.
  private static final Pattern ANSWER_START = Pattern.compile("^\\s*+回答\\s*+[:：]\\s*+(.*)$", Pattern.DOTALL);
  private static final Pattern QUESTION = Pattern.compile("^\\s*+问题\\s*+[:：]\\s*+(.*)$", Pattern.DOTALL);

  private ReportParser() {}

  /** Reads and parses one file; the kind comes from its name ({@link FileNames}). */
  public static Report parse(Path file) throws IOException {
    return parse(file, Files.readAllBytes(file));
  }

  /** Parses a file's bytes. */
  public static Report parse(Path file, byte[] bytes) {
    DecodedText decoded = TextDecoder.decode(bytes);
    FileNames.Parsed name = FileNames.parse(file);
    List<Problem> problems = new ArrayList<>();
    ReportKind kind = name.kind().orElse(ReportKind.COMBINED);
    if (decoded.binary()) {
      // Named like a report but binary (ripgrep's test: a NUL byte in the first block): reading it
      // would make a point of junk.
      problems.add(new Problem(file, 1, "binary",
          "binary file (NUL byte at offset " + decoded.binaryAt() + "), not a report: skipped"));
      return new Report(file, kind, name.region() == null ? Region.unknown("unknown") : name.region(),
          name.sector() == null ? Sector.unknown("unknown") : name.sector(), "binary", -1, List.of(), problems);
    }
    for (DecodedText.Note note : decoded.notes()) {
      problems.add(new Problem(file, note.line(), "encoding", note.message()));
    }
    String[] lines = decoded.text().split("\n", -1);
    if (kind == ReportKind.PER_POINT) {
      return parsePerPoint(file, name, decoded, lines, problems);
    }
    return parseCombined(file, name, decoded, lines, problems);
  }

  private static Report parseCombined(
      Path file, FileNames.Parsed name, DecodedText decoded, String[] lines, List<Problem> problems) {
    Region region = name.region();
    Sector sector = name.sector();
    int declared = -1;
    int declaredLine = 0;
    String analyzed = "";
    boolean titleSeen = false;
    int titleLine = 0;
    List<Integer> headings = new ArrayList<>();
    int unread = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // Headings are found line by line, whatever Markdown makes of the lines around them (an
      // unclosed code fence, a list, an HTML block): a point is never hidden by what precedes it.
      if (HeadingScan.isPointHeading(line)) {
        headings.add(i);
        continue;
      }
      if (HeadingScan.looksLikeHeading(line)) {
        unread++;
        problems.add(new Problem(file, i + 1, "heading-like",
            "line looks like a turning-point heading but is not one, so it starts no point: '"
                + shortened(line.strip()) + "' (a point heading is '## 转折点: YYYY-MM-DD (Type) - 置信度: 0.xx')"));
        continue;
      }
      if (!headings.isEmpty()) {
        continue;
      }
      Matcher t = TITLE.matcher(line.strip());
      if (!titleSeen && t.matches()) {
        titleSeen = true;
        titleLine = i + 1;
        Region[] rs = new Region[1];
        Sector[] ss = new Sector[1];
        splitTitle(t.group(1), rs, ss);
        region = reconcile(file, i + 1, "region", region, rs[0], problems);
        sector = reconcile(file, i + 1, "sector", sector, ss[0], problems);
        continue;
      }
      Matcher a = ANALYZED.matcher(line);
      if (analyzed.isEmpty() && a.matches()) {
        analyzed = a.group(1);
        continue;
      }
      Matcher d = DECLARED.matcher(line);
      if (declared < 0 && d.find()) {
        declared = Integer.parseInt(d.group(1));
        declaredLine = i + 1;
      }
    }
    region = region == null || region.known() ? region
        : Region.unknown(capped(file, titleLine, "the region name", region.name(), null, problems));
    sector = sector == null || sector.known() ? sector
        : Sector.unknown(capped(file, titleLine, "the sector name", sector.name(), null, problems));
    if (region == null || sector == null) {
      problems.add(new Problem(file, titleSeen ? 1 : 0, "no-region-sector",
          "cannot tell region and sector from the title or the file name"));
      region = region == null ? Region.unknown("unknown") : region;
      sector = sector == null ? Sector.unknown("unknown") : sector;
    } else {
      noteUnknown(file, region, sector, problems);
    }
    if (!titleSeen && !headings.isEmpty()) {
      problems.add(new Problem(file, 1, "no-title", "no report title (# {Region}省/市 {Sector}部门 ...)"));
    }

    List<TurningPoint> points = new ArrayList<>();
    for (int h = 0; h < headings.size(); h++) {
      int start = headings.get(h);
      int end = h + 1 < headings.size() ? headings.get(h + 1) : lines.length;
      String cut = null;
      if (h == headings.size() - 1) {
        // The pipeline closes every point with a '---' line: a last point without one was cut off,
        // even when the cut fell right after a line end.
        cut = !decoded.endsWithNewline() ? "file ends mid-line: the last turning point was cut off"
            : !closedBySeparator(lines, start, end)
                ? "the last turning point has no closing '---' line: the file was cut off" : null;
      }
      points.add(point(file, region, sector, lines, start, end, cut, problems).withAnalyzed(analyzed));
    }
    if (headings.isEmpty() && !decoded.endsWithNewline()) {
      problems.add(new Problem(file, lastNonBlank(lines, 0, lines.length) + 1, "truncated",
          "file ends mid-line before its first turning point: it was cut off"));
    } else if (headings.isEmpty() && declared < 0) {
      // No point and no count to say there should be none: a header cut off at a line end, or not a report.
      problems.add(new Problem(file, 0, "no-points", "no turning points and no declared count (cut off, or not a report)"));
    }
    if (declared >= 0 && declared != points.size()) {
      String why = "";
      if (unread > 0) {
        // The parser did not take those lines as points: say so rather than blame a clean-up.
        why = " (" + unread + (unread == 1 ? " line looks" : " lines look")
            + " like a turning-point heading but " + (unread == 1 ? "is" : "are") + " not read as one: see "
            + (unread == 1 ? "its warning" : "their warnings") + ")";
      } else if (declared > points.size()) {
        why = " (sections deleted by a clean-up, or the file was cut off)";
      }
      problems.add(new Problem(file, declaredLine, "count-mismatch",
          "declares " + declared + " turning points but has " + points.size() + why));
    }
    return new Report(file, ReportKind.COMBINED, region, sector, decoded.charset(), declared, points, problems);
  }

  private static Report parsePerPoint(
      Path file, FileNames.Parsed name, DecodedText decoded, String[] lines, List<Problem> problems) {
    Region region = name.region() == null ? Region.unknown("unknown") : name.region();
    Sector sector = name.sector() == null ? Sector.unknown("unknown") : name.sector();
    region = region.known() ? region : Region.unknown(capped(file, 0, "the region name", region.name(), null, problems));
    sector = sector.known() ? sector : Sector.unknown(capped(file, 0, "the sector name", sector.name(), null, problems));
    noteUnknown(file, region, sector, problems);
    int answerLine = -1;
    String firstAnswerText = "";
    for (int i = 0; i < lines.length; i++) {
      Matcher a = ANSWER_START.matcher(lines[i]);
      if (a.matches()) {
        answerLine = i;
        firstAnswerText = a.group(1);
        break;
      }
    }
    for (int i = 0; i < lines.length; i++) {
      // A per-point file holds one point: a heading inside it is reported, not taken as another.
      if (HeadingScan.isPointHeading(lines[i]) || HeadingScan.looksLikeHeading(lines[i])) {
        problems.add(new Problem(file, i + 1, "heading-like",
            "turning-point heading inside a per-point answer file, read as answer text, not as a point: '"
                + shortened(lines[i].strip()) + "'"));
      }
    }
    List<String> flags = new ArrayList<>();
    StringBuilder answer = new StringBuilder();
    int firstLine;
    if (answerLine < 0) {
      problems.add(new Problem(file, 1, "no-answer-marker", "no '回答:' line; the whole file is taken as the answer"));
      flags.add("no-answer-marker");
      int from = skipBlank(lines, lines.length > 0 && QUESTION.matcher(lines[0]).matches() ? 1 : 0);
      for (int i = from; i < lines.length; i++) {
        answer.append(lines[i]).append('\n');
      }
      firstLine = from + 1;
    } else if (!firstAnswerText.isBlank()) {
      answer.append(firstAnswerText).append('\n');
      firstLine = answerLine + 1;
      for (int i = answerLine + 1; i < lines.length; i++) {
        answer.append(lines[i]).append('\n');
      }
    } else {
      // As in a combined report, the answer starts at its first non-blank line.
      int from = skipBlank(lines, answerLine + 1);
      for (int i = from; i < lines.length; i++) {
        answer.append(lines[i]).append('\n');
      }
      firstLine = from + 1;
    }
    Header header = header(file, 1, name.date(), name.type(), "", false, problems);
    flags.addAll(header.flags);
    flags.add("no-confidence-in-file");
    if (!decoded.endsWithNewline()) {
      flags.add("truncated");
      problems.add(new Problem(file, lines.length, "truncated", "file ends mid-line: it was cut off"));
    }
    TurningPoint tp = build(file, region, sector, header, stripTrailing(answer.toString()), firstLine, 1, flags,
        problems);
    return new Report(file, ReportKind.PER_POINT, region, sector, decoded.charset(), 1, List.of(tp), problems);
  }

  private static TurningPoint point(
      Path file, Region region, Sector sector, String[] lines, int start, int end, String cut,
      List<Problem> problems) {
    int headingLine = start + 1;
    // U+2028, U+0085, a tab or a full-width space inside a heading separate its parts like a space.
    String heading = HeadingScan.normalized(lines[start]).strip();
    Matcher m = POINT_PARTS.matcher(heading);
    Header header;
    if (m.matches()) {
      header = header(file, headingLine, m.group("date"), nullToEmpty(m.group("type")).strip(),
          nullToEmpty(m.group("conf")), true, problems);
    } else {
      problems.add(new Problem(file, headingLine, "bad-heading",
          "malformed turning-point heading '" + shortened(heading)
              + "' (expected '## 转折点: YYYY-MM-DD (Type) - 置信度: 0.xx')"));
      Matcher date = SALVAGE_DATE.matcher(heading);
      Matcher type = SALVAGE_TYPE.matcher(heading);
      Matcher conf = SALVAGE_CONFIDENCE.matcher(heading);
      header = header(file, headingLine, date.find() ? date.group(1) : "",
          type.find() ? type.group(1) : "", conf.find() ? conf.group(1) : "", true, problems);
      header.flags.add(0, "bad-heading");
    }
    int from = start + 1;
    while (from < end && lines[from].isBlank()) {
      from++;
    }
    StringBuilder answer = new StringBuilder();
    for (int i = from; i < end; i++) {
      answer.append(lines[i]).append('\n');
    }
    List<String> flags = new ArrayList<>(header.flags);
    if (cut != null) {
      flags.add("truncated");
      problems.add(new Problem(file, lastNonBlank(lines, start, end) + 1, "truncated", cut));
    }
    return build(file, region, sector, header, stripTrailing(answer.toString()), from + 1, headingLine, flags,
        problems);
  }

  private static TurningPoint build(
      Path file, Region region, Sector sector, Header header, String answer, int answerLine, int line,
      List<String> flags, List<Problem> problems) {
    AnswerParser.Result parsed = AnswerParser.parse(answer, answerLine);
    for (EvidenceItem e : parsed.items()) {
      // An impossible date is read as no date (EvidenceDates), and said here with its line.
      EvidenceDates.impossible(e.time()).ifPresent(what -> problems.add(new Problem(file, timeLine(e),
          "impossible-date", "evidence item " + e.ordinal() + ": time '" + shortened(e.time()) + "' names an impossible date ("
              + what + "); the item is kept, undated")));
    }
    List<String> allFlags = new ArrayList<>(flags);
    allFlags.addAll(parsed.flags());
    String dateForId = header.date.map(LocalDate::toString).orElse(header.dateAsWritten);
    String id = TurningPoint.idOf(region, sector, dateForId, header.type);
    EvidenceStatus status = parsed.status();
    return new TurningPoint(id, region, sector, header.date, header.dateAsWritten, header.type,
        header.confidence, status, parsed.items(), parsed.prose(), answer, file, line, allFlags);
  }

  /** The line of an item's time field, else the item's first line. */
  private static int timeLine(EvidenceItem e) {
    return e.fields().stream().filter(f -> f.key().equals(Labels.TIME)).mapToInt(org.tpsearch.model.Field::line)
        .findFirst().orElse(e.line());
  }

  /** A point heading's values, read leniently. */
  private static final class Header {
    Optional<LocalDate> date = Optional.empty();
    String dateAsWritten = "";
    String type = "";
    double confidence = Double.NaN;
    final List<String> flags = new ArrayList<>();
  }

  private static Header header(
      Path file, int line, String date, String type, String conf, boolean expectConfidence,
      List<Problem> problems) {
    Header h = new Header();
    h.dateAsWritten = date.strip();
    h.date = parseDate(h.dateAsWritten);
    if (h.date.isEmpty()) {
      h.flags.add("bad-date");
      problems.add(new Problem(file, line, "bad-date",
          h.dateAsWritten.isEmpty() ? "turning point has no date"
              : "cannot read date '" + shortened(h.dateAsWritten) + "' (expected YYYY-MM-DD or DD/MM/YYYY)"));
    }
    h.dateAsWritten = capped(file, line, "the date", h.dateAsWritten, h.flags, problems);
    Optional<PointType> known = PointType.lookup(type);
    if (known.isPresent()) {
      h.type = known.get().display();
    } else {
      h.type = type.isBlank() ? PointType.UNKNOWN.display() : type.strip();
      h.flags.add("unknown-type");
      problems.add(new Problem(file, line, "unknown-type",
          type.isBlank() ? "turning point has no type"
              : "unknown turning-point type '" + shortened(type.strip())
                  + "' (expected Policy, Event, Seasonal, Trend or Unknown)"));
      h.type = capped(file, line, "the type", h.type, h.flags, problems);
    }
    if (expectConfidence) {
      String c = conf.strip();
      if (c.isEmpty()) {
        h.flags.add("no-confidence");
        problems.add(new Problem(file, line, "no-confidence", "turning point has no confidence"));
      } else {
        try {
          // A plain decimal only: Double.parseDouble also takes 0.7d, 0x1p-1, 1e-1 and, from a heading
          // cut inside the number, '0.' (as 0.0).
          if (!isPlainDecimal(c)) {
            throw new NumberFormatException();
          }
          double v = Double.parseDouble(c);
          if (v < 0 || v > 1) {
            throw new NumberFormatException();
          }
          h.confidence = v;
        } catch (NumberFormatException e) {
          h.flags.add("bad-confidence");
          problems.add(new Problem(file, line, "bad-confidence",
              "confidence '" + shortened(c) + "' is not a number in 0..1"));
        }
      }
    }
    return h;
  }

  /** Digits with at most one point and a digit last ({@code 0.56}, {@code .5}, {@code 1}). */
  static boolean isPlainDecimal(String s) {
    boolean point = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty() && s.charAt(s.length() - 1) != '.';
  }

  /** {@code YYYY-MM-DD}, {@code DD/MM/YYYY} (the pipeline's other form), or {@code YYYYMMDD}. */
  static Optional<LocalDate> parseDate(String s) {
    try {
      Matcher m = ISO_DATE.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
      m = DMY_DATE.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(1))));
      }
      m = COMPACT_DATE.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The index of the first non-blank line from {@code from} on, or {@code lines.length}. */
  private static int skipBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    return i;
  }

  /** The index of the last non-blank line in {@code [from, to)}, or {@code from} when all are blank. */
  private static int lastNonBlank(String[] lines, int from, int to) {
    for (int i = to - 1; i > from; i--) {
      if (!lines[i].isBlank()) {
        return i;
      }
    }
    return from;
  }

  /** Whether a point's section, heading at {@code start}, ends with a {@code ---} line. */
  private static boolean closedBySeparator(String[] lines, int start, int end) {
    int last = lastNonBlank(lines, start, end);
    return last > start && Markdown.isThematicBreak(lines[last]);
  }

  /** The answer without the trailing blank lines and {@code ---} separators between points. */
  private static String stripTrailing(String answer) {
    String[] lines = answer.split("\n", -1);
    int end = lines.length;
    while (end > 0 && (lines[end - 1].isBlank() || Markdown.isThematicBreak(lines[end - 1]))) {
      end--;
    }
    return String.join("\n", java.util.Arrays.asList(lines).subList(0, end));
  }

  /** Splits a title's {@code Inner Mongolia省/市 Ground Transport} into region and sector. */
  private static void splitTitle(String s, Region[] region, Sector[] sector) {
    int mark = s.indexOf("省/市");
    if (mark >= 0) {
      region[0] = Regions.resolve(s.substring(0, mark));
      sector[0] = Sectors.resolve(s.substring(mark + 3));
      return;
    }
    String[] words = s.strip().split("\\s+");
    for (int i = 1; i < words.length; i++) {
      String r = String.join(" ", java.util.Arrays.asList(words).subList(0, i));
      String sec = String.join(" ", java.util.Arrays.asList(words).subList(i, words.length));
      if (Regions.lookup(r).isPresent() && Sectors.lookup(sec).isPresent()) {
        region[0] = Regions.resolve(r);
        sector[0] = Sectors.resolve(sec);
        return;
      }
    }
    if (words.length >= 2) {
      region[0] = Regions.resolve(words[0]);
      sector[0] = Sectors.resolve(String.join(" ", java.util.Arrays.asList(words).subList(1, words.length)));
    }
  }

  private static <T> T reconcile(Path file, int line, String what, T fromName, T fromTitle, List<Problem> problems) {
    if (fromTitle == null) {
      return fromName;
    }
    if (fromName != null && !fromName.equals(fromTitle)) {
      problems.add(new Problem(file, line, what + "-mismatch",
          "title says " + what + " '" + nameOf(fromTitle) + "' but the file name says '" + nameOf(fromName)
              + "'; using the title"));
    }
    return fromTitle;
  }

  private static String nameOf(Object o) {
    return o instanceof Region r ? r.name() : o instanceof Sector s ? s.name() : String.valueOf(o);
  }

  private static void noteUnknown(Path file, Region region, Sector sector, List<Problem> problems) {
    if (!region.known()) {
      problems.add(new Problem(file, 0, "unknown-region", "unknown region '" + region.name() + "', kept as written"));
    }
    if (!sector.known()) {
      problems.add(new Problem(file, 0, "unknown-sector", "unknown sector '" + sector.name() + "', kept as written"));
    }
  }

  /**
   * The longest date, type, region or sector name kept as written: each goes into a facet label
   * and a keyword term, which have length limits (a 9,000-character type once aborted a whole run).
   */
  static final int MAX_NAME = 100;

  /** {@code value}, or its first {@link #MAX_NAME} characters, flagged and reported, when longer. */
  private static String capped(
      Path file, int line, String what, String value, List<String> flags, List<Problem> problems) {
    if (value.length() <= MAX_NAME) {
      return value;
    }
    if (flags != null && !flags.contains("long-field")) {
      flags.add("long-field");
    }
    problems.add(new Problem(file, line, "long-field",
        what + " is " + value.length() + " characters long; only its first " + MAX_NAME + " are kept"));
    int end = Character.isHighSurrogate(value.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
    return value.substring(0, end).strip();
  }

  /** A line as quoted in a message: at most 200 characters, so one warning stays one short line. */
  static String shortened(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "… (" + s.length() + " characters)";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
