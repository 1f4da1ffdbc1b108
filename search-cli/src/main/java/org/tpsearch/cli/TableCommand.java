package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tpsearch.cite.Citation;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tpsearch table}: every turning point of a series as a table for a paper. */
@Command(name = "table", sortOptions = false,
    description = {"Print every turning point of one series (a region and a sector) with its date, type, "
        + "confidence, status and the evidence to cite (titles and citation keys), as a table to paste into a paper."},
    footer = {"", "Examples:",
        "  tpsearch table --region Xinjiang --sector Industry",
        "  tpsearch table --region 新疆 --sector 工业 --format latex",
        "  tpsearch table -r Xinjiang -s Industry --format csv --bom > xinjiang-industry.csv"})
final class TableCommand extends IndexReadingCommand {
  @Option(names = {"-r", "--region"}, required = true, paramLabel = "REGION", completionCandidates = Candidates.RegionNames.class,
      description = "The region: any of its names (Xinjiang, 新疆, 新疆维吾尔自治区).")
  String region;

  @Option(names = {"-s", "--sector"}, required = true, paramLabel = "SECTOR", completionCandidates = Candidates.SectorNames.class,
      description = "The sector: Power, Industry, Ground Transport, Residential, Aviation, or 电力, 工业...")
  String sector;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
      description = "markdown (citations as [@key], for pandoc), latex (booktabs, \\cite{key}), csv, tsv or json "
          + "(default: ${DEFAULT-VALUE}).")
  FormatOption.Format format;

  @Option(names = "--bom", description = "csv and tsv: begin with a UTF-8 byte-order mark.")
  boolean bom;

  private Renderer renderer;

  @Override
  void validate() {
    renderer = FormatOption.renderer(spec, Renderer.Kind.TABLE, format,
        new FormatOption.Options(false, false, bom, false, false));
  }

  @Override
  int run(SearchBackend searcher) throws Exception {
    SearchRequest request = new SearchRequest("", Map.of("region", List.of(region), "sector", List.of(sector)),
        Double.NaN, Integer.MAX_VALUE, SearchRequest.SortOrder.DATE, false, false, false);
    SearchResult result = searcher.search(request);
    List<SeriesTable.Row> rows = new ArrayList<>();
    String regionName = region;
    String regionZh = "";
    String sectorName = sector;
    String sectorZh = "";
    for (SearchResult.Hit h : result.hits()) {
      StoredPoint p = searcher.show(h.id());
      if (p == null) {
        continue;
      }
      regionName = p.region();
      regionZh = p.regionZh();
      sectorName = p.sector();
      sectorZh = p.sectorZh();
      List<SeriesTable.Entry> evidence = new ArrayList<>();
      int out = 0;
      for (StoredPoint.Item it : p.items()) {
        String window = Citations.window(p, it);
        // The items whose date falls outside the point's window are left out (and counted); undated ones stay.
        if (window.equals("out-of-window")) {
          out++;
        } else {
          evidence.add(new SeriesTable.Entry(it.title(), Citation.key(p.id(), it.ordinal()), it.time(), window));
        }
      }
      rows.add(new SeriesTable.Row(p.id(), p.date(), p.type(), p.confidence(), p.status(), evidence, out));
    }
    if (rows.isEmpty()) {
      err().println("tpsearch: no turning points of " + TerminalText.line(region) + " " + TerminalText.line(sector) + " in "
          + searcher.description());
      return ExitCodes.NO_HITS;
    }
    renderer.table(new SeriesTable(searcher.description(), regionName, regionZh, sectorName, sectorZh, rows), out());
    out().flush();
    return ExitCodes.OK;
  }
}
