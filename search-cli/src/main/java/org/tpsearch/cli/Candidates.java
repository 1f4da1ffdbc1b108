package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.PointType;
import org.tpsearch.model.Region;
import org.tpsearch.model.Regions;
import org.tpsearch.model.Sector;
import org.tpsearch.model.Sectors;

/**
 * The values shell completion offers for options. Names with a space are offered with {@code -}
 * (Inner-Mongolia), which the lookups accept, so that a completion is one shell word. Each list is
 * made when iterated, not when picocli builds its model on every run.
 */
final class Candidates {
  private Candidates() {}

  /** The completion values of a facet dimension's filter option, or null for none (year, confidence). */
  static Iterable<String> forDimension(String dimension) {
    return switch (dimension) {
      case org.tpsearch.index.Schema.DIM_REGION -> new RegionNames();
      case org.tpsearch.index.Schema.DIM_SECTOR -> new SectorNames();
      case org.tpsearch.index.Schema.DIM_TYPE -> new TypeNames();
      case org.tpsearch.index.Schema.DIM_STATUS -> new StatusNames();
      // Confidence buckets (<0.60) hold shell metacharacters: completed unquoted they would redirect.
      default -> null;
    };
  }

  private static String word(String name) {
    return name.replace(' ', '-');
  }

  /** Region names in English and Chinese: Xinjiang, 新疆, 新疆维吾尔自治区. */
  static final class RegionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (Region r : Regions.ALL) {
        names.add(word(r.name()));
        names.add(r.zh());
        names.add(r.zhFull());
      }
      return names.iterator();
    }
  }

  /** Sector names in English and Chinese: Ground-Transport, 地面交通. */
  static final class SectorNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (Sector s : Sectors.ALL) {
        names.add(word(s.name()));
        names.add(s.zh());
      }
      return names.iterator();
    }
  }

  /** Turning-point types as the pipeline writes them: Policy, Event... */
  static final class TypeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (PointType t : PointType.values()) {
        names.add(t.display());
      }
      return names.iterator();
    }
  }

  /** Evidence statuses: found, none, failed. */
  static final class StatusNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (EvidenceStatus s : EvidenceStatus.values()) {
        names.add(s.label());
      }
      return names.iterator();
    }
  }

  /** Sort orders of {@code search --sort}. */
  static final class SortOrders implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("relevance", "date", "confidence").iterator();
    }
  }
}
