package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tpsearch.cli.ClusterAdmin.count;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.bench.CorpusGenerator;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.HoldBulk;
import org.tpsearch.opensearch.TestCluster;

/**
 * Searches during an incremental run see the index as it was before the run until the run ends,
 * then as it is after, as on a local index; never a mix (was: each bulk request showed within a
 * second, so a search in the middle of a run that removes or adds many points saw some of the
 * changes and not others).
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class ClusterSearchDuringRunTest {
  @Test
  public void aSearchDuringAnIncrementalRunSeesTheIndexAsItWasBeforeIt() throws Exception {
    long t0 = System.nanoTime();
    Path home = Files.createTempDirectory("tpsearch-os-during");
    Path reports = home.resolve("reports");
    CorpusGenerator.generate(reports, 120, CorpusGenerator.DEFAULT_SEED);
    Cli cli = Cli.at(home);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TestCluster cluster = TestCluster.start(1, List.of(HoldBulk.class))) {
      String url = cluster.http() + "/tp-during";
      Cluster admin = Cluster.connect(url, Map.of());
      Cli.Result first = cli.run("index", reports.toString(), "--to", url);
      assertEquals(first.toString(), 0, first.exit());
      long before = count(admin, "tp-during");
      assertTrue("points " + before, before > 1000);

      // Most reports moved out of the folder: the next run removes their points, more than one
      // bulk request's worth (500), and is held at its second request.
      Path moved = home.resolve("moved");
      Files.createDirectories(moved);
      List<Path> files;
      try (var walk = Files.walk(reports)) {
        files = walk.filter(p -> p.getFileName().toString().endsWith("_combined_info.txt")).map(reports::relativize).sorted().toList();
      }
      for (Path f : files.subList(10, files.size())) {
        Files.createDirectories(moved.resolve(f).getParent());
        Files.move(reports.resolve(f), moved.resolve(f));
      }
      HoldBulk.after(1);
      Future<Cli.Result> run = pool.submit(() -> cli.run("index", reports.toString(), "--to", url));
      assertTrue("no bulk request was held", HoldBulk.awaitHeld(120));
      Thread.sleep(2000); // more than the default refresh interval (1 s)
      assertEquals("in the middle of the run", before, count(admin, "tp-during"));
      Cli.Result stats = cli.run("stats", "--engine", url);
      assertTrue(stats.out(), stats.out().contains("turning points: " + before + System.lineSeparator()));
      HoldBulk.release();
      Cli.Result done = run.get(180, TimeUnit.SECONDS);
      assertEquals(done.toString(), 0, done.exit());
      long after = count(admin, "tp-during");
      assertTrue(before + " then " + after, after < before - 500);

      // Back in the folder: in the middle of the run that adds them again, searches still see the
      // index as it was before that run; after it, every point.
      for (Path f : files.subList(10, files.size())) {
        Files.move(moved.resolve(f), reports.resolve(f));
      }
      HoldBulk.after(1);
      Future<Cli.Result> again = pool.submit(() -> cli.run("index", reports.toString(), "--to", url));
      assertTrue("no bulk request was held", HoldBulk.awaitHeld(120));
      Thread.sleep(2000);
      assertEquals("in the middle of the second run", after, count(admin, "tp-during"));
      HoldBulk.release();
      assertEquals(0, again.get(180, TimeUnit.SECONDS).exit());
      assertEquals(before, count(admin, "tp-during"));
      // The index refreshes as before the runs (the default: nothing set).
      assertEquals(Map.of(), admin.call("GET", "/tp-during/_settings/index.refresh_interval", null));
      System.out.printf("TIMING searches during incremental runs: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    } finally {
      HoldBulk.release();
      pool.shutdownNow();
      TestCluster.deleteTree(home);
    }
  }
}
