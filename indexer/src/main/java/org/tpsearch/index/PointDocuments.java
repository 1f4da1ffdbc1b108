package org.tpsearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.TurningPoint;

/** Builds the one Lucene document of a turning point: the only place documents are made. */
public final class PointDocuments {
  private PointDocuments() {}

  /** The document for {@code p}, facets already built with {@code config}. */
  public static Document build(TurningPoint p, String displayFile, FacetsConfig config) throws IOException {
    return build(p, displayFile, contentHash(p, displayFile), config);
  }

  /** The same, with {@code contentHash(p, displayFile)} already computed. */
  public static Document build(TurningPoint p, String displayFile, String contentHash, FacetsConfig config)
      throws IOException {
    Document doc = new Document();
    // What is shown is stored by the one codec; what is searched, filtered and sorted is indexed here.
    StoredPoint.store(p, displayFile, doc);
    // Only what a search reads is indexed (schema 11): region, sector, type and year are filtered
    // through the facets' drill-down terms, so they have no terms, points or doc values of their
    // own; flags are stored only (nothing searches them).
    doc.add(new KeywordField(Schema.ID, p.id(), Field.Store.NO));
    // The status also has a drill-down term, but the query side's found bonus is a term of its own
    // field, which the cluster backend maps too.
    doc.add(new StringField(Schema.STATUS, p.status().label(), Field.Store.NO));
    // Undated points sort last by date.
    long epochDay = p.date().map(d -> d.toEpochDay()).orElse(Long.MAX_VALUE);
    doc.add(new LongField(Schema.DATE, epochDay, Field.Store.NO));
    // Unknown confidence sorts last and fails any --min-confidence filter.
    doc.add(new DoubleField(Schema.CONFIDENCE, p.hasConfidence() ? p.confidence() : -1, Field.Store.NO));
    doc.add(new StoredField(Schema.HASH, contentHash));

    int ordinal = 0;
    for (EvidenceItem e : p.evidence()) {
      ordinal++; // as StoredPoint numbers items: their position, from 1
      // The item's text holds its title line; the title field adds a title bonus.
      doc.add(new Field(Schema.TITLE_BI, e.title(), Schema.TEXT_TYPE));
      text(doc, e.text());
      List<String> src = new ArrayList<>();
      for (Link l : e.sources()) {
        src.add(l.title() + " " + l.url());
      }
      text(doc, String.join("\n", src));
      for (String key : DuplicateKeys.of(e.title(), e.sources())) {
        doc.add(new StringField(Schema.DUP_KEY, key, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(Schema.DUP_ITEM, new BytesRef(key + "\t" + ordinal)));
      }
      for (String key : SameEvent.placeKeys(e.place())) {
        doc.add(new StringField(Schema.DUP_PLACE, key, Field.Store.NO));
        doc.add(new SortedSetDocValuesField(Schema.DUP_PLACE_ITEM, new BytesRef(key + "\t" + ordinal)));
      }
    }
    text(doc, p.prose());
    text(doc, metaText(p));

    for (Dimension d : Schema.DIMENSIONS) {
      for (String value : d.valuesOf(p)) {
        doc.add(new SortedSetDocValuesFacetField(d.name(), value));
      }
    }
    return config.build(doc);
  }

  private static void text(Document doc, String value) {
    if (!value.isEmpty()) {
      doc.add(new Field(Schema.TEXT_BI, value, Schema.TEXT_TYPE));
      doc.add(new Field(Schema.TEXT_W, value, Schema.TEXT_TYPE));
      doc.add(new Field(Schema.TEXT_PY, value, Schema.PINYIN_TYPE));
    }
  }

  /** Names a user may type for the point's region and sector, its type and date. */
  private static String metaText(TurningPoint p) {
    List<String> parts = new ArrayList<>(p.region().allNames());
    parts.addAll(p.sector().allNames());
    parts.add(p.type());
    p.date().ifPresent(d -> parts.add(d.toString()));
    return String.join("\n", parts);
  }

  /** A digest of everything a point's document is made from: equal digests, equal documents. */
  public static String contentHash(TurningPoint p, String displayFile) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(Schema.VERSION, p.id(), displayFile, Integer.toString(p.line()),
          p.region().name(), p.sector().name(), p.type(), p.dateAsWritten(),
          String.format(Locale.ROOT, "%.4f", p.confidence()), p.status().label(),
          String.join(",", p.flags()), p.answer())) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
