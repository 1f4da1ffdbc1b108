package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code search --format json} output (parsed by {@link MiniJson}) for assertions. */
final class SearchJson {
  private SearchJson() {}

  /** The JSON document a run printed; fails unless it exited 0 or 1 and printed nothing on stderr. */
  static Map<String, Object> of(Cli.Result r) {
    if (r.exit() > 1 || !r.err().isEmpty()) {
      throw new AssertionError("the command failed\n" + r);
    }
    return MiniJson.object(r.out());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> hits(Map<String, Object> doc) {
    return (List<Map<String, Object>>) doc.get("hits");
  }

  static List<String> ids(Map<String, Object> doc) {
    return hits(doc).stream().map(h -> (String) h.get("id")).toList();
  }

  /** The ids of the hits that have every word of the query (not the partial ones that fill the page). */
  static List<String> allWordIds(Map<String, Object> doc) {
    return hits(doc).stream().filter(h -> "all".equals(h.get("match"))).map(h -> (String) h.get("id")).toList();
  }

  static long total(Map<String, Object> doc) {
    return ((BigDecimal) doc.get("total")).longValueExact();
  }

  /** The counts of one facet dimension, in output order. */
  @SuppressWarnings("unchecked")
  static Map<String, Long> facet(Map<String, Object> doc, String dim) {
    Map<String, Object> facets = (Map<String, Object>) doc.get("facets");
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) facets.get(dim)) {
      assertEquals(List.of("value", "count"), List.copyOf(c.keySet()));
      Long previous = out.put((String) c.get("value"), ((BigDecimal) c.get("count")).longValueExact());
      assertEquals(null, previous, "value listed twice in " + dim);
    }
    return out;
  }

  /** A confidence as printed: null when unknown. */
  static Double confidence(Map<String, Object> hit) {
    BigDecimal c = (BigDecimal) hit.get("confidence");
    return c == null ? null : c.doubleValue();
  }
}
