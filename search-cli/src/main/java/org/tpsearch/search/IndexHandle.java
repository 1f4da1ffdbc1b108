package org.tpsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.IndexOutput;
import org.tpsearch.index.EmbeddedIndexBuilder;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.IndexFolder;
import org.tpsearch.index.Schema;

/** An open index: reader, searcher, facet state, and a description of where it came from. */
public final class IndexHandle implements Closeable {
  /** Where the embedded sample index sits on the class path. */
  static final String EMBEDDED = "/org/tpsearch/sampleindex/";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final String description;
  private final Path path;
  /** The handle this one borrows its reader from (a daemon's cached index), or null when it owns it. */
  private final IndexHandle owner;
  /** Whether the searcher has search threads (see {@link #searcher(DirectoryReader, boolean)}). */
  private final boolean concurrent;
  private SortedSetDocValuesReaderState facetState;
  /**
   * What searchers keep for this reader between commands (query compilers, compiled queries and
   * their weights), by key; the least recently used goes first. Borrowed handles use their owner's.
   */
  private final java.util.Map<Object, Object> shared = new java.util.LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<Object, Object> eldest) {
      return size() > MAX_SHARED;
    }
  };

  /** How many keys {@link #shared} keeps (a user glossary is a new key on each command). */
  private static final int MAX_SHARED = 8;

  private IndexHandle(Directory directory, String description, Path path, boolean concurrent) throws IOException {
    this(directory, DirectoryReader.open(directory), description, path, null, concurrent);
  }

  private IndexHandle(Directory directory, DirectoryReader reader, String description, Path path, IndexHandle owner,
      boolean concurrent) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = owner != null ? owner.searcher : searcher(reader, concurrent);
    this.concurrent = owner == null && concurrent && SearchThreads.pool() != null;
    this.description = description;
    this.path = path;
    this.owner = owner;
  }

  /**
   * The searcher of {@code reader}: for many queries ({@code concurrent}) with one task per segment
   * run on the search threads as well as the caller's, so a warm query's segments (and its hits,
   * see {@link Searcher}) are worked on by two cores at once: the same work, about half the wall
   * time on an idle machine. Lucene's own slices put up to five small segments in one task.
   */
  private static IndexSearcher searcher(DirectoryReader reader, boolean concurrent) {
    java.util.concurrent.Executor pool = concurrent ? SearchThreads.pool() : null;
    if (pool == null) {
      return new IndexSearcher(reader);
    }
    return new IndexSearcher(reader, pool) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        LeafSlice[] out = new LeafSlice[leaves.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = new LeafSlice(List.of(LeafReaderContextPartition.createForEntireSegment(leaves.get(i))));
        }
        return out;
      }
    };
  }

  /**
   * The threads that work on a warm query beside its own: none unless {@code -Dtpsearch.searchThreads}
   * asks for some. Measured on a quiet two-core machine (BENCHMARKS.md, "At a glance" and "Warm
   * queries, the search pass"), a second thread made the warm p50 and p99 worse (1.71 / 6.21 ms
   * against 1.56 / 5.51 with one): a query's search pass and hits are a millisecond or two, and
   * handing half of them over (a task queue, a second stored-fields reader, merging the
   * segments' top hits) costs more than the idle core saves, for the costliest queries too.
   */
  private static final class SearchThreads {
    private static java.util.concurrent.Executor pool;

    static synchronized java.util.concurrent.Executor pool() {
      // -Dtpsearch.searchThreads=1 turns one on (to compare; TPSEARCH_JAVA_OPTS passes it).
      int cores = Runtime.getRuntime().availableProcessors();
      int threads = Integer.getInteger("tpsearch.searchThreads", 0);
      if (threads < 1) {
        return null;
      }
      if (pool == null) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor threadPool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
          Thread t = new Thread(r, "tpsearch-search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        pool = task -> {
          // On a busy machine (a load average of the cores or more) another thread only waits for
          // a core and the hand-over costs CPU (measured: 10-30% more at load 20 on two cores, and
          // slower): the caller then runs the task itself, which gives the same answer.
          if (busy(os, cores) && !Boolean.getBoolean("tpsearch.searchThreads.evenWhenBusy")) {
            task.run();
          } else {
            threadPool.execute(task);
          }
        };
      }
      return pool;
    }

    private static volatile long checkedAt = System.nanoTime() - 2_000_000_000L;
    private static volatile boolean busy;

    /** Whether the load average is at least {@code cores}, looked at no more than once a second. */
    private static boolean busy(java.lang.management.OperatingSystemMXBean os, int cores) {
      long now = System.nanoTime();
      if (now - checkedAt > 1_000_000_000L) {
        double load = os.getSystemLoadAverage(); // negative where unknown: not busy
        busy = load >= cores;
        checkedAt = now;
      }
      return busy;
    }
  }

  /** Whether this handle's searcher works on several segments (and hits) at once. */
  public boolean concurrent() {
    return owner != null ? owner.concurrent : concurrent;
  }

  /**
   * A handle on this one's open reader, described for one command: closing it leaves the reader
   * open (the search daemon keeps its indexes open between commands).
   */
  public IndexHandle borrow(String description, Path path) {
    return borrow(description, path, null);
  }

  /** The same; closing it runs {@code release} (a {@link LiveIndex} gives the reader back). */
  IndexHandle borrow(String description, Path path, Release release) {
    IndexHandle h = new IndexHandle(directory, reader, description, path, this, false);
    h.release = release;
    return h;
  }

  /** What closing a borrowed handle does. */
  interface Release {
    void run() throws IOException;
  }

  /** Run once by {@link #close} of a borrowed handle, or null. */
  private Release release;

  /**
   * A handle over {@code newer}, a reader of this one's folder opened since, described as this
   * one; it shares the folder, and this handle stays open ({@link LiveIndex} closes it).
   */
  IndexHandle over(DirectoryReader newer) {
    return new IndexHandle(directory, newer, description, path, null, concurrent());
  }

  /** The folder's directory (for {@link LiveIndex}, which outlives the readers it opens over it). */
  Directory directory() {
    return directory;
  }

  /** How an index is read: the trade between opening fast and answering many queries fast. */
  public enum Access {
    /**
     * One query and exit: plain file reads (NIOFSDirectory), which open in a fraction of the
     * time of memory mapping in a cold JVM (no foreign-memory set-up); the OS page cache still
     * serves the bytes.
     */
    ONE_SHOT,
    /** Many queries (shell, serve, bench): memory-mapped files, Lucene's default. */
    LONG_RUNNING
  }

  /** Opens the index in {@code dir} for many queries; {@code description} says where it came from. */
  public static IndexHandle open(Path dir, String description) throws IndexException {
    return open(dir, description, Access.LONG_RUNNING);
  }

  /** Opens the index in {@code dir}; {@code description} says where it came from, for output. */
  public static IndexHandle open(Path dir, String description, Access access) throws IndexException {
    return open(dir, dir, description, access);
  }

  /**
   * Opens the index in {@code dir}, named {@code shown} in messages (the path as the user gave it,
   * where a daemon reads {@code dir} resolved against the user's working folder).
   */
  public static IndexHandle open(Path dir, Path shown, String description, Access access) throws IndexException {
    if (!Files.isDirectory(dir)) {
      throw new IndexException(shown, "cannot open " + description + ": no such folder", null);
    }
    Directory d = null;
    try {
      d = access == Access.ONE_SHOT ? new NIOFSDirectory(dir) : FSDirectory.open(dir);
      return new IndexHandle(d, description, dir, access == Access.LONG_RUNNING);
    } catch (IndexNotFoundException e) {
      closeQuietly(d);
      if (IndexFolder.markedButNotCommitted(dir)) {
        throw new IndexException(dir, "cannot open " + description + ": no index there yet; 'tpsearch index' is "
            + "building it (search again when it has finished) or was stopped before its first commit (run it again)", e);
      }
      // Offer to build one there only where 'tpsearch index' would write: never into someone's folder.
      String hint = IndexFolder.acceptsIndex(dir) ? "build one with 'tpsearch index DIR --index " + shown + "'"
          : "the folder holds other files; build an index in a new folder with 'tpsearch index DIR --index NEW-FOLDER'";
      throw new IndexException(shown, "cannot open " + description + ": no index there (" + hint + ")", e);
    } catch (IOException | RuntimeException e) {
      closeQuietly(d);
      String what = damaged(dir, shown, e);
      if (what != null) {
        throw new IndexException(shown, "cannot open " + description + ": " + what, e);
      }
      throw new IndexException(shown, "cannot open " + description + ": " + e.getMessage(), e);
    }
  }

  /**
   * What to tell a user whose index Lucene found damaged ({@link IndexFolder#damage}), with the way
   * to rebuild it; null when {@code e} is no such failure. Only tpsearch's own folder is worth
   * rebuilding in place; the rest is someone else's. {@code shown}: the index as the user named it.
   */
  static String damaged(Path dir, Path shown, Throwable e) {
    String damage = IndexFolder.damage(e);
    if (damage == null) {
      return null;
    }
    return Files.isRegularFile(dir.resolve(IndexFolder.MARKER))
        ? "the index is damaged: " + damage + "; rebuild it with 'tpsearch index DIR --index " + shown + " --full'"
        : "not an index this tpsearch can read: " + damage;
  }

  /** Opens the sample index embedded in the jar, copied into memory. */
  public static IndexHandle openEmbedded() throws IndexException {
    Path where = Path.of("(embedded sample index)");
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (InputStream listing = IndexHandle.class.getResourceAsStream(EMBEDDED + EmbeddedIndexBuilder.LISTING)) {
      if (listing == null) {
        throw new IndexException(where, "the embedded sample index is missing from the class path (was the sample-index module built?)", null);
      }
      for (String name : new String(listing.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (name.isBlank()) {
          continue;
        }
        try (InputStream in = IndexHandle.class.getResourceAsStream(EMBEDDED + name.strip());
            IndexOutput out = dir.createOutput(name.strip(), IOContext.DEFAULT)) {
          if (in == null) {
            throw new IOException("missing embedded index file " + name);
          }
          byte[] bytes = in.readAllBytes();
          out.writeBytes(bytes, bytes.length);
        }
      }
      return new IndexHandle(dir, "the embedded sample index", null, false);
    } catch (IOException e) {
      throw new IndexException(where, "cannot open the embedded sample index: " + e.getMessage(), e);
    }
  }

  /** Writes the embedded sample index's files into {@code folder} (for training runs and tests). */
  public static void copyEmbedded(Path folder) throws IOException {
    try (InputStream listing = IndexHandle.class.getResourceAsStream(EMBEDDED + EmbeddedIndexBuilder.LISTING)) {
      if (listing == null) {
        throw new IOException("the embedded sample index is missing from the class path");
      }
      for (String name : new String(listing.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!name.isBlank()) {
          try (InputStream in = IndexHandle.class.getResourceAsStream(EMBEDDED + name.strip())) {
            Files.copy(in, folder.resolve(name.strip()));
          }
        }
      }
    }
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public DirectoryReader reader() {
    return reader;
  }

  /** The schema version the index was written with, or null when it does not say. */
  public String schemaVersion() {
    try {
      return reader.getIndexCommit().getUserData().get(Schema.COMMIT_VERSION_KEY);
    } catch (IOException e) {
      return null;
    }
  }

  /** Where this index came from, for people: "the embedded sample index", "index at X". */
  public String description() {
    return description;
  }

  /** The folder, or null for the embedded index. */
  public Path path() {
    return path;
  }

  /**
   * Whether the index holds facet doc values: an index of no points (a folder with no reports)
   * has none, and Lucene's facet state refuses to be made over it.
   */
  public boolean hasFacets() {
    org.apache.lucene.index.FieldInfo field = org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader)
        .fieldInfo(Schema.facetsConfig().getDimConfig(Schema.DIM_REGION).indexFieldName);
    return field != null && field.getDocValuesType() == org.apache.lucene.index.DocValuesType.SORTED_SET;
  }

  /** The facet state, made on first use (it costs a pass over the doc values); see {@link #hasFacets}. */
  public synchronized SortedSetDocValuesReaderState facetState() throws IOException {
    if (owner != null) {
      return owner.facetState();
    }
    if (facetState == null) {
      facetState = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
    }
    return facetState;
  }

  /**
   * The value this reader keeps under {@code key}, made by {@code make} on first use: state that
   * depends only on the reader (and the key) outlives one command in the search daemon, which
   * borrows a handle per command. Values must be safe to share between threads.
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(Object key, java.util.function.Supplier<T> make) {
    if (owner != null) {
      return owner.shared(key, make);
    }
    synchronized (shared) {
      return (T) shared.computeIfAbsent(key, k -> make.get());
    }
  }

  @Override
  public void close() throws IOException {
    if (owner != null) {
      Release r = release;
      release = null;
      if (r != null) {
        r.run();
      }
      return;
    }
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // Already failing with a better message.
      }
    }
  }
}
