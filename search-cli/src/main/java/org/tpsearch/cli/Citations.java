package org.tpsearch.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tpsearch.cite.Citation;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchResult;

/** The references of points and hits: one per evidence item, made by {@link Citation#of}. */
final class Citations {
  private Citations() {}

  /** The references of the items of {@code p} numbered {@code ordinals} (every item when empty), in that order. */
  static List<Citation> of(StoredPoint p, List<Integer> ordinals) {
    List<Citation> out = new ArrayList<>();
    if (ordinals.isEmpty()) {
      for (StoredPoint.Item it : p.items()) {
        out.add(of(p, it));
      }
    } else {
      for (int n : ordinals) {
        out.add(of(p, p.items().get(n - 1)));
      }
    }
    return out;
  }

  static Citation of(StoredPoint p, StoredPoint.Item it) {
    return Citation.of(p, it, issued(it));
  }

  /** The item's date as parsed from its time field at index time ({@link org.tpsearch.parse.EvidenceDates}). */
  static Optional<Citation.Issued> issued(StoredPoint.Item it) {
    return it.check().dates().map(d -> Citation.Issued.of(d.from(), d.to()));
  }

  /**
   * Where item {@code it}'s date falls against point {@code p}'s window (its date ±90 days, checked
   * at index time): {@code in-window}, {@code out-of-window} or {@code undated}.
   */
  static String window(StoredPoint p, StoredPoint.Item it) {
    return it.check().window().label();
  }

  /**
   * The references of a search's hits: for each hit, the items it shows (the ones that matched,
   * best first; every item when there was no query), read in full from {@code points}.
   */
  static List<Citation> of(SearchResult r, Renderer.Points points) throws IOException {
    List<Citation> out = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      StoredPoint p = points.get(h.id());
      if (p == null) {
        continue;
      }
      List<Integer> ordinals = new ArrayList<>();
      for (SearchResult.EvidenceHit e : h.evidence()) {
        if (e.ordinal() >= 1 && e.ordinal() <= p.items().size()) {
          ordinals.add(e.ordinal());
        }
      }
      if (!ordinals.isEmpty()) {
        out.addAll(of(p, ordinals));
      }
    }
    return out;
  }
}
