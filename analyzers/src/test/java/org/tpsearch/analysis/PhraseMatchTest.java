package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indexes real corpus sentences with {@code BigramAnalyzer(true)} and checks that phrase queries
 * built from {@code BigramAnalyzer(false)} match exactly the documents containing the string.
 */
class PhraseMatchTest {

  private static final String FIELD = "body";

  static final List<String> DOCS =
      List.of(
          "新疆绿色电力交易量同比增长74.7%", // 0
          "绿色电力交易量的增加有助于企业实现碳中和，促进工业转型。", // 1
          "力争工业领域二氧化碳排放在2030年前达峰", // 2
          "推动工业领域碳达峰。", // 3
          "《新疆维吾尔自治区\"十四五\"工业绿色发展规划》", // 4
          "预计到2025年，全区规模以上工业单位增加值能耗较2020年下降17.5%", // 5
          "绿色电力交易量达到52.6亿千瓦时", // 6
          "晋政发〔2022〕29号", // 7
          "綠色電力交易", // 8
          "Industry green power trading"); // 9

  private static Directory dir;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;
  private static BigramAnalyzer indexAnalyzer;
  private static BigramAnalyzer queryAnalyzer;
  private static QueryBuilder queryBuilder;

  @BeforeAll
  static void index() throws IOException {
    indexAnalyzer = new BigramAnalyzer(true);
    queryAnalyzer = new BigramAnalyzer(false);
    queryBuilder = new QueryBuilder(queryAnalyzer);
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(indexAnalyzer))) {
      for (int i = 0; i < DOCS.size(); i++) {
        Document doc = new Document();
        doc.add(new StoredField("n", i));
        doc.add(new TextField(FIELD, DOCS.get(i), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
    indexAnalyzer.close();
    queryAnalyzer.close();
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("交易量", Set.of(0, 1, 6)),
        Arguments.of("绿色电力交易", Set.of(0, 1, 6, 8)),
        Arguments.of("碳达峰", Set.of(3)),
        Arguments.of("十四五", Set.of(4)),
        Arguments.of("74.7", Set.of(0)),
        Arguments.of("17.5%", Set.of(5)),
        Arguments.of("52.6亿", Set.of(6)),
        Arguments.of("29号", Set.of(7)),
        Arguments.of("晋政发〔2022〕29号", Set.of(7)),
        Arguments.of("光伏", Set.of()),
        Arguments.of("达", Set.of(2, 3, 6)),
        Arguments.of("green power", Set.of(9)),
        Arguments.of("量", Set.of(0, 1, 6)),
        // Folding on the query side too: Traditional and full-width queries.
        Arguments.of("綠色電力", Set.of(0, 1, 6, 8)),
        Arguments.of("ＧＲＥＥＮ Power", Set.of(9)),
        // Phrases crossing punctuation and several runs.
        Arguments.of("《新疆维吾尔自治区\"十四五\"工业绿色发展规划》", Set.of(4)),
        Arguments.of("十四五\"工业", Set.of(4)),
        Arguments.of("2030年前达峰", Set.of(2)),
        Arguments.of("增长74.7", Set.of(0)));
  }

  @ParameterizedTest(name = "{0} -> docs {1}")
  @MethodSource("queries")
  void phraseQueryHitsExactlyTheDocsContainingTheString(String query, Set<Integer> expected)
      throws IOException {
    assertEquals(new TreeSet<>(expected), containing(query), "test table agrees with substring search");
    assertEquals(new TreeSet<>(expected), hits(query));
  }

  @Test
  void scatteredCharactersDoNotMatch() throws IOException {
    // Doc 2 has 碳 ... 达峰 but not 碳达峰; doc 1 has 碳 中 和 but doc 3 has no 碳中和.
    assertEquals(Set.of(3), hits("碳达峰"));
    assertEquals(Set.of(1), hits("碳中和"));
    assertEquals(Set.of(), hits("工业碳达峰"));
    assertEquals(Set.of(), hits("29号晋政发"));
  }

  @Test
  void queryBuilderGivesPositionalPhraseQueries() {
    PhraseQuery pq = assertInstanceOf(PhraseQuery.class, queryBuilder.createPhraseQuery(FIELD, "交易量"));
    assertEquals(List.of(new Term(FIELD, "交易"), new Term(FIELD, "易量")), Arrays.asList(pq.getTerms()));
    assertEquals(List.of(0, 1), positions(pq));
    assertEquals(0, pq.getSlop());

    // The hole at 2 is where the index side has the unigram 发 after the bigram run.
    pq = assertInstanceOf(PhraseQuery.class, queryBuilder.createPhraseQuery(FIELD, "晋政发〔2022〕29号"));
    assertEquals(
        List.of("晋政", "政发", "2022", "29", "号"),
        Arrays.stream(pq.getTerms()).map(Term::text).toList());
    assertEquals(List.of(0, 1, 3, 4, 5), positions(pq));

    // One token: a plain term query; on the query side a lone ideograph is a unigram.
    assertEquals(new TermQuery(new Term(FIELD, "达")), queryBuilder.createPhraseQuery(FIELD, "达"));
    assertEquals(new TermQuery(new Term(FIELD, "17.5")), queryBuilder.createPhraseQuery(FIELD, "17.5%"));
    assertEquals(new TermQuery(new Term(FIELD, "风电")), queryBuilder.createPhraseQuery(FIELD, "風電"));
    // Nothing to search for: QueryBuilder returns null, callers must handle it.
    assertNull(queryBuilder.createPhraseQuery(FIELD, "〔%〕"));
  }

  /**
   * Property: any stretch of a document that starts and ends on token boundaries, used as a
   * query, finds that document, and finds exactly the documents containing it when it has no
   * punctuation (punctuation is not indexed, so with it the match can only be wider).
   */
  @Test
  void everyTokenAlignedSubstringFindsItsDocuments() throws IOException {
    int checked = 0;
    for (int d = 0; d < DOCS.size(); d++) {
      String text = DOCS.get(d);
      List<Tokens.Token> units =
          Tokens.of(indexAnalyzer, text).tokens().stream()
              .filter(t -> !CJKBigramFilter.DOUBLE_TYPE.equals(t.type()))
              .toList();
      for (int i = 0; i < units.size(); i++) {
        for (int j = i; j < units.size(); j++) {
          String query = text.substring(units.get(i).start(), units.get(j).end());
          Set<Integer> hits = hits(query);
          Set<Integer> containing = containing(query);
          assertTrue(hits.containsAll(containing), query + ": " + hits + " misses " + containing);
          if (query.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == ' ')) {
            assertEquals(containing, hits, query);
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 1000, "checked " + checked + " substrings");
  }

  private static Set<Integer> hits(String text) throws IOException {
    Query q = queryBuilder.createPhraseQuery(FIELD, text);
    Set<Integer> out = new TreeSet<>();
    if (q == null) {
      return out;
    }
    for (ScoreDoc sd : searcher.search(q, DOCS.size()).scoreDocs) {
      out.add(searcher.storedFields().document(sd.doc).getField("n").numericValue().intValue());
    }
    return out;
  }

  /** The oracle: documents whose folded text contains the folded query. */
  private static Set<Integer> containing(String query) {
    String needle = TextNormalizer.normalize(query);
    return IntStream.range(0, DOCS.size())
        .filter(i -> TextNormalizer.normalize(DOCS.get(i)).contains(needle))
        .boxed()
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Integer> positions(PhraseQuery pq) {
    List<Integer> out = new ArrayList<>();
    for (int p : pq.getPositions()) {
      out.add(p);
    }
    return out;
  }
}
