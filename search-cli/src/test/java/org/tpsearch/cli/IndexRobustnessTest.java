package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.index.IndexFolder;
import org.tpsearch.index.IndexSummary;
import org.tpsearch.index.Indexer;
import org.tpsearch.testing.Golden;

/** What {@code index} and {@code lint} say about symbolic links and about a run already writing the index. */
class IndexRobustnessTest {
  @TempDir Path home;

  private final Path reports = Golden.sampleReports();

  @Test
  void indexAndLintFollowALinkedResultsFolderAndSaySo() throws Exception {
    Path link = Files.createSymbolicLink(home.resolve("results-link"), reports);
    Cli cli = Cli.at(home);
    Path index = home.resolve("index");
    Cli.Result lint = cli.run("lint", link.toString());
    assertEquals("followed symbolic link " + link + " -> " + reports.toRealPath(), lint.errLines().get(0), lint::toString);
    assertEquals(1, lint.errLines().size(), lint::toString);
    assertTrue(lint.outLines().getLast().startsWith("15 report files, 2 other files skipped, 68 turning points"), lint::toString);

    Cli.Result r = cli.run("index", link.toString(), "--index", index.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("followed symbolic link " + link + " -> " + reports.toRealPath(), r.errLines().get(0), r::toString);
    assertTrue(r.outLines().get(1).startsWith("68 turning points"), r::toString);
  }

  @Test
  void aFollowedLinkNamedWithControlCharactersIsSaidEscapedOnOneLine() throws Exception {
    Path link = Files.createSymbolicLink(home.resolve("li\u001b[31mnk\nx"), reports);
    Cli.Result lint = Cli.at(home).run("lint", home.toString());
    String said = "followed symbolic link " + home + "/li\\x1b[31mnk\\nx -> " + reports.toRealPath();
    assertEquals(said, lint.errLines().get(0), lint::toString);
    assertEquals(1, lint.errLines().size(), lint::toString);
    assertTrue(lint.out().indexOf('\u001b') < 0 && lint.err().indexOf('\u001b') < 0, lint::toString);
  }

  @Test
  void aSecondIndexRunFailsAtOnceWithExitThree() throws Exception {
    Path index = home.resolve("index");
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Indexer.Progress paused = new Indexer.Progress() {
      @Override
      public void filesRead(int done, int total) {
        reading.countDown();
        try {
          release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<IndexSummary> first = thread.submit(
          () -> Indexer.run(List.of(reports), index, Indexer.Options.defaults().withThreads(1).withProgress(paused)));
      assertTrue(reading.await(60, TimeUnit.SECONDS));
      Cli.Result second = Cli.at(home).run("index", reports.toString(), "--index", index.toString());
      assertEquals(3, second.exit(), second::toString);
      assertEquals(List.of("tpsearch: cannot write the index at " + index + ": another 'tpsearch index' is writing it (it holds "
          + index.resolve(IndexFolder.LOCK) + "); run again when it has finished"), second.errLines());
      release.countDown();
      assertEquals(68, first.get(120, TimeUnit.SECONDS).points());
    } finally {
      release.countDown();
      thread.shutdown();
    }
  }
}
