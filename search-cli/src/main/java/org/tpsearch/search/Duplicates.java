package org.tpsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tpsearch.index.Schema;
import org.tpsearch.index.StoredPoint;

/**
 * Duplicate evidence: the same event or document cited under several turning points, found by
 * shared keys (same title after normalisation, same 《document》 or 文号, same document URL; see
 * {@link org.tpsearch.index.DuplicateKeys}). What {@code tpsearch duplicates}, {@code show} and
 * {@code search --collapse} print.
 */
public final class Duplicates {
  private Duplicates() {}

  /** What a cluster member reads of its point. */
  static final Set<String> MEMBER_FIELDS = Set.of(Schema.ID, Schema.REGION, Schema.SECTOR, Schema.DATE_TEXT,
      Schema.TYPE, Schema.EV_TITLE, Schema.EV_TIME, Schema.EV_DATES, Schema.EV_CHECKS, Schema.EV_SOURCES);

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
   * A duplicate cluster: items linked by shared keys, under {@link #points()} (two or more) turning points.
   *
   * @param title a title for the cluster: the earliest member's
   * @param keys the keys its members share
   * @param members by point date, then id, then item
   */
  public record Cluster(String title, List<String> keys, List<Member> members) {
    public Cluster {
      keys = List.copyOf(keys);
      members = List.copyOf(members);
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

  static Cluster cluster(List<Member> members, List<String> keys) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(MEMBER_ORDER);
    return new Cluster(sorted.get(0).title(), keys, sorted);
  }
}
