package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.EvidenceDates;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Golden;

/** "The same event, by content" ({@link SameEvent}) on the real report and the sample reports. */
class SameEventTest {
  private static final Path REPORTS = Golden.sampleReports();

  private static EvidenceItem item(String file, String date, int ordinal) throws Exception {
    Report r = ReportParser.parse(REPORTS.resolve(file));
    for (TurningPoint p : r.points()) {
      if (p.dateAsWritten().equals(date)) {
        return p.evidence().get(ordinal - 1);
      }
    }
    throw new AssertionError("no point " + date + " in " + file);
  }

  private static SameEvent.Profile profile(EvidenceItem e) {
    return SameEvent.profile(e.title(), e.text(), e.place(), EvidenceDates.parse(e.time()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a county under its prefecture and province, 中国 dropped; 地区 and 自治区 are no unit
      "中国新疆维吾尔自治区和田地区墨玉县 | 新疆维吾尔自治区和田地区墨玉县 墨玉县",
      // a name of two to four characters before its suffix: every reading is a key
      "新疆墨玉县 | 新疆墨玉县 墨玉县 疆墨玉县",
      // 全市 names no unit: the whole place is the key
      "上海全市 | 上海全市",
      // a list of places: each unit
      "新疆乌鲁木齐市、伊犁州等地 | 新疆乌鲁木齐市伊犁州等地 木齐市 鲁木齐市 乌鲁木齐市 伊犁州",
      // English: folded, lower case
      "Xinjiang Uygur Autonomous Region, China | xinjianguygurautonomousregionchina",
  })
  void placeKeys(String place, String keys) {
    assertEquals(List.of(keys.split(" ")), SameEvent.placeKeys(place));
  }

  /**
   * The Beijing and Hebei Winter Olympics items start the same day: the shorter range is named
   * first whichever item comes first (the cluster engine read the pair the other way round and
   * wrote "2022-02-04..2022-03-13 and 2022-02-04..2022-02-20 overlap").
   */
  @Test
  void rangesThatStartTheSameDayAreNamedInOneOrder() {
    Optional<org.tpsearch.model.DateRange> games = Optional.of(new org.tpsearch.model.DateRange(
        java.time.LocalDate.of(2022, 2, 4), java.time.LocalDate.of(2022, 2, 20)));
    Optional<org.tpsearch.model.DateRange> withParalympics = Optional.of(new org.tpsearch.model.DateRange(
        java.time.LocalDate.of(2022, 2, 4), java.time.LocalDate.of(2022, 3, 13)));
    assertEquals("2022-02-04..2022-02-20 and 2022-02-04..2022-03-13 overlap", SameEvent.datesMeet(games, withParalympics));
    assertEquals(SameEvent.datesMeet(games, withParalympics), SameEvent.datesMeet(withParalympics, games));
  }

  @Test
  void noPlaceNoKey() {
    assertEquals(List.of(), SameEvent.placeKeys(""));
    assertEquals(List.of(), SameEvent.placeKeys("，、 "));
  }

  @Test
  void distinctiveNumbersLeaveDatesAndSingleDigitsOut() {
    assertEquals(List.of("17家", "3000个", "8.7亿", "23%"),
        SameEvent.numbers("2019年4月，已吸引17家企业入驻，包括8家纺织企业，提供超过3,000个就业岗位，首期投资8.7亿元，降低23%"));
    assertEquals(List.of(), SameEvent.numbers("3月28日5时起；2022-06-01；4月1日3时起"));
  }

  /** The 墨玉县 park: English under the 2019-04-01 point, Chinese under 2022-03-01, in the real report. */
  @Test
  void theMoyuParkIsOneEventAcrossLanguages() throws Exception {
    EvidenceItem english = item("Xinjiang_Industry_combined_info.txt", "2019-04-01", 1);
    EvidenceItem chinese = item("Xinjiang_Industry_combined_info.txt", "2022-03-01", 3);
    assertEquals("Moyu County Integrated Industrial Park Construction", english.title());
    assertEquals("墨玉县综合产业园建设", chinese.title());
    SameEvent.Match m = SameEvent.match(profile(english), profile(chinese)).orElseThrow();
    assertEquals(List.of("same place 墨玉县",
        "title found across languages: \"Moyu County Integrated Industrial Park Construction\"",
        "shared numbers 17家, 3000个"), m.reasons());
    // The same reasons whichever comes first.
    assertEquals(m, SameEvent.match(profile(chinese), profile(english)).orElseThrow());
  }

  /** The Shanghai lockdown, cited at its start (2022-04-01 point) and at its end (2022-06-01 point). */
  @Test
  void theShanghaiLockdownIsOneEventFromStartToEnd() throws Exception {
    EvidenceItem start = item("Shanghai_Aviation_combined_info.md", "2022-04-01", 1);
    EvidenceItem end = item("Shanghai_Aviation_combined_info.md", "2022-06-01", 1);
    assertEquals(List.of("same place 上海全市", "title found across languages: \"Shanghai lockdown\"",
        "dates 2022-03-28..2022-05-31 then 2022-06-01"),
        SameEvent.match(profile(start), profile(end)).orElseThrow().reasons());
    // The recovery plan issued for the reopening is another item: no place, no match.
    EvidenceItem plan = item("Shanghai_Aviation_combined_info.md", "2022-06-01", 2);
    assertEquals(Optional.empty(), SameEvent.match(profile(start), profile(plan)));
  }

  /**
   * Same place, different events: Urumqi's 2020 outbreak and its 2022 静默管理 share the city and
   * the word 疫情, but neither numbers nor dates.
   */
  @Test
  void samePlaceIsNotEnough() throws Exception {
    EvidenceItem outbreak2020 = item("Xinjiang_Power_combined_info.txt", "2020-07-20", 1);
    EvidenceItem silence2022 = item("Xinjiang_Power_combined_info.txt", "2022-11-25", 1);
    assertEquals(SameEvent.placeKeys(outbreak2020.place()), SameEvent.placeKeys(silence2022.place()));
    assertEquals(Optional.empty(), SameEvent.match(profile(outbreak2020), profile(silence2022)));
  }

  /** Two items that share place and dates but whose titles name different things are not one event. */
  @Test
  void aTitleMustBeFoundInTheOther() {
    SameEvent.Profile a = SameEvent.profile("上海市碳排放权交易启动", "上海环境能源交易所启动交易。", "上海全市",
        EvidenceDates.parse("2022年6月1日"));
    SameEvent.Profile b = SameEvent.profile("上海全面恢复全市正常生产生活秩序", "持续约两个月的封控结束。", "上海全市",
        EvidenceDates.parse("2022年6月1日"));
    assertEquals(Optional.empty(), SameEvent.match(a, b));
  }

  /** Every pair of sample items that the relation joins: the four a reader calls one event, no more. */
  @Test
  void acrossTheSampleReportsOnlyTheFourEventsReadersSeeAreJoined() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    List<SameEvent.Profile> profiles = new java.util.ArrayList<>();
    List<Path> files;
    try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(REPORTS)) {
      files = all.filter(java.nio.file.Files::isRegularFile)
          .filter(f -> org.tpsearch.parse.FileNames.parse(f).kind().isPresent()).sorted().toList();
    }
    for (Path file : files) {
      for (TurningPoint p : ReportParser.parse(file).points()) {
        for (EvidenceItem e : p.evidence()) {
          ids.add(p.id() + "#" + e.ordinal());
          profiles.add(profile(e));
        }
      }
    }
    java.util.Set<String> joined = new java.util.TreeSet<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String pi = ids.get(i).substring(0, ids.get(i).indexOf('#'));
        String pj = ids.get(j).substring(0, ids.get(j).indexOf('#'));
        if (!pi.equals(pj) && SameEvent.match(profiles.get(i), profiles.get(j)).isPresent()) {
          List<String> pair = new java.util.ArrayList<>(List.of(ids.get(i), ids.get(j)));
          pair.sort(null);
          joined.add(String.join(" ~ ", pair));
        }
      }
    }
    assertEquals(new java.util.TreeSet<>(List.of(
        "beijing/residential/2022-02-04/event#1 ~ hebei/industry/2022-02-04/event#1",
        "shanghai/aviation/2022-04-01/event#1 ~ shanghai/aviation/2022-06-01/event#1",
        "xinjiang/industry/2019-04-01/event#1 ~ xinjiang/industry/2022-03-01/event#3",
        "xinjiang/power/2022-08-12/event#1 ~ xinjiang/power/2022-11-25/event#1")), joined);
    assertTrue(new HashSet<>(ids).size() >= 75, ids.size() + " items");
  }

  /** Two ranges that start the same day are said in one order whichever is given first (was: the order given). */
  @Test
  void rangesStartingTheSameDayAreSaidInOneOrder() {
    Optional<org.tpsearch.model.DateRange> games = org.tpsearch.model.DateRange.ofIso("2022-02-04/2022-02-20");
    Optional<org.tpsearch.model.DateRange> withParalympics = org.tpsearch.model.DateRange.ofIso("2022-02-04/2022-03-13");
    assertTrue(games.isPresent() && withParalympics.isPresent());
    assertEquals(SameEvent.datesMeet(games, withParalympics), SameEvent.datesMeet(withParalympics, games));
    assertTrue(SameEvent.datesMeet(withParalympics, games).endsWith(" overlap"), SameEvent.datesMeet(withParalympics, games));
  }
}
