package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.bench.CorpusGenerator;
import org.tpsearch.opensearch.HoldBulk;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;

/**
 * The node of a one-node cluster stopped in the middle of a bulk load ({@code index --to}): the run
 * says so, naming what was not written, fails, and claims nothing done; once the node is back, the
 * next run completes with every point of the local index, and no other.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class ClusterNodeStopTest {
  @Test
  public void aNodeStoppedInTheMiddleOfABulkLoadIsReportedAndTheNextRunCompletes() throws Exception {
    long t0 = System.nanoTime();
    Path home = Files.createTempDirectory("tpsearch-os-stop");
    // More points than one bulk request takes (500), so the stop falls between two of them.
    Path reports = home.resolve("reports");
    CorpusGenerator.Summary corpus = CorpusGenerator.generate(reports, 120, CorpusGenerator.DEFAULT_SEED);
    assertTrue("points " + corpus.uniquePoints(), corpus.uniquePoints() > 1000);
    Cli cli = Cli.at(home);
    Path local = home.resolve("local-index");
    Cli.Result l = cli.run("index", reports.toString(), "--index", local.toString());
    assertEquals(l.toString(), 0, l.exit());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TestCluster cluster = TestCluster.start(1, List.of(HoldBulk.class))) {
      String url = cluster.http() + "/tp-stop";
      HoldBulk.after(1);
      Future<Cli.Result> running = pool.submit(() -> cli.run("index", reports.toString(), "--to", url));
      assertTrue("no bulk request was held", HoldBulk.awaitHeld(120));
      cluster.stop(0);
      HoldBulk.off();
      HoldBulk.forget();
      Cli.Result stopped = running.get(180, TimeUnit.SECONDS);
      // Was: "cannot reach the cluster at URL: EOF reached while reading" and nothing of what was lost.
      assertEquals(stopped.toString(), ExitCodes.INPUT, stopped.exit());
      assertEquals(stopped.toString(), "", stopped.out());
      assertTrue(stopped.err(), stopped.err().matches("(?s)tpsearch: indexing into " + java.util.regex.Pattern.quote(url)
          + " failed: cannot reach the cluster at [^;]+; not written: the 500 documents of that request \\(turning points of \\d+ "
          + "files: [^;]+_info\\.(txt|md):\\d+(-\\d+)? \\(\\d+ points?\\), [^;]*\\) and whatever this run had not sent yet; "
          + "the cluster had accepted \\d+ documents of this run before it; the next 'tpsearch index --to .*' rebuilds it in full.*"));

      // Started again, the node first reads its state from disk; a search and a run wait for it (the
      // run was: "index already exists", or "no shard available" for the run state, when run at once).
      cluster.restart(0);
      String back = cluster.http() + "/tp-stop";
      // Searched at once: the stopped run was a first full build, written beside the name and never
      // aliased to it, so no search sees its part of the points; the name has no index yet.
      Cli.Result early = cli.run("stats", "--format", "json", "--engine", back);
      assertEquals(early.toString(), ExitCodes.INPUT, early.exit());
      assertTrue(early.err(), early.err().contains("no such index on the cluster"));
      Cli.Result next = cli.run("index", reports.toString(), "--to", back);
      assertEquals(next.toString(), 0, next.exit());
      assertTrue(next.out(), next.out().startsWith("indexed " + back + ":"));
      try (SearchBackend a = cli.context().openBackend(local, null, true);
          SearchBackend b = cli.context().openBackend(null, back, true)) {
        assertEquals(a.stats().total(), b.stats().total());
        assertEquals(ids(a), ids(b));
      }
      System.out.printf("TIMING node stopped in a bulk load, started again, indexed again: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    } finally {
      pool.shutdownNow();
      TestCluster.deleteTree(home);
    }
  }

  private static List<String> ids(SearchBackend b) throws Exception {
    long n = b.stats().total();
    return b.search(SearchRequest.of("").withLimit((int) n)).hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }
}
