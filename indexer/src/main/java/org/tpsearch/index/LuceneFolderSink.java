package org.tpsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.tpsearch.model.TurningPoint;

/**
 * Writes an index run into a claimed local index folder with one Lucene {@link IndexWriter}:
 * nothing is committed until the whole run succeeded, and the run state is a file beside the
 * index named in the commit, so index and state change together.
 */
final class LuceneFolderSink implements IndexSink {
  private final IndexFolder folder;
  private final Path indexDir;
  private final Directory dir;
  private final FacetsConfig facets = Schema.facetsConfig();
  private final String stateName = Indexer.STATE_PREFIX + Long.toString(System.currentTimeMillis(), 36) + "-"
      + Long.toString(System.nanoTime() & 0xffffff, 36);
  private IndexWriter writer;
  /** Whether this run replaces the whole index (see {@link #commit}). */
  private boolean full;

  LuceneFolderSink(IndexFolder folder) {
    this.folder = folder;
    this.indexDir = folder.path();
    this.dir = folder.directory();
  }

  @Override
  public String where() {
    return indexDir.toString();
  }

  @Override
  public Path path() {
    return indexDir;
  }

  /** The state of the last commit, or null when there is none or it is of another schema. */
  @Override
  public IndexState readState() throws IndexException {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      String name = data.get(Indexer.STATE_KEY);
      if (!Schema.VERSION.equals(data.get(Indexer.SCHEMA_KEY)) || name == null) {
        return null;
      }
      Path file = indexDir.resolve(name);
      return Files.exists(file) ? IndexState.parse(Files.readString(file, StandardCharsets.UTF_8)) : null;
    } catch (IOException e) {
      String damage = IndexFolder.damage(e);
      if (damage != null) {
        throw new IndexException(indexDir, damaged(damage), e);
      }
      throw new IndexException(indexDir, "cannot read the index at " + indexDir + ": " + e.getMessage(), e);
    }
  }

  private String damaged(String damage) {
    return "cannot update the index at " + indexDir + ": it is damaged: " + damage + "; run again with --full to rebuild it";
  }

  @Override
  public void begin(boolean full) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(Schema.indexAnalyzer());
    iwc.setOpenMode(full ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    iwc.setRAMBufferSizeMB(256);
    iwc.setCommitOnClose(false);
    try {
      writer = new IndexWriter(dir, iwc);
    } catch (IOException e) {
      String damage = IndexFolder.damage(e);
      if (damage == null) {
        throw e;
      }
      if (!full) {
        // A damaged index is not updated (the changed files' points could not be merged into it).
        throw new IOException(damaged(damage), e);
      }
      // A full run needs none of the old files, but Lucene reads the last commit even to replace
      // it: the damaged commit points (segments_N, which tpsearch wrote) go, and the run writes a
      // new index; the old segments' files are then unreferenced and Lucene deletes them.
      try (DirectoryStream<Path> commits = Files.newDirectoryStream(indexDir, "segments_*")) {
        for (Path p : commits) {
          if (folder.owns(p.getFileName().toString())) {
            Files.delete(p);
          }
        }
      }
      writer = new IndexWriter(dir, new IndexWriterConfig(Schema.indexAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256).setCommitOnClose(false));
    }
    this.full = full;
  }

  @Override
  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(Schema.ID, id));
  }

  @Override
  public void write(TurningPoint p, String displayFile) throws IOException {
    writer.updateDocument(new Term(Schema.ID, p.id()), PointDocuments.build(p, displayFile, facets));
  }

  @Override
  public void write(TurningPoint p, String displayFile, String contentHash) throws IOException {
    writer.updateDocument(new Term(Schema.ID, p.id()), PointDocuments.build(p, displayFile, contentHash, facets));
  }

  /** No delete by id with it: in a full run (a new index) nothing has the id yet. */
  @Override
  public void add(TurningPoint p, String displayFile, String contentHash) throws IOException {
    writer.addDocument(PointDocuments.build(p, displayFile, contentHash, facets));
  }

  @Override
  public void commit(IndexState state) throws IOException {
    Path stateFile = indexDir.resolve(stateName);
    folder.record(stateName);
    Files.writeString(stateFile, state.serialize(), StandardCharsets.UTF_8);
    flushInParallel();
    if (full) {
      // One segment per writing thread (two to eight) after a full run: every search sets up each
      // clause's scorer once per segment, which made a warm query's search pass a tenth slower with
      // two segments than with one. Merging them costs about 5 s of one core on the 28k-point
      // benchmark corpus, once per full run; an incremental run's small segment is left to the
      // merge policy, as rewriting the whole index for one changed file would cost that again.
      writer.forceMerge(1);
    }
    writer.setLiveCommitData(Map.of(Indexer.SCHEMA_KEY, Schema.VERSION, Indexer.STATE_KEY, stateName).entrySet());
    writer.commit();
    writer.close();
  }

  /**
   * Writes the in-memory segments (one per indexing thread; a full build of the benchmark corpus
   * fits in the RAM buffer) on one thread per core: {@link IndexWriter#commit} alone writes them
   * one after the other on the calling thread, a tenth of a full run's CPU with a core idle. The
   * segments are the same either way; only who writes them changes. Nothing is visible before
   * the commit.
   */
  private void flushInParallel() throws IOException {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), 8);
    if (threads < 2) {
      return; // the commit writes them
    }
    Indexer.inParallel(java.util.stream.IntStream.range(0, threads).boxed().toList(), threads, i -> {
      while (writer.flushNextBuffer()) {
        // one pending segment per call, until none is left
      }
      return null;
    });
  }

  @Override
  public void committed() throws IOException {
    try (DirectoryStream<Path> old = Files.newDirectoryStream(indexDir, Indexer.STATE_PREFIX + "*")) {
      for (Path p : old) {
        String name = p.getFileName().toString();
        // Only state files tpsearch wrote: a user's tpsearch-state-notes.txt is not one.
        if (!name.equals(stateName) && folder.owns(name)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Override
  public IndexException rollback(Exception e) {
    IndexException failure =
        new IndexException(indexDir, "indexing failed, the previous index is kept: "
            + (e instanceof IOException io ? IndexFolder.describe(io) : e.getMessage()), e);
    try {
      if (writer != null) {
        writer.rollback();
      }
      Files.deleteIfExists(indexDir.resolve(stateName));
    } catch (IOException | RuntimeException r) {
      failure.addSuppressed(r);
    }
    return failure;
  }

  @Override
  public long sizeInBytes() throws IOException {
    try (var files = Files.list(indexDir)) {
      return files.mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
