package org.tpsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.IndexException;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.IndexOpener;

/**
 * The search daemon's open indexes, keyed by real path (and the embedded sample index), kept open
 * between commands and reopened when they change ({@code DirectoryReader.openIfChanged}). Each
 * command gets a borrowed handle described as it would be in-process. Used by one command at a
 * time (the daemon runs them in turn).
 */
final class DaemonIndexes {
  /** Indexes kept open at most; the least recently used is closed first. */
  private static final int MAX_OPEN = 8;

  private final Map<Path, IndexHandle> open = new LinkedHashMap<>(16, 0.75f, true);
  private IndexHandle embedded;

  /** An opener for one command run from {@code cwd}, the client's working folder. */
  IndexOpener opener(Path cwd) {
    return new IndexOpener() {
      @Override
      public IndexHandle folder(Path dir, String description) throws IndexException {
        return DaemonIndexes.this.folder(cwd.resolve(dir), dir, description);
      }

      @Override
      public IndexHandle embedded() throws IndexException {
        if (embedded == null) {
          embedded = IndexHandle.openEmbedded();
        }
        return embedded.borrow(embedded.description(), null);
      }

      @Override
      public Path resolve(Path p) {
        return cwd.resolve(p);
      }
    };
  }

  private IndexHandle folder(Path dir, Path shown, String description) throws IndexException {
    forgetGone();
    if (Files.isDirectory(dir)) {
      Path real = realPath(dir);
      IndexHandle h = real == null ? null : open.get(real);
      if (h != null) {
        try {
          IndexHandle current = h.reopenIfChanged();
          open.put(real, current);
          return current.borrow(description, dir);
        } catch (IOException | RuntimeException e) {
          // Deleted or rewritten under us: forget it; opening afresh gives the in-process answer.
          open.remove(real);
          closeQuietly(h);
        }
      }
    }
    // Not open yet, or not an index (any more): open it as a one-shot command would, same errors.
    IndexHandle fresh = IndexHandle.open(dir, shown, description, IndexHandle.Access.LONG_RUNNING);
    Path real = realPath(dir);
    if (real == null) {
      return fresh;
    }
    open.put(real, fresh);
    while (open.size() > MAX_OPEN) {
      Iterator<Map.Entry<Path, IndexHandle>> eldest = open.entrySet().iterator();
      closeQuietly(eldest.next().getValue());
      eldest.remove();
    }
    return fresh.borrow(description, dir);
  }

  /** Closes indexes whose folder is gone, so their deleted files do not hold disk space. */
  private void forgetGone() {
    for (Iterator<Map.Entry<Path, IndexHandle>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, IndexHandle> e = it.next();
      if (!Files.isDirectory(e.getKey())) {
        closeQuietly(e.getValue());
        it.remove();
      }
    }
  }

  /** The folders open now, for 'tpsearch daemon status'. */
  List<String> describe() {
    List<String> d = new ArrayList<>();
    for (Path p : open.keySet()) {
      d.add(p.toString());
    }
    if (embedded != null) {
      d.add("the embedded sample index");
    }
    return d;
  }

  void closeAll() {
    open.values().forEach(DaemonIndexes::closeQuietly);
    open.clear();
    closeQuietly(embedded);
    embedded = null;
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(IndexHandle h) {
    Context.closeQuietly(h);
  }
}
