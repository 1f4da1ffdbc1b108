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
import org.tpsearch.search.LiveIndex;

/**
 * The search daemon's open indexes, keyed by real path (and the embedded sample index), kept open
 * between commands and reopened when they change (a {@link LiveIndex} each, as {@code serve} and
 * {@code shell} follow theirs). Each command gets a handle described as it would be in-process;
 * closing it gives the reader back.
 */
final class DaemonIndexes {
  /** Indexes kept open at most; the least recently used is closed first. */
  private static final int MAX_OPEN = 8;

  private final Map<Path, LiveIndex> open = new LinkedHashMap<>(16, 0.75f, true);
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
      LiveIndex live = real == null ? null : open.get(real);
      if (live != null) {
        try {
          return live.acquire(description, dir);
        } catch (IOException | RuntimeException e) {
          // Deleted or rewritten under us: forget it; opening afresh gives the in-process answer.
          open.remove(real);
          closeQuietly(live);
        }
      }
    }
    // Not open yet, or not an index (any more): open it as a one-shot command would, same errors.
    LiveIndex fresh = LiveIndex.open(dir, shown, description);
    Path real = realPath(dir);
    if (real != null) {
      open.put(real, fresh);
      while (open.size() > MAX_OPEN) {
        Iterator<Map.Entry<Path, LiveIndex>> eldest = open.entrySet().iterator();
        closeQuietly(eldest.next().getValue());
        eldest.remove();
      }
    }
    try {
      IndexHandle h = fresh.acquire(description, dir);
      if (real == null) {
        // Not kept: the command's handle is the last user, and closing it closes the reader.
        fresh.close();
      }
      return h;
    } catch (IOException e) {
      throw new IndexException(shown, e.getMessage(), e);
    }
  }

  /** Closes indexes whose folder is gone, so their deleted files do not hold disk space. */
  private void forgetGone() {
    for (Iterator<Map.Entry<Path, LiveIndex>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Path, LiveIndex> e = it.next();
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

  private static void closeQuietly(java.io.Closeable h) {
    Context.closeQuietly(h);
  }
}
