package org.tpsearch.search;

/**
 * A request the answering engine cannot serve (duplicate clusters on a search cluster, say): a usage
 * error for the user (exit 2, HTTP 400) naming the engine and what to do instead, never a crash.
 */
public final class NotSupportedByEngine extends RuntimeException {
  public NotSupportedByEngine(String message) {
    super(message);
  }
}
