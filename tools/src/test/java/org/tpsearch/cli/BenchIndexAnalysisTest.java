package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.tpsearch.index.PinyinAnalyzer;
import org.tpsearch.index.PointDocuments;
import org.tpsearch.index.Schema;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;

/**
 * The analysis-only limit of {@code tpsearch bench index} analyzes exactly the text the index
 * writer analyzes: the same fields with the same analyzer, no more (a stored-only field, such as
 * the verbatim answer, is not analyzed by the index).
 */
class BenchIndexAnalysisTest {
  @Test
  void analyzesTheTokensTheIndexWriterAnalyzes() throws IOException {
    Path file = Path.of("..", "sample-index", "reports", "Xinjiang_Industry_combined_info.txt").toAbsolutePath().normalize();
    Report r = ReportParser.parse(file);
    List<Document> docs = new ArrayList<>();
    for (TurningPoint p : r.points()) {
      docs.add(PointDocuments.build(p, file.toString(), Schema.facetsConfig()));
    }
    assertTrue(docs.size() >= 5, "points of the real report: " + docs.size());

    // The index writer's own count: every token it takes from the index analyzer.
    AtomicLong written = new AtomicLong();
    Analyzer schema = Schema.indexAnalyzer();
    Analyzer counting = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return schema;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(components.getSource(), new TokenFilter(components.getTokenStream()) {
          @Override
          public boolean incrementToken() throws IOException {
            boolean more = input.incrementToken();
            if (more) {
              written.incrementAndGet();
            }
            return more;
          }
        });
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return schema.getPositionIncrementGap(fieldName);
      }
    };
    // The writer analyzes on the thread that adds the document; so does the bench below.
    long replays0 = PinyinAnalyzer.replaysOnThisThread();
    try (IndexWriter w = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(counting))) {
      for (Document d : docs) {
        w.addDocument(d);
      }
    }
    long writerReplays = PinyinAnalyzer.replaysOnThisThread() - replays0;

    long replays1 = PinyinAnalyzer.replaysOnThisThread();
    long benched = BenchIndexCommand.analyze(Schema.indexAnalyzer(), docs);
    long benchReplays = PinyinAnalyzer.replaysOnThisThread() - replays1;
    assertTrue(written.get() > 1000, "tokens written: " + written.get());
    assertEquals(written.get(), benched, "tokens the bench analyzes vs tokens the index writer analyzes");
    // The same work, not only the same tokens: the pinyin field reuses the word field's segmentation
    // of a value in both, or SmartChinese would run more often in one than in the other.
    long pinyinValues = docs.stream().mapToLong(d -> d.getFields(Schema.TEXT_PY).length).sum();
    assertEquals(pinyinValues, writerReplays, "pinyin values segmented again by the index writer");
    assertEquals(writerReplays, benchReplays, "segmentations reused: the bench vs the index writer");
  }
}
