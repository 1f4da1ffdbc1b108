package org.tpsearch.search.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The plain baseline: what one gets from Lucene out of the box. One text field holding each point's
 * searchable text (the same values tpsearch indexes), analyzed with {@link SmartChineseAnalyzer}
 * (default stop words), queried with the classic {@link QueryParser}, default operator OR, BM25.
 */
public final class PlainBaseline implements RetrievalSystem {
  static final String ID = "id";
  static final String TEXT = "text";

  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  public PlainBaseline(EvalCorpus corpus) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (EvalCorpus.Point p : corpus.points()) {
        Document d = new Document();
        d.add(new StringField(ID, p.id(), Field.Store.YES));
        for (String part : p.parts()) {
          d.add(new TextField(TEXT, part, Field.Store.NO));
        }
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public String description() {
    return "one field, SmartChineseAnalyzer, classic QueryParser (default OR), BM25";
  }

  @Override
  public Ranking search(String query) throws IOException {
    Query q;
    try {
      // A new parser per query: QueryParser is not thread-safe, and this one is cheap.
      q = new QueryParser(TEXT, analyzer).parse(escape(query));
    } catch (ParseException | RuntimeException e) {
      return Ranking.failed("classic QueryParser: " + e.getMessage().lines().findFirst().orElse(""));
    }
    TopDocs top = searcher.search(q, DEPTH);
    StoredFields stored = searcher.storedFields();
    List<String> ids = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      ids.add(stored.document(sd.doc).get(ID));
    }
    return new Ranking(ids, searcher.count(q), null);
  }

  /**
   * Escapes {@code query} for the classic parser ({@link QueryParser#escape}) except for what a
   * user means by it in both syntaxes: balanced ASCII double quotes (phrases), a {@code -} that
   * starts a word (exclusion), and whitespace; the words OR, AND and NOT stay operators, as
   * letters are never escaped.
   */
  static String escape(String query) {
    boolean quotesBalanced = query.chars().filter(c -> c == '"').count() % 2 == 0;
    StringBuilder out = new StringBuilder(query.length() + 8);
    boolean inQuote = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean wordStart = i == 0 || Character.isWhitespace(query.charAt(i - 1));
      if (c == '"' && quotesBalanced) {
        out.append(c);
        inQuote = !inQuote;
      } else if (c == '-' && !inQuote && wordStart && i + 1 < query.length()
          && !Character.isWhitespace(query.charAt(i + 1))) {
        out.append(c);
      } else if (Character.isWhitespace(c)) {
        out.append(c);
      } else {
        out.append(QueryParser.escape(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      dir.close();
      analyzer.close();
    }
  }
}
