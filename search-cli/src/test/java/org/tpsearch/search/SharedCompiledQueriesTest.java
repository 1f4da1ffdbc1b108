package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiled queries and their weights outlive one command in the search daemon (a borrowed handle
 * per command shares its owner's), and a query prepared for one searcher is never answered with
 * its weights by another.
 */
class SharedCompiledQueriesTest {
  static IndexHandle owner;
  static QueryCompiler compiler;

  @BeforeAll
  static void open() throws Exception {
    owner = IndexHandle.openEmbedded();
    compiler = new QueryCompiler(QueryCompiler.defaultGlossary(), owner.reader());
  }

  @AfterAll
  static void close() throws Exception {
    owner.close();
  }

  @Test
  void theNextCommandFindsTheCompiledQuery() throws Exception {
    SearchRequest r = SearchRequest.of("电力 交易").withFilter("sector", List.of("Power")).withFacets(true);
    Searcher first = new Searcher(owner.borrow("index of command 1", Path.of("a")), compiler);
    SearchResult answered = first.search(r);
    assertFalse(answered.hits().isEmpty(), "the sample index has such points");
    Searcher second = new Searcher(owner.borrow("index of command 2", Path.of("b")), compiler);
    assertTrue(second.hasCompiled(r), "the second command's searcher has the first one's compiled query");
    SearchResult again = second.search(r);
    // The same answer, described as the second command opened it.
    assertEquals("index of command 2", again.index());
    assertEquals(answered.hits(), again.hits());
    assertEquals(answered.total(), again.total());
    assertEquals(answered.facets(), again.facets());
    // Compiled anew (no cache), the same too.
    SearchResult fresh = new Searcher(owner.borrow("fresh", null), compiler, 0).search(r);
    assertEquals(fresh.hits(), again.hits());
    assertEquals(fresh.facets(), again.facets());
  }

  @Test
  void anotherCompilerHasItsOwnCache() throws Exception {
    SearchRequest r = SearchRequest.of("光伏 装机");
    new Searcher(owner.borrow("one", null), compiler).search(r);
    QueryCompiler other = new QueryCompiler(QueryCompiler.defaultGlossary(), owner.reader());
    assertFalse(new Searcher(owner.borrow("two", null), other).hasCompiled(r),
        "another glossary (compiler) must not answer with this one's compiled queries");
  }

  @Test
  void aPreparedQueryIsPlainForAnotherSearcher() throws Exception {
    QueryCompiler.Compiled c = compiler.compile(UserQuery.parse("碳达峰 实施方案"), true);
    IndexSearcher mine = owner.searcher();
    IndexSearcher another = new IndexSearcher(owner.reader());
    PreparedQuery prepared = new PreparedQuery(c.strict(), mine);
    TopDocs viaPrepared = another.search(prepared, 20);
    TopDocs plain = another.search(c.strict(), 20);
    assertTrue(plain.totalHits.value() > 0, "the query finds something in the sample index");
    assertEquals(plain.totalHits, viaPrepared.totalHits);
    for (int i = 0; i < plain.scoreDocs.length; i++) {
      assertEquals(plain.scoreDocs[i].doc, viaPrepared.scoreDocs[i].doc);
      assertEquals(plain.scoreDocs[i].score, viaPrepared.scoreDocs[i].score);
    }
    // With its own searcher, the same answer from the kept weight, twice.
    for (int round = 0; round < 2; round++) {
      TopDocs own = mine.search(prepared, 20);
      assertEquals(plain.totalHits, own.totalHits);
      for (int i = 0; i < plain.scoreDocs.length; i++) {
        assertEquals(plain.scoreDocs[i].doc, own.scoreDocs[i].doc);
        assertEquals(plain.scoreDocs[i].score, own.scoreDocs[i].score);
      }
    }
  }
}
