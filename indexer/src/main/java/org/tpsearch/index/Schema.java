package org.tpsearch.index;

import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.WordAnalyzer;

/**
 * The index schema, declared once: field names, facet dimensions, the per-field analyzers and the
 * {@link FacetsConfig}, used by both the writer and the searcher (Lucene's facet guide warns that
 * the config used for searching must match the one used for indexing).
 */
public final class Schema {
  /** Bumped when documents change shape; an index of another version is rebuilt, not mixed. */
  public static final String VERSION = "4";

  /** The commit user-data key that records the schema version an index was written with. */
  public static final String COMMIT_VERSION_KEY = "tpsearch.schema";

  // Identity and metadata.
  public static final String ID = "id";
  public static final String REGION = "region";
  public static final String REGION_ZH = "region_zh";
  public static final String SECTOR = "sector";
  public static final String SECTOR_ZH = "sector_zh";
  public static final String DATE = "date";
  public static final String DATE_TEXT = "date_text";
  public static final String YEAR = "year";
  public static final String TYPE = "type";
  public static final String STATUS = "status";
  public static final String CONFIDENCE = "confidence";
  public static final String FLAG = "flag";
  public static final String FILE = "file";
  public static final String LINE = "line";
  public static final String HASH = "hash";

  // Searchable text. All of a point's text (evidence titles and items, prose, source titles and
  // URLs, region and sector names, type, date) is indexed twice: with CJK bigrams (recall, exact
  // phrases, exact forms) and with SmartChinese words and English stems (ranking, inflections).
  // Titles are indexed once more, with bigrams, so a match in a title can score higher.
  // Multi-valued, one value per item and part, with a position gap: no phrase spans two items.
  public static final String TEXT_BI = "text_bi";
  public static final String TEXT_W = "text_w";
  public static final String TITLE_BI = "title_bi";
  /**
   * The same text's Chinese words as toneless joined pinyin (浦东 → pudong), docs only: a query's
   * lower-case ASCII word is looked up here as it is (see {@link PinyinAnalyzer}).
   */
  public static final String TEXT_PY = "text_py";

  // Stored only: what a hit and `show` display.
  public static final String EV_TITLE = "ev_title";
  public static final String EV_TIME = "ev_time";
  /** An item's body text, exactly the value indexed in {@code body_*}: snippets cut from it. */
  public static final String EV_TEXT = "ev_text";
  public static final String EV_LINE = "ev_line";
  public static final String EV_SOURCES = "ev_sources";
  public static final String EV_FIELDS = "ev_fields";
  public static final String PROSE = "prose";
  public static final String ANSWER = "answer";

  // Facet dimensions (sorted-set doc values; no taxonomy index).
  public static final String DIM_REGION = "region";
  public static final String DIM_SECTOR = "sector";
  public static final String DIM_YEAR = "year";
  public static final String DIM_TYPE = "type";
  public static final String DIM_STATUS = "status";
  public static final String DIM_CONFIDENCE = "confidence";
  public static final List<String> DIMS =
      List.of(DIM_REGION, DIM_SECTOR, DIM_YEAR, DIM_TYPE, DIM_STATUS, DIM_CONFIDENCE);

  /** Confidence buckets, low to high; the pipeline keeps points above 0.55. */
  public static final List<String> CONFIDENCE_BUCKETS =
      List.of("<0.60", "0.60-0.69", "0.70-0.79", "0.80-0.89", "0.90-1.00", "unknown");

  /**
   * Text indexed with positions, for phrases. No offsets: highlights are found by analyzing the
   * few displayed items again (exact offsets, no postings to open), which keeps the index smaller.
   */
  public static final FieldType TEXT_TYPE;

  static {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    TEXT_TYPE = t;
  }

  /** The pinyin field: terms only (no frequencies, no positions), a name occurs or not. */
  public static final FieldType PINYIN_TYPE;

  static {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setStored(false);
    t.setOmitNorms(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.freeze();
    PINYIN_TYPE = t;
  }

  private Schema() {}

  /** The facets config for writer and searcher alike. */
  public static FacetsConfig facetsConfig() {
    // Every dimension is single-valued (a point has one region, one year...): the defaults.
    return new FacetsConfig();
  }

  /** The gap between values of a multi-valued field: no phrase spans two evidence items. */
  public static final int POSITION_GAP = 100;

  /**
   * The analyzer for writing: bigrams with unigrams on {@code *_bi}, pinyin on {@code *_py}, words
   * on {@code *_w}.
   */
  public static Analyzer indexAnalyzer() {
    return new SchemaAnalyzer(new BigramAnalyzer(true), new WordAnalyzer(), new PinyinAnalyzer());
  }

  /** Picks the analyzer by field suffix and fixes the gaps between values. */
  private static final class SchemaAnalyzer extends DelegatingAnalyzerWrapper {
    private final Analyzer bigrams;
    private final Analyzer words;
    private final Analyzer pinyin;

    SchemaAnalyzer(Analyzer bigrams, Analyzer words, Analyzer pinyin) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.bigrams = bigrams;
      this.words = words;
      this.pinyin = pinyin;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      if (fieldName.endsWith("_bi")) {
        return bigrams;
      }
      return fieldName.endsWith("_py") ? pinyin : words;
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return POSITION_GAP;
    }

  }

  /** The facet label of a confidence. */
  public static String confidenceBucket(double confidence) {
    if (Double.isNaN(confidence)) {
      return "unknown";
    }
    int hundredths = (int) Math.round(confidence * 100);
    if (hundredths < 60) {
      return "<0.60";
    }
    if (hundredths >= 90) {
      return "0.90-1.00";
    }
    int low = hundredths / 10 * 10;
    return String.format(Locale.ROOT, "0.%d0-0.%d9", low / 10, low / 10);
  }
}
