package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs on one index at once: the first holds the lock from before it reads the index state
 * until it commits; the second fails at once, before reading a single report, with a clear message.
 */
class ConcurrentRunTest {
  @TempDir Path tmp;

  @Test
  void aSecondRunFailsAtOnceWhileTheFirstHoldsTheIndex() throws Exception {
    Path corpus = IndexedCorpus.copySamples(tmp.resolve("results"));
    Path small = Files.createDirectories(tmp.resolve("small"));
    Files.copy(corpus.resolve("Beijing_Residential_combined_info.txt"), small.resolve("Beijing_Residential_combined_info.txt"));
    Path index = tmp.resolve("index");
    Indexer.run(List.of(small), index, Indexer.Options.defaults());

    // Run 1 indexes the whole corpus and stops inside its first file read until released.
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
    // Two threads of their own (the common pool may have one on a small machine).
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    CompletableFuture<IndexSummary> first = CompletableFuture.supplyAsync(() -> {
      try {
        return Indexer.run(List.of(corpus), index, Indexer.Options.defaults().withThreads(1).withProgress(paused));
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    }, threads);
    assertTrue(reading.await(60, TimeUnit.SECONDS), "the first run started reading");

    // Run 2, on its own thread too, the small folder: it must not plan against the state run 1 is replacing.
    AtomicInteger secondRead = new AtomicInteger();
    Indexer.Progress counting = new Indexer.Progress() {
      @Override
      public void filesRead(int done, int total) {
        secondRead.incrementAndGet();
      }
    };
    CompletableFuture<Exception> second = CompletableFuture.supplyAsync(() -> assertThrows(IndexException.class,
        () -> Indexer.run(List.of(small), index, Indexer.Options.defaults().withFull(true).withProgress(counting))), threads);
    IndexException busy = (IndexException) second.get(60, TimeUnit.SECONDS);
    assertEquals("cannot write the index at " + index + ": another 'tpsearch index' is writing it (it holds "
        + index.resolve(IndexFolder.LOCK) + "); run again when it has finished", busy.getMessage());
    assertEquals(0, secondRead.get(), "failed before reading any report");

    release.countDown();
    IndexSummary s = first.get(120, TimeUnit.SECONDS);
    threads.shutdown();
    assertEquals(IncrementalIndexTest.POINTS, s.points());
    assertEquals(IncrementalIndexTest.POINTS, IndexedCorpus.documents(index).size(), "the index holds what run 1 said");

    // With the first run done, the second can run: the index then holds what it says.
    IndexSummary after = Indexer.run(List.of(small), index, Indexer.Options.defaults().withFull(true));
    assertEquals(5, after.points());
    assertEquals(5, IndexedCorpus.documents(index).size());
  }
}
