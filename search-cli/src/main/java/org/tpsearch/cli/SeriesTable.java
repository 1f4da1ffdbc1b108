package org.tpsearch.cli;

import java.util.List;

/**
 * The turning points of one series (a region and a sector), for a paper's table: each with its date,
 * type, confidence, status and the evidence to cite.
 *
 * @param index where the points come from
 * @param rows the points, by date
 */
record SeriesTable(String index, String region, String regionZh, String sector, String sectorZh, List<Row> rows) {
  SeriesTable {
    rows = List.copyOf(rows);
  }

  /**
   * One turning point.
   *
   * @param confidence 0..1, NaN when unknown
   * @param evidence the items to cite: those whose date falls in the point's window, and undated ones
   * @param outOfWindow how many items were left out because their date falls outside the window
   */
  record Row(String id, String date, String type, double confidence, String status, List<Entry> evidence,
      int outOfWindow) {
    Row {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * An evidence item: its title, citation key ({@code tpsearch cite} writes the reference under it),
   * time as written, and where its date falls against the point's window ({@code in-window} or
   * {@code undated}).
   */
  record Entry(String title, String key, String time, String window) {}
}
