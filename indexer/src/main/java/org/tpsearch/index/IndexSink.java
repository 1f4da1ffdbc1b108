package org.tpsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import org.tpsearch.model.TurningPoint;

/**
 * Where an index run writes, once {@link Indexer} has planned it (which points to add, replace and
 * remove, from the state of the last run): the local index folder ({@link LuceneFolderSink}) or a
 * search cluster. A run calls {@link #readState}, {@link #begin}, {@link #delete} and
 * {@link #write} (from several threads), then {@link #commit} and {@link #committed}, or
 * {@link #rollback} on the first failure.
 */
public interface IndexSink {
  /** Where the index is, for people: a folder or a URL. */
  String where();

  /** The index folder, or null when the index is not a local folder (for error messages). */
  default Path path() {
    return null;
  }

  /**
   * The state the last complete run left (files, points and document hashes), or null when there
   * is none or it was written by another schema version: the run then rebuilds everything.
   */
  IndexState readState() throws IOException, IndexException;

  /** Starts writing; with {@code full} the run replaces whatever the index holds. */
  void begin(boolean full) throws IOException, IndexException;

  /** Removes the document of turning point {@code id}. */
  void delete(String id) throws IOException;

  /** Adds or replaces the document of {@code p} (found in {@code displayFile}); thread-safe. */
  void write(TurningPoint p, String displayFile) throws IOException;

  /**
   * As {@link #write(TurningPoint, String)}, with the point's {@link PointDocuments#contentHash}
   * already computed by the run (it needs it for its state): a sink that stores it can skip
   * digesting the answer a second time.
   */
  default void write(TurningPoint p, String displayFile, String contentHash) throws IOException {
    write(p, displayFile);
  }

  /**
   * As {@link #write(TurningPoint, String, String)}, for a point whose id the index does not hold:
   * the first copy of its id a full run writes. A sink may skip looking for a document to replace.
   */
  default void add(TurningPoint p, String displayFile, String contentHash) throws IOException {
    write(p, displayFile, contentHash);
  }

  /** Makes this run's writes and {@code state} visible together, or fails with nothing of it visible. */
  void commit(IndexState state) throws IOException;

  /** After a commit: clears what the previous run left behind. */
  default void committed() throws IOException {}

  /**
   * Undoes what this run wrote after {@code cause}, as far as the sink can, and returns the
   * exception to throw: it says what happened and what the index now holds.
   */
  IndexException rollback(Exception cause);

  /** The index's size in bytes after the run, or -1 when unknown. */
  long sizeInBytes() throws IOException;
}
