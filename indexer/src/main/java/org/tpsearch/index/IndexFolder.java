package org.tpsearch.index;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;

/**
 * The folder an index is written into, claimed for one run. tpsearch writes only into a new or empty
 * folder or one it marked as its own, and deletes only files it wrote there.
 *
 * <p>The mark is the file {@value #MARKER}: a header line, then the name of every file tpsearch
 * created in the folder, each recorded before the file is made. Lucene deletes any file whose name
 * looks like one of its own ({@code _*.*}, {@code segments*}), so a folder holding such a file that
 * tpsearch did not record is refused, even when marked. An index written before the mark existed is
 * recognised when it is unambiguously tpsearch's: its last commit names a tpsearch state file that
 * is there, and every Lucene-shaped file in the folder belongs to that commit.
 *
 * <p>A claim holds the lock {@value #LOCK} from before the index state is read until the run ends,
 * so two runs never plan against the same state; the second fails at once.
 */
public final class IndexFolder implements Closeable {
  /** The mark of a tpsearch index folder, and the list of the files tpsearch wrote there. */
  public static final String MARKER = "tpsearch-index";
  /** Held by the run writing the index; released by the OS if the process dies. */
  public static final String LOCK = "tpsearch.lock";
  static final String HEADER = "tpsearch index folder 1";
  private static final String MARKER_NEXT = MARKER + ".next";
  private static final String PREAMBLE = "# This folder is a tpsearch index. tpsearch writes here and deletes only the"
      + " files listed below, which it wrote; keep nothing else here.\n";

  /** What a folder is, for writing an index into it. */
  enum Kind { MISSING, EMPTY, OURS, LEGACY, FOREIGN }

  /**
   * A look at a folder.
   *
   * @param kind what it is
   * @param owned names of the files tpsearch wrote there (OURS, LEGACY)
   * @param refusal why an index cannot be written there, for people (FOREIGN), else null
   */
  record Inspection(Kind kind, Set<String> owned, String refusal) {}

  private final Path dir;
  private final List<Path> createdFolders;
  private final boolean wasEmpty;
  private final Set<String> owned;
  private final Set<String> writtenThisRun = new LinkedHashSet<>();
  private FSDirectory fsDirectory;
  private Lock lock;

  private IndexFolder(Path dir, List<Path> createdFolders, boolean wasEmpty, Set<String> owned) {
    this.dir = dir;
    this.createdFolders = createdFolders;
    this.wasEmpty = wasEmpty;
    this.owned = owned;
  }

  /**
   * Claims {@code dir} for one indexing run: refuses a file or a folder that is not empty and not a
   * tpsearch index (nothing in it touched), creates a missing folder, marks a new one, and takes the
   * write lock, failing at once when another run holds it.
   */
  public static IndexFolder claim(Path dir) throws IndexException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      // Else the JDK's FileAlreadyExistsException, whose message is the bare path, is all we say.
      throw new IndexException(dir, "cannot write index at " + dir + ": it is a file, not a folder", null);
    }
    Inspection look = inspectOrFail(dir);
    if (look.kind() == Kind.FOREIGN) {
      throw new IndexException(dir, look.refusal(), null);
    }
    List<Path> created = new ArrayList<>();
    boolean markedHere = false;
    IndexFolder folder = null;
    try {
      if (look.kind() == Kind.MISSING) {
        createFolders(dir, created);
        look = new Inspection(Kind.EMPTY, Set.of(), null);
      }
      if (!Files.isWritable(dir)) {
        // Said now: Lucene would fail later, naming only one of its files.
        throw new IndexException(dir, "cannot write the index at " + dir + ": the folder is read-only (permission denied)", null);
      }
      if (look.kind() != Kind.OURS) {
        // Mark it before making anything else there, so a run starting now sees it as ours.
        Set<String> names = new TreeSet<>(look.owned());
        names.addAll(List.of(MARKER, LOCK, IndexWriter.WRITE_LOCK_NAME));
        try {
          Files.writeString(dir.resolve(MARKER), markerText(names), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          markedHere = true;
        } catch (FileAlreadyExistsException raced) {
          // Another run marked it first: look again below, under the lock.
        }
      }
      // Only a folder this run found empty and marked is removed again if the run fails.
      folder = new IndexFolder(dir, created, markedHere && look.kind() == Kind.EMPTY, new LinkedHashSet<>());
      folder.fsDirectory = FSDirectory.open(dir);
      try {
        folder.lock = NativeFSLockFactory.INSTANCE.obtainLock(folder.fsDirectory, LOCK);
      } catch (LockObtainFailedException busy) {
        folder.release(false);
        throw new IndexException(dir, "cannot write the index at " + dir + ": another 'tpsearch index' is writing it "
            + "(it holds " + dir.resolve(LOCK) + "); run again when it has finished", busy);
      }
      // Under the lock: what is there now is what this run plans against.
      look = inspect(dir);
      if (look.kind() != Kind.OURS) {
        throw new IndexException(dir, look.kind() == Kind.FOREIGN ? look.refusal()
            : "cannot write the index at " + dir + ": its mark " + MARKER + " went away while starting", null);
      }
      folder.owned.addAll(look.owned());
      IndexFolder claimed = folder;
      folder = null;
      return claimed;
    } catch (IOException e) {
      IndexException failure = new IndexException(dir, "cannot write the index at " + dir + ": " + describe(e), e);
      abandon(folder, dir, created, markedHere, failure);
      throw failure;
    } catch (IndexException e) {
      if (!(e.getCause() instanceof LockObtainFailedException)) {
        abandon(folder, dir, created, markedHere, e);
      }
      throw e;
    }
  }

  /** Undoes a claim that failed: what this run made in a folder it found empty or missing. */
  private static void abandon(IndexFolder folder, Path dir, List<Path> created, boolean markedHere, Exception failure) {
    try {
      if (folder != null) {
        folder.release(folder.wasEmpty);
      } else {
        if (markedHere) {
          Files.deleteIfExists(dir.resolve(MARKER));
        }
        removeCreated(created);
      }
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** A directory for Lucene that records every file it creates in the mark before creating it. */
  Directory directory() {
    return new FilterDirectory(fsDirectory) {
      @Override
      public IndexOutput createOutput(String name, IOContext context) throws IOException {
        record(name);
        return in.createOutput(name, context);
      }

      @Override
      public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        // Named here, not by the delegate, so the name is recorded before the file exists.
        while (true) {
          String name = IndexFileNames.segmentFileName(prefix, suffix + "_" + Long.toString(tempCounter.getAndIncrement(), Character.MAX_RADIX), "tmp");
          if (!Files.exists(dir.resolve(name))) {
            return createOutput(name, context);
          }
        }
      }

      @Override
      public void rename(String source, String dest) throws IOException {
        record(dest);
        in.rename(source, dest);
      }

      @Override
      public void copyFrom(Directory from, String src, String dest, IOContext context) throws IOException {
        record(dest);
        in.copyFrom(from, src, dest, context);
      }

      @Override
      public void close() {
        // The claim closes the file system directory, after releasing the lock.
      }
    };
  }

  private final java.util.concurrent.atomic.AtomicLong tempCounter = new java.util.concurrent.atomic.AtomicLong();

  /** Records that tpsearch is about to create {@code name} here. */
  synchronized void record(String name) throws IOException {
    if (owned.add(name)) {
      writtenThisRun.add(name);
      Files.writeString(dir.resolve(MARKER), name + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
  }

  /** Whether tpsearch wrote {@code name} here (so it may delete it). */
  synchronized boolean owns(String name) {
    return owned.contains(name);
  }

  Path path() {
    return dir;
  }

  /** After a successful run: the mark lists the files that are still there, no more. */
  void committed() throws IOException {
    Set<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> present.add(p.getFileName().toString()));
    }
    Set<String> keep = new TreeSet<>();
    synchronized (this) {
      for (String name : owned) {
        if (present.contains(name)) {
          keep.add(name);
        }
      }
      keep.addAll(List.of(MARKER, LOCK, IndexWriter.WRITE_LOCK_NAME));
      record(MARKER_NEXT);
      Files.writeString(dir.resolve(MARKER_NEXT), markerText(keep), StandardCharsets.UTF_8);
      Files.move(dir.resolve(MARKER_NEXT), dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      owned.retainAll(keep);
    }
  }

  /**
   * After a failed run: when the folder was new or empty, removes every file this run wrote and the
   * folders it created, so a mistyped path leaves nothing behind. An existing index is left alone.
   */
  void failed(Exception failure) {
    try {
      release(wasEmpty);
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() throws IOException {
    release(false);
  }

  private void release(boolean removeWritten) throws IOException {
    try {
      if (lock != null) {
        lock.close();
        lock = null;
      }
    } finally {
      if (fsDirectory != null) {
        fsDirectory.close();
        fsDirectory = null;
      }
    }
    if (removeWritten) {
      List<String> names = new ArrayList<>(writtenThisRun);
      names.addAll(List.of(IndexWriter.WRITE_LOCK_NAME, LOCK, MARKER));
      for (String name : names) {
        Files.deleteIfExists(dir.resolve(name));
      }
      removeCreated(createdFolders);
    }
  }

  private static void removeCreated(List<Path> created) throws IOException {
    for (int i = created.size() - 1; i >= 0; i--) {
      try (Stream<Path> files = Files.list(created.get(i))) {
        if (files.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(created.get(i));
    }
  }

  private static void createFolders(Path dir, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
      if (Files.exists(p)) {
        throw new FileSystemException(p.toString(), null, "it is a file, not a folder");
      }
      missing.add(0, p);
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      created.add(p);
    }
  }

  private static String markerText(Collection<String> names) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n').append(PREAMBLE);
    for (String n : names) {
      sb.append(n).append('\n');
    }
    return sb.toString();
  }

  private static Inspection inspectOrFail(Path dir) throws IndexException {
    try {
      return inspect(dir);
    } catch (IOException e) {
      throw new IndexException(dir, "cannot write an index at " + dir + ": " + describe(e), e);
    }
  }

  /**
   * Whether {@code tpsearch index --index dir} would write there: the folder is missing, empty or a
   * tpsearch index. For hints: a search must not invite writing an index into someone's folder.
   */
  public static boolean acceptsIndex(Path dir) {
    try {
      return inspect(dir).kind() != Kind.FOREIGN;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether {@code dir} carries tpsearch's mark but no index yet: the first 'tpsearch index' run
   * into it has not committed (a failed first run removes its mark again). Reads, never writes.
   */
  public static boolean markedButNotCommitted(Path dir) {
    if (!Files.isRegularFile(dir.resolve(MARKER))) {
      return false;
    }
    try (var names = Files.list(dir)) {
      return names.noneMatch(p -> p.getFileName().toString().startsWith(IndexFileNames.SEGMENTS + "_"));
    } catch (IOException e) {
      return false;
    }
  }

  /** What {@code dir} is for writing an index into it; reads, never writes. */
  static Inspection inspect(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return new Inspection(Kind.MISSING, Set.of(), null);
    }
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    if (names.isEmpty() || names.equals(List.of(IndexWriter.WRITE_LOCK_NAME)) && Files.size(dir.resolve(IndexWriter.WRITE_LOCK_NAME)) == 0) {
      // A lone empty write.lock is what a first run of an older tpsearch left when it failed.
      return new Inspection(Kind.EMPTY, Set.of(), null);
    }
    Set<String> owned = readMarker(dir);
    Kind kind = Kind.OURS;
    if (owned == null) {
      owned = legacyFiles(dir, names);
      kind = Kind.LEGACY;
    }
    if (owned == null) {
      return new Inspection(Kind.FOREIGN, Set.of(), foreignMessage(dir, names));
    }
    List<String> strays = new ArrayList<>();
    for (String n : names) {
      if (!owned.contains(n) && couldBeDeleted(n)) {
        strays.add(n);
      }
    }
    if (!strays.isEmpty()) {
      return new Inspection(Kind.FOREIGN, Set.of(), "refusing to write the index at " + dir + ": it holds "
          + list(strays) + ", which tpsearch did not write and which updating the index could delete; move "
          + (strays.size() == 1 ? "it" : "them") + " out of the folder");
    }
    return new Inspection(kind, owned, null);
  }

  /** Whether tpsearch or Lucene may delete or overwrite a file of this name in an index folder. */
  static boolean couldBeDeleted(String name) {
    return IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches() || name.startsWith(IndexFileNames.SEGMENTS)
        || name.startsWith(IndexFileNames.PENDING_SEGMENTS) || name.startsWith(Indexer.STATE_PREFIX)
        || name.equals(MARKER_NEXT);
  }

  /** The names in the mark, or null when there is no mark of ours. */
  private static Set<String> readMarker(Path dir) throws IOException {
    Path marker = dir.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    try (BufferedReader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(r.readLine())) {
        return null;
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          names.add(line);
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
    return names;
  }

  /**
   * The files of an index an earlier tpsearch wrote (before the mark), or null when the folder is
   * not unambiguously one: its last commit must name a tpsearch state file that is there.
   */
  private static Set<String> legacyFiles(Path dir, List<String> names) {
    if (names.stream().noneMatch(n -> n.startsWith(IndexFileNames.SEGMENTS + "_"))) {
      return null;
    }
    try (FSDirectory d = FSDirectory.open(dir)) {
      SegmentInfos commit = SegmentInfos.readLatestCommit(d);
      Map<String, String> data = commit.getUserData();
      String state = data.get(Indexer.STATE_KEY);
      if (state == null || !state.startsWith(Indexer.STATE_PREFIX) || !isStateFile(dir.resolve(state))) {
        return null;
      }
      Set<String> owned = new TreeSet<>(commit.files(true));
      owned.add(IndexWriter.WRITE_LOCK_NAME);
      for (String n : names) {
        if (n.startsWith(Indexer.STATE_PREFIX) && isStateFile(dir.resolve(n))) {
          owned.add(n);
        }
      }
      return owned;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean isStateFile(Path p) throws IOException {
    if (!Files.isRegularFile(p)) {
      return false;
    }
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
      return IndexState.HEADER.equals(r.readLine());
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static String foreignMessage(Path dir, List<String> names) {
    boolean lucene = names.stream().anyMatch(n -> n.startsWith(IndexFileNames.SEGMENTS + "_"));
    return "refusing to write an index into " + dir + ": " + (lucene
        ? "it holds a Lucene index that tpsearch did not write"
        : "the folder is not empty and is not a tpsearch index")
        + " (found " + list(names) + "); give --index a new or empty folder";
  }

  private static String list(List<String> names) {
    int shown = Math.min(names.size(), 4);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }

  /**
   * Which file of an index Lucene found damaged or unreadable (cut short, overwritten, written by
   * another Lucene), as {@code _5.cfs is damaged}; null when {@code e} is not such a failure. The
   * file name only: Lucene's own message names the Directory class reading it, which differs
   * between a one-shot search and the daemon, and tells the user to run CheckIndex.
   */
  public static String damage(Throwable e) {
    String resource;
    if (e instanceof org.apache.lucene.index.CorruptIndexException c) {
      resource = c.getResourceDescription();
    } else if (e instanceof org.apache.lucene.index.IndexFormatTooOldException o) {
      resource = o.getResourceDescription();
    } else if (e instanceof org.apache.lucene.index.IndexFormatTooNewException n) {
      resource = n.getResourceDescription();
    } else {
      return null;
    }
    String file = null;
    int at = resource == null ? -1 : resource.lastIndexOf("path=\"");
    if (at >= 0) {
      int end = resource.indexOf('"', at + 6);
      if (end > at + 6) {
        file = Path.of(resource.substring(at + 6, end)).getFileName().toString();
      }
    }
    String what = e instanceof org.apache.lucene.index.CorruptIndexException ? "is damaged (cut short or overwritten)"
        : "was written by a version of Lucene this tpsearch cannot read";
    return (file == null ? "a file of it" : file) + " " + what;
  }

  /** An I/O failure for people: the JDK's message of a permission error is the bare path. */
  static String describe(IOException e) {
    if (e instanceof AccessDeniedException ad) {
      return (ad.getReason() != null ? ad.getReason() : "permission denied") + " (" + ad.getFile() + ")";
    }
    if (e instanceof NoSuchFileException nf) {
      return "no such file or folder (" + nf.getFile() + ")";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + " (" + fs.getFile() + ")";
    }
    return e.getMessage();
  }
}
