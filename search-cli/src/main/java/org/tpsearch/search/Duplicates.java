package org.tpsearch.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tpsearch.index.DuplicateKeys;
import org.tpsearch.index.SameEvent;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/**
 * Duplicate evidence: the same event or document cited under several turning points. Two relations
 * join items: the exact one, shared keys (same title after normalisation, same 《document》 or 文号,
 * same document URL; see {@link org.tpsearch.index.DuplicateKeys}), and the weaker "same event, by
 * content" ({@link SameEvent}: same place, a title found in the other item across languages, and
 * shared numbers or dates that meet). A cluster is the items joined by either, directly or through
 * others, under two or more points, and says which joined it. What {@code tpsearch duplicates},
 * {@code show} and {@code search --collapse} print; computed here from stored points only, so every
 * engine (the local index, a cluster) finds the same clusters from the candidates it looks up.
 */
public final class Duplicates {
  private Duplicates() {}

  /** What a cluster member reads of its point. */
  public static final Set<String> MEMBER_FIELDS = Set.of(Schema.ID, Schema.REGION, Schema.SECTOR, Schema.DATE_TEXT,
      Schema.TYPE, Schema.EV_TITLE, Schema.EV_TIME, Schema.EV_TEXT, Schema.EV_FIELDS, Schema.EV_DATES, Schema.EV_CHECKS,
      Schema.EV_SOURCES);

  /**
   * One item of a cluster.
   *
   * @param id the turning point
   * @param item the item's number in it, from 1
   * @param title the item's title as written
   * @param time its time as written
   * @param window in-window, out-of-window or undated, against its own point
   */
  public record Member(String id, String region, String sector, String date, int item, String title, String time,
      String window) {
    /** {@code id#item}: how a citation names one item. */
    public String ref() {
      return id + "#" + item;
    }
  }

  /**
   * Two items taken for the same event by content ({@link SameEvent}), and why.
   *
   * @param a the first item's {@code id#N} (the smaller)
   * @param b the other's
   * @param why the reasons, one phrase each
   */
  public record ContentLink(String a, String b, List<String> why) {
    public ContentLink {
      why = List.copyOf(why);
    }
  }

  /**
   * A duplicate cluster: items joined by shared keys or by content, under {@link #points()} (two or
   * more) turning points.
   *
   * @param title a title for the cluster: the earliest member's
   * @param keys the exact keys its members share (empty when content alone joined it)
   * @param links the pairs joined by content, with why (empty when keys alone joined it)
   * @param members by point date, then id, then item
   */
  public record Cluster(String title, List<String> keys, List<ContentLink> links, List<Member> members) {
    public Cluster {
      keys = List.copyOf(keys);
      links = List.copyOf(links);
      members = List.copyOf(members);
    }

    /** What joined it: {@code keys}, {@code content}, or {@code keys+content}. */
    public String formedBy() {
      return keys.isEmpty() ? "content" : links.isEmpty() ? "keys" : "keys+content";
    }

    /** How many turning points it spans. */
    public int points() {
      Set<String> ids = new LinkedHashSet<>();
      members.forEach(m -> ids.add(m.id()));
      return ids.size();
    }

    /** The regions of its points, in order of first appearance. */
    public List<String> regions() {
      Set<String> r = new LinkedHashSet<>();
      members.forEach(m -> r.add(m.region()));
      return List.copyOf(r);
    }
  }

  /** The most points first, then the earliest first member. */
  static final Comparator<Cluster> ORDER = Comparator.comparingInt(Cluster::points).reversed()
      .thenComparing(c -> c.members().get(0).date()).thenComparing(c -> c.members().get(0).ref());

  /** Members by point date, then id, then item. */
  static final Comparator<Member> MEMBER_ORDER = Comparator.comparing(Member::date).thenComparing(Member::id)
      .thenComparingInt(Member::item);

  static Member member(StoredPoint p, int ordinal) {
    StoredPoint.Item it = ordinal >= 1 && ordinal <= p.items().size() ? p.items().get(ordinal - 1) : null;
    return new Member(p.id(), p.region(), p.sector(), p.date(), ordinal, it == null ? "" : it.title(),
        it == null ? "" : it.time(), it == null ? "undated" : it.check().window().label());
  }

  static Cluster cluster(List<Member> members, List<String> keys, List<ContentLink> links) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(MEMBER_ORDER);
    List<ContentLink> l = new ArrayList<>(links);
    l.sort(Comparator.comparing(ContentLink::a).thenComparing(ContentLink::b));
    return new Cluster(sorted.get(0).title(), keys, l, sorted);
  }

  /**
   * The most items one place key is compared within: a place that many items name (a province, "全国")
   * names no one event, and comparing them all would cost its square.
   */
  static final int MAX_PLACE_BLOCK = 50;

  /**
   * Every duplicate cluster among {@code points} (each read with at least {@link #MEMBER_FIELDS}),
   * the most points first. Linear in the items but for the pairs compared by content, which share
   * a place key (at most {@value #MAX_PLACE_BLOCK} items a key).
   */
  public static List<Cluster> clusters(List<StoredPoint> points) {
    Nodes nodes = new Nodes(points);
    int n = nodes.size();
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    Map<String, Integer> firstWithKey = new HashMap<>();
    Map<String, Integer> keyCount = new HashMap<>();
    List<List<String>> keysOf = new ArrayList<>(n);
    Map<String, List<Integer>> byPlace = new HashMap<>();
    for (int i = 0; i < n; i++) {
      StoredPoint.Item it = nodes.item(i);
      List<String> keys = DuplicateKeys.of(it.title(), it.sources());
      keysOf.add(keys);
      for (String k : keys) {
        keyCount.merge(k, 1, Integer::sum);
        Integer first = firstWithKey.putIfAbsent(k, i);
        if (first != null) {
          union(parent, first, i);
        }
      }
      for (String k : SameEvent.placeKeys(it.place())) {
        byPlace.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
      }
    }
    // Content: pairs of items of different points that share a place key, each pair compared once.
    Map<Integer, SameEvent.Profile> profiles = new HashMap<>();
    Set<Long> compared = new HashSet<>();
    Map<Integer, List<ContentLink>> linksOf = new HashMap<>();
    boolean[] linked = new boolean[n];
    for (List<Integer> block : new TreeMap<>(byPlace).values()) {
      if (block.size() < 2 || block.size() > MAX_PLACE_BLOCK) {
        continue;
      }
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          int a = block.get(x);
          int b = block.get(y);
          if (nodes.point(a) == nodes.point(b) || !compared.add(((long) a << 32) | b)) {
            continue;
          }
          java.util.Optional<SameEvent.Match> m = SameEvent.match(profiles.computeIfAbsent(a, nodes::profile),
              profiles.computeIfAbsent(b, nodes::profile));
          if (m.isPresent()) {
            union(parent, a, b);
            String ra = nodes.ref(a);
            String rb = nodes.ref(b);
            ContentLink link = ra.compareTo(rb) < 0 ? new ContentLink(ra, rb, m.get().reasons())
                : new ContentLink(rb, ra, m.get().reasons());
            linksOf.computeIfAbsent(a, k -> new ArrayList<>()).add(link);
            linked[a] = true;
            linked[b] = true;
          }
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      // Only items with a key another item has, or a content link, can be in a cluster.
      boolean sharesKey = keysOf.get(i).stream().anyMatch(k -> keyCount.get(k) > 1);
      if (sharesKey || linked[i]) {
        byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    List<Cluster> out = new ArrayList<>();
    for (List<Integer> members : byRoot.values()) {
      Set<Integer> pts = new HashSet<>();
      members.forEach(i -> pts.add(nodes.point(i)));
      if (pts.size() < 2) {
        continue;
      }
      List<Member> ms = new ArrayList<>();
      Set<String> shared = new TreeSet<>();
      List<ContentLink> links = new ArrayList<>();
      for (int i : members) {
        ms.add(member(points.get(nodes.point(i)), nodes.item(i).ordinal()));
        keysOf.get(i).stream().filter(k -> keyCount.get(k) > 1).forEach(shared::add);
        links.addAll(linksOf.getOrDefault(i, List.of()));
      }
      out.add(cluster(ms, List.copyOf(shared), links));
    }
    out.sort(ORDER);
    return out;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /** Every item of a list of points, numbered. */
  private static final class Nodes {
    private final List<StoredPoint> points;
    private final int[] pointOf;
    private final int[] itemOf;

    Nodes(List<StoredPoint> points) {
      this.points = points;
      int n = 0;
      for (StoredPoint p : points) {
        n += p.items().size();
      }
      pointOf = new int[n];
      itemOf = new int[n];
      int i = 0;
      for (int p = 0; p < points.size(); p++) {
        for (int k = 0; k < points.get(p).items().size(); k++) {
          pointOf[i] = p;
          itemOf[i++] = k;
        }
      }
    }

    int size() {
      return pointOf.length;
    }

    int point(int i) {
      return pointOf[i];
    }

    StoredPoint.Item item(int i) {
      return points.get(pointOf[i]).items().get(itemOf[i]);
    }

    String ref(int i) {
      return points.get(pointOf[i]).id() + "#" + item(i).ordinal();
    }

    SameEvent.Profile profile(int i) {
      return profile(item(i));
    }

    static SameEvent.Profile profile(StoredPoint.Item it) {
      return SameEvent.profile(it.title(), it.text(), it.place(), it.check().dates());
    }
  }

  /**
   * {@code p} with each item's {@code alsoCitedUnder} (the items of {@code candidates} that share a
   * duplicate key with it) and {@code sameEventUnder} (those taken for the same event by content),
   * refs sorted. {@code candidates} may hold {@code p} itself and points unrelated to it.
   */
  public static StoredPoint withRelated(StoredPoint p, Collection<StoredPoint> candidates) {
    List<StoredPoint.Item> items = new ArrayList<>();
    for (StoredPoint.Item it : p.items()) {
      Set<String> keys = new HashSet<>(DuplicateKeys.of(it.title(), it.sources()));
      List<String> places = SameEvent.placeKeys(it.place());
      SameEvent.Profile mine = null;
      Set<String> refs = new TreeSet<>();
      Map<String, StoredPoint.Related> related = new TreeMap<>();
      for (StoredPoint other : candidates) {
        if (other.id().equals(p.id())) {
          continue;
        }
        for (StoredPoint.Item o : other.items()) {
          String ref = other.id() + "#" + o.ordinal();
          if (DuplicateKeys.of(o.title(), o.sources()).stream().anyMatch(keys::contains)) {
            refs.add(ref);
          }
          if (!places.isEmpty() && SameEvent.placeKeys(o.place()).stream().anyMatch(places::contains)) {
            mine = mine == null ? Nodes.profile(it) : mine;
            java.util.Optional<SameEvent.Match> m = SameEvent.match(mine, Nodes.profile(o));
            if (m.isPresent()) {
              related.put(ref, new StoredPoint.Related(ref, m.get().reasons()));
            }
          }
        }
      }
      items.add(refs.isEmpty() && related.isEmpty() ? it
          : it.withAlsoCitedUnder(List.copyOf(refs), List.copyOf(related.values())));
    }
    return p.withItems(items);
  }
}
