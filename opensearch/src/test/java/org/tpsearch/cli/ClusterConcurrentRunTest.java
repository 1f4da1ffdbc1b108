package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.tpsearch.cli.ClusterAdmin.aliased;
import static org.tpsearch.cli.ClusterAdmin.count;
import static org.tpsearch.cli.ClusterAdmin.indexes;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.ClusterLock;
import org.tpsearch.opensearch.HoldBulk;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.testing.Golden;

/**
 * Two index runs against one name at the same moment, on a real one-node cluster: the first holds
 * the name's lock (a document created with op_type=create); the second fails at once, exit 3, as
 * a second run on a local index does, and deletes nothing (was: it deleted the first run's
 * unfinished build as a leftover, and both went on). The first run's bulk request is held by a
 * node plugin while the second starts, so the overlap is certain. A lock whose run is gone (its
 * lease ran out) is taken over; a live one from another machine is not.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class ClusterConcurrentRunTest {
  @Test
  public void aSecondRunFailsAtOnceAndTheFirstCompletesItsBuild() throws Exception {
    long t0 = System.nanoTime();
    Path home = Files.createTempDirectory("tpsearch-os-race");
    Cli cli = Cli.at(home);
    Path local = home.resolve("local-index");
    String reports = Golden.sampleReports().toString();
    assertEquals(0, cli.run("index", reports, "--index", local.toString()).exit());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TestCluster cluster = TestCluster.start(1, List.of(HoldBulk.class))) {
      String url = cluster.http() + "/tp-race";
      Cluster admin = Cluster.connect(url, Map.of());
      Cli.Result first = cli.run("index", reports, "--to", url);
      assertEquals(first.toString(), 0, first.exit());
      String before = aliased(admin, "tp-race");

      // Run A, a full rebuild, is held at its first bulk request: its build exists, unfinished.
      Future<Cli.Result> a = heldFullRebuild(pool, cli, reports, url);
      List<String> building = indexes(admin, "tp-race.tpsearch-2*");
      assertEquals(building.toString(), 2, building.size());
      // Run B, started now, full or not, fails at once (exit 3), as on a local index.
      for (List<String> extra : List.of(List.of("--full"), List.<String>of())) {
        List<String> args = new ArrayList<>(List.of("index", reports, "--to", url));
        args.addAll(extra);
        Future<Cli.Result> b = pool.submit(() -> cli.run(args.toArray(String[]::new)));
        Cli.Result second;
        try {
          second = b.get(60, TimeUnit.SECONDS);
        } finally {
          if (!b.isDone()) {
            HoldBulk.release(); // without the lock it waits at its own bulk request: let both go, then fail
          }
        }
        assertEquals(second.toString(), ExitCodes.INPUT, second.exit());
        assertEquals(second.toString(), "", second.out());
        assertTrue(second.err(), second.err().matches("tpsearch: cannot write the index at " + Pattern.quote(url)
            + ": another 'tpsearch index' is writing it \\(a run on .+, started \\d{4}-.+, holds its lock "
            + "tp-race\\.tpsearch-state/_doc/lock; should that run have been killed, the lock lapses in \\d+ s\\); "
            + "run again when it has finished\\R"));
        // Nothing of A's was touched, and searches still read the old build.
        assertEquals(building, indexes(admin, "tp-race.tpsearch-2*"));
        assertEquals(before, aliased(admin, "tp-race"));
        assertEquals(68L, count(admin, "tp-race"));
      }
      HoldBulk.release();
      Cli.Result done = a.get(120, TimeUnit.SECONDS);
      assertEquals(done.toString(), 0, done.exit());
      String after = aliased(admin, "tp-race");
      assertNotEquals(before, after);
      assertEquals(List.of(after), indexes(admin, "tp-race.tpsearch-2*"));
      assertEquals(68L, count(admin, "tp-race"));
      // The lock is released at the end of the run.
      assertEquals(404, admin.send("GET", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, null, null).status());

      // A lock left by a run on another machine whose lease ran out is taken over.
      long now = clusterNow(admin);
      putLock(admin, now - ClusterLock.LEASE_SECONDS - 5);
      Cli.Result takeOver = cli.run("index", reports, "--to", url, "--full");
      assertEquals(takeOver.toString(), 0, takeOver.exit());
      assertEquals(404, admin.send("GET", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, null, null).status());
      // One renewed just now is that run's: refused, and left in place.
      putLock(admin, clusterNow(admin));
      Cli.Result busy = cli.run("index", reports, "--to", url);
      assertEquals(busy.toString(), ExitCodes.INPUT, busy.exit());
      assertTrue(busy.err(), busy.err().contains("another 'tpsearch index' is writing it (a run on elsewhere.example, started "
          + "2026-01-01T00:00:00Z, holds its lock tp-race.tpsearch-state/_doc/lock; should that run have been killed, the lock lapses in "));
      assertEquals(200, admin.send("GET", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, null, null).status());
      System.out.printf("TIMING two runs at once, stale and live locks: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    } finally {
      HoldBulk.release();
      pool.shutdownNow();
      TestCluster.deleteTree(home);
    }
  }

  /**
   * A run whose lock another run took over between two renewals (its lease lapsed unnoticed: the
   * machine slept, or someone deleted the document) stops before it moves the alias, deletes an
   * index or writes the run state, and leaves the new holder's lock in place (was: it swapped the
   * alias to its build, deleted the index searches read, wrote its run state and exit 0, beside the
   * run that held the lock).
   */
  @Test
  public void aRunWhoseLockWasTakenOverMovesNoAliasAndDeletesNothing() throws Exception {
    Path home = Files.createTempDirectory("tpsearch-os-taken");
    Cli cli = Cli.at(home);
    String reports = Golden.sampleReports().toString();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TestCluster cluster = TestCluster.start(1, List.of(HoldBulk.class))) {
      String url = cluster.http() + "/tp-race";
      Cluster admin = Cluster.connect(url, Map.of());
      Cli.Result first = cli.run("index", reports, "--to", url);
      assertEquals(first.toString(), 0, first.exit());
      String before = aliased(admin, "tp-race");

      // A full rebuild, held at its first bulk request (within a renewal period of taking the lock).
      Future<Cli.Result> a = heldFullRebuild(pool, cli, reports, url);
      // Meanwhile its lock became another run's.
      putLock(admin, clusterNow(admin));
      Object taken = admin.call("GET", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, null);
      HoldBulk.release();
      Cli.Result done = a.get(120, TimeUnit.SECONDS);
      assertEquals(done.toString(), ExitCodes.INPUT, done.exit());
      assertTrue(done.err(), done.err().startsWith("tpsearch: indexing into " + url + " failed: this run stopped writing to "
          + url + ": its lock tp-race.tpsearch-state/_doc/lock is no longer its own (another run took it over, or it was deleted)"));
      // Searches still read the old build, which is still there, and so is the other run's lock.
      assertEquals(before, aliased(admin, "tp-race"));
      assertEquals(List.of(before), indexes(admin, "tp-race.tpsearch-2*"));
      assertEquals(68L, count(admin, "tp-race"));
      assertEquals(taken, admin.call("GET", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, null));
    } finally {
      HoldBulk.release();
      pool.shutdownNow();
      TestCluster.deleteTree(home);
    }
  }

  private static void putLock(Cluster admin, long renewed) throws Exception {
    Map<String, Object> lock = new LinkedHashMap<>();
    lock.put("owner", "a-run-elsewhere");
    lock.put("process", "a-process-elsewhere");
    lock.put("host", "elsewhere.example");
    lock.put("started", "2026-01-01T00:00:00Z");
    lock.put("renewed", renewed);
    lock.put("lease", ClusterLock.LEASE_SECONDS);
    admin.call("PUT", "/tp-race.tpsearch-state/_doc/" + ClusterLock.ID, lock);
  }

  private static long clusterNow(Cluster admin) throws Exception {
    List<?> rows = (List<?>) admin.call("GET", "/_cat/health?format=json&h=epoch", null);
    return Long.parseLong((String) ((Map<?, ?>) rows.get(0)).get("epoch"));
  }

  /** Starts a full rebuild into {@code url} and returns once it is held at its first bulk request. */
  private static Future<Cli.Result> heldFullRebuild(ExecutorService pool, Cli cli, String reports, String url)
      throws InterruptedException {
    HoldBulk.after(0);
    Future<Cli.Result> run = pool.submit(() -> cli.run("index", reports, "--to", url, "--full"));
    assertTrue("no bulk request was held", HoldBulk.awaitHeld(120));
    return run;
  }
}
