package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.model.DateRange;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * The evidence-date parser: a table of time fields as written (every form in the real report and the
 * sample reports, the brief's forms, Traditional and full-width text, non-dates), then properties over
 * generated and hostile input: it never throws, never hangs, and what it returns is a sane range.
 */
class EvidenceDatesTest {
  /** One row of {@code evidence-dates.tsv}. */
  record Row(String time, String expected, String why) {
    @Override
    public String toString() {
      return (time.isEmpty() ? "(empty)" : time) + " → " + expected + "  (" + why + ")";
    }
  }

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = EvidenceDatesTest.class.getResourceAsStream("evidence-dates.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        rows.add(new Row(cols[0], cols[1], cols.length > 2 ? cols[2] : ""));
      }
    }
    return rows;
  }

  static Stream<Row> rows() throws IOException {
    return table().stream();
  }

  private static String label(String time) {
    return EvidenceDates.parseStrict(time).map(DateRange::label).orElse("undated");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void readsEachFormAsTheTableSays(Row row) {
    assertEquals(row.expected(), label(row.time()), row.why());
  }

  /** Every time field of every sample report, the real one first. */
  private static List<String> sampleTimes() throws Exception {
    Set<String> times = new LinkedHashSet<>();
    List<Path> files = new ArrayList<>(List.of(Golden.realReport()));
    SampleReportsGoldenTest.reports().map(r -> Golden.sampleReports().resolve(r)).forEach(files::add);
    for (Path f : files) {
      Report report = ReportParser.parse(f);
      for (TurningPoint p : report.points()) {
        for (EvidenceItem e : p.evidence()) {
          if (!e.time().isEmpty()) {
            times.add(e.time());
          }
        }
      }
    }
    return List.copyOf(times);
  }

  /** The table holds every time form of the sample reports, so each of them is pinned above. */
  @Test
  void theTableCoversEveryTimeFieldOfTheSampleReports() throws Exception {
    Set<String> inTable = new LinkedHashSet<>();
    table().forEach(r -> inTable.add(r.time()));
    List<String> missing = sampleTimes().stream().filter(t -> !inTable.contains(t)).toList();
    assertEquals(List.of(), missing, "time fields of the sample reports missing from evidence-dates.tsv");
  }

  /** Every time field in the sample reports names a date, and every one of them parses. */
  @Test
  void everyTimeFieldOfTheSampleReportsParses() throws Exception {
    List<String> times = sampleTimes();
    List<String> undated = times.stream().filter(t -> EvidenceDates.parseStrict(t).isEmpty()).toList();
    assertEquals(List.of(), undated, "of " + times.size() + " distinct time fields");
    assertTrue(times.size() >= 50, "the samples hold " + times.size() + " distinct time fields");
  }

  @Test
  void theRealReportsTimesAreWhatTheyMean() throws Exception {
    Report report = ReportParser.parse(Golden.realReport());
    List<String> parsed = new ArrayList<>();
    for (TurningPoint p : report.points()) {
      for (EvidenceItem e : p.evidence()) {
        parsed.add(e.time() + " = " + EvidenceDates.parse(e.time()).map(DateRange::label).orElse("undated"));
      }
    }
    assertEquals(List.of("2019年4月 = 2019-04", "2022年3月 = 2022-03", "2022年6月 = 2022-06", "2022年全年 = 2022",
        "2022年6月 = 2022-06", "2022年1月11日 = 2022-01-11", "2023年全年 = 2023"), parsed);
  }

  /**
   * An impossible date is no date: the real report with its 2022年1月11日 turned into 2022年2月30日
   * and its 2019年4月 into 2019年13月 parses, both items kept but undated, each with a warning that
   * names the file and the line of the time field.
   */
  @Test
  void anImpossibleDateIsUndatedAndWarnedWithFileAndLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String real = java.nio.file.Files.readString(Golden.realReport(), StandardCharsets.UTF_8);
    assertTrue(real.contains("**发生时间**：2019年4月\n") && real.contains("**发生时间**：2022年1月11日\n"));
    Path file = dir.resolve("Xinjiang_Industry_combined_info.txt");
    java.nio.file.Files.writeString(file, real.replace("**发生时间**：2019年4月\n", "**发生时间**：2019年13月\n")
        .replace("**发生时间**：2022年1月11日\n", "**发生时间**：2022年2月30日\n"), StandardCharsets.UTF_8);
    Report report = ReportParser.parse(file);
    List<String> warned = report.problems().stream().filter(p -> p.code().equals("impossible-date"))
        .map(p -> p.file().getFileName() + ":" + p.line() + " " + p.message()).toList();
    assertEquals(List.of(
        "Xinjiang_Industry_combined_info.txt:11 evidence item 1: time '2019年13月' names an impossible date (month 13); "
            + "the item is kept, undated",
        "Xinjiang_Industry_combined_info.txt:87 evidence item 3: time '2022年2月30日' names an impossible date "
            + "(day 30 of 2022-02); the item is kept, undated"), warned);
    List<String> times = new ArrayList<>();
    for (TurningPoint p : report.points()) {
      for (EvidenceItem e : p.evidence()) {
        if (EvidenceDates.impossible(e.time()).isPresent()) {
          times.add(e.time() + " = " + EvidenceDates.parse(e.time()).map(DateRange::label).orElse("undated"));
        }
      }
    }
    assertEquals(List.of("2019年13月 = undated", "2022年2月30日 = undated"), times);
    assertEquals(Optional.empty(), EvidenceDates.impossible("2024年2月29日"));
  }

  // ------------------------------------------------------------------ generated

  private static final String[] EN = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  /** Random days written every way the pipeline writes one: each reads back as that day. */
  @Test
  void aDayWrittenAnyWayReadsBackAsThatDay() {
    Random rng = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      LocalDate d = LocalDate.of(1950 + rng.nextInt(140), 1, 1).plusDays(rng.nextInt(365));
      int y = d.getYear();
      int m = d.getMonthValue();
      int day = d.getDayOfMonth();
      String[] forms = {
          y + "年" + m + "月" + day + "日",
          d.toString(),
          String.format(Locale.ROOT, "%02d/%02d/%d", day, m, y),
          y + "/" + m + "/" + day,
          EN[m - 1] + " " + day + ", " + y,
          day + " " + EN[m - 1] + " " + y,
          fullWidth(y + "年" + m + "月" + day + "日"),
          y + "年" + m + "月" + day + "号发布",
      };
      for (String f : forms) {
        DateRange r = EvidenceDates.parseStrict(f).orElseThrow(() -> new AssertionError(f));
        assertEquals(new DateRange(d, d), r, f);
      }
    }
  }

  @Test
  void aMonthWrittenAnyWayReadsBackAsThatMonth() {
    Random rng = new Random(12);
    for (int i = 0; i < 2_000; i++) {
      YearMonth ym = YearMonth.of(1950 + rng.nextInt(140), 1 + rng.nextInt(12));
      DateRange month = new DateRange(ym.atDay(1), ym.atEndOfMonth());
      for (String f : List.of(ym.getYear() + "年" + ym.getMonthValue() + "月", ym.toString(), EN[ym.getMonthValue() - 1]
          + " " + ym.getYear(), EN[ym.getMonthValue() - 1].substring(0, 3) + " " + ym.getYear(),
          ym.getYear() + "年" + ym.getMonthValue() + "月起")) {
        assertEquals(Optional.of(month), EvidenceDates.parseStrict(f), f);
      }
      YearMonth end = ym.plusMonths(1 + rng.nextInt(14));
      String range = ym.getYear() + "年" + ym.getMonthValue() + "月至" + end.getYear() + "年" + end.getMonthValue() + "月";
      assertEquals(Optional.of(new DateRange(ym.atDay(1), end.atEndOfMonth())), EvidenceDates.parseStrict(range), range);
    }
  }

  private static String fullWidth(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ hostile

  /** What any answer must be: a range inside the years a date may have. */
  private static void sane(String input, Optional<DateRange> r) {
    r.ifPresent(x -> {
      assertTrue(!x.to().isBefore(x.from()), input);
      assertTrue(x.from().getYear() >= EvidenceDates.MIN_YEAR && x.to().getYear() <= EvidenceDates.MAX_YEAR + 1,
          input + " → " + x);
    });
  }

  /** Random strings over the characters dates are made of: never an exception, always a sane range. */
  @Test
  void randomTextOfDateCharactersNeverThrows() {
    String alphabet = "0123456789０１２年月日号號至到起-/.~ ，,、；上中下旬初底末全半季度第春夏秋冬QqHh一二三四五六七八九十〇零两"
        + "marchjuneseptembermidearly \t\n\u0000\uFFFF\uD83D\uDE00abc";
    Random rng = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      int len = rng.nextInt(40);
      StringBuilder sb = new StringBuilder(len);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      sane(s, EvidenceDates.parseStrict(s));
    }
  }

  /** Random code units, surrogates and controls included. */
  @Test
  void randomCodeUnitsNeverThrow() {
    Random rng = new Random(8);
    for (int i = 0; i < 20_000; i++) {
      char[] c = new char[rng.nextInt(30)];
      for (int k = 0; k < c.length; k++) {
        c[k] = (char) rng.nextInt(0x10000);
      }
      String s = new String(c);
      sane(s, EvidenceDates.parseStrict(s));
    }
  }

  /** Long and pathological input: read in one pass (only the first MAX_CHARS count), no exception. */
  @Test
  void longAndPathologicalInputIsReadWithoutTrouble() {
    List<String> inputs = List.of(
        "9".repeat(1_000_000),
        "2022年".repeat(200_000),
        "2022年3月至".repeat(100_000),
        "十".repeat(500_000),
        "二〇二二".repeat(100_000) + "年",
        "march ".repeat(100_000),
        "1/".repeat(500_000),
        "2022-".repeat(200_000),
        "q".repeat(300_000) + "1 2022",
        "\u0000".repeat(100_000));
    for (String s : inputs) {
      sane(s.substring(0, 20), EvidenceDates.parseStrict(s));
    }
    // The first MAX_CHARS characters decide: a date after them is not read.
    assertEquals(Optional.empty(), EvidenceDates.parseStrict("x".repeat(EvidenceDates.MAX_CHARS) + "2022年3月"));
    assertEquals("2022-03", label("x".repeat(EvidenceDates.MAX_CHARS - 7) + "2022年3月"));
  }

  @Test
  void nullAndEmptyAreUndated() {
    assertEquals(Optional.empty(), EvidenceDates.parse(null));
    assertEquals(Optional.empty(), EvidenceDates.parse(""));
  }
}
