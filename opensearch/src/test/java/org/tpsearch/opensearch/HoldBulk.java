package org.tpsearch.opensearch;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.bulk.BulkAction;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.support.ActionFilter;
import org.opensearch.action.support.ActionFilterChain;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.tasks.Task;

/**
 * A node plugin that lets a test stop a node in the middle of a bulk load, at a known point: once
 * {@link #after} has let {@code n} bulk requests of several documents through, it holds every later one unanswered
 * (the node is to be stopped while they wait, which closes their connections), or until
 * {@link #release} lets them go on (to start something else while a load is held). Nothing else of
 * the node changes; the requests let through are indexed as usual.
 */
public final class HoldBulk extends Plugin implements ActionPlugin {
  private static final AtomicInteger PASSES = new AtomicInteger(Integer.MAX_VALUE);
  private static volatile CountDownLatch held = new CountDownLatch(1);
  private static final java.util.Queue<Runnable> WAITING = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** From now on, lets {@code n} bulk requests through and holds the rest. */
  public static void after(int n) {
    held = new CountDownLatch(1);
    PASSES.set(n);
  }

  /** Lets every bulk request through again (requests held so far stay held). */
  public static void off() {
    PASSES.set(Integer.MAX_VALUE);
  }

  /** Lets every bulk request through again, and the ones held so far go on. */
  public static void release() {
    off();
    for (Runnable r; (r = WAITING.poll()) != null; ) {
      r.run();
    }
  }

  /** Forgets the requests held so far (their node was stopped). */
  public static void forget() {
    WAITING.clear();
  }

  /** Waits until a bulk request is held; false when none was within {@code seconds}. */
  public static boolean awaitHeld(long seconds) throws InterruptedException {
    return held.await(seconds, TimeUnit.SECONDS);
  }

  @Override
  public List<ActionFilter> getActionFilters() {
    return List.of(new ActionFilter() {
      @Override
      public int order() {
        return Integer.MIN_VALUE;
      }

      @Override
      public <Q extends ActionRequest, R extends ActionResponse> void apply(Task task, String action, Q request,
          ActionListener<R> listener, ActionFilterChain<Q, R> chain) {
        // A bulk load's requests, not the single documents (run state, lock) that also go as bulks of one.
        if (action.equals(BulkAction.NAME) && request instanceof BulkRequest bulk && bulk.numberOfActions() > 1 && PASSES.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : n - 1) <= 0) {
          WAITING.add(() -> chain.proceed(task, action, request, listener));
          held.countDown(); // answered once released, or never: the test stops the node
          return;
        }
        chain.proceed(task, action, request, listener);
      }
    });
  }
}
