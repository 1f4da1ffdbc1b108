package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tpsearch.opensearch.Cluster;

/** What the cluster tests ask the cluster directly, beside tpsearch: aliases, counts, index names. */
final class ClusterAdmin {
  private ClusterAdmin() {}

  /** The one index {@code alias} points to. */
  static String aliased(Cluster admin, String alias) throws Exception {
    Map<?, ?> a = (Map<?, ?>) admin.call("GET", "/_alias/" + alias, null);
    assertEquals(String.valueOf(a), 1, a.size());
    return (String) a.keySet().iterator().next();
  }

  static long count(Cluster admin, String index) throws Exception {
    return ((Number) ((Map<?, ?>) admin.call("GET", "/" + index + "/_count", null)).get("count")).longValue();
  }

  /** The names of the indexes matching {@code pattern}, sorted. */
  static List<String> indexes(Cluster admin, String pattern) throws Exception {
    List<String> out = new ArrayList<>();
    for (Object i : (List<?>) admin.call("GET", "/_cat/indices/" + pattern + "?format=json&h=index", null)) {
      out.add((String) ((Map<?, ?>) i).get("index"));
    }
    out.sort(null);
    return out;
  }
}
