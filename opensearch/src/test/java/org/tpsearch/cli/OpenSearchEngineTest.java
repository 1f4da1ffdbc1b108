package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.tpsearch.cli.ClusterAdmin.aliased;
import static org.tpsearch.cli.ClusterAdmin.count;
import static org.tpsearch.cli.ClusterAdmin.indexes;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.eval.EvalCorpus;
import org.tpsearch.search.eval.Evaluation;
import org.tpsearch.search.eval.RelevanceSet;
import org.tpsearch.search.eval.RetrievalSystem;
import org.tpsearch.testing.Golden;

/**
 * The sample reports indexed into a local folder and into a real two-node OpenSearch 3.8.0 cluster
 * ({@code index --to}), then searched through both engines ({@code --index}, {@code --engine}): on
 * an index of one shard, the same JSON for every query, filter and facet case (the engine's name
 * and float scores aside); on two shards, the same points, tiers, totals and facet counts.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class OpenSearchEngineTest {
  private static TestCluster cluster;
  private static Path home;
  private static Path local;
  private static String engine;
  private static Cli cli;
  private static Cli.Result clusterRun;

  @BeforeClass
  public static void indexBoth() throws Exception {
    long t0 = System.nanoTime();
    cluster = TestCluster.start(2);
    System.out.printf("TIMING node started %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    home = Files.createTempDirectory("tpsearch-os-home");
    local = home.resolve("local-index");
    engine = cluster.http() + "/tp-sample";
    cli = Cli.at(home);
    t0 = System.nanoTime();
    Cli.Result l = cli.run("index", Golden.sampleReports().toString(), "--index", local.toString());
    assertEquals(l.toString(), 0, l.exit());
    long t1 = System.nanoTime();
    clusterRun = cli.run("index", Golden.sampleReports().toString(), "--to", engine);
    // The same reports on two shards with a replica each, spread over the two nodes.
    Cluster admin = Cluster.connect(cluster.http() + "/tp-two", Map.of());
    admin.call("PUT", "/_index_template/tp-two", Map.of("index_patterns", List.of("tp-two*"),
        "template", Map.of("settings", Map.of("index.number_of_shards", 2, "index.number_of_replicas", 1))));
    Cli.Result two = cli.run("index", Golden.sampleReports().toString(), "--to", cluster.http() + "/tp-two");
    assertEquals(two.toString(), 0, two.exit());
    System.out.printf("TIMING local index %.0f ms, cluster index %.0f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
    assertEquals(clusterRun.toString(), 0, clusterRun.exit());
  }

  @AfterClass
  public static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Every query kind of the README's table, with and without filters, sorts and facets. */
  static final List<List<String>> CASES = List.of(
      List.of("绿色电力 交易"), List.of("光伏"), List.of("碳达峰"), List.of("绿电"), List.of("green power"),
      List.of("\"green power\""), List.of("新疆的绿色电力交易"), List.of("上海的航班什么时候恢复"),
      List.of("when did the Wuhan lockdown start"), List.of("highway toll"), List.of("Pudong airport"),
      List.of("wulumuqi"), List.of("綠色電力"), List.of("ＣＯ２"), List.of("光伏 OR 风电"), List.of("碳达峰 -工业"),
      List.of("industries"), List.of("74.7"), List.of("17.5%"), List.of("国发〔2021〕23号"), List.of("PV"),
      List.of("电力", "--region", "新疆"), List.of("电力", "--sector", "Power", "--year", "2021..2023"),
      List.of("政策", "--type", "Policy", "--min-confidence", "0.7"), List.of("--region", "Xinjiang"),
      List.of("--sector", "Industry", "--region", "Guangdong", "--region", "Xinjiang"),
      List.of("--status", "found", "--sort", "confidence"), List.of("电力", "--sort", "date"), List.of("电力", "--sort", "confidence"),
      List.of("--source-domain", "gov.cn"), List.of("--year", "2022", "--confidence", "0.60-0.69"),
      List.of("疫情 封控 航班"), List.of("no such words anywhere zzzq"), List.of("2022年5月"), List.of("03月01日"),
      List.of("2021-07-16"), List.of("2021/7/16"), List.of("7月16号"), List.of("航油消耗减"), List.of("2021年9月限电"),
      List.of("2021年多省拉闸限电"), List.of("工业用电降了吗"));

  @Test
  public void everyCaseAnswersTheSameThroughBothEngines() {
    List<String> differences = new ArrayList<>();
    for (List<String> c : CASES) {
      Map<String, Object> a = localAnswer(c);
      Map<String, Object> b = json("--engine", engine, c, "200");
      String why = compare(a, b, sortKey(c));
      if (why != null) {
        differences.add(c + ": " + why);
      }
    }
    assertTrue(String.join("\n", differences), differences.isEmpty());
  }

  /**
   * Hits sorted by date or confidence show their relevance score, the same through both engines,
   * with facets and without (the local engine scored sorted hits only with facets: 0 without).
   */
  /**
   * The cluster's analyzers read dates as the local ones do (its pattern_replace char filters
   * carry DateZeros' rules): the same terms at the same positions for each text, by the node's
   * own _analyze.
   */
  @Test
  public void theClusterReadsDatesAsTheLocalAnalyzersDo() throws Exception {
    Cluster admin = Cluster.connect(engine, Map.of());
    List<String> texts = List.of("发布时间: 2021-07-16起", "2022/5/1", "2022.05.01。", "２０２２－０５－０１", "5月1号", "7月05号",
        "国发〔2021〕23号", "2022年05月", "03月01日", "x_2022-05-01", "1.2022.05.01", "2022-13-01", "2020-2025年",
        "綠色電力 2022-05-01 交易");
    for (String text : texts) {
      for (Map.Entry<String, org.apache.lucene.analysis.Analyzer> a : Map.of(
          "tp_bigram", (org.apache.lucene.analysis.Analyzer) new org.tpsearch.analysis.BigramAnalyzer(true),
          "tp_words", new org.tpsearch.analysis.WordAnalyzer()).entrySet()) {
        Object answer = admin.call("POST", "/tp-sample/_analyze", Map.of("analyzer", a.getKey(), "text", text));
        List<String> remote = new ArrayList<>();
        int pos = -1;
        for (Object t : (List<?>) ((Map<?, ?>) answer).get("tokens")) {
          Map<?, ?> tok = (Map<?, ?>) t;
          remote.add(tok.get("token") + "@" + ((Number) tok.get("position")).intValue());
        }
        List<String> mine = new ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = a.getValue().tokenStream("text", text)) {
          var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
          var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            pos += inc.getPositionIncrement();
            mine.add(term + "@" + pos);
          }
          ts.end();
        }
        java.util.Collections.sort(remote);
        java.util.Collections.sort(mine);
        assertEquals(a.getKey() + " " + text, mine, remote);
      }
    }
  }

  @Test
  public void sortedHitsShowTheirRealScoreWithOrWithoutFacets() {
    for (List<String> c : List.of(List.of("电力", "--sort", "date"), List.of("电力", "--sort", "confidence"),
        List.of("光伏", "--region", "Xinjiang", "--sort", "date"), List.of("--region", "Xinjiang", "--sort", "date"))) {
      for (boolean facets : new boolean[] {false, true}) {
        List<String> args = new ArrayList<>(c);
        args.addAll(List.of("--format", "json", "-n", "50"));
        if (facets) {
          args.add("--facets");
        }
        Map<String, Object> a = answer(args, "--index", local.toString());
        Map<String, Object> b = answer(args, "--engine", engine);
        String why = compare(a, b, sortKey(c));
        assertTrue(c + (facets ? " --facets: " : ": ") + why, why == null);
        List<?> hits = (List<?>) a.get("hits");
        assertTrue(c.toString(), !hits.isEmpty());
        for (Object h : hits) {
          BigDecimal score = (BigDecimal) ((Map<?, ?>) h).get("score");
          // A query's hits score above 0; filters alone score 1, as by relevance.
          assertTrue(c + " " + h, c.get(0).startsWith("--") ? score.compareTo(BigDecimal.ONE) == 0 : score.signum() > 0);
        }
      }
    }
  }

  private static Map<String, Object> answer(List<String> c, String where, String value) {
    List<String> args = new ArrayList<>(List.of("search"));
    args.addAll(c);
    args.addAll(List.of(where, value));
    Cli.Result r = cli.run(args.toArray(new String[0]));
    assertTrue(args + "\n" + r, r.exit() == 0);
    return MiniJson.object(r.out());
  }

  @Test
  public void theOutputSaysWhichEngineAnswered() {
    Cli.Result r = cli.run("search", "光伏", "--engine", engine);
    assertEquals(r.toString(), 0, r.exit());
    assertTrue(r.out(), r.out().lines().findFirst().orElse("").contains("OpenSearch index tp-sample at " + cluster.http()));
    Cli.Result env = cli.with("TPSEARCH_ENGINE", engine).run("search", "光伏", "--format", "json");
    assertTrue(env.out(), env.out().contains("\"index\":\"OpenSearch index tp-sample"));
  }

  @Test
  public void showStatsAndFacetsAreTheSame() {
    String id = "xinjiang/industry/2022-03-01/event";
    Cli.Result a = cli.run("show", id, "--format", "json", "--index", local.toString());
    Cli.Result b = cli.run("show", id, "--format", "json", "--engine", engine);
    assertEquals(0, a.exit());
    assertEquals(a.out(), b.out());
    Cli.Result missing = cli.run("show", "xinjiang/industry/2022-03-02", "--engine", engine);
    Cli.Result missingLocally = cli.run("show", "xinjiang/industry/2022-03-02", "--index", local.toString());
    assertEquals(ExitCodes.NO_HITS, missing.exit());
    assertEquals(missingLocally.err().replaceAll(" in .*; did", " did"), missing.err().replaceAll(" in .*; did", " did"));
    Map<String, Object> sa = MiniJson.object(cli.run("stats", "--format", "json", "--index", local.toString()).out());
    Map<String, Object> sb = MiniJson.object(cli.run("stats", "--format", "json", "--engine", engine).out());
    for (String key : List.of("turning_points", "report_files", "facets")) { // was "points", which stats never writes
      assertTrue(key, sa.get(key) != null);
      assertEquals(key, sa.get(key), sb.get(key));
    }
    Cli.Result fa = cli.run("facets", "电力", "--region", "新疆", "--format", "json", "--index", local.toString());
    Cli.Result fb = cli.run("facets", "电力", "--region", "新疆", "--format", "json", "--engine", engine);
    assertEquals(null, compare(MiniJson.object(fa.out()), MiniJson.object(fb.out())));
  }

  @Test
  public void aSecondRunChangesNothing() {
    assertTrue(clusterRun.out(), clusterRun.out().contains("indexed " + engine + ":"));
    Cli.Result again = cli.run("index", Golden.sampleReports().toString(), "--to", engine);
    assertEquals(again.toString(), 0, again.exit());
    assertTrue(again.out(), again.out().contains(" read, ") && again.out().contains("(0 read, "));
    assertTrue(again.out(), again.out().contains("0 added, 0 updated, 0 removed"));
  }

  @Test
  public void anUnknownFilterValueIsAQueryError() {
    Cli.Result r = cli.run("search", "--source-domain", "nowhere.invalid", "--engine", engine);
    Cli.Result l = cli.run("search", "--source-domain", "nowhere.invalid", "--index", local.toString());
    assertEquals(l.exit(), r.exit());
  }

  /**
   * 'duplicates' lists the same clusters (members, keys, order) on one shard and on two shards on
   * two nodes as on the local index, for the whole index and under a query and filters. Was: exit 2,
   * "cannot list duplicate clusters yet".
   */
  @Test
  public void duplicatesAreTheSameThroughBothEngines() {
    List<List<String>> cases = List.of(List.of(), List.of("--region", "Hebei"), List.of("碳排放权 交易"),
        List.of("--min-points", "3"), List.of("--sector", "Power", "--year", "2021"), List.of("no such words anywhere zzzq"));
    int clusters = 0;
    for (List<String> c : cases) {
      Map<String, Object> a = duplicates(c, "--index", local.toString());
      clusters += ((List<?>) a.get("clusters")).size();
      for (String url : List.of(engine, cluster.http() + "/tp-two")) {
        Map<String, Object> b = duplicates(c, "--engine", url);
        assertEquals(c + " " + url, a, b);
      }
    }
    assertTrue("the sample reports have duplicate clusters: " + clusters, clusters > 5);
    Cli.Result text = cli.run("duplicates", "--engine", engine);
    assertEquals(text.toString(), ExitCodes.OK, text.exit());
    assertTrue(text.out(), text.out().lines().findFirst().orElse("").endsWith(" — OpenSearch index tp-sample at " + cluster.http()));
  }

  private static Map<String, Object> duplicates(List<String> c, String where, String url) {
    List<String> args = new ArrayList<>(List.of("duplicates", "--format", "json", where, url));
    args.addAll(c);
    Cli.Result r = cli.run(args.toArray(String[]::new));
    assertTrue(r.toString(), r.exit() == ExitCodes.OK || r.exit() == ExitCodes.NO_HITS);
    Map<String, Object> m = new LinkedHashMap<>(MiniJson.object(r.out()));
    m.remove("index");
    return m;
  }

  @Test
  public void aMissingIndexOrAURLWithCredentialsIsRefused() {
    Cli.Result none = cli.run("search", "光伏", "--engine", cluster.http() + "/no-such-index");
    assertNotEquals(0, none.exit());
    assertTrue(none.err(), none.err().contains("no such index") && none.err().contains("tpsearch index DIR --to"));
    Cli.Result creds = cli.run("index", Golden.sampleReports().toString(), "--to", "http://user:secret@127.0.0.1:1/x");
    assertEquals(ExitCodes.USAGE, creds.exit());
    assertTrue(creds.err(), creds.err().contains("never on the command line"));
  }

  @Test
  public void aDocumentTheClusterRejectsIsNamedWithFileAndLineAndTheNextRunCompletes() throws Exception {
    // Every document is refused: an index template (as an administrator may set) puts a write block
    // on the new index. The run fails naming each document's file and line, and records no state.
    Cluster admin = Cluster.connect(cluster.http() + "/tp-blocked", Map.of());
    admin.call("PUT", "/_index_template/tp-blocked", Map.of("index_patterns", List.of("tp-blocked.tpsearch-2*"),
        "template", Map.of("settings", Map.of("index.blocks.write", true))));
    Cli.Result blocked = cli.run("index", Golden.sampleReports().toString(), "--to", cluster.http() + "/tp-blocked");
    assertEquals(blocked.toString(), ExitCodes.INPUT, blocked.exit());
    assertTrue(blocked.err(), blocked.err().matches("(?s).*documents were not indexed: [^;]+_info\\.(txt|md):\\d+: turning point "
        + "[^;:]+/\\d{4}-\\d\\d-\\d\\d/[^;:]+: the cluster rejected it: cluster_block_exception.*"));
    assertTrue(blocked.err(), blocked.err().contains("rebuilds it in full"));
    // The block lifted, the next run indexes everything: the same answers as the local index.
    admin.call("DELETE", "/_index_template/tp-blocked", null);
    Cli.Result next = cli.run("index", Golden.sampleReports().toString(), "--to", cluster.http() + "/tp-blocked");
    assertEquals(next.toString(), 0, next.exit());
    assertEquals(null, compare(json("--index", local.toString(), List.of("电力")),
        json("--engine", cluster.http() + "/tp-blocked", List.of("电力"))));
  }

  @Test
  public void aChangedFileIsIndexedAgainAndARemovedOneRemoved() throws Exception {
    Path reports = Files.createTempDirectory(home, "reports");
    try (var files = Files.list(Golden.sampleReports())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, reports.resolve(f.getFileName()));
      }
    }
    String url = cluster.http() + "/tp-changed";
    Cli.Result first = cli.run("index", reports.toString(), "--to", url);
    assertEquals(first.toString(), 0, first.exit());
    assertEquals(ExitCodes.NO_HITS, cli.run("search", "zqxjnonce", "--engine", url).exit());
    Path xinjiang = reports.resolve("Xinjiang_Industry_combined_info.txt");
    String text = Files.readString(xinjiang);
    int at = text.indexOf("新疆");
    Files.writeString(xinjiang, text.substring(0, at) + "zqxjnonce " + text.substring(at));
    Files.delete(reports.resolve("Shanxi_Power_combined_info.txt"));
    Cli.Result second = cli.run("index", reports.toString(), "--to", url);
    assertEquals(second.toString(), 0, second.exit());
    assertTrue(second.out(), second.out().contains("(1 read, "));
    assertTrue(second.out(), second.out().matches("(?s).*0 added, [1-9]\\d* updated, [1-9]\\d* removed.*"));
    Map<String, Object> found = json("--engine", url, List.of("zqxjnonce"));
    assertEquals(1L, ((BigDecimal) found.get("total")).longValue());
    Cli.Result shanxi = cli.run("search", "--region", "Shanxi", "--engine", url);
    assertTrue(shanxi.toString(), shanxi.exit() != 0);
  }

  /**
   * A full run writes a new index and moves the alias to it in one request: searches read the old
   * index all along (a run that fails leaves it answering), and only indexes tpsearch made are
   * deleted, never one it did not write, even one named like its own.
   */
  @Test
  public void aFullRebuildSwapsTheAliasAndDeletesOnlyIndexesTpsearchMade() throws Exception {
    String url = cluster.http() + "/tp-swap";
    Cluster admin = Cluster.connect(url, Map.of());
    Cli.Result first = cli.run("index", Golden.sampleReports().toString(), "--to", url);
    assertEquals(first.toString(), 0, first.exit());
    String firstIndex = aliased(admin, "tp-swap");
    assertTrue(firstIndex, firstIndex.matches("tp-swap\\.tpsearch-\\d{17}"));
    // Not tpsearch's: one named like a build of tpsearch's, one beside it. A build tpsearch made that
    // did not finish (its mapping says so) is tpsearch's to remove.
    admin.call("PUT", "/tp-swap.tpsearch-20000101000000000", Map.of());
    admin.call("PUT", "/tp-swap-notes", Map.of());
    admin.call("PUT", "/tp-swap.tpsearch-20010101000000000", org.tpsearch.opensearch.ClusterSchema.indexBody("tp-swap"));

    // A full run that fails half-way (the new index refuses writes): searches still get every point.
    admin.call("PUT", "/_index_template/tp-swap-blocked", Map.of("index_patterns", List.of("tp-swap.tpsearch-2*"),
        "template", Map.of("settings", Map.of("index.blocks.write", true))));
    Cli.Result failed = cli.run("index", Golden.sampleReports().toString(), "--to", url, "--full");
    assertEquals(failed.toString(), ExitCodes.INPUT, failed.exit());
    assertEquals(firstIndex, aliased(admin, "tp-swap"));
    assertEquals(68L, count(admin, "tp-swap"));
    admin.call("DELETE", "/_index_template/tp-swap-blocked", null);

    // A full run while another thread counts the points through the alias, again and again.
    List<Long> counts = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          counts.add(count(admin, "tp-swap"));
        } catch (Exception e) {
          counts.add(-1L);
        }
      }
    });
    reader.start();
    Cli.Result full = cli.run("index", Golden.sampleReports().toString(), "--to", url, "--full");
    done.set(true);
    reader.join();
    assertEquals(full.toString(), 0, full.exit());
    assertTrue(counts.toString(), !counts.isEmpty() && counts.stream().allMatch(c -> c == 68L));
    String secondIndex = aliased(admin, "tp-swap");
    assertNotEquals(firstIndex, secondIndex);
    List<String> indexes = indexes(admin, "tp-swap*");
    assertEquals(indexes.toString(), List.of("tp-swap-notes", "tp-swap.tpsearch-20000101000000000", secondIndex,
        "tp-swap.tpsearch-state"), indexes);
    assertEquals(null, compare(json("--index", local.toString(), List.of("电力")), json("--engine", url, List.of("电力"))));
    // An incremental run writes into the index behind the alias.
    Cli.Result again = cli.run("index", Golden.sampleReports().toString(), "--to", url);
    assertEquals(again.toString(), 0, again.exit());
    assertEquals(secondIndex, aliased(admin, "tp-swap"));
  }

  /** An index made by a tpsearch before aliases (the name a concrete index) becomes an alias at the next full run. */
  @Test
  public void anIndexMadeBeforeAliasesIsReplacedByOne() throws Exception {
    String url = cluster.http() + "/tp-legacy";
    Cluster admin = Cluster.connect(url, Map.of());
    admin.call("PUT", "/tp-legacy", org.tpsearch.opensearch.ClusterSchema.indexBody());
    Cli.Result r = cli.run("index", Golden.sampleReports().toString(), "--to", url);
    assertEquals(r.toString(), 0, r.exit());
    assertTrue(aliased(admin, "tp-legacy").startsWith("tp-legacy.tpsearch-"));
    assertEquals(68L, count(admin, "tp-legacy"));
    // An index tpsearch did not make is refused, and left as it was.
    admin.call("PUT", "/tp-foreign", Map.of());
    Cli.Result foreign = cli.run("index", Golden.sampleReports().toString(), "--to", cluster.http() + "/tp-foreign", "--full");
    assertEquals(foreign.toString(), ExitCodes.INPUT, foreign.exit());
    assertTrue(foreign.err(), foreign.err().contains("was not made by tpsearch"));
    assertEquals(List.of("tp-foreign"), indexes(admin, "tp-foreign*"));
  }

  @Test
  public void anExportLoadedByHandAnswersAsTheLocalIndex() throws Exception {
    Path out = home.resolve("export");
    Cli.Result r = cli.run("export", Golden.sampleReports().toString(), "--format", "opensearch-bulk", "--output", out.toString());
    assertEquals(r.toString(), 0, r.exit());
    assertTrue(r.out(), r.out().startsWith("exported 68 turning points from "));
    // Loaded as a user would: PUT the index body, POST each bulk file.
    Cluster admin = Cluster.connect(cluster.http() + "/tp-export", Map.of());
    assertTrue(admin.send("PUT", "/tp-export", Files.readString(out.resolve("index.json")), "application/json").ok());
    try (var files = Files.list(out)) {
      for (Path bulk : files.filter(p -> p.getFileName().toString().startsWith("bulk-")).sorted().toList()) {
        Cluster.Response b = admin.send("POST", "/tp-export/_bulk?refresh=true", Files.readString(bulk), "application/x-ndjson");
        assertTrue(String.valueOf(b.body()), b.ok() && Boolean.FALSE.equals(((Map<?, ?>) b.body()).get("errors")));
      }
    }
    for (List<String> c : List.of(List.of("电力"), List.of("绿色电力 交易"), List.of("--region", "Xinjiang"))) {
      assertEquals(null, compare(json("--index", local.toString(), c), json("--engine", cluster.http() + "/tp-export", c)));
    }
    Cli.Result again = cli.run("export", Golden.sampleReports().toString(), "--format", "opensearch-bulk", "--output", out.toString());
    assertEquals(ExitCodes.INPUT, again.exit());
    assertTrue(again.err(), again.err().contains("not empty"));
  }

  /**
   * Two shards on two nodes (one replica each): scores are per shard, so only the order of hits
   * may differ. Every case matches the same points, in the same tiers, with the same totals and
   * facet counts; a case ordered by date or confidence (filters only, --sort) gives the same order.
   */
  @Test
  public void twoShardsOnTwoNodesMatchTheSamePointsAndCountTheSame() throws Exception {
    Object health = Cluster.connect(cluster.http() + "/tp-two", Map.of())
        .call("GET", "/_cluster/health/tp-two?wait_for_status=green&timeout=30s", null);
    assertEquals(String.valueOf(health), "green", ((Map<?, ?>) health).get("status"));
    Map<?, ?> settings = (Map<?, ?>) Cluster.connect(cluster.http() + "/tp-two", Map.of())
        .call("GET", "/tp-two/_settings/index.number_of_shards", null);
    assertTrue(String.valueOf(settings), String.valueOf(settings).contains("number_of_shards=2"));
    List<String> differences = new ArrayList<>();
    for (List<String> c : CASES) {
      Map<String, Object> a = localAnswer(c);
      Map<String, Object> b = json("--engine", cluster.http() + "/tp-two", c, "200");
      // Ordered by a field: the same order, but among equal dates by the per-shard score.
      List<String> key = sortKey(c).stream().filter(k -> !k.equals("score")).toList();
      String why = key.contains("match") ? sameMatches(a, b) : compare(a, b, key, false);
      if (why != null) {
        differences.add(c + ": " + why);
      }
    }
    assertTrue(String.join("\n", differences), differences.isEmpty());
  }

  /**
   * The tuning relevance set (tools' relevance/queries.tsv and qrels.tsv), scored by the same eval
   * code through the local index and through two shards on two nodes: nDCG@10 and recall@10 within
   * 0.02 of the local figures, and both engines holding every point the judgments refer to. With
   * {@code -Dopensearch.relevance=all}, also through one shard, and the blind set too, of which only
   * the summaries are printed (it is never tuned on, so its queries are not looked at here).
   */
  @Test
  public void theRelevanceSetScoresTheSameThroughBothEngines() throws Exception {
    boolean all = "all".equals(System.getProperty("opensearch.relevance"));
    EvalCorpus corpus = EvalCorpus.load(Golden.sampleReports());
    List<String> points = corpus.points().stream().map(EvalCorpus.Point::id).distinct().sorted().toList();
    List<EngineSystem> systems = new ArrayList<>(List.of(
        new EngineSystem("local", cli.context().openBackend(local, null, true)),
        new EngineSystem("cluster, 2 shards on 2 nodes", cli.context().openBackend(null, cluster.http() + "/tp-two", true))));
    if (all) {
      systems.add(new EngineSystem("cluster, 1 shard", cli.context().openBackend(null, engine, true)));
    }
    // The same cluster asked as before searches were batched: each run and each test of hits a request.
    System.setProperty("tpsearch.cluster.batch", "false");
    EngineSystem single;
    try {
      single = new EngineSystem("cluster, 2 shards, a request per run", cli.context().openBackend(null, cluster.http() + "/tp-two", true));
    } finally {
      System.clearProperty("tpsearch.cluster.batch");
    }
    systems.add(single);
    try {
      for (EngineSystem s : systems) {
        assertEquals(s.description(), points, s.ids());
      }
      Evaluation.Result tuning = Evaluation.run(RelevanceSet.loadDefault(), corpus, List.copyOf(systems));
      assertTrue(String.valueOf(tuning.problems()), tuning.problems().isEmpty());
      Evaluation.Summary l = tuning.system("local").overall();
      List<String> far = new ArrayList<>();
      for (Evaluation.SystemScores s : tuning.systems()) {
        print("tuning", s);
        Evaluation.Summary c = s.overall();
        if (Math.abs(c.ndcg() - l.ndcg()) > 0.02 || Math.abs(c.recall() - l.recall()) > 0.02) {
          far.add(s.system() + ": nDCG@10 " + c.ndcg() + " and recall@10 " + c.recall() + ", local " + l.ndcg() + " and " + l.recall());
        }
      }
      for (EngineSystem s : systems) {
        System.out.printf(java.util.Locale.ROOT, "TIMING relevance set through %s: %.0f ms%s%n", s.name(), s.nanos / 1e6,
            s.trips.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", %.2f round trips a query (at most %d)",
                s.trips.values().stream().mapToLong(Long::longValue).average().orElse(0),
                s.trips.values().stream().mapToLong(Long::longValue).max().orElse(0)));
      }
      assertTrue(String.join("\n", far), far.isEmpty());
      // Batched, the same answers, hit for hit and in the same order, in no more round trips than
      // a request per run, or in five at most: two rounds of word look-ups (when what one word is
      // decides which others are asked: 浙江新能源汽车推广, where 新能源汽车 occurs nowhere and its
      // parts stand in, takes five against four), the runs of the tiers (two requests), and the
      // stored fields.
      EngineSystem batched = systems.get(1);
      assertEquals(single.answers.keySet(), batched.answers.keySet());
      for (String q : single.answers.keySet()) {
        assertEquals(q, single.answers.get(q), batched.answers.get(q));
        assertTrue(q + ": " + batched.trips.get(q) + " round trips, " + single.trips.get(q) + " unbatched",
            batched.trips.get(q) <= Math.max(single.trips.get(q), 5));
      }
      Map<Long, Integer> histogram = new java.util.TreeMap<>();
      batched.trips.values().forEach(t -> histogram.merge(t, 1, Integer::sum));
      System.out.println("TRIPS batched, round trips -> queries: " + histogram);
      if (all) {
        for (Evaluation.SystemScores s : Evaluation.run(RelevanceSet.loadBlind(), corpus, List.copyOf(systems)).systems()) {
          print("blind", s);
        }
      }
    } finally {
      for (EngineSystem s : systems) {
        s.close();
      }
    }
  }

  private static void print(String set, Evaluation.SystemScores s) {
    Evaluation.Summary c = s.overall();
    System.out.printf(java.util.Locale.ROOT, "RELEVANCE %s set, %d judged + %d negative queries, %s: nDCG@10 %.4f, "
        + "recall@10 %.4f, MRR %.4f, negatives %.3f%n", set, c.judged(), c.negatives(), s.system(), c.ndcg(), c.recall(),
        c.mrr(), c.negativeAccuracy());
  }

  /** tpsearch with the default options of {@code tpsearch search} (as {@code TpsearchSystem}), through whichever engine answers. */
  private static final class EngineSystem implements RetrievalSystem {
    private final String name;
    private final SearchBackend backend;
    long nanos;
    /** Per query: the hits' ids in order with the totals; the round trips it took (cluster engines). */
    final Map<String, String> answers = new LinkedHashMap<>();
    final Map<String, Long> trips = new LinkedHashMap<>();

    EngineSystem(String name, SearchBackend backend) {
      this.name = name;
      this.backend = backend;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return name + " (" + backend.description() + ")";
    }

    @Override
    public Ranking search(String query) throws java.io.IOException {
      long t0 = System.nanoTime();
      long x0 = backend instanceof org.tpsearch.search.ClusterBackend c ? c.cluster().exchanges() : 0;
      try {
        SearchResult r = backend.search(SearchRequest.of(query).withLimit(DEPTH));
        answers.put(query, r.total() + " " + r.partial() + " " + r.partialTotal() + " " + r.hits().stream()
            .map(h -> h.id() + ":" + h.tier() + ":" + h.matchedWords() + ":" + h.score()).toList());
        return new Ranking(r.hits().stream().map(SearchResult.Hit::id).toList(), r.total(), null);
      } catch (QueryException e) {
        answers.put(query, "error: " + e.getMessage());
        return new Ranking(List.of(), 0, e.getMessage());
      } finally {
        nanos += System.nanoTime() - t0;
        if (backend instanceof org.tpsearch.search.ClusterBackend c) {
          trips.put(query, c.cluster().exchanges() - x0);
        }
      }
    }

    /** Every point id the engine holds, sorted. */
    List<String> ids() throws Exception {
      long n = backend.stats().total();
      return backend.search(SearchRequest.of("").withLimit((int) Math.max(1, n))).hits().stream()
          .map(SearchResult.Hit::id).sorted().toList();
    }

    @Override
    public void close() throws java.io.IOException {
      backend.close();
    }
  }

  /** Null when both answers have the same totals, facets and points, each in the same tier. */
  @SuppressWarnings("unchecked")
  static String sameMatches(Map<String, Object> local, Map<String, Object> cluster) {
    Map<String, Object> a = new LinkedHashMap<>(local);
    Map<String, Object> b = new LinkedHashMap<>(cluster);
    for (Map<String, Object> m : List.of(a, b)) {
      m.remove("index");
    }
    Map<Object, Object> ma = new java.util.TreeMap<>();
    Map<Object, Object> mb = new java.util.TreeMap<>();
    for (Map<String, Object> h : (List<Map<String, Object>>) a.remove("hits")) {
      ma.put(h.get("id"), h.get("match"));
    }
    for (Map<String, Object> h : (List<Map<String, Object>>) b.remove("hits")) {
      mb.put(h.get("id"), h.get("match"));
    }
    if (!a.equals(b)) {
      return "local " + a + "\ncluster " + b;
    }
    return ma.equals(mb) ? null : "matches differ\nlocal   " + ma + "\ncluster " + mb;
  }

  /**
   * The README's cluster section, run as written against the test cluster (its URL put in for
   * http://localhost:9200 and http://host:9200, the sample reports for sample-index/reports): the
   * export line of its shell block sets the environment of the commands after it, every command
   * succeeds, and the second index run changes nothing; the engine line it shows for config.toml
   * makes the cluster answer, named as the section says; the export command it names (DIR and
   * FOLDER filled in) writes the files it names.
   */
  @Test
  public void theReadmeClusterSectionWorksAsWritten() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("\n## A search cluster");
    assertTrue("README has a cluster section", start >= 0);
    int end = readme.indexOf("\n## ", start + 5);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    java.util.function.UnaryOperator<String> here = s -> s.replace("http://localhost:9200", cluster.http())
        .replace("http://host:9200", cluster.http()).replace("sample-index/reports", Golden.sampleReports().toString());
    Path readmeHome = Files.createTempDirectory(home, "readme");
    Cli c = Cli.at(readmeHome);
    java.util.regex.Matcher block = java.util.regex.Pattern.compile("```sh\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(section);
    int ran = 0;
    List<String> indexRuns = new ArrayList<>();
    while (block.find()) {
      for (String line : block.group(1).lines().toList()) {
        String cmd = here.apply(line.replaceFirst("\\s+#.*$", "").strip());
        if (cmd.startsWith("export ")) {
          for (String assignment : ReadmeTest.shellWords(cmd.substring("export ".length()))) {
            String[] kv = assignment.split("=", 2);
            c = c.with(kv[0], kv[1]);
          }
        } else if (cmd.startsWith("tpsearch ")) {
          Cli.Result r = c.run(ReadmeTest.shellWords(cmd.substring("tpsearch ".length())).toArray(new String[0]));
          assertEquals(cmd + "\n" + r, 0, r.exit());
          if (indexRuns.contains(cmd)) {
            assertTrue(cmd + "\n" + r, r.out().contains("(0 read, ") && r.out().contains("0 added, 0 updated, 0 removed"));
          } else if (cmd.startsWith("tpsearch index ")) {
            assertTrue(cmd + "\n" + r, r.out().startsWith("indexed " + cluster.http() + "/"));
            indexRuns.add(cmd);
          }
          ran++;
        }
      }
    }
    assertTrue("ran " + ran, ran >= 6 && !indexRuns.isEmpty());
    // "set ... engine = "http://host:9200/tpsearch" in config.toml": the cluster answers, named as said.
    java.util.regex.Matcher config = java.util.regex.Pattern.compile("`(engine = \"[^\"`]+\")` in config\\.toml").matcher(section);
    java.util.regex.Matcher says = java.util.regex.Pattern.compile("Every\\s+answer\\s+names\\s+the\\s+engine\\s+\\(`([^`]+)`\\)").matcher(section);
    assertTrue("the section shows a config.toml engine line and how answers name the engine", config.find() && says.find());
    Path toml = readmeHome.resolve(".config/tpsearch/config.toml");
    Files.createDirectories(toml.getParent());
    Files.writeString(toml, here.apply(config.group(1)) + "\n");
    Cli.Result viaConfig = Cli.at(readmeHome).run("search", "光伏");
    assertEquals(viaConfig.toString(), 0, viaConfig.exit());
    assertTrue(viaConfig.out(), viaConfig.out().lines().findFirst().orElse("").contains(here.apply(says.group(1))));
    // "tpsearch export DIR --format opensearch-bulk --output FOLDER writes index.json ... and bulk-0001.ndjson".
    java.util.regex.Matcher export = java.util.regex.Pattern.compile("`(tpsearch export [^`]+)`").matcher(section);
    assertTrue("the section names an export command", export.find());
    int paragraph = section.indexOf("\n\n", export.end());
    java.util.regex.Matcher files = java.util.regex.Pattern.compile("`([\\w.-]+\\.(?:json|ndjson))`")
        .matcher(section.substring(export.end(), paragraph < 0 ? section.length() : paragraph));
    Path folder = readmeHome.resolve("export");
    String cmd = here.apply(export.group(1)).replace("DIR", Golden.sampleReports().toString()).replace("FOLDER", folder.toString());
    Cli.Result exported = c.run(ReadmeTest.shellWords(cmd.substring("tpsearch ".length())).toArray(new String[0]));
    assertEquals(cmd + "\n" + exported, 0, exported.exit());
    int named = 0;
    while (files.find()) {
      assertTrue(files.group(1) + " in " + folder, Files.isRegularFile(folder.resolve(files.group(1))));
      named++;
    }
    assertTrue("the section names the files export writes", named >= 2);
  }

  private static Map<String, Object> json(String where, String value, List<String> c) {
    return json(where, value, c, "40");
  }

  private static Map<String, Object> json(String where, String value, List<String> c, String limit) {
    List<String> args = new ArrayList<>(List.of("search"));
    args.addAll(c);
    args.addAll(List.of("--format", "json", "-n", limit, "--facets", where, value));
    Cli.Result r = cli.run(args.toArray(new String[0]));
    if (r.exit() > 1) {
      throw new AssertionError(args + "\n" + r);
    }
    return MiniJson.object(r.out());
  }

  /** Null when the two answers are the same (the engine's name aside, scores within float noise); else what differs. */
  @SuppressWarnings("unchecked")
  static String compare(Map<String, Object> local, Map<String, Object> cluster) {
    return compare(local, cluster, List.of("score", "match"));
  }

  /** What orders the hits of case {@code c}: its --sort, or by date without a query. */
  static List<String> sortKey(List<String> c) {
    if (c.contains("confidence") && c.get(c.indexOf("confidence") - 1).equals("--sort")) {
      return List.of("confidence", "date");
    }
    if (c.contains("date") || c.get(0).startsWith("--")) {
      return c.contains("date") ? List.of("date", "score") : List.of("date", "confidence");
    }
    return List.of("score", "match");
  }

  static String compare(Map<String, Object> local, Map<String, Object> cluster, List<String> sortKey) {
    return compare(local, cluster, sortKey, true);
  }

  private static final Map<List<String>, Map<String, Object>> LOCAL_ANSWERS = new java.util.HashMap<>();

  /** The local index's answer to case {@code c} (200 hits), computed once for every comparison. */
  private static synchronized Map<String, Object> localAnswer(List<String> c) {
    return LOCAL_ANSWERS.computeIfAbsent(c, k -> json("--index", local.toString(), k, "200"));
  }

  static String compare(Map<String, Object> local, Map<String, Object> cluster, List<String> sortKey, boolean scores) {
    Map<String, Object> a = new LinkedHashMap<>(local);
    Map<String, Object> b = new LinkedHashMap<>(cluster);
    a.remove("index");
    b.remove("index");
    List<Map<String, Object>> ha = (List<Map<String, Object>>) a.remove("hits");
    List<Map<String, Object>> hb = (List<Map<String, Object>>) b.remove("hits");
    if (!a.equals(b)) {
      return "local " + a + "\ncluster " + b;
    }
    if (ha == null || hb == null) {
      return ha == hb ? null : "hits in one answer only";
    }
    List<String> ia = ha.stream().map(h -> (String) h.get("id")).toList();
    List<String> ib = hb.stream().map(h -> (String) h.get("id")).toList();
    // On one shard (scores compared), every hit in the same place: both engines put tied hits in
    // id order. On two shards scores are per shard: hits of close scores may change places, so
    // compare the runs of equal sort keys as sets.
    if (scores && !ia.equals(ib)) {
      return "ids differ in order\nlocal   " + ia + " " + scores(ha) + "\ncluster " + ib + " " + scores(hb);
    }
    if (!groups(ha, sortKey).equals(groups(hb, sortKey))) {
      return "ids differ\nlocal   " + ia + " " + scores(ha) + "\ncluster " + ib + " " + scores(hb);
    }
    Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> h : hb) {
      byId.put(h.get("id"), h);
    }
    for (int i = 0; i < ha.size(); i++) {
      Map<String, Object> x = new LinkedHashMap<>(ha.get(i));
      Map<String, Object> y = new LinkedHashMap<>(byId.get(x.get("id")));
      Object sx = x.remove("score");
      Object sy = y.remove("score");
      if (!x.equals(y)) {
        return "hit " + i + " differs\nlocal   " + x + "\ncluster " + y;
      }
      if (scores && sx instanceof BigDecimal dx && sy instanceof BigDecimal dy
          && Math.abs(dx.doubleValue() - dy.doubleValue()) > 1e-3 * Math.max(1, Math.abs(dx.doubleValue()))) {
        return "hit " + i + " scores " + sx + " and " + sy;
      }
    }
    return null;
  }

  /** The hits as runs of equal score and tier, each run a set of ids, in rank order. */
  private static List<java.util.Set<Object>> groups(List<Map<String, Object>> hits, List<String> sortKey) {
    List<java.util.Set<Object>> out = new ArrayList<>();
    Object key = null;
    for (Map<String, Object> h : hits) {
      Object k = sortKey.stream().map(f -> String.valueOf(h.get(f))).toList();
      if (out.isEmpty() || !k.equals(key)) {
        out.add(new java.util.HashSet<>());
        key = k;
      }
      out.get(out.size() - 1).add(h.get("id"));
    }
    return out;
  }

  private static List<Object> scores(List<Map<String, Object>> hits) {
    return hits.stream().map(h -> h.get("score")).toList();
  }
}
