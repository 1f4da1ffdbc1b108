package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.testing.Golden;

/**
 * A shard with no copy left (its node stopped, no replica): OpenSearch answers a search 200 from
 * the shards it still has, saying only in {@code _shards} that one is missing. Every command that
 * reads the index fails, exit 3, naming how many shards answered (was: exit 0 with about half the
 * hits, totals and facet counts, and nothing to say the answer was short). {@code serve} answers
 * 503 with the same message, as it does once the cluster is gone (was: 500, "internal error").
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class ClusterMissingShardTest {
  private static HttpResponse<String> get(HttpApi api, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  public void aSearchThatAShardCouldNotAnswerFailsInsteadOfShowingPartOfTheHits() throws Exception {
    long t0 = System.nanoTime();
    Path home = Files.createTempDirectory("tpsearch-os-shard");
    Cli cli = Cli.at(home);
    String reports = Golden.sampleReports().toString();
    try (TestCluster cluster = TestCluster.start(2)) {
      Cluster admin = Cluster.connect(cluster.http(), Map.of());
      // Two shards, no replica: each node holds one shard and nothing else holds it.
      admin.call("PUT", "/_index_template/tp-half", Map.of("index_patterns", List.of("tp-half*"),
          "template", Map.of("settings", Map.of("index.number_of_shards", 2, "index.number_of_replicas", 0))));
      String url = cluster.http() + "/tp-half";
      Cli.Result indexed = cli.run("index", reports, "--to", url);
      assertEquals(indexed.toString(), 0, indexed.exit());
      List<?> shards = (List<?>) admin.call("GET", "/_cat/shards/tp-half?format=json&h=node", null);
      assertEquals(String.valueOf(shards), 2, shards.stream().map(s -> ((Map<?, ?>) s).get("node")).distinct().count());
      Cli.Result whole = cli.run("search", "光伏", "--engine", url);
      assertEquals(whole.toString(), 0, whole.exit());
      assertTrue(whole.out(), whole.out().startsWith("5 turning points match '光伏'"));

      // Stop the node that is not the cluster manager (out of the voting configuration first, so
      // the other one stays in charge); ask through the one left.
      List<?> managers = (List<?>) admin.call("GET", "/_cat/cluster_manager?format=json&h=node", null);
      int stop = "node-0".equals(((Map<?, ?>) managers.get(0)).get("node")) ? 1 : 0;
      String left = cluster.http(1 - stop);
      admin.call("POST", "/_cluster/voting_config_exclusions?node_names=node-" + stop, null);
      cluster.stop(stop);
      Cluster leftAdmin = Cluster.connect(left, Map.of());
      leftAdmin.call("GET", "/_cluster/health?wait_for_nodes=1&timeout=60s", null);
      String there = left + "/tp-half";

      // Each opens after a 10 s wait for the shards to come up. The words looked up, the tiers' runs
      // (an empty query goes straight to them), facet values, duplicate keys.
      List<List<String>> commands = List.of(
          List.of("search", "光伏"), List.of("search", "--facets"), List.of("facets", "电力"), List.of("duplicates"));
      for (List<String> command : commands) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--engine", there));
        Cli.Result r = cli.run(args.toArray(String[]::new));
        assertEquals(r.toString(), ExitCodes.INPUT, r.exit());
        assertEquals(r.toString(), "", r.out());
        assertTrue(r.err(), r.err().matches("tpsearch: .*the index " + Pattern.quote(there) + " answered from 1 of its 2 shards: "
            + "one is unavailable or failed.*, so the answer would be incomplete \\(a node that holds it may be down; start it "
            + "again, or see GET /_cluster/health/tp-half\\?level=shards\\)\\R"));
      }
      // serve: the same message, 503 (was: 500 "internal error", and an internal error in its log);
      // and so, once the cluster is gone altogether, is the connection refused.
      try (SearchBackend backend = cli.context().openBackend(null, there, true)) {
        HttpApi api = HttpApi.start(backend, "127.0.0.1", 0, 2);
        try {
          HttpResponse<String> r = get(api, "/search?q=%E5%85%89%E4%BC%8F");
          assertEquals(r.body(), 503, r.statusCode());
          assertTrue(r.body(), r.body().contains("answered from 1 of its 2 shards"));
          cluster.stop(1 - stop);
          r = get(api, "/search?q=%E5%85%89%E4%BC%8F");
          assertEquals(r.body(), 503, r.statusCode());
          assertTrue(r.body(), r.body().contains("cannot reach the cluster at " + left + ": connection refused"));
        } finally {
          api.stop();
        }
      }
      System.out.printf("TIMING a shard missing, every reading command: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    } finally {
      TestCluster.deleteTree(home);
    }
  }
}
