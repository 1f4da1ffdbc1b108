package org.tpsearch.search;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.tpsearch.cli.Context;

/** A base for search tests over the embedded sample index: opened once per class, closed after. */
abstract class EmbeddedIndexTest {
  static IndexHandle index;
  static Searcher searcher;

  @BeforeAll
  static void open() throws Exception {
    index = IndexHandle.openEmbedded();
    searcher = new Context(Map.of(), false).searcher(index);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }
}
