package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full run leaves the index in one segment (a warm query sets up every clause's scorer once per
 * segment: a second segment cost a tenth of a query), however many threads wrote it; an
 * incremental run adds its few documents as a small segment and does not rewrite the index.
 */
class OneSegmentTest {
  @TempDir Path tmp;

  private static int segments(Path index) throws Exception {
    try (FSDirectory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
      return r.leaves().size();
    }
  }

  @Test
  void aFullRunOnSeveralThreadsLeavesOneSegment() throws Exception {
    Path corpus = IndexedCorpus.copySamples(tmp.resolve("results"));
    Path index = tmp.resolve("index");
    // Four writing threads: up to four in-memory segments before the commit.
    IndexSummary s = Indexer.run(List.of(corpus), index, Indexer.Options.defaults().withThreads(4));
    assertEquals(IncrementalIndexTest.POINTS, s.points());
    assertEquals(1, segments(index));
    assertEquals(IncrementalIndexTest.POINTS, IndexedCorpus.documents(index).size());

    // One changed point: written as a new small segment, the big one left as it is (its old copy
    // marked deleted), not merged again.
    IndexedCorpus.rewrite(corpus.resolve("Xinjiang_Power_combined_info.txt"), "，工商业用电下降，", "，工商业用电明显下降，");
    IndexSummary again = Indexer.run(List.of(corpus), index, Indexer.Options.defaults().withThreads(4));
    assertEquals(1, again.parsedFiles());
    assertEquals(1, again.updated());
    assertEquals(2, segments(index));
    assertEquals(IncrementalIndexTest.POINTS, IndexedCorpus.documents(index).size());
  }
}
