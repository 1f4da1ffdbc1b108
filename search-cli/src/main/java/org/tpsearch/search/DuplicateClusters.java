package org.tpsearch.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.tpsearch.index.DuplicateKeys;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/**
 * The duplicate clusters of an index, computed when asked from each document's {@code dup_item}
 * doc values (see {@link org.tpsearch.index.DuplicateKeys}): items linked by a shared key, directly
 * or through other items, form a cluster when they belong to two or more turning points. Computed at
 * read time, not stored: a file changed or removed changes the clusters of every other file's points
 * at once, with nothing stale to rewrite at commit.
 */
public final class DuplicateClusters {
  private DuplicateClusters() {}

  /** Every cluster with a member among {@code involved} (null: all), the most points first. */
  public static List<Duplicates.Cluster> of(IndexReader reader, Bits involved) throws IOException {
    Graph g = new Graph();
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), Schema.DUP_ITEM);
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
            v = decoded[ord] = dv.lookupOrd(ord).utf8ToString();
          }
          int tab = v.lastIndexOf('\t');
          if (tab > 0) {
            g.add(global, parseOrdinal(v, tab + 1), v.substring(0, tab));
          }
        }
      }
    }
    StoredFields stored = reader.storedFields();
    return g.clusters(doc -> StoredPoint.read(stored.document(doc, Duplicates.MEMBER_FIELDS)),
        involved == null ? null : involved::get);
  }

  /**
   * The clusters among {@code points} (from any engine), with each item's keys made from its title
   * and sources as the index made them ({@link DuplicateKeys}): every cluster with a member among
   * the points {@code involved} says (null: all), the most points first. The same clusters as
   * {@link #of} when {@code points} holds every point with a key that another point has.
   */
  public static List<Duplicates.Cluster> of(List<StoredPoint> points, java.util.function.Predicate<String> involved)
      throws IOException {
    Graph g = new Graph();
    for (int doc = 0; doc < points.size(); doc++) {
      for (StoredPoint.Item it : points.get(doc).items()) {
        for (String key : DuplicateKeys.of(it.title(), it.sources())) {
          g.add(doc, it.ordinal(), key);
        }
      }
    }
    return g.clusters(points::get, involved == null ? null : doc -> involved.test(points.get(doc).id()));
  }

  /** A point by its number in the graph. */
  private interface Points {
    StoredPoint get(int doc) throws IOException;
  }

  /**
   * {@code p} with each item's {@code alsoCitedUnder}: the items of other points that share a
   * duplicate key with it ({@code id#N}, sorted), one term look-up per key.
   */
  public static StoredPoint withAlsoCitedUnder(IndexSearcher searcher, StoredPoint p) throws IOException {
    StoredFields stored = searcher.storedFields();
    Map<Integer, StoredPoint> others = new HashMap<>();
    List<StoredPoint.Item> items = new ArrayList<>();
    for (StoredPoint.Item it : p.items()) {
      Set<String> refs = new java.util.TreeSet<>();
      for (String key : DuplicateKeys.of(it.title(), it.sources())) {
        TopDocs td = searcher.search(new TermQuery(new Term(Schema.DUP_KEY, key)), MAX_REFS);
        for (ScoreDoc sd : td.scoreDocs) {
          StoredPoint other = others.get(sd.doc);
          if (other == null) {
            other = StoredPoint.read(stored.document(sd.doc, Duplicates.MEMBER_FIELDS));
            others.put(sd.doc, other);
          }
          if (other.id().equals(p.id())) {
            continue;
          }
          for (StoredPoint.Item o : other.items()) {
            if (DuplicateKeys.of(o.title(), o.sources()).contains(key)) {
              refs.add(other.id() + "#" + o.ordinal());
            }
          }
        }
      }
      items.add(refs.isEmpty() ? it : it.withAlsoCitedUnder(List.copyOf(refs)));
    }
    return p.withItems(items);
  }

  /** The most points one key is looked up in, for {@code show}: a cluster larger than this is cut. */
  private static final int MAX_REFS = 200;

  private static int parseOrdinal(String v, int from) {
    int n = 0;
    for (int i = from; i < v.length() && n < 10_000_000; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Items (doc, ordinal) joined by keys, with a union-find over them. */
  private static final class Graph {
    private final Map<Long, Integer> nodeOf = new HashMap<>();
    private final List<long[]> nodes = new ArrayList<>(); // [doc, ordinal]
    private int[] parent = new int[1024];
    private final Map<String, Integer> firstWithKey = new HashMap<>();
    private final Map<String, Integer> keyCount = new HashMap<>();
    private final Map<Integer, List<String>> keysOfNode = new HashMap<>();

    void add(int doc, int ordinal, String key) {
      long id = ((long) doc << 32) | (ordinal & 0xffffffffL);
      Integer n = nodeOf.get(id);
      if (n == null) {
        n = nodes.size();
        nodeOf.put(id, n);
        nodes.add(new long[] {doc, ordinal});
        if (n >= parent.length) {
          parent = Arrays.copyOf(parent, parent.length * 2);
        }
        parent[n] = n;
      }
      keysOfNode.computeIfAbsent(n, k -> new ArrayList<>(2)).add(key);
      keyCount.merge(key, 1, Integer::sum);
      Integer first = firstWithKey.putIfAbsent(key, n);
      if (first != null) {
        union(first, n);
      }
    }

    private int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    private void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    List<Duplicates.Cluster> clusters(Points read, java.util.function.IntPredicate involved) throws IOException {
      Map<Integer, List<Integer>> byRoot = new TreeMap<>();
      for (int n = 0; n < nodes.size(); n++) {
        // Only items with a key another item has can be in a cluster.
        if (keysOfNode.get(n).stream().anyMatch(k -> keyCount.get(k) > 1)) {
          byRoot.computeIfAbsent(find(n), k -> new ArrayList<>()).add(n);
        }
      }
      Map<Integer, StoredPoint> points = new HashMap<>();
      List<Duplicates.Cluster> out = new ArrayList<>();
      for (List<Integer> members : byRoot.values()) {
        Set<Long> docs = new LinkedHashSet<>();
        boolean wanted = involved == null;
        for (int n : members) {
          docs.add(nodes.get(n)[0]);
          wanted |= involved != null && involved.test((int) nodes.get(n)[0]);
        }
        if (docs.size() < 2 || !wanted) {
          continue;
        }
        List<Duplicates.Member> ms = new ArrayList<>();
        Map<Duplicates.Member, List<String>> keysOfMember = new HashMap<>();
        for (int n : members) {
          int doc = (int) nodes.get(n)[0];
          int ordinal = (int) nodes.get(n)[1];
          StoredPoint p = points.get(doc);
          if (p == null) {
            p = read.get(doc);
            points.put(doc, p);
          }
          Duplicates.Member m = Duplicates.member(p, ordinal);
          ms.add(m);
          keysOfMember.put(m, keysOfNode.get(n));
        }
        // The shared keys in the members' order, each member's sorted: the same whatever order
        // the engine gave the documents in.
        ms.sort(Duplicates.MEMBER_ORDER);
        Set<String> shared = new LinkedHashSet<>();
        for (Duplicates.Member m : ms) {
          for (String k : keysOfMember.get(m).stream().sorted().toList()) {
            if (keyCount.get(k) > 1) {
              shared.add(k);
            }
          }
        }
        out.add(Duplicates.cluster(ms, List.copyOf(shared)));
      }
      out.sort(Duplicates.ORDER);
      return out;
    }
  }
}
