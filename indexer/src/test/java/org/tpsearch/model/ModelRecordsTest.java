package org.tpsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Turning-point ids, and the records' validation: each message names the bad value. */
class ModelRecordsTest {
  private static final Path FILE = Path.of("Xinjiang_Industry_combined_info.txt");

  @ParameterizedTest(name = "{4}")
  @CsvSource(delimiter = '|', textBlock = """
      # region        | sector            | date         | type     | id
      Inner Mongolia  | Ground Transport  | 2019-12-29   | Event    | inner-mongolia/ground-transport/2019-12-29/event
      内蒙古           | Ground_Transport  | 2019-12-29   | event    | inner-mongolia/ground-transport/2019-12-29/event
      Xinjiang        | Industry          | 2022-03-01   | Event    | xinjiang/industry/2022-03-01/event
      Shanghai        | Domestic Aviation | 2022-04-01   | Seasonal | shanghai/aviation/2022-04-01/seasonal
      # unknown names and types keep their spelling, folded the same way
      Hong Kong       | Power             | 2020-02-01   | Policyy  | hong-kong/power/2020-02-01/policyy
      # a date that could not be read stays as written, '/' folded to '-'
      Hubei           | Ground Transport  | 2020/13/01   | Event    | hubei/ground-transport/2020-13-01/event
      Hubei           | Ground Transport  | ''           | ''       | hubei/ground-transport/undated/unknown
      """)
  void idOf(String region, String sector, String date, String type, String id) {
    assertEquals(id, TurningPoint.idOf(Regions.resolve(region), Sectors.resolve(sector), date, type));
  }

  private static TurningPoint point(double confidence, int line, List<EvidenceItem> evidence) {
    Region r = Regions.resolve("Xinjiang");
    Sector s = Sectors.resolve("Industry");
    return new TurningPoint(TurningPoint.idOf(r, s, "2022-03-01", "Event"), r, s, Optional.empty(), "2022-03-01",
        "Event", confidence, EvidenceStatus.NONE, evidence, "", "", FILE, line, List.of());
  }

  private static EvidenceItem item(int ordinal, int month) {
    return new EvidenceItem(ordinal, "t", "", 2022, month, "", "", List.of(), List.of(), "", 10);
  }

  private static void assertRejected(String message, Executable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
    assertEquals(message, e.getMessage());
  }

  @Test
  void badValuesAreNamedInTheMessage() {
    assertRejected("confidence must be in 0..1, got 1.5", () -> point(1.5, 8, List.of()));
    assertRejected("confidence must be in 0..1, got -0.1", () -> point(-0.1, 8, List.of()));
    assertRejected("line must be >= 1, got 0", () -> point(0.5, 0, List.of()));
    assertRejected("ordinal must be >= 1, got 0", () -> item(0, 1));
    assertRejected("month must be 0..12, got 13", () -> item(1, 13));
    assertRejected("line must be >= 1, got 0", () -> new Field("发生时间", "time", "2022年", 0));
    assertRejected("empty URL in link 'CCTV报道'", () -> new Link("CCTV报道", " "));
    assertRejected("line must be >= 0, got -1", () -> new Problem(FILE, -1, "bad-date", "x"));
    assertRejected("blank region name", () -> new Region(" ", "", "", List.of(), false));
    assertRejected("blank sector name", () -> new Sector("", "", List.of(), false));
    assertRejected("unknown evidence status 'missing' (expected found, none or failed)",
        () -> EvidenceStatus.fromLabel("missing"));
  }

  @Test
  void nullsAreNamed() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new Field("发生时间", "time", null, 3));
    assertEquals("value", e.getMessage());
  }

  @Test
  void whatIsValidIsAccepted() {
    // No confidence is NaN, month 0 is "unknown month", line 0 a whole-file problem.
    assertTrue(Double.isNaN(point(Double.NaN, 8, List.of()).confidence()));
    assertEquals(0, item(1, 0).month());
    assertEquals(0, new Problem(FILE, 0, "encoding", "x").line());
    assertEquals(EvidenceStatus.FOUND, EvidenceStatus.fromLabel(" Found "));
    assertEquals(Optional.of(PointType.SEASONAL), PointType.lookup("seasonal"));
    assertEquals(Optional.empty(), PointType.lookup("Policyy"));
  }

  @Test
  void listsAreCopied() {
    List<EvidenceItem> items = new ArrayList<>(List.of(item(1, 3)));
    TurningPoint p = point(0.69, 66, items);
    items.add(item(2, 4));
    assertEquals(1, p.evidence().size());
    assertThrows(UnsupportedOperationException.class, () -> p.evidence().add(item(3, 5)));
  }

  @Test
  void problemsPrintAsFileLineMessageCode() {
    assertEquals("Xinjiang_Industry_combined_info.txt:117: file ends mid-line [truncated]",
        new Problem(FILE, 117, "truncated", "file ends mid-line").toString());
    assertEquals("Xinjiang_Industry_combined_info.txt: line ends are CRLF [encoding]",
        new Problem(FILE, 0, "encoding", "line ends are CRLF").toString());
  }
}
