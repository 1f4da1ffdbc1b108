package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** csv, tsv, --bom, --per-item, --limit all, json --full and the paper table, on the embedded index. */
class TableFormatsTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  /** An RFC 4180 reader, to read back what the CSV renderer wrote: records of fields. */
  static List<List<String>> readCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertFalse(c == '\n' || c == '\r', "a bare line break outside quotes at " + i);
        f.append(c);
      }
    }
    assertTrue(row.isEmpty() && f.isEmpty(), "the last record has no CRLF");
    return rows;
  }

  @Test
  void csvOfEveryHitReadsBackWithOneRecordPerHitAndEveryField() {
    Cli.Result all = cli.run("search", "--limit", "all", "--format", "csv");
    assertEquals(0, all.exit(), all::toString);
    List<List<String>> rows = readCsv(all.out());
    Cli.Result json = cli.run("search", "--limit", "all", "--format", "json");
    long total = ((Number) SearchJson.of(json).get("total")).longValue();
    assertEquals(total + 1, rows.size(), "one record per point, and the header");
    assertTrue(total > 60, "the sample index has " + total + " points");
    for (List<String> r : rows) {
      assertEquals(rows.get(0).size(), r.size(), r.toString());
    }
    assertEquals(List.of("id", "region", "region_zh", "sector", "sector_zh", "date", "type", "confidence", "status", "score",
        "match", "evidence", "file", "line"), rows.get(0));
  }

  @Test
  void perItemHasOneRecordPerItemAHitShowsWithItsCitationKey() {
    Cli.Result r = cli.run("search", "--region", "Xinjiang", "--sector", "Industry", "--limit", "all", "--format", "csv",
        "--per-item");
    assertEquals(0, r.exit(), r::toString);
    List<List<String>> rows = readCsv(r.out());
    // The real report: 1 + 2 + 3 + 1 items under four points.
    assertEquals(1 + 7, rows.size(), r.out());
    int key = rows.get(0).indexOf("key");
    assertTrue(rows.stream().skip(1).anyMatch(row -> row.get(key).equals("xinjiang-industry-2021-12-16-seasonal-2")));
  }

  @Test
  void aCellThatASpreadsheetWouldRunIsPrefixedAndQuotingFollowsRfc4180() {
    DelimitedRenderer.Dialect csv = DelimitedRenderer.Dialect.CSV;
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", DelimitedRenderer.cell("=HYPERLINK(\"x\")", csv));
    assertEquals("\"'=1+2,3\"", DelimitedRenderer.cell("=1+2,3", csv));
    assertEquals("'+86 10", DelimitedRenderer.cell("+86 10", csv));
    assertEquals("'-2", DelimitedRenderer.cell("-2", csv));
    assertEquals("'@SUM(A1)", DelimitedRenderer.cell("@SUM(A1)", csv));
    assertEquals("\"a \"\"b\"\"\"", DelimitedRenderer.cell("a \"b\"", csv));
    assertEquals("\"line\r\nbreak\"", DelimitedRenderer.cell("line\r\nbreak", csv));
    assertEquals("新疆绿色电力交易量同比增长74.7%", DelimitedRenderer.cell("新疆绿色电力交易量同比增长74.7%", csv));
    // A control character from a report is shown escaped, as text output shows it (session 5).
    assertEquals("a\\x1b]0;t\\x07\\u009b\\u202eb", DelimitedRenderer.cell("a\u001b]0;t\u0007\u009b\u202eb", csv));
    assertEquals("\"'=x\\x1b,\"", DelimitedRenderer.cell("=x\u001b,", csv));
    DelimitedRenderer.Dialect tsv = DelimitedRenderer.Dialect.TSV;
    assertEquals("a b c", DelimitedRenderer.cell("a\tb\nc", tsv));
    assertEquals("'=x", DelimitedRenderer.cell("=x", tsv));
  }

  /**
   * {@code show --format csv|tsv} has the duplicates that text and JSON show under each item: by
   * title, 文号 or URL ({@code also_cited_under}) and by content ({@code same_event_under}).
   */
  @Test
  @SuppressWarnings("unchecked")
  void showAsCsvOrTsvHasEachItemsDuplicatesAsJsonHasThem() {
    for (String id : List.of("jiangsu/power/2021-09-16/policy", "xinjiang/industry/2022-03-01/event",
        "xinjiang/industry/2019-04-01/event")) {
      Map<String, Object> json = MiniJson.object(cli.run("show", id, "--format", "json").out());
      List<Map<String, Object>> items = (List<Map<String, Object>>) json.get("evidence");
      for (String format : List.of("csv", "tsv")) {
        Cli.Result r = cli.run("show", id, "--format", format);
        assertEquals(0, r.exit(), r::toString);
        List<List<String>> rows = format.equals("csv") ? readCsv(r.out())
            : r.out().lines().map(l -> List.of(l.split("\t", -1))).toList();
        List<String> header = rows.get(0);
        int also = header.indexOf("also_cited_under");
        int same = header.indexOf("same_event_under");
        assertEquals(List.of(header.size() - 2, header.size() - 1), List.of(also, same), header::toString);
        assertEquals(items.size() + 1, rows.size(), r::toString);
        for (int i = 0; i < items.size(); i++) {
          Map<String, Object> item = items.get(i);
          List<String> row = rows.get(i + 1);
          assertEquals(String.join(" ", (List<String>) item.get("also_cited_under")), row.get(also), id + " " + format);
          List<String> sameEvent = new ArrayList<>();
          for (Map<String, Object> rel : (List<Map<String, Object>>) item.get("same_event_under")) {
            sameEvent.add(rel.get("ref") + " (" + String.join(" · ", (List<String>) rel.get("why")) + ")");
          }
          assertEquals(String.join(" | ", sameEvent), row.get(same), id + " " + format);
        }
      }
    }
    // What text shows, on the real report's point and on a Jiangsu policy cited in two provinces.
    List<List<String>> jiangsu = readCsv(cli.run("show", "jiangsu/power/2021-09-16/policy", "--format", "csv").out());
    assertEquals("guangdong/power/2021-09-10/policy#2 xinjiang/power/2021-08-17/policy#1", jiangsu.get(1).get(17));
    List<List<String>> xinjiang = readCsv(cli.run("show", "xinjiang/industry/2022-03-01/event", "--format", "csv").out());
    assertTrue(xinjiang.get(3).get(18).startsWith("xinjiang/industry/2019-04-01/event#1 (same place 墨玉县 · "),
        xinjiang.get(3).toString());
  }

  @Test
  void bomOnlyWhenAskedAndOnlyForCsvAndTsv() {
    Cli.Result plain = cli.run("facets", "--region", "新疆", "--format", "csv");
    assertTrue(plain.out().startsWith("dimension,value,count\r\n"), plain.out());
    Cli.Result bom = cli.run("facets", "--region", "新疆", "--format", "csv", "--bom");
    assertEquals("\uFEFF" + plain.out(), bom.out());
    Cli.Result tsv = cli.run("show", "xinjiang/industry/2022-03-01/event", "--format", "tsv", "--bom");
    assertTrue(tsv.out().startsWith("\uFEFFid\tregion\t"), tsv.out());
    Cli.Result json = cli.run("facets", "--format", "json", "--bom");
    assertEquals(2, json.exit(), json::toString);
    assertTrue(json.err().contains("--bom is for --format csv or tsv, not json"), json.err());
  }

  @Test
  void unsupportedCombinationsAreUsageErrorsThatNameThemselves() {
    Cli.Result facets = cli.run("facets", "--format", "bibtex");
    assertEquals(2, facets.exit(), facets::toString);
    assertTrue(facets.err().contains("--format bibtex cannot write facet counts (facets writes text, json, csv or tsv)"),
        facets.err());
    Cli.Result perItem = cli.run("search", "光伏", "--per-item");
    assertEquals(2, perItem.exit(), perItem::toString);
    assertTrue(perItem.err().contains("--per-item is for --format csv or tsv, not text"), perItem.err());
    Cli.Result full = cli.run("search", "光伏", "--full", "--format", "csv");
    assertEquals(2, full.exit(), full::toString);
    assertTrue(full.err().contains("--full is for --format json or jsonl, not csv"), full.err());
    Cli.Result table = cli.run("table", "-r", "Xinjiang", "-s", "Industry", "--format", "ris");
    assertEquals(2, table.exit(), table::toString);
    assertTrue(table.err().contains("--format ris cannot write a series table (table writes json, csv, tsv, markdown or latex)"),
        table.err());
    Cli.Result limit = cli.run("search", "光伏", "--limit", "many");
    assertEquals(2, limit.exit(), limit::toString);
    assertTrue(limit.err().contains("expected a whole number >= 0, or all"), limit.err());
  }

  @Test
  void jsonFullCarriesEveryItemOfEachHitAsShowDoes() {
    Cli.Result r = cli.run("search", "--region", "Xinjiang", "--sector", "Industry", "--status", "found", "--limit", "all",
        "--format", "jsonl", "--full");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(4, r.outLines().size());
    for (String line : r.outLines()) {
      Map<?, ?> hit = (Map<?, ?>) MiniJson.parse(line);
      Map<?, ?> show = (Map<?, ?>) MiniJson.parse(cli.run("show", (String) hit.get("id"), "--format", "json").out());
      assertEquals(show.get("evidence"), hit.get("items"), (String) hit.get("id"));
      assertTrue(!((List<?>) hit.get("items")).isEmpty());
    }
  }

  @Test
  void theLatexTableEscapesEverySpecialCharacter() {
    assertEquals("\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
        PaperTableRenderer.tex("& % $ # _ { } ~ ^ \\"));
    assertEquals("a \\| b \\\\ c", PaperTableRenderer.md("a | b \\ c"));
    Cli.Result r = cli.run("table", "--region", "Xinjiang", "--sector", "Industry", "--format", "latex");
    assertTrue(r.out().contains("\\toprule") && r.out().contains("\\midrule") && r.out().contains("\\bottomrule"), r.out());
    // 74.7% in a title would start a LaTeX comment unescaped.
    assertTrue(r.out().contains("74.7\\%~\\cite{xinjiang-industry-2022-03-01-event-1}"), r.out());
  }

  @Test
  void theTableListsEveryPointOfTheSeriesByDate() {
    Cli.Result r = cli.run("table", "--region", "新疆", "--sector", "工业", "--format", "csv");
    assertEquals(0, r.exit(), r::toString);
    List<List<String>> rows = readCsv(r.out());
    assertEquals(11, rows.size(), "the real report's ten points and the header");
    List<String> dates = rows.stream().skip(1).map(row -> row.get(1)).toList();
    assertEquals(dates.stream().sorted().toList(), dates);
    // 2021-12-16: its plan of 2022年3月 is in the window (±90 days), its 方案 of 2022年6月 is not.
    List<String> seasonal = rows.stream().filter(row -> row.get(0).equals("xinjiang/industry/2021-12-16/seasonal"))
        .findFirst().orElseThrow();
    assertEquals("xinjiang-industry-2021-12-16-seasonal-1", seasonal.get(6));
    assertEquals("1", seasonal.get(7));
    Cli.Result none = cli.run("table", "--region", "Tibet", "--sector", "Power");
    assertEquals(1, none.exit(), none::toString);
    Cli.Result bad = cli.run("table", "--region", "Atlantis", "--sector", "Power");
    assertEquals(2, bad.exit(), bad::toString);
  }
}
