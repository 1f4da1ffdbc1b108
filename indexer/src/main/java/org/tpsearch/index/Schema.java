package org.tpsearch.index;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.tpsearch.analysis.BigramAnalyzer;
import org.tpsearch.analysis.WordAnalyzer;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.PointType;
import org.tpsearch.model.Regions;
import org.tpsearch.model.Sectors;

/**
 * The index schema, declared once: field names, facet dimensions, the per-field analyzers and the
 * {@link FacetsConfig}, used by both the writer and the searcher (Lucene's facet guide warns that
 * the config used for searching must match the one used for indexing).
 */
public final class Schema {
  /**
   * Bumped when documents change shape or the parser reads a report differently; an index of
   * another version is rebuilt, not mixed. 8: HTML character references decoded at parse time
   * (an index of 7 kept {@code &amp;} as written, and an incremental run would not re-read it).
   * 10: a zero-padded month or day is indexed without its zero (05月 as 5月, see DateZeros), and the
   * incremental state holds a digest of each file's bytes. 11 (the indexw branch's 9, made beside
   * 10): only what a search reads is indexed (no region, sector, type, flag or year fields of their
   * own; one drill-down term per facet value); an index of 10 still answers the same, and the next
   * run rebuilds it. 12: a date written with dashes, slashes or points is indexed as the reports
   * write dates (2022-05-01 as 2022年5月1日), and a day's 号 after a month as 日 (5月1号 as 5月1日),
   * see DateZeros; a month's padding zero's offsets go with its digit.
   */
  public static final String VERSION = "12";

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

  /**
   * Each evidence item's duplicate keys ({@link DuplicateKeys}), indexed as they are: the points
   * that share a key with an item are one term look-up away.
   */
  public static final String DUP_KEY = "dup_key";
  /**
   * The same keys with the item's ordinal, {@code key\tordinal}, as sorted-set doc values: the
   * duplicate clusters of the whole index are computed from these at read time, so a change in one
   * file never leaves a stale cluster in another file's documents.
   */
  public static final String DUP_ITEM = "dup_item";
  /**
   * Each evidence item's place keys ({@link SameEvent#placeKeys}), indexed as they are: the
   * candidates for "the same event, by content" are the items whose place shares a key.
   */
  public static final String DUP_PLACE = "dup_place";
  /** The same place keys with the item's ordinal, {@code key\tordinal}, as {@link #DUP_ITEM} has its keys. */
  public static final String DUP_PLACE_ITEM = "dup_place_item";

  // Stored only: what a hit and `show` display.
  public static final String EV_TITLE = "ev_title";
  public static final String EV_TIME = "ev_time";
  /** An item's body text, exactly the value indexed in {@code body_*}: snippets cut from it. */
  public static final String EV_TEXT = "ev_text";
  public static final String EV_LINE = "ev_line";
  public static final String EV_SOURCES = "ev_sources";
  public static final String EV_FIELDS = "ev_fields";
  /** The days an item's time covers, {@code 2022-03-01/2022-03-31}, or "" (see {@link EvidenceChecks}). */
  public static final String EV_DATES = "ev_dates";
  /** An item's check labels, space-separated: {@code in-window bare-url} (see {@link EvidenceChecks}). */
  public static final String EV_CHECKS = "ev_checks";
  public static final String PROSE = "prose";
  public static final String ANSWER = "answer";
  /** The report's analysis time as written (stored only): the access date of a citation. */
  public static final String ANALYZED = "analyzed";

  // Facet dimensions (sorted-set doc values; no taxonomy index), declared once in DIMENSIONS.
  public static final String DIM_REGION = "region";
  public static final String DIM_SECTOR = "sector";
  public static final String DIM_YEAR = "year";
  public static final String DIM_TYPE = "type";
  public static final String DIM_STATUS = "status";
  public static final String DIM_CONFIDENCE = "confidence";
  public static final String DIM_EVIDENCE_WINDOW = "evidence_window";

  /** Confidence buckets, low to high; the pipeline keeps points above 0.55. */
  public static final List<String> CONFIDENCE_BUCKETS =
      List.of("<0.60", "0.60-0.69", "0.70-0.79", "0.80-0.89", "0.90-1.00", "unknown");

  /**
   * The facet dimensions, in display order. Adding one is one declaration here (name, how a point
   * yields its values, single or multi-valued, what a user may type, count order): the writer,
   * filters, counts, CLI options, HTTP parameters, the shell and every output format follow.
   */
  public static final List<Dimension> DIMENSIONS = List.of(
      new Dimension(DIM_REGION, "r", "Only this region; any name: 新疆, Xinjiang, 新疆维吾尔自治区. Repeat for several.",
          p -> List.of(p.region().name()), false,
          typed -> Regions.lookup(typed).map(r -> List.of(r.name())), Dimension.Order.COUNT, List.of()),
      new Dimension(DIM_SECTOR, "s", "Only this sector: Power, Industry, Ground Transport, Residential, Aviation, or 电力, 工业...",
          p -> List.of(p.sector().name()), false,
          typed -> Sectors.lookup(typed).map(x -> List.of(x.name())), Dimension.Order.COUNT, List.of()),
      new Dimension(DIM_YEAR, "y", "A year (2022) or a range (2021..2023, 2021.., ..2022). Repeat for several.",
          p -> List.of(p.date().map(d -> Integer.toString(d.getYear())).orElse("unknown")), false,
          Schema::years, Dimension.Order.VALUE, List.of()),
      new Dimension(DIM_TYPE, "t", "Only this turning-point type: Policy, Event, Seasonal, Trend, Unknown.",
          p -> List.of(p.type()), false,
          typed -> PointType.lookup(typed).map(t -> List.of(t.display())), Dimension.Order.COUNT, List.of()),
      new Dimension(DIM_STATUS, "", "Only this evidence status: found, none, failed.",
          p -> List.of(p.status().label()), false,
          typed -> Optional.of(List.of(EvidenceStatus.fromLabel(typed).label())), Dimension.Order.COUNT, List.of()),
      new Dimension(DIM_CONFIDENCE, "", "Only this confidence bucket: " + String.join(", ", CONFIDENCE_BUCKETS)
          + " (see also --min-confidence).",
          p -> List.of(confidenceBucket(p.confidence())), false,
          typed -> CONFIDENCE_BUCKETS.contains(typed.strip()) ? Optional.of(List.of(typed.strip())) : Optional.empty(),
          Dimension.Order.BUCKETS, CONFIDENCE_BUCKETS),
      new Dimension("source_domain", "", "Only points citing a source on this domain: gov.cn (every government "
          + "site), chinadaily.com.cn, ..., or none (no source URL). Repeat for several.",
          SourceDomains::of, true,
          typed -> SourceDomains.NONE.equalsIgnoreCase(typed.strip()) ? Optional.of(List.of(SourceDomains.NONE))
              : SourceDomains.registeredDomain(typed).map(List::of),
          Dimension.Order.COUNT, List.of()),
      new Dimension(DIM_EVIDENCE_WINDOW, "", "Only points whose dated evidence is: all-in-window, some-out-of-window, "
          + "all-out-of-window; or no-dated-evidence, no-evidence. The window is the point's date ±"
          + EvidenceChecks.WINDOW_DAYS + " days.",
          p -> List.of(EvidenceChecks.pointWindow(p)), false,
          typed -> {
            String t = typed.strip().toLowerCase(Locale.ROOT);
            if (EvidenceChecks.POINT_WINDOWS.contains(t)) {
              return Optional.of(List.of(t));
            }
            throw new IllegalArgumentException("'" + typed + "' (expected " + String.join(", ", EvidenceChecks.POINT_WINDOWS) + ")");
          },
          Dimension.Order.BUCKETS, EvidenceChecks.POINT_WINDOWS));

  /** The names of the facet dimensions, in display order. */
  public static final List<String> DIMS = DIMENSIONS.stream().map(Dimension::name).toList();

  /** The declaration of dimension {@code name}, if there is one. */
  public static Optional<Dimension> dimension(String name) {
    return DIMENSIONS.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The first and last year a year filter may name (also the open ends of a range). */
  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2100;

  private static final Pattern YEARS = Pattern.compile("^(\\d{4})?\\s*(?:\\.\\.|-|–)\\s*(\\d{4})?$|^(\\d{4})$");

  /**
   * A year filter as the years it stands for: {@code 2022}, {@code 2021..2023}, {@code 2021..},
   * {@code ..2022} (also with {@code -}), or {@code unknown} for undated points.
   */
  static Optional<List<String>> years(String typed) {
    String t = typed.strip();
    if (t.equalsIgnoreCase("unknown")) {
      return Optional.of(List.of("unknown"));
    }
    Matcher m = YEARS.matcher(t);
    if (!m.matches() || (m.group(3) == null && m.group(1) == null && m.group(2) == null)) {
      throw new IllegalArgumentException("'" + typed + "' (expected 2022, 2021..2023, 2021.. or ..2022)");
    }
    // Each year given must be a sane one: 0000 once meant "no bound", so every year.
    for (String y : new String[] {m.group(1), m.group(2), m.group(3)}) {
      if (y != null && (Integer.parseInt(y) < MIN_YEAR || Integer.parseInt(y) > MAX_YEAR)) {
        throw new IllegalArgumentException("'" + typed + "': " + y + " is not a year from " + MIN_YEAR + " to " + MAX_YEAR);
      }
    }
    int from = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(1) != null ? Integer.parseInt(m.group(1)) : MIN_YEAR;
    int to = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(2) != null ? Integer.parseInt(m.group(2)) : MAX_YEAR;
    if (from > to) {
      throw new IllegalArgumentException("year range " + from + ".." + to + " is empty");
    }
    if (to - from > 500) {
      throw new IllegalArgumentException("year range " + from + ".." + to + " is too wide");
    }
    List<String> out = new ArrayList<>();
    for (int y = from; y <= to; y++) {
      out.add(Integer.toString(y));
    }
    return Optional.of(out);
  }

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

  /**
   * The facets config for writer and searcher alike. Each value is indexed as one drill-down term,
   * {@code dim/value} (schema 11): filters and exclusions look up only those; Lucene's default also
   * indexed a term of the dimension alone for every value (half of the facet postings), which
   * nothing asks for.
   */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (Dimension d : DIMENSIONS) {
      config.setMultiValued(d.name(), d.multiValued());
      config.setDrillDownTermsIndexing(d.name(), FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
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
  private static final class SchemaAnalyzer extends AnalyzerWrapper {
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

    // The pinyin field of a value reuses the word field's segmentation of the same value (added
    // just before it, see PointDocuments), instead of running SmartChinese twice.
    @Override
    protected Reader wrapReader(String fieldName, Reader reader) {
      if (fieldName.equals(TEXT_W)) {
        return PinyinAnalyzer.recordText(reader);
      }
      return fieldName.equals(TEXT_PY) ? PinyinAnalyzer.replayIfSame(reader) : reader;
    }

    @Override
    protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
      return fieldName.equals(TEXT_W) ? PinyinAnalyzer.recordWords(components) : components;
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
