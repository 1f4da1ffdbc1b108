package org.tpsearch.cli;

import static org.junit.Assert.assertEquals;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.tpsearch.opensearch.TestCluster;

/**
 * The figures of BENCHMARKS.md's cluster section, measured in one run on one machine: bulk-load
 * time and warm query latency ({@code tpsearch bench}) of the local index and of a one-node
 * OpenSearch cluster in this JVM, over the same reports. Runs only with
 * {@code -Dopensearch.bench=REPORTS-FOLDER}; prints, asserts nothing about speed.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
public class OpenSearchBench {
  @Test
  public void localAndClusterSideBySide() throws Exception {
    String reports = System.getProperty("opensearch.bench", "");
    Assume.assumeFalse("set -Dopensearch.bench=REPORTS-FOLDER to measure", reports.isBlank());
    try (TestCluster cluster = TestCluster.start(1)) {
      Path home = Files.createTempDirectory("tpsearch-os-bench");
      Cli cli = Cli.at(home);
      String engine = cluster.http() + "/tp-bench";
      long t0 = System.nanoTime();
      Cli.Result local = cli.run("index", reports, "--index", home.resolve("local").toString());
      long t1 = System.nanoTime();
      Cli.Result remote = cli.run("index", reports, "--to", engine);
      long t2 = System.nanoTime();
      assertEquals(local.toString(), 0, local.exit());
      assertEquals(remote.toString(), 0, remote.exit());
      System.out.printf("BENCH index local: %.1f s%n%s", (t1 - t0) / 1e9, local.out());
      System.out.printf("BENCH index --to:  %.1f s%n%s", (t2 - t1) / 1e9, remote.out());
      for (int round = 0; round < 2; round++) {
        Cli.Result a = cli.run("bench", "--index", home.resolve("local").toString(), "--rounds", "20", "--warmup", "10");
        Cli.Result b = cli.run("bench", "--engine", engine, "--rounds", "20", "--warmup", "10");
        System.out.printf("BENCH round %d%n%s%s%s%s", round, a.out(), a.err(), b.out(), b.err());
      }
    }
  }
}
