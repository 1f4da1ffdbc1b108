package org.tpsearch.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.TurningPoint;

/**
 * Everything stored of one turning point, and the one codec for it: {@link #store} writes a point's
 * stored fields into its document, {@link #read} reads them back. Every reader (search hits,
 * {@code show}, the HTTP API) goes through {@link #read}; nothing else knows how links and labelled
 * fields are packed into a stored string.
 *
 * @param confidence 0..1, NaN when the report gives none
 * @param date YYYY-MM-DD, or the date as written when it could not be read
 * @param answer the verbatim answer; empty when read with {@link #HIT_FIELDS}
 * @param analyzed the report's analysis time as written, empty when unknown
 */
public record StoredPoint(
    String id, String region, String regionZh, String sector, String sectorZh, String date, String type,
    double confidence, String status, String file, int line, List<String> flags, List<Item> items,
    String prose, String answer, String analyzed) {
  public StoredPoint {
    flags = List.copyOf(flags);
    items = List.copyOf(items);
    analyzed = analyzed == null ? "" : analyzed;
  }


  /**
   * One evidence item with every labelled field, in report order; {@code ordinal} counts from 1;
   * {@code check} is what the index found of its date and sources ({@link EvidenceChecks});
   * {@code alsoCitedUnder} the items of other points that cite the same event or document by the
   * same title, 《document》, 文号 or URL ({@code id#N}, see {@link DuplicateKeys}); {@code sameEventUnder}
   * those taken for the same event by content ({@link SameEvent}), with why. Both are filled in by
   * {@code show} (empty as stored: duplicates are found when asked).
   */
  public record Item(int ordinal, String title, String time, String text, int line, List<Labelled> fields,
      List<Link> sources, EvidenceChecks.Check check, List<String> alsoCitedUnder, List<Related> sameEventUnder) {
    public Item {
      fields = List.copyOf(fields);
      sources = List.copyOf(sources);
      java.util.Objects.requireNonNull(check, "check");
      alsoCitedUnder = List.copyOf(alsoCitedUnder);
      sameEventUnder = List.copyOf(sameEventUnder);
    }

    /** An item as stored, before duplicates are looked up. */
    public Item(int ordinal, String title, String time, String text, int line, List<Labelled> fields,
        List<Link> sources, EvidenceChecks.Check check) {
      this(ordinal, title, time, text, line, fields, sources, check, List.of(), List.of());
    }

    /** The same item, cited also under {@code refs} ({@code id#N}) and, by content, under {@code sameEvent}. */
    public Item withAlsoCitedUnder(List<String> refs, List<Related> sameEvent) {
      return new Item(ordinal, title, time, text, line, fields, sources, check, refs, sameEvent);
    }

    /** Its place (地点), empty when it names none. */
    public String place() {
      return field("place").orElse("");
    }

    /** An item with nothing known of its date and sources. */
    public Item(int ordinal, String title, String time, String text, int line, List<Labelled> fields,
        List<Link> sources) {
      this(ordinal, title, time, text, line, fields, sources, EvidenceChecks.Check.UNKNOWN);
    }

    /** The registered domains of its source URLs ({@code gov.cn}, {@code chinadaily.com.cn}), in order. */
    public List<String> domains() {
      return SourceDomains.ofLinks(sources);
    }

    /** The first value whose canonical key is {@code key} ({@code agency}, {@code place}, ...). */
    public Optional<String> field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).map(Labelled::value).findFirst();
    }
  }

  /**
   * An item of another point taken for the same event by content: its {@code id#N} and the reasons
   * ({@link SameEvent.Match#reasons}).
   */
  public record Related(String ref, List<String> why) {
    public Related {
      why = List.copyOf(why);
    }
  }

  /**
   * A labelled line of an item: the label as written, its canonical key ({@code agency}, ...; the
   * label itself in an index written before keys were stored) and the value, newlines kept.
   */
  public record Labelled(String label, String key, String value) {}

  /** What a search hit reads: everything but the verbatim answer (the largest field by far). */
  public static final Set<String> HIT_FIELDS = Set.of(Schema.ID, Schema.REGION, Schema.REGION_ZH, Schema.SECTOR,
      Schema.SECTOR_ZH, Schema.DATE_TEXT, Schema.TYPE, Schema.STATUS, Schema.CONFIDENCE, Schema.FLAG, Schema.FILE,
      Schema.LINE, Schema.EV_TITLE, Schema.EV_TIME, Schema.EV_TEXT, Schema.EV_LINE, Schema.EV_SOURCES,
      Schema.EV_FIELDS, Schema.EV_DATES, Schema.EV_CHECKS, Schema.PROSE, Schema.ANALYZED);

  /** The same point with {@code newItems} instead of its items. */
  public StoredPoint withItems(List<Item> newItems) {
    return new StoredPoint(id, region, regionZh, sector, sectorZh, date, type, confidence, status, file, line, flags,
        newItems, prose, answer, analyzed);
  }

  /** The point's {@code evidence_window} value, from its items' stored windows ({@link EvidenceChecks}). */
  public String evidenceWindow() {
    return EvidenceChecks.pointWindow(items.stream().map(i -> i.check().window()).toList());
  }

  // ------------------------------------------------------------------ writing

  /** Adds the stored fields of {@code p}, read from {@code displayFile}, to {@code doc}. */
  public static void store(TurningPoint p, String displayFile, Document doc) {
    doc.add(new StoredField(Schema.ID, p.id()));
    doc.add(new StoredField(Schema.REGION, p.region().name()));
    doc.add(new StoredField(Schema.REGION_ZH, p.region().zh()));
    doc.add(new StoredField(Schema.SECTOR, p.sector().name()));
    doc.add(new StoredField(Schema.SECTOR_ZH, p.sector().zh()));
    doc.add(new StoredField(Schema.TYPE, p.type()));
    doc.add(new StoredField(Schema.STATUS, p.status().label()));
    doc.add(new StoredField(Schema.DATE_TEXT, p.date().map(Object::toString).orElse(p.dateAsWritten())));
    // Unknown confidence is stored as -1, as it is indexed (it sorts last and fails any filter).
    doc.add(new StoredField(Schema.CONFIDENCE, p.hasConfidence() ? p.confidence() : -1));
    for (String flag : p.flags()) {
      doc.add(new StoredField(Schema.FLAG, flag));
    }
    doc.add(new StoredField(Schema.FILE, displayFile));
    doc.add(new StoredField(Schema.LINE, p.line()));
    for (EvidenceItem e : p.evidence()) {
      doc.add(new StoredField(Schema.EV_TITLE, e.title()));
      doc.add(new StoredField(Schema.EV_TIME, e.time()));
      doc.add(new StoredField(Schema.EV_TEXT, e.text()));
      doc.add(new StoredField(Schema.EV_LINE, e.line()));
      doc.add(new StoredField(Schema.EV_SOURCES, encodeLinks(e.sources())));
      doc.add(new StoredField(Schema.EV_FIELDS, encodeFields(e)));
      EvidenceChecks.Check check = EvidenceChecks.of(e, p.date());
      doc.add(new StoredField(Schema.EV_DATES, check.dates().map(org.tpsearch.model.DateRange::iso).orElse("")));
      doc.add(new StoredField(Schema.EV_CHECKS, check.encoded()));
    }
    doc.add(new StoredField(Schema.PROSE, p.prose()));
    doc.add(new StoredField(Schema.ANSWER, p.answer()));
    if (!p.analyzed().isEmpty()) {
      doc.add(new StoredField(Schema.ANALYZED, p.analyzed()));
    }
  }

  /** Links as {@code title\turl} lines; tabs and newlines cannot occur in either. */
  static String encodeLinks(List<Link> links) {
    StringBuilder sb = new StringBuilder();
    for (Link l : links) {
      sb.append(clean(l.title())).append('\t').append(clean(l.url())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Fields as {@code label\tkey\tvalue} lines, newlines inside values escaped as {@code \u2028}.
   * (Indexes written before keys were stored have {@code label\tvalue}: tabs never occur in a part.)
   */
  static String encodeFields(EvidenceItem e) {
    StringBuilder sb = new StringBuilder();
    for (org.tpsearch.model.Field f : e.fields()) {
      sb.append(clean(f.label())).append('\t').append(clean(f.key())).append('\t')
          .append(f.value().replace('\t', ' ').replace('\n', '\u2028')).append('\n');
    }
    return sb.toString();
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }

  // ------------------------------------------------------------------ reading

  /** The point stored in {@code d} (loaded in full, or with {@link #HIT_FIELDS}). */
  public static StoredPoint read(Document d) {
    String[] titles = d.getValues(Schema.EV_TITLE);
    String[] times = d.getValues(Schema.EV_TIME);
    String[] texts = d.getValues(Schema.EV_TEXT);
    IndexableField[] lines = d.getFields(Schema.EV_LINE);
    String[] sources = d.getValues(Schema.EV_SOURCES);
    String[] fields = d.getValues(Schema.EV_FIELDS);
    String[] dates = d.getValues(Schema.EV_DATES);
    String[] checks = d.getValues(Schema.EV_CHECKS);
    List<Item> items = new ArrayList<>(titles.length);
    for (int i = 0; i < titles.length; i++) {
      items.add(new Item(i + 1, titles[i], at(times, i), at(texts, i),
          i < lines.length ? lines[i].numericValue().intValue() : 0, decodeFields(at(fields, i)),
          decodeLinks(at(sources, i)), EvidenceChecks.Check.decode(at(dates, i), at(checks, i))));
    }
    IndexableField conf = d.getField(Schema.CONFIDENCE);
    double c = conf == null ? -1 : conf.numericValue().doubleValue();
    IndexableField line = d.getField(Schema.LINE);
    return new StoredPoint(d.get(Schema.ID), nz(d.get(Schema.REGION)), nz(d.get(Schema.REGION_ZH)),
        nz(d.get(Schema.SECTOR)), nz(d.get(Schema.SECTOR_ZH)), nz(d.get(Schema.DATE_TEXT)), nz(d.get(Schema.TYPE)),
        c < 0 ? Double.NaN : c, nz(d.get(Schema.STATUS)), nz(d.get(Schema.FILE)),
        line == null ? 0 : line.numericValue().intValue(), List.of(d.getValues(Schema.FLAG)), items,
        nz(d.get(Schema.PROSE)), nz(d.get(Schema.ANSWER)), nz(d.get(Schema.ANALYZED)));
  }

  /**
   * The point stored in document {@code doc} of {@code stored}, only {@code fields} of it (null:
   * all), decoded straight into the point by a {@link Visitor}: no {@link Document} of fields in
   * between. The same point as {@link #read(Document)} of that document loaded with those fields.
   */
  public static StoredPoint read(org.apache.lucene.index.StoredFields stored, int doc, Set<String> fields)
      throws java.io.IOException {
    Visitor v = new Visitor(fields);
    stored.document(doc, v);
    return v.point();
  }

  /** Collects a document's stored fields as {@link #read(Document)} reads them, then makes the point. */
  static final class Visitor extends org.apache.lucene.index.StoredFieldVisitor {
    private final Set<String> wanted;
    private final java.util.Map<String, String> first = new java.util.HashMap<>();
    private final List<String> flags = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final List<String> fields = new ArrayList<>();
    private final List<String> dates = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<Number> lines = new ArrayList<>();
    private Number confidence;
    private Number line;

    Visitor(Set<String> wanted) {
      this.wanted = wanted;
    }

    @Override
    public Status needsField(org.apache.lucene.index.FieldInfo fieldInfo) {
      return wanted == null || wanted.contains(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(org.apache.lucene.index.FieldInfo fieldInfo, String value) {
      String name = fieldInfo.name;
      List<String> list = switch (name) {
        case Schema.FLAG -> flags;
        case Schema.EV_TITLE -> titles;
        case Schema.EV_TIME -> times;
        case Schema.EV_TEXT -> texts;
        case Schema.EV_SOURCES -> sources;
        case Schema.EV_FIELDS -> fields;
        case Schema.EV_DATES -> dates;
        case Schema.EV_CHECKS -> checks;
        default -> null;
      };
      if (list != null) {
        list.add(value);
      } else {
        first.putIfAbsent(name, value);
      }
    }

    @Override
    public void intField(org.apache.lucene.index.FieldInfo fieldInfo, int value) {
      number(fieldInfo.name, value);
    }

    @Override
    public void longField(org.apache.lucene.index.FieldInfo fieldInfo, long value) {
      number(fieldInfo.name, value);
    }

    @Override
    public void floatField(org.apache.lucene.index.FieldInfo fieldInfo, float value) {
      number(fieldInfo.name, value);
    }

    @Override
    public void doubleField(org.apache.lucene.index.FieldInfo fieldInfo, double value) {
      number(fieldInfo.name, value);
    }

    private void number(String name, Number value) {
      switch (name) {
        case Schema.EV_LINE -> lines.add(value);
        case Schema.CONFIDENCE -> confidence = confidence == null ? value : confidence;
        case Schema.LINE -> line = line == null ? value : line;
        default -> { }
      }
    }

    StoredPoint point() {
      List<Item> items = new ArrayList<>(titles.size());
      for (int i = 0; i < titles.size(); i++) {
        items.add(new Item(i + 1, titles.get(i), at(times, i), at(texts, i),
            i < lines.size() ? lines.get(i).intValue() : 0, decodeFields(at(fields, i)),
            decodeLinks(at(sources, i)), EvidenceChecks.Check.decode(at(dates, i), at(checks, i))));
      }
      double c = confidence == null ? -1 : confidence.doubleValue();
      return new StoredPoint(first.get(Schema.ID), nz(first.get(Schema.REGION)), nz(first.get(Schema.REGION_ZH)),
          nz(first.get(Schema.SECTOR)), nz(first.get(Schema.SECTOR_ZH)), nz(first.get(Schema.DATE_TEXT)),
          nz(first.get(Schema.TYPE)), c < 0 ? Double.NaN : c, nz(first.get(Schema.STATUS)), nz(first.get(Schema.FILE)),
          line == null ? 0 : line.intValue(), flags, items, nz(first.get(Schema.PROSE)), nz(first.get(Schema.ANSWER)),
          nz(first.get(Schema.ANALYZED)));
    }

    private static String at(List<String> values, int i) {
      return i < values.size() ? values.get(i) : "";
    }
  }

  static List<Link> decodeLinks(String encoded) {
    List<Link> out = new ArrayList<>();
    for (String line : encoded.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab >= 0 && tab + 1 < line.length()) {
        out.add(new Link(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return out;
  }

  static List<Labelled> decodeFields(String encoded) {
    List<Labelled> out = new ArrayList<>();
    for (String line : encoded.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        continue;
      }
      String label = line.substring(0, tab);
      int tab2 = line.indexOf('\t', tab + 1);
      String key = tab2 < 0 ? label : line.substring(tab + 1, tab2);
      String value = line.substring((tab2 < 0 ? tab : tab2) + 1).replace('\u2028', '\n');
      out.add(new Labelled(label, key, value));
    }
    return out;
  }

  private static String at(String[] values, int i) {
    return i < values.length ? values[i] : "";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
