package org.tpsearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.IndexSink;
import org.tpsearch.index.IndexState;
import org.tpsearch.model.TurningPoint;

/**
 * Writes what {@code index --to} would send to a cluster as files, for people who load data their
 * own way: {@code index.json} (the create-index body: settings with the analysis, and the mapping)
 * and {@code bulk-0001.ndjson}... (bulk requests of {@value ClusterSink#BATCH_DOCS} documents, with
 * no index name, to send to {@code POST /INDEX/_bulk}). Writes only into a new or empty folder;
 * a failed run removes the files it wrote.
 */
public final class BulkFileSink implements IndexSink {
  private final Path folder;
  private final List<Path> written = new ArrayList<>();
  private final Object lock = new Object();
  private StringBuilder batch = new StringBuilder();
  private int inBatch;
  private int files;
  private long documents;

  public BulkFileSink(Path folder) {
    this.folder = folder;
  }

  @Override
  public String where() {
    return folder.toString();
  }

  @Override
  public Path path() {
    return folder;
  }

  @Override
  public IndexState readState() {
    return null; // an export is always whole
  }

  @Override
  public void begin(boolean full) throws IOException, IndexException {
    if (Files.exists(folder)) {
      if (!Files.isDirectory(folder)) {
        throw new IndexException(folder, "cannot export to " + folder + ": it is a file, not a folder", null);
      }
      try (var entries = Files.list(folder)) {
        if (entries.findAny().isPresent()) {
          throw new IndexException(folder, "cannot export to " + folder + ": the folder is not empty (tpsearch writes "
              + "only into a new or empty folder)", null);
        }
      }
    } else {
      Files.createDirectories(folder);
    }
  }

  @Override
  public void delete(String id) {
    // Nothing was exported before: nothing to remove.
  }

  @Override
  public void write(TurningPoint p, String displayFile) throws IOException {
    String action = JsonText.write(JsonText.obj("index", JsonText.obj("_id", p.id())));
    String doc = JsonText.write(ClusterSchema.document(p, displayFile));
    synchronized (lock) {
      batch.append(action).append('\n').append(doc).append('\n');
      documents++;
      if (++inBatch >= ClusterSink.BATCH_DOCS || batch.length() >= ClusterSink.BATCH_BYTES) {
        flush();
      }
    }
  }

  /** Writes the batch to the next bulk file; called holding the lock. */
  private void flush() throws IOException {
    if (inBatch == 0) {
      return;
    }
    Path file = folder.resolve(String.format(Locale.ROOT, "bulk-%04d.ndjson", ++files));
    written.add(file);
    Files.writeString(file, batch, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
    batch = new StringBuilder();
    inBatch = 0;
  }

  @Override
  public void commit(IndexState state) throws IOException {
    synchronized (lock) {
      flush();
      Path index = folder.resolve("index.json");
      written.add(index);
      Files.writeString(index, JsonText.write(ClusterSchema.indexBody()) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW);
    }
  }

  /** Documents written. */
  public long documents() {
    synchronized (lock) {
      return documents;
    }
  }

  /** Bulk files written. */
  public int bulkFiles() {
    synchronized (lock) {
      return files;
    }
  }

  @Override
  public IndexException rollback(Exception cause) {
    IndexException failure = new IndexException(folder, "export to " + folder + " failed, its files removed: "
        + cause.getMessage(), cause);
    synchronized (lock) {
      for (Path p : written) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          failure.addSuppressed(e);
        }
      }
    }
    return failure;
  }

  @Override
  public long sizeInBytes() throws IOException {
    long total = 0;
    synchronized (lock) {
      for (Path p : written) {
        total += Files.size(p);
      }
    }
    return total;
  }
}
