package org.tpsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.ReferenceManager;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.Schema;

/**
 * An index folder kept open by a long-running process (the search daemon, {@code serve},
 * {@code shell}) that follows {@code tpsearch index}: each {@link #acquire} first looks whether a
 * newer commit is there (one listing of the folder) and, if so, reopens over it
 * ({@link DirectoryReader#openIfChanged}, sharing the unchanged segments). Lucene's
 * {@link ReferenceManager} counts who uses which reader: a request keeps the reader it acquired
 * until it closes its handle, so it answers from one state of the index however the swap falls,
 * and an old reader (its files, memory maps, facet state and compiled queries) is released when
 * the last request that used it is done.
 */
public final class LiveIndex implements Closeable {
  private final Path shown;
  private final String description;
  private final Manager manager;

  private LiveIndex(IndexHandle first, Path shown) {
    this.shown = shown;
    this.description = first.description();
    this.manager = new Manager(first);
  }

  /** Opens the index in {@code dir} (named {@code shown} in messages) to follow its changes. */
  public static LiveIndex open(Path dir, Path shown, String description) throws IndexException {
    return new LiveIndex(IndexHandle.open(dir, shown, description, IndexHandle.Access.LONG_RUNNING), shown);
  }

  /** Follows the changes of {@code opened}'s folder; it is this one's to close from now on. */
  public static LiveIndex of(IndexHandle opened) {
    if (opened.path() == null) {
      throw new IllegalArgumentException(opened.description() + " has no folder to follow");
    }
    return new LiveIndex(opened, opened.path());
  }

  /** How this index is named in messages: "index at X". */
  public String description() {
    return description;
  }

  /**
   * The index as it is now, for one request: a handle on the newest reader, described as
   * {@code description} at {@code path}; closing it releases the reader (it stays open while
   * another request or the next one uses it).
   *
   * @throws Unreadable when the folder no longer holds an index this tpsearch can read (deleted,
   *     emptied, or rewritten by another schema); the next call looks again
   */
  public IndexHandle acquire(String description, Path path) throws IOException {
    manager.maybeRefreshBlocking();
    IndexHandle h = manager.acquire();
    return h.borrow(description, path, () -> manager.release(h));
  }

  /** {@link #acquire} as the index was opened. */
  public IndexHandle acquire() throws IOException {
    return acquire(description, manager.path());
  }

  /** Releases the current reader; requests still running keep theirs until they close them. */
  @Override
  public void close() throws IOException {
    manager.close();
  }

  /** The index folder cannot be read any more: a clear message, naming it, for the user. */
  public static final class Unreadable extends IOException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Counts references on the handles (their readers' counts) and swaps in the newest commit. */
  private final class Manager extends ReferenceManager<IndexHandle> {
    private final Path path;
    private final org.apache.lucene.store.Directory directory;
    /** The schema version of the first commit read: a change to a version this tpsearch does not write is refused. */
    private final String openedVersion;

    Manager(IndexHandle first) {
      this.current = first;
      this.path = first.path();
      this.directory = first.directory();
      this.openedVersion = first.schemaVersion();
      try {
        this.readerCommit = commitOf(first.reader(), newestCommit());
      } catch (IOException e) {
        this.readerCommit = null; // The first request looks, and says what is wrong.
      }
    }

    Path path() {
      return path;
    }

    @Override
    protected void decRef(IndexHandle h) throws IOException {
      h.reader().decRef();
    }

    @Override
    protected boolean tryIncRef(IndexHandle h) {
      return h.reader().tryIncRef();
    }

    @Override
    protected int getRefCount(IndexHandle h) {
      return h.reader().getRefCount();
    }

    /**
     * The commit file the current reader was read from (segments_N: name, file key, time, size), or
     * null when not known. A commit writes a new segments_N; a folder deleted and indexed anew can
     * bring back the same name, and even a commit Lucene takes for the same, but not the same file.
     */
    private List<Object> readerCommit;

    /** The newest commit's file as {@link #readerCommit} keeps it, or null while a commit is under way. */
    private List<Object> newestCommit() throws IOException {
      String[] files;
      try {
        files = directory.listAll();
      } catch (IOException e) {
        throw unreadable(Files.isDirectory(path) ? "cannot list its folder (" + e.getMessage() + ")" : "its folder is gone", e);
      }
      String name = SegmentInfos.getLastCommitSegmentsFileName(files);
      if (name == null) {
        throw unreadable("no index there any more", null);
      }
      try {
        BasicFileAttributes a = Files.readAttributes(path.resolve(name), BasicFileAttributes.class);
        return List.of(name, String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
      } catch (IOException e) {
        return null; // Deleted since the listing: a commit is under way; look again next time.
      }
    }

    @Override
    protected IndexHandle refreshIfNeeded(IndexHandle old) throws IOException {
      // The cheap look, one listing and one stat: the reader's commit file is still the newest.
      List<Object> now = newestCommit();
      if (now != null && now.equals(readerCommit)) {
        return null;
      }
      DirectoryReader next;
      try {
        next = DirectoryReader.openIfChanged(old.reader());
        if (next == null && readerCommit != null) {
          // Another commit file, yet the same commit to Lucene: the folder was replaced by an index
          // that happens to have had as many changes. Read it afresh.
          next = DirectoryReader.open(directory);
        }
      } catch (IOException | RuntimeException e) {
        // The folder was replaced by another index (a segment of the same name is another segment):
        // read it afresh, as a new process would.
        try {
          next = DirectoryReader.open(directory);
        } catch (IOException | RuntimeException again) {
          again.addSuppressed(e);
          String damaged = IndexHandle.damaged(path, path, again);
          throw unreadable(damaged != null ? damaged : "no index there any more (" + again.getMessage() + ")", again);
        }
      }
      if (next == null) {
        readerCommit = commitOf(old.reader(), now);
        return null;
      }
      String version = next.getIndexCommit().getUserData().get(Schema.COMMIT_VERSION_KEY);
      if (!Schema.VERSION.equals(version) && !java.util.Objects.equals(version, openedVersion)) {
        next.close();
        throw unreadable("it was rewritten by another version of tpsearch (schema " + (version == null ? "unknown" : version)
            + ", this one reads " + Schema.VERSION + "); restart with the tpsearch that wrote it, or run this one's "
            + "'tpsearch index' again", null);
      }
      readerCommit = commitOf(next, now);
      return old.over(next);
    }

    /** {@code looked}, when it is the commit {@code reader} read (no commit came in between), else null. */
    private static List<Object> commitOf(DirectoryReader reader, List<Object> looked) throws IOException {
      return looked != null && looked.get(0).equals(reader.getIndexCommit().getSegmentsFileName()) ? looked : null;
    }

    private Unreadable unreadable(String why, Throwable cause) {
      return new Unreadable("cannot read " + description + " any more: " + why, cause);
    }

    @Override
    protected void afterClose() throws IOException {
      directory.close();
    }
  }

  @Override
  public String toString() {
    return description + " (" + shown + ")";
  }
}
