package org.tpsearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.index.Dimension;
import org.tpsearch.index.PointDocuments;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.TurningPoint;

/**
 * The index schema as an OpenSearch index: settings and mapping generated from {@link Schema} (the
 * same fields, the same analysis through smartcn and {@code cjk_bigram}, the folding as a
 * {@code mapping} char filter made from the analyzers' own table), and a turning point's JSON
 * document made from the one Lucene document {@link PointDocuments} builds.
 */
public final class ClusterSchema {
  /** Analyzers of the text fields, as the Lucene index has them. */
  static final String BIGRAM_ANALYZER = "tp_bigram";
  static final String WORD_ANALYZER = "tp_words";
  /**
   * Query side: the terms tpsearch already analyzed, one per space-separated token; a {@link #GAP}
   * token leaves an empty position (a phrase with a gap, as the local query has it).
   */
  public static final String TERMS_ANALYZER = "tp_terms";
  /** The token that stands for an empty position in a phrase sent with {@link #TERMS_ANALYZER}. */
  public static final String GAP = "\u0001";

  /** The object holding the stored fields, written and read by {@link StoredPoint}'s codec only. */
  public static final String STORED = "stored";
  /** Facet dimension {@code d} as a keyword field. */
  public static String facetField(String dim) {
    return "facet_" + dim;
  }

  /** The key in the mapping's {@code _meta} that marks an index as tpsearch's, with the schema version. */
  public static final String META_KEY = "tpsearch_schema";

  private ClusterSchema() {}

  /** In a mapping's {@code _meta}: the name (alias) a full run made the index for. */
  public static final String META_NAME = "tpsearch_name";

  /** The body of the create-index request: settings with the analysis, and the mapping. */
  public static Map<String, Object> indexBody() {
    return indexBody(null);
  }

  /** The same, its mapping's {@code _meta} naming {@code name}, the alias it is made for (null: none). */
  public static Map<String, Object> indexBody(String name) {
    Map<String, Object> mapping = mapping();
    if (name != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) mapping.get("_meta"));
      meta.put(META_NAME, name);
      mapping.put("_meta", meta);
    }
    return JsonText.obj("settings", JsonText.obj("index", JsonText.obj("max_result_window", 1_000_000), "analysis", analysis()),
        "mappings", mapping);
  }

  /** The schema version tpsearch made an index with, from its entry in a {@code _mapping} answer; null: not tpsearch's. */
  public static String madeBy(Object indexMapping) {
    return JsonText.string(JsonText.map(JsonText.map(indexMapping, "mappings"), "_meta"), META_KEY);
  }

  /** The name a full run made an index for, from its entry in a {@code _mapping} answer; null when none. */
  public static String madeFor(Object indexMapping) {
    Map<String, Object> meta = JsonText.map(JsonText.map(indexMapping, "mappings"), "_meta");
    return JsonText.string(meta, META_KEY) == null ? null : JsonText.string(meta, META_NAME);
  }

  static Map<String, Object> analysis() {
    Map<String, Object> charFilters = JsonText.obj(
        "tp_fold", JsonText.obj("type", "mapping", "mappings", mappings(TextNormalizer.foldings(true))),
        "tp_simplify", JsonText.obj("type", "mapping", "mappings", mappings(TextNormalizer.foldings(false))),
        // 2022-05-01 as 2022年05月01日, 5月1号 as 5月1日, then 05月 as 5月 and 03月01日 as 3月1日, as
        // the analyzers' own char filter reads them (DateZeros), in this order.
        "tp_date_iso", JsonText.obj("type", "pattern_replace", "pattern", org.tpsearch.analysis.DateZeros.ISO_PATTERN,
            "replacement", org.tpsearch.analysis.DateZeros.ISO_REPLACEMENT),
        "tp_date_hao", JsonText.obj("type", "pattern_replace", "pattern", org.tpsearch.analysis.DateZeros.DAY_HAO_PATTERN,
            "replacement", "日"),
        "tp_date_zero", JsonText.obj("type", "pattern_replace", "pattern", org.tpsearch.analysis.DateZeros.PATTERN,
            "replacement", "$1"));
    Map<String, Object> filters = JsonText.obj(
        // Unigrams and bigrams of Han, Hiragana, Katakana and Hangul: BigramAnalyzer(true).
        "tp_cjk_bigram", JsonText.obj("type", "cjk_bigram", "output_unigrams", true),
        "tp_gap", JsonText.obj("type", "stop", "stopwords", List.of(GAP), "ignore_case", false));
    Map<String, Object> analyzers = JsonText.obj(
        // BigramAnalyzer: fold, UAX#29 words, lower case, CJK bigrams with unigrams.
        BIGRAM_ANALYZER, JsonText.obj("type", "custom", "char_filter", List.of("tp_fold", "tp_date_iso", "tp_date_hao", "tp_date_zero"), "tokenizer", "standard",
            "filter", List.of("lowercase", "tp_cjk_bigram")),
        // WordAnalyzer: Traditional to Simplified, SmartChinese words, its stop set, width, lower case, Porter.
        WORD_ANALYZER, JsonText.obj("type", "custom", "char_filter", List.of("tp_simplify", "tp_date_iso", "tp_date_hao", "tp_date_zero"), "tokenizer", "smartcn_tokenizer",
            "filter", List.of("smartcn_stop", "cjk_width", "lowercase", "porter_stem")),
        TERMS_ANALYZER, JsonText.obj("type", "custom", "tokenizer", "whitespace", "filter", List.of("tp_gap")));
    return JsonText.obj("char_filter", charFilters, "filter", filters, "analyzer", analyzers);
  }

  /** Mapping char filter rules, every character escaped so no rule is misread. */
  private static List<String> mappings(Map<Integer, Integer> table) {
    List<String> out = new ArrayList<>(table.size());
    for (Map.Entry<Integer, Integer> e : table.entrySet()) {
      out.add(escape(e.getKey()) + " => " + escape(e.getValue()));
    }
    return out;
  }

  private static String escape(int cp) {
    StringBuilder sb = new StringBuilder();
    for (char c : Character.toChars(cp)) {
      sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
    return sb.toString();
  }

  static Map<String, Object> mapping() {
    Map<String, Object> props = new LinkedHashMap<>();
    Map<String, Object> keyword = JsonText.obj("type", "keyword");
    for (String f : List.of(Schema.ID, Schema.REGION, Schema.SECTOR, Schema.TYPE, Schema.STATUS, Schema.FLAG, Schema.FILE)) {
      props.put(f, keyword);
    }
    props.put(Schema.DATE, JsonText.obj("type", "long"));
    props.put(Schema.YEAR, JsonText.obj("type", "integer"));
    props.put(Schema.CONFIDENCE, JsonText.obj("type", "double"));
    for (String f : List.of(Schema.TEXT_BI, Schema.TITLE_BI)) {
      props.put(f, JsonText.obj("type", "text", "analyzer", BIGRAM_ANALYZER, "search_analyzer", TERMS_ANALYZER,
          "position_increment_gap", Schema.POSITION_GAP));
    }
    props.put(Schema.TEXT_W, JsonText.obj("type", "text", "analyzer", WORD_ANALYZER, "search_analyzer", TERMS_ANALYZER,
        "position_increment_gap", Schema.POSITION_GAP));
    // Pinyin is made here (HanLP has no OpenSearch plugin) and sent as space-separated terms.
    props.put(Schema.TEXT_PY, JsonText.obj("type", "text", "analyzer", "whitespace", "search_analyzer", TERMS_ANALYZER,
        "norms", false, "index_options", "docs"));
    for (Dimension d : Schema.DIMENSIONS) {
      props.put(facetField(d.name()), keyword);
    }
    props.put(STORED, JsonText.obj("type", "object", "enabled", false));
    props.put(Schema.DUP_KEY, keyword);
    props.put(Schema.DUP_PLACE, keyword);
    // A field the Lucene document gains later (an indexed string) is a keyword here too, not a
    // refused document: the document is made from PointDocuments, the mapping from this list.
    List<Object> templates = List.of(JsonText.obj("strings_as_keywords",
        JsonText.obj("match_mapping_type", "string", "mapping", JsonText.obj("type", "keyword"))));
    return JsonText.obj("dynamic", true, "dynamic_templates", templates, "_meta", JsonText.obj(META_KEY, Schema.VERSION),
        "properties", props);
  }

  // ------------------------------------------------------------------ documents

  /** Per thread: the index analyzer, to make a value's pinyin as the local index makes it. */
  private static final ThreadLocal<Analyzer> ANALYZER = ThreadLocal.withInitial(Schema::indexAnalyzer);

  /** The JSON document of {@code p}: the Lucene document's fields by kind, then the facet keywords. */
  public static Map<String, Object> document(TurningPoint p, String displayFile) throws IOException {
    Document doc = PointDocuments.build(p, displayFile, Schema.facetsConfig());
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> stored = new LinkedHashMap<>();
    for (IndexableField f : doc.getFields()) {
      String name = f.name();
      if (name.startsWith("$")) {
        continue; // facet doc values: the facet_* keywords below stand for them
      }
      if (f.fieldType().stored()) {
        add(stored, name, f.numericValue() != null ? f.numericValue() : f.stringValue());
      } else if (name.equals(Schema.TEXT_PY)) {
        String py = pinyin(f.stringValue());
        if (!py.isEmpty()) {
          add(json, name, py);
        }
      } else if (f instanceof DoubleField d) {
        // Its numericValue() is the sortable long encoding of the double.
        add(json, name, org.apache.lucene.util.NumericUtils.sortableLongToDouble(d.numericValue().longValue()));
      } else if (f.fieldType().indexOptions() != IndexOptions.NONE || f.fieldType().pointDimensionCount() > 0) {
        add(json, name, f.numericValue() != null ? f.numericValue() : f.stringValue());
      }
    }
    add(json, Schema.FILE, displayFile);
    for (Dimension d : Schema.DIMENSIONS) {
      json.put(facetField(d.name()), d.valuesOf(p));
    }
    json.put(STORED, stored);
    return json;
  }

  @SuppressWarnings("unchecked")
  private static void add(Map<String, Object> json, String name, Object value) {
    Object old = json.get(name);
    if (old == null) {
      json.put(name, value);
    } else if (old instanceof List<?> l) {
      ((List<Object>) l).add(value);
    } else {
      List<Object> l = new ArrayList<>();
      l.add(old);
      l.add(value);
      json.put(name, l);
    }
  }

  /** The pinyin terms of {@code value}, as the local index's pinyin field has them. */
  private static String pinyin(String value) {
    Analyzer a = ANALYZER.get();
    try {
      // The pinyin field replays the word field's words of the same value (see Schema).
      try (TokenStream words = a.tokenStream(Schema.TEXT_W, value)) {
        words.reset();
        while (words.incrementToken()) {
          // consumed for the pinyin field below
        }
        words.end();
      }
      StringBuilder sb = new StringBuilder();
      try (TokenStream ts = a.tokenStream(Schema.TEXT_PY, value)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          sb.append(sb.length() == 0 ? "" : " ").append(term);
        }
        ts.end();
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored point of a document's {@code _source}, read by the one codec. */
  public static StoredPoint storedPoint(Map<String, Object> source) {
    Document d = new Document();
    for (Map.Entry<String, Object> e : JsonText.map(source, STORED).entrySet()) {
      List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
      for (Object v : values) {
        if (v instanceof Long n) {
          d.add(new StoredField(e.getKey(), n));
        } else if (v instanceof Number n) {
          d.add(new StoredField(e.getKey(), n.doubleValue()));
        } else if (v != null) {
          d.add(new StoredField(e.getKey(), v.toString()));
        }
      }
    }
    return StoredPoint.read(d);
  }
}
