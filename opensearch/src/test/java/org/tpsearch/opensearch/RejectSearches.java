package org.tpsearch.opensearch;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.search.SearchAction;
import org.opensearch.action.support.ActionFilter;
import org.opensearch.action.support.ActionFilterChain;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.concurrency.OpenSearchRejectedExecutionException;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.tasks.Task;

/**
 * A node plugin that makes a node busy on demand: after {@link #next}, it rejects that many
 * searches as a full search queue does (429, {@code rejected_execution_exception}), each search
 * of an {@code _msearch} on its own. Nothing else of the node changes.
 */
public final class RejectSearches extends Plugin implements ActionPlugin {
  private static final AtomicInteger LEFT = new AtomicInteger();

  /** Rejects the next {@code n} searches. */
  public static void next(int n) {
    LEFT.set(n);
  }

  /** How many of those are still to be rejected. */
  public static int left() {
    return LEFT.get();
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
        if (action.equals(SearchAction.NAME) && LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          listener.onFailure(new OpenSearchRejectedExecutionException("rejected by the test: the search queue is full"));
          return;
        }
        chain.proceed(task, action, request, listener);
      }
    });
  }
}
