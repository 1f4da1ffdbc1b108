package org.tpsearch.search;

import java.nio.file.Path;
import org.tpsearch.index.IndexException;

/**
 * Opens the index a command reads: straight from disk for one command, or from the search
 * daemon's open indexes (which resolves paths against the client's working folder, since a JVM
 * cannot change its own).
 */
public interface IndexOpener {
  /** Opens the index folder {@code dir} (as the user gave it); {@code description} names it in messages. */
  IndexHandle folder(Path dir, String description) throws IndexException;

  /** Opens the embedded sample index. */
  IndexHandle embedded() throws IndexException;

  /** {@code p} as this process must read it (relative paths are the user's, not the daemon's). */
  default Path resolve(Path p) {
    return p;
  }

  /** Opens each index anew, read as {@code access} says. */
  static IndexOpener direct(IndexHandle.Access access) {
    return new IndexOpener() {
      @Override
      public IndexHandle folder(Path dir, String description) throws IndexException {
        return IndexHandle.open(dir, description, access);
      }

      @Override
      public IndexHandle embedded() throws IndexException {
        return IndexHandle.openEmbedded();
      }
    };
  }
}
