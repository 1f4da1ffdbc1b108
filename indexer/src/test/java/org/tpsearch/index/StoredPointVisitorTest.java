package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Reading a stored point with the visitor (straight into the point) gives the point read through
 * a Lucene {@code Document}, for every point of the indexed sample corpus, with every field, with
 * the hit fields and with the id alone.
 */
class StoredPointVisitorTest {
  @Test
  void visitorReadsThePointTheDocumentReads() throws Exception {
    IndexedCorpus.Baseline b = IndexedCorpus.indexed();
    int points = 0;
    int withAnswer = 0;
    try (FSDirectory dir = FSDirectory.open(b.index()); DirectoryReader r = DirectoryReader.open(dir)) {
      StoredFields stored = r.storedFields();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        StoredPoint full = StoredPoint.read(stored.document(doc));
        assertEquals(full, StoredPoint.read(stored, doc, null), "doc " + doc);
        StoredPoint hit = StoredPoint.read(stored.document(doc, StoredPoint.HIT_FIELDS));
        assertEquals(hit, StoredPoint.read(stored, doc, StoredPoint.HIT_FIELDS), "doc " + doc);
        assertEquals("", hit.answer());
        assertEquals(full.withItems(full.items()).items(), hit.items());
        assertEquals(StoredPoint.read(stored.document(doc, Set.of(Schema.ID))), StoredPoint.read(stored, doc, Set.of(Schema.ID)));
        points++;
        withAnswer += full.answer().isEmpty() ? 0 : 1;
      }
    }
    assertTrue(points > 50, "the sample corpus's points: " + points);
    assertFalse(withAnswer == 0, "answers were read");
  }
}
