package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.tpsearch.index.Schema;
import org.tpsearch.model.Link;

/** Everything stored of one turning point, for {@code tpsearch show}. */
public record PointView(
    String id, String region, String regionZh, String sector, String sectorZh, String date, String type,
    double confidence, String status, String file, int line, List<String> flags, List<Item> items,
    String prose, String answer) {
  /** One evidence item with every labelled field. */
  public record Item(int ordinal, String title, String time, List<String[]> fields, List<Link> sources, String text) {}

  static PointView of(Document d) {
    String[] titles = d.getValues(Schema.EV_TITLE);
    String[] times = d.getValues(Schema.EV_TIME);
    String[] texts = d.getValues(Schema.EV_TEXT);
    String[] sources = d.getValues(Schema.EV_SOURCES);
    String[] fields = d.getValues(Schema.EV_FIELDS);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      List<String[]> fs = new ArrayList<>();
      for (String line : fields[i].split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          fs.add(new String[] {line.substring(0, tab), line.substring(tab + 1).replace('\u2028', '\n')});
        }
      }
      items.add(new Item(i + 1, titles[i], times[i], fs, Searcher.decodeLinks(sources[i]), texts[i]));
    }
    double conf = d.getField(Schema.CONFIDENCE).numericValue().doubleValue();
    return new PointView(d.get(Schema.ID), d.get(Schema.REGION), nz(d.get(Schema.REGION_ZH)), d.get(Schema.SECTOR),
        nz(d.get(Schema.SECTOR_ZH)), d.get(Schema.DATE_TEXT), d.get(Schema.TYPE), conf < 0 ? Double.NaN : conf,
        d.get(Schema.STATUS), d.get(Schema.FILE), d.getField(Schema.LINE).numericValue().intValue(),
        List.of(d.getValues(Schema.FLAG)), items, nz(d.get(Schema.PROSE)), nz(d.get(Schema.ANSWER)));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
