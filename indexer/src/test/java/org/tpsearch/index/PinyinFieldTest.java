package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.index.IndexedCorpus.Baseline;

/** The pinyin field of the sample index: a name typed in pinyin finds exactly the points that write it. */
class PinyinFieldTest {

  @ParameterizedTest(name = "{0} finds the points that write {1}")
  @CsvSource({
    "pudong, 浦东, shanghai/aviation/2022-06-01/event", // the 浦东机场航班恢复 point
    "hongqiao, 虹桥, shanghai/aviation/2022-06-01/event",
    "guquan, 古泉, xinjiang/power/", // 古 泉 apart to the segmenter: pieces joined
    "changji, 昌吉, xinjiang/power/",
    "zhundong, 准东, xinjiang/power/",
    "hami, 哈密, xinjiang/power/",
    "moyu, 墨玉, xinjiang/industry/",
    "wulumuqi, 乌鲁木齐, xinjiang/power/",
  })
  void aPinyinNameFindsThePointsThatWriteIt(String pinyin, String chinese, String mustFind) throws Exception {
    Baseline b = IndexedCorpus.indexed();
    Map<String, Document> docs = IndexedCorpus.documents(b.index());
    Set<String> writeIt = new TreeSet<>();
    docs.forEach((id, d) -> {
      if (d.get(Schema.ANSWER).contains(chinese)) {
        writeIt.add(id);
      }
    });
    Set<String> found = new TreeSet<>();
    try (FSDirectory dir = FSDirectory.open(b.index()); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Schema.TEXT_PY, pinyin)), 1000).scoreDocs) {
        found.add(reader.storedFields().document(sd.doc).get(Schema.ID));
      }
    }
    assertFalse(writeIt.isEmpty(), "the sample reports write " + chinese);
    assertEquals(writeIt, found, pinyin);
    assertTrue(found.stream().anyMatch(id -> id.startsWith(mustFind)), found + " has no " + mustFind);
  }
}
