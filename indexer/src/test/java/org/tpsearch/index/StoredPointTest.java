package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Field;
import org.tpsearch.model.Link;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Golden;

/** The stored-point codec: every point of the real report, written to an index and read back. */
class StoredPointTest {
  @Test
  void everyPointOfTheRealReportComesBackAsParsed() throws Exception {
    Report report = ReportParser.parse(Golden.realReport());
    List<StoredPoint> read = new ArrayList<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer()))) {
        for (TurningPoint p : report.points()) {
          w.addDocument(PointDocuments.build(p, "reports/x.txt", Schema.facetsConfig()));
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        StoredFields sf = r.storedFields();
        for (int i = 0; i < r.maxDoc(); i++) {
          read.add(StoredPoint.read(sf.document(i)));
        }
      }
    }
    assertEquals(report.points().size(), read.size());
    int agencies = 0;
    for (int k = 0; k < read.size(); k++) {
      TurningPoint p = report.points().get(k);
      StoredPoint s = read.get(k);
      assertEquals(p.id(), s.id());
      assertEquals(p.region().name(), s.region());
      assertEquals(p.sector().zh(), s.sectorZh());
      assertEquals(p.type(), s.type());
      assertEquals(p.status().label(), s.status());
      assertEquals(p.hasConfidence() ? p.confidence() : Double.NaN, s.confidence());
      assertEquals(p.line(), s.line());
      assertEquals("reports/x.txt", s.file());
      assertEquals(p.flags(), s.flags());
      assertEquals(p.prose(), s.prose());
      assertEquals(p.answer(), s.answer());
      assertEquals("2025-05-01 17:00:12", s.analyzed());
      assertEquals(p.evidence().size(), s.items().size(), p.id());
      for (int i = 0; i < p.evidence().size(); i++) {
        EvidenceItem e = p.evidence().get(i);
        StoredPoint.Item it = s.items().get(i);
        assertEquals(i + 1, it.ordinal());
        assertEquals(e.title(), it.title());
        assertEquals(e.time(), it.time());
        assertEquals(e.text(), it.text());
        assertEquals(e.line(), it.line());
        assertEquals(e.sources(), it.sources());
        assertEquals(e.fields().size(), it.fields().size(), e.title());
        for (int f = 0; f < e.fields().size(); f++) {
          Field want = e.fields().get(f);
          assertEquals(new StoredPoint.Labelled(want.label(), want.key(), want.value()), it.fields().get(f));
        }
        if (it.field("agency").isPresent()) {
          agencies++;
        }
      }
    }
    // The real report names issuing agencies; a hit can show them.
    assertTrue(agencies > 0, "no item with an agency field");
  }

  @Test
  void readsFieldsWrittenBeforeKeysWereStored() {
    // An index of schema 3 stored "label\tvalue" lines; the key is then the label itself.
    assertEquals(List.of(new StoredPoint.Labelled("发布机构", "发布机构", "国家发展改革委"),
            new StoredPoint.Labelled("内容", "内容", "第一行\n第二行")),
        StoredPoint.decodeFields("发布机构\t国家发展改革委\n内容\t第一行\u2028第二行\n"));
    assertEquals(List.of(new StoredPoint.Labelled("发布机构", "agency", "国家发展改革委")),
        StoredPoint.decodeFields("发布机构\tagency\t国家发展改革委\n"));
    assertEquals(List.of(new Link("China Daily", "https://www.chinadaily.com.cn/a")),
        StoredPoint.decodeLinks("China Daily\thttps://www.chinadaily.com.cn/a\n"));
    Document empty = new Document();
    assertEquals(0, StoredPoint.read(empty).items().size());
  }
}
