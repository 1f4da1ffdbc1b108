package org.tpsearch.index;

import java.nio.file.Path;

/** An index cannot be opened, read or written; carries the index path. */
public class IndexException extends Exception {
  private final Path index;

  public IndexException(Path index, String message, Throwable cause) {
    super(message, cause);
    this.index = index;
  }

  /** The index folder concerned. */
  public Path index() {
    return index;
  }
}
