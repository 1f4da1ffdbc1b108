package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.bench.CorpusGenerator;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.testing.Golden;

/**
 * The figures of BENCHMARKS.md's cluster section, measured in one run on one machine: bulk-load
 * throughput ({@code index --index} and {@code index --to}: points/s and MB/s of reports, and the
 * CPU time of this JVM, which runs the client and both nodes) and warm query latency
 * ({@code tpsearch bench}'s query mix, p50 and p99) of the local index and of a real two-node
 * OpenSearch cluster (2 shards, 1 replica) in this JVM, over the same reports. Runs only with
 * {@code -Dopensearch.bench=FILES} (a {@code bench generate} corpus of that many report files) or
 * {@code =REPORTS-FOLDER}: {@code tools/bench/cluster.sh}. Prints, and writes
 * {@code target/cluster-bench.md}; asserts nothing about speed.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class OpenSearchBench {
  private static final Pattern POINTS = Pattern.compile("(\\d+) turning points: ");
  private static final Pattern REPORT_MB = Pattern.compile("reports (\\d+\\.\\d) MB");
  private static final Pattern QUERIES = Pattern.compile(": (\\d+) queries x \\d+ rounds");
  private static final Pattern LATENCY = Pattern.compile("latency ms: p50 ([\\d.]+)  p90 [\\d.]+  p99 ([\\d.]+)");

  @Test
  public void localAndClusterSideBySide() throws Exception {
    String spec = System.getProperty("opensearch.bench", "");
    Assume.assumeFalse("set -Dopensearch.bench=FILES or =REPORTS-FOLDER to measure (tools/bench/cluster.sh)", spec.isBlank());
    String rounds = System.getProperty("opensearch.bench.rounds", "20");
    String warmup = System.getProperty("opensearch.bench.warmup", "5");
    long start = System.nanoTime();
    String loadBefore = load();
    Path home = Files.createTempDirectory("tpsearch-os-bench");
    Path reports;
    if (spec.matches("\\d+")) {
      reports = home.resolve("corpus");
      CorpusGenerator.Summary g = CorpusGenerator.generate(reports, Integer.parseInt(spec), CorpusGenerator.DEFAULT_SEED);
      System.out.printf(Locale.ROOT, "BENCH corpus: bench generate --files %s: %d report files, %d turning points, %.1f MB%n",
          spec, g.reports(), g.uniquePoints(), g.reportBytes() / 1e6);
    } else {
      reports = Path.of(spec).toAbsolutePath();
    }
    List<String> rows = new ArrayList<>();
    try (TestCluster cluster = TestCluster.start(2)) {
      Cli cli = Cli.at(home);
      String engine = cluster.http() + "/tp-bench";
      Cluster admin = Cluster.connect(engine, Map.of());
      admin.call("PUT", "/_index_template/tp-bench", Map.of("index_patterns", List.of("tp-bench*"),
          "template", Map.of("settings", Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1))));
      // A first, small run through each path: class loading and a first JIT pass are not measured.
      assertEquals(0, cli.run("index", Golden.sampleReports().toString(), "--index", home.resolve("warm").toString()).exit());
      assertEquals(0, cli.run("index", Golden.sampleReports().toString(), "--to", cluster.http() + "/tp-bench-warm").exit());

      Load local = index(cli, reports, "--index", home.resolve("local").toString());
      Load remote = index(cli, reports, "--to", engine);
      Object health = admin.call("GET", "/_cluster/health/tp-bench?wait_for_status=green&timeout=60s", null);
      assertEquals(String.valueOf(health), "green", ((Map<?, ?>) health).get("status"));

      double[] la = bench(cli, rounds, warmup, "--index", home.resolve("local").toString());
      double[] lb = bench(cli, rounds, warmup, "--engine", engine);
      rows.add(row("local Lucene index", local, la));
      rows.add(row("OpenSearch, 2 nodes, 2 shards x 1 replica", remote, lb));
    }
    String loadAfter = load();
    TestCluster.deleteTree(home); // the corpus and the local index: about 100 MB
    String md = String.format(Locale.ROOT, "Reports: %s. Load average (1, 5, 15 min) before: %s; after: %s. "
        + "Query mix: `tpsearch bench` (%s rounds after %s warm-up rounds per query). CPU: this JVM's (the client, and "
        + "for the cluster both nodes too). The measurement took %.0f s.%n%n"
        + "| engine | points | reports MB | load s | points/s | MB/s | load CPU s | query p50 ms | query p99 ms | CPU ms/query |%n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n%s",
        spec.matches("\\d+") ? "`tpsearch bench generate --files " + spec + "`" : spec, loadBefore, loadAfter, rounds, warmup,
        (System.nanoTime() - start) / 1e9, String.join("", rows));
    Files.writeString(Path.of("target", "cluster-bench.md"), md);
    System.out.print("BENCH\n" + md);
  }

  /**
   * Round trips, latency and CPU per search on a two-node cluster, with the runs of a search sent
   * in one {@code _msearch} (batched, the default) and each run and test of hits sent alone
   * ({@code -Dtpsearch.cluster.batch=false}, as before): the 196 queries of the tuning set, ten
   * hits each, through the two ways in alternate rounds (so the machine's load falls on both
   * alike), warm (a backend per way, its word look-ups kept) and cold (a new backend per search, as
   * a 'tpsearch search' process has). Runs only with {@code -Dopensearch.bench.trips=FILES}
   * (a {@code bench generate} corpus); {@code tools/bench/cluster-trips.sh}. Writes
   * {@code target/cluster-trips.md}; asserts only that both ways give the same answers.
   */
  @Test
  public void roundTripsBatchedAndNot() throws Exception {
    String spec = System.getProperty("opensearch.bench.trips", "");
    Assume.assumeFalse("set -Dopensearch.bench.trips=FILES to measure (tools/bench/cluster-trips.sh)", spec.isBlank());
    int rounds = Integer.getInteger("opensearch.bench.rounds", 6);
    String loadBefore = load();
    long start = System.nanoTime();
    Path home = Files.createTempDirectory("tpsearch-os-trips");
    Path reports = home.resolve("corpus");
    CorpusGenerator.Summary g = CorpusGenerator.generate(reports, Integer.parseInt(spec), CorpusGenerator.DEFAULT_SEED);
    List<String> queries = org.tpsearch.search.eval.RelevanceSet.loadDefault().topics().stream()
        .map(org.tpsearch.search.eval.RelevanceSet.Topic::query).toList();
    String md;
    try (TestCluster cluster = TestCluster.start(2)) {
      Cli cli = Cli.at(home);
      String engine = cluster.http() + "/tp-trips";
      Cluster admin = Cluster.connect(engine, Map.of());
      admin.call("PUT", "/_index_template/tp-trips", Map.of("index_patterns", List.of("tp-trips*"),
          "template", Map.of("settings", Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1))));
      Cli.Result indexed = cli.run("index", reports.toString(), "--to", engine);
      assertEquals(indexed.toString(), 0, indexed.exit());
      admin.call("GET", "/_cluster/health/tp-trips?wait_for_status=green&timeout=60s", null);
      org.tpsearch.search.ClusterBackend batched = open(cli, engine, true);
      org.tpsearch.search.ClusterBackend single = open(cli, engine, false);
      // Warm: one backend per way, whose word look-ups are kept from query to query (a shell, a
      // server); cold: a new backend for each search, as each 'tpsearch search --engine' process.
      org.tpsearch.search.ClusterBackend[] ways = {single, batched, null, null};
      String[] names = {"warm, a request per run (before)", "warm, one _msearch per search (after)",
          "cold words, a request per run (before)", "cold words, batched (after)"};
      List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      long[] cpu = new long[4];
      long[] trips = new long[4];
      long[] searches = new long[4];
      Map<String, String> answers = new java.util.HashMap<>();
      for (int round = -2; round < rounds; round++) { // two warm-up rounds
        for (int k = 0; k < 4; k++) {
          int w = round < 0 ? k : (round % 2 == 0 ? k : (k ^ 1)); // alternate which way of a pair goes first
          for (String q : queries) {
            if (w >= 2) {
              if (ways[w] != null) {
                ways[w].close();
              }
              ways[w] = open(cli, engine, w == 3);
            }
            long x0 = ways[w].cluster().exchanges();
            long c0 = cpu();
            long t0 = System.nanoTime();
            org.tpsearch.search.SearchResult r;
            try {
              r = ways[w].search(org.tpsearch.search.SearchRequest.of(q));
            } catch (org.tpsearch.search.QueryException e) {
              continue;
            }
            long t1 = System.nanoTime();
            long c1 = cpu();
            String answer = r.total() + " " + r.partialTotal() + " " + r.hits().stream().map(h -> h.id() + ":" + h.tier()
                + ":" + h.matchedWords() + ":" + h.score()).toList();
            String before = answers.putIfAbsent(q, answer);
            assertTrue(q + "\n" + before + "\n" + answer, before == null || before.equals(answer));
            if (round >= 0) {
              millis.get(w).add((t1 - t0) / 1e6);
              cpu[w] += c1 - c0;
              trips[w] += ways[w].cluster().exchanges() - x0;
              searches[w]++;
            }
          }
        }
      }
      StringBuilder rows = new StringBuilder();
      for (int w = 0; w < 4; w++) {
        List<Double> m = new ArrayList<>(millis.get(w));
        m.sort(null);
        rows.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", names[w], trips[w] / (double) searches[w],
            m.get(m.size() / 2), m.get((int) (m.size() * 0.9)), cpu[w] / 1e6 / searches[w]));
      }
      md = String.format(Locale.ROOT, "Corpus: `tpsearch bench generate --files %s` (%d turning points), 2 nodes, 2 shards x 1 "
          + "replica, in the test JVM. %d rounds of the %d tuning-set queries (ten hits each) per way, alternated, after 2 "
          + "warm-up rounds. Load average (1, 5, 15 min) before: %s; after: %s. CPU: this JVM's (the client and both nodes). "
          + "The measurement took %.0f s.%n%n"
          + "| searches | round trips per search | p50 ms | p90 ms | CPU ms per search |%n|---|---:|---:|---:|---:|%n%s",
          spec, g.uniquePoints(), rounds, queries.size(), loadBefore, load(), (System.nanoTime() - start) / 1e9, rows);
    } finally {
      TestCluster.deleteTree(home);
    }
    Files.writeString(Path.of("target", "cluster-trips.md"), md);
    System.out.print("BENCH\n" + md);
  }

  /** A cluster backend, its searches batched or not ({@code tpsearch.cluster.batch}). */
  private static org.tpsearch.search.ClusterBackend open(Cli cli, String engine, boolean batch) throws Exception {
    if (!batch) {
      System.setProperty("tpsearch.cluster.batch", "false");
    }
    try {
      return (org.tpsearch.search.ClusterBackend) cli.context().openBackend(null, engine, true);
    } finally {
      System.clearProperty("tpsearch.cluster.batch");
    }
  }

  /** One bulk load: points, MB of reports, wall and process CPU seconds. */
  private record Load(long points, double mb, double seconds, double cpu) {}

  private static Load index(Cli cli, Path reports, String where, String to) {
    long c0 = cpu();
    long t0 = System.nanoTime();
    Cli.Result r = cli.run("index", reports.toString(), where, to, "--full");
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (cpu() - c0) / 1e9;
    assertEquals(r.toString(), 0, r.exit());
    System.out.print("BENCH index " + where + "\n" + r.out());
    Matcher p = POINTS.matcher(r.out());
    Matcher m = REPORT_MB.matcher(r.out());
    assertTrue(r.out(), p.find() && m.find());
    return new Load(Long.parseLong(p.group(1)), Double.parseDouble(m.group(1)), seconds, cpu);
  }

  /**
   * {@code tpsearch bench} against one engine: p50 and p99 latency, and this JVM's CPU time per
   * query run (warm-up runs included; for the cluster it includes both nodes' work), which a
   * loaded machine changes far less than the latency.
   */
  private static double[] bench(Cli cli, String rounds, String warmup, String where, String what) {
    long c0 = cpu();
    Cli.Result r = cli.run("bench", where, what, "--rounds", rounds, "--warmup", warmup);
    double cpu = (cpu() - c0) / 1e6;
    assertEquals(r.toString(), 0, r.exit());
    System.out.print("BENCH tpsearch bench " + where + "\n" + r.out());
    Matcher m = LATENCY.matcher(r.out());
    Matcher n = QUERIES.matcher(r.out());
    assertTrue(r.out(), m.find() && n.find());
    long runs = Long.parseLong(n.group(1)) * (Long.parseLong(rounds) + Long.parseLong(warmup));
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), cpu / runs};
  }

  private static String row(String name, Load l, double[] latency) {
    return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f | %.2f | %.1f | %.2f | %.2f | %.2f |%n", name, l.points(),
        l.mb(), l.seconds(), l.points() / l.seconds(), l.mb() / l.seconds(), l.cpu(), latency[0], latency[1], latency[2]);
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
