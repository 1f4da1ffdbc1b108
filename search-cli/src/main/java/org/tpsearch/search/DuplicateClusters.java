package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.tpsearch.index.DuplicateKeys;
import org.tpsearch.index.SameEvent;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/**
 * The duplicate clusters of a local index, computed when asked: each document's {@code dup_item}
 * and {@code dup_place_item} doc values (see {@link DuplicateKeys}, {@link SameEvent#placeKeys})
 * say which documents can be in a cluster (a key or a place key another document has too); those
 * are read and clustered by {@link Duplicates#clusters}, as any engine does. Computed at read time,
 * not stored: a file changed or removed changes the clusters of every other file's points at once,
 * with nothing stale to rewrite at commit.
 */
public final class DuplicateClusters {
  private DuplicateClusters() {}

  /** Every cluster with a member among {@code involved} (null: all), the most points first. */
  public static List<Duplicates.Cluster> of(IndexReader reader, Bits involved) throws IOException {
    // Every document holding a key a different document holds too; for a place key, only when at
    // most Duplicates.MAX_PLACE_BLOCK items hold it (a larger block is never compared).
    Set<Integer> candidates = new TreeSet<>();
    Map<String, List<Integer>> placeDocs = new HashMap<>();
    for (String field : List.of(Schema.DUP_ITEM, Schema.DUP_PLACE_ITEM)) {
      boolean place = field.equals(Schema.DUP_PLACE_ITEM);
      Map<String, Integer> firstDoc = new HashMap<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), field);
        Bits live = leaf.reader().getLiveDocs();
        // Per segment, each distinct value decoded once.
        String[] decoded = new String[(int) Math.min(Integer.MAX_VALUE, dv.getValueCount())];
        for (int doc = dv.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          int global = leaf.docBase + doc;
          for (int i = 0; i < dv.docValueCount(); i++) {
            int ord = (int) dv.nextOrd();
            String v = decoded[ord];
            if (v == null) {
              int tab = (v = dv.lookupOrd(ord).utf8ToString()).lastIndexOf('\t');
              v = decoded[ord] = tab > 0 ? v.substring(0, tab) : v;
            }
            if (place) {
              List<Integer> docs = placeDocs.computeIfAbsent(v, k -> new ArrayList<>(2));
              if (docs.size() <= Duplicates.MAX_PLACE_BLOCK) {
                docs.add(global); // one entry per item: a block counts items, as the clustering does
              }
              continue;
            }
            Integer first = firstDoc.putIfAbsent(v, global);
            if (first != null && first != global) {
              candidates.add(first);
              candidates.add(global);
            }
          }
        }
      }
    }
    for (List<Integer> docs : placeDocs.values()) {
      if (docs.size() >= 2 && docs.size() <= Duplicates.MAX_PLACE_BLOCK && docs.stream().distinct().count() >= 2) {
        candidates.addAll(docs);
      }
    }
    StoredFields stored = reader.storedFields();
    List<StoredPoint> points = new ArrayList<>(candidates.size());
    Set<String> wanted = new HashSet<>();
    for (int doc : candidates) {
      StoredPoint p = StoredPoint.read(stored.document(doc, Duplicates.MEMBER_FIELDS));
      points.add(p);
      if (involved != null && involved.get(doc)) {
        wanted.add(p.id());
      }
    }
    List<Duplicates.Cluster> out = new ArrayList<>();
    for (Duplicates.Cluster c : Duplicates.clusters(points)) {
      if (involved == null || c.members().stream().anyMatch(m -> wanted.contains(m.id()))) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * {@code p} with each item's {@code alsoCitedUnder} and {@code sameEventUnder}
   * ({@link Duplicates#withRelated}), its candidates found by one term look-up per duplicate key
   * and per place key.
   */
  public static StoredPoint withAlsoCitedUnder(IndexSearcher searcher, StoredPoint p) throws IOException {
    StoredFields stored = searcher.storedFields();
    Map<Integer, StoredPoint> candidates = new LinkedHashMap<>();
    for (StoredPoint.Item it : p.items()) {
      List<Term> terms = new ArrayList<>();
      DuplicateKeys.of(it.title(), it.sources()).forEach(k -> terms.add(new Term(Schema.DUP_KEY, k)));
      SameEvent.placeKeys(it.place()).forEach(k -> terms.add(new Term(Schema.DUP_PLACE, k)));
      for (Term t : terms) {
        TopDocs td = searcher.search(new TermQuery(t), MAX_REFS);
        for (ScoreDoc sd : td.scoreDocs) {
          if (!candidates.containsKey(sd.doc)) {
            candidates.put(sd.doc, StoredPoint.read(stored.document(sd.doc, Duplicates.MEMBER_FIELDS)));
          }
        }
      }
    }
    return Duplicates.withRelated(p, candidates.values());
  }

  /** The most points one key is looked up in, for {@code show}: a cluster larger than this is cut. */
  private static final int MAX_REFS = 200;
}
