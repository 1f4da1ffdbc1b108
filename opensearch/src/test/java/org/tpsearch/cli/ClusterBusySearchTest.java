package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.opensearch.RejectSearches;
import org.tpsearch.opensearch.TestCluster;
import org.tpsearch.testing.Golden;

/**
 * A node that rejects a search of an {@code _msearch} as busy (429: its search queue full) is asked
 * again, as for any request, whichever {@code _msearch} it was: the look-up of the query's words
 * too (was: that one failed at once, exit 3, "cannot look up '光伏' ...: rejected_execution_exception").
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class ClusterBusySearchTest {
  @Test
  public void aSearchTheNodeRejectsAsBusyIsAskedAgain() throws Exception {
    Path home = Files.createTempDirectory("tpsearch-os-busy");
    Cli cli = Cli.at(home);
    try (TestCluster cluster = TestCluster.start(1, List.of(RejectSearches.class))) {
      String url = cluster.http() + "/tp-busy";
      Cli.Result indexed = cli.run("index", Golden.sampleReports().toString(), "--to", url);
      assertEquals(indexed.toString(), 0, indexed.exit());
      Cli.Result quiet = cli.run("search", "光伏 风电", "--engine", url);
      assertEquals(quiet.toString(), 0, quiet.exit());
      for (int rejected = 1; rejected <= 3; rejected++) {
        RejectSearches.next(rejected);
        Cli.Result busy = cli.run("search", "光伏 风电", "--engine", url);
        assertEquals(busy.toString(), "", busy.err());
        assertEquals(busy.toString(), 0, busy.exit());
        assertEquals(quiet.out(), busy.out());
        assertEquals(0, RejectSearches.left());
      }
    } finally {
      RejectSearches.next(0);
      TestCluster.deleteTree(home);
    }
  }
}
