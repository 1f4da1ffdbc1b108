package org.tpsearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.FileNames;
import org.tpsearch.parse.ReportParser;

/**
 * Builds and updates an index from result folders, incrementally: unchanged files are not read,
 * changed files' points are replaced, points of removed files are removed. Nothing is committed
 * until the whole run succeeds, so a run that fails halfway leaves the previous index whole.
 */
public final class Indexer {
  static final String STATE_KEY = "tpsearch.state";
  static final String SCHEMA_KEY = Schema.COMMIT_VERSION_KEY;
  static final String STATE_PREFIX = "tpsearch-state-";

  /** Receives progress; called from worker threads. */
  public interface Progress {
    /** {@code done} of {@code total} report files read. */
    default void filesRead(int done, int total) {}

    /** {@code done} of {@code total} documents written. */
    default void documentsWritten(int done, int total) {}

    /**
     * {@code done} of {@code total} report files read and their points written (a full run reads
     * and writes together); by default reported as files read.
     */
    default void filesIndexed(int done, int total) {
      filesRead(done, total);
    }

    Progress NONE = new Progress() {};
  }

  /**
   * How to run.
   *
   * @param full rebuild from scratch instead of updating
   * @param threads analysis threads (documents are analyzed in parallel)
   * @param displayBase when set, files are recorded relative to it, else as absolute paths
   * @param progress progress receiver
   * @param failAfterDocuments for tests: fail after this many documents (negative: never)
   */
  public record Options(boolean full, int threads, Path displayBase, Progress progress, int failAfterDocuments) {
    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
    }

    /** Incremental, one thread per core, absolute paths, no progress. */
    public static Options defaults() {
      return new Options(false, Runtime.getRuntime().availableProcessors(), null, Progress.NONE, -1);
    }

    public Options withFull(boolean f) {
      return new Options(f, threads, displayBase, progress, failAfterDocuments);
    }

    public Options withThreads(int t) {
      return new Options(full, t, displayBase, progress, failAfterDocuments);
    }

    public Options withDisplayBase(Path base) {
      return new Options(full, threads, base, progress, failAfterDocuments);
    }

    public Options withProgress(Progress p) {
      return new Options(full, threads, displayBase, p, failAfterDocuments);
    }

    public Options withFailAfterDocuments(int n) {
      return new Options(full, threads, displayBase, progress, n);
    }
  }

  private record Candidate(CorpusScan.Found file, IndexState.PointRef ref) {}

  private Indexer() {}

  /** What a run will index: files read, one winner per id, duplicates and problems. */
  private record Plan(
      CorpusScan.Result scan, List<CorpusScan.Found> parsedFiles, int unchangedFiles, Map<Path, Report> parsed, IndexState state,
      Map<String, Candidate> winners, int duplicates, List<Problem> problems) {}

  /**
   * What {@code tpsearch lint} reports.
   *
   * @param reportFiles report files read
   * @param skippedFiles other files passed over
   * @param points distinct turning points
   * @param byStatus points by evidence status
   * @param duplicates points found in more than one file
   * @param problems every warning, with file and line
   * @param followed symbolic links followed
   */
  public record LintResult(int reportFiles, int skippedFiles, int points, Map<EvidenceStatus, Integer> byStatus,
      int duplicates, List<Problem> problems, List<CorpusScan.Link> followed) {}

  /** Reads every report under {@code roots} and reports what is wrong, writing nothing. */
  public static LintResult lint(List<Path> roots, int threads) throws IOException {
    Plan plan = plan(roots, new IndexState(), Options.defaults().withThreads(threads));
    Map<EvidenceStatus, Integer> byStatus = new EnumMap<>(EvidenceStatus.class);
    for (Candidate c : plan.winners().values()) {
      byStatus.merge(c.ref().status(), 1, Integer::sum);
    }
    return new LintResult(plan.scan().reports().size(), plan.scan().skipped(), plan.winners().size(), byStatus,
        plan.duplicates(), plan.problems(), plan.scan().followed());
  }

  /**
   * Indexes {@code roots} into {@code indexDir}: a new or empty folder, or one tpsearch marked as its
   * own index (see {@link IndexFolder}); anything else is refused with nothing there touched.
   */
  public static IndexSummary run(List<Path> roots, Path indexDir, Options options) throws IOException, IndexException {
    long start = System.nanoTime();
    checkRoots(roots);
    IndexFolder folder = IndexFolder.claim(indexDir);
    try {
      IndexSummary summary = run(roots, new LuceneFolderSink(folder), options, start);
      folder.committed();
      return summary;
    } catch (IOException | IndexException | RuntimeException e) {
      folder.failed(e);
      throw e;
    } finally {
      folder.close();
    }
  }

  /**
   * Indexes {@code roots} into {@code sink} (an index elsewhere than a local folder): the same
   * planning as a local run, from the state the sink keeps, and the same summary.
   */
  public static IndexSummary run(List<Path> roots, IndexSink sink, Options options) throws IOException, IndexException {
    long start = System.nanoTime();
    checkRoots(roots);
    return run(roots, sink, options, start);
  }

  /** A mistyped results folder fails before anything is made where the index goes. */
  public static void checkRoots(List<Path> roots) throws NoSuchFileException {
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new NoSuchFileException(root.toString(), null, "no such file or folder");
      }
    }
  }

  /**
   * The run itself: plan from the sink's state, then write. For a local folder it runs holding the
   * folder's lock from before the state is read until the commit.
   */
  private static IndexSummary run(List<Path> roots, IndexSink sink, Options options, long start)
      throws IOException, IndexException {
    boolean full = options.full();
    IndexState old = full ? new IndexState() : sink.readState();
    if (old == null) {
      full = true;
      old = new IndexState();
    }
    if (full) {
      return runStreamed(roots, sink, options, start);
    }
    Plan plan = plan(roots, old, options);
    IndexState state = plan.state();
    if (!full && plan.scan().reports().isEmpty() && plan.scan().unreadable().isEmpty() && !old.indexed.isEmpty()) {
      // An unmounted drive or a wrong folder looks like every report deleted: ask for it in words.
      throw new IndexException(sink.path(), "found no report files in " + String.join(", ", roots.stream().map(Path::toString).toList())
          + "; the index at " + sink.where() + " keeps its " + old.indexed.size() + " turning points (to empty it, run again with --full)", null);
    }

    // Write what changed, delete what went away; commit only if all of it succeeded.
    Map<String, String> oldIndexed = full ? Map.of() : old.indexed;
    List<Candidate> toWrite = new ArrayList<>();
    Map<EvidenceStatus, Integer> byStatus = new EnumMap<>(EvidenceStatus.class);
    for (Candidate c : plan.winners().values()) {
      state.indexed.put(c.ref().id(), c.ref().hash());
      byStatus.merge(c.ref().status(), 1, Integer::sum);
      if (!c.ref().hash().equals(oldIndexed.get(c.ref().id()))) {
        toWrite.add(c);
      }
    }
    List<String> toDelete = new ArrayList<>();
    for (String id : oldIndexed.keySet()) {
      if (!plan.winners().containsKey(id)) {
        toDelete.add(id);
      }
    }
    int updated = (int) toWrite.stream().filter(c -> oldIndexed.containsKey(c.ref().id())).count();
    write(sink, full, toWrite, toDelete, plan.parsed(), state, options);

    CorpusScan.Result scan = plan.scan();
    long raw = scan.reports().stream().mapToLong(CorpusScan.Found::size).sum();
    return new IndexSummary(sink.where(), scan.reports().size(), plan.parsedFiles().size(), plan.unchangedFiles(),
        scan.skipped(), plan.winners().size(), byStatus, toWrite.size() - updated, updated, toDelete.size(),
        plan.duplicates(), plan.problems(), scan.followed(), raw, sink.sizeInBytes(), (System.nanoTime() - start) / 1_000_000);
  }

  /** What a streamed run keeps of a file once its points are written: its state and its warnings. */
  private record FileRead(CorpusScan.Found file, IndexState.FileState state, List<Problem> problems) {}

  /**
   * A full run, streamed: the files of a series are parsed and their points analyzed and written
   * by the same worker, {@code threads} series at a time, so parsing and analysis share the cores
   * all along and only the series in flight are in memory (a plan-then-write run holds every
   * parsed report until the writing starts). Which copy of a duplicated id the index keeps follows
   * the planned run's rule (combined report first, then path order, then order in the file; see
   * {@link #seriesGroups}), checked against it before the commit, so the result is the same
   * whatever order the workers finish in. Nothing is visible until the commit.
   */
  private static IndexSummary runStreamed(List<Path> roots, IndexSink sink, Options options, long start)
      throws IOException, IndexException {
    CorpusScan.Result scan = CorpusScan.scan(roots);
    List<CorpusScan.Found> files = new ArrayList<>(scan.reports());
    files.sort(java.util.Comparator.comparing(f -> f.path().toString()));
    List<Problem> problems = new ArrayList<>(scan.problems());
    IndexState state = new IndexState();
    List<CorpusScan.Found> parsedFiles = new ArrayList<>();
    Winners w;
    sink.begin(true);
    try {
      // Id -> rank of the copy written (see rank()).
      java.util.concurrent.ConcurrentHashMap<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();
      AtomicInteger read = new AtomicInteger();
      AtomicInteger documents = new AtomicInteger();
      Object[] results = new Object[files.size()];
      inParallel(seriesGroups(files), options.threads(), group -> {
        // The group's files in path order; its points kept until the group's winners are known.
        Map<String, Object[]> best = new LinkedHashMap<>(); // id -> {rank, point, display}
        for (int i : group) {
          CorpusScan.Found f = files.get(i);
          Report r;
          // The digest before the parse: an edit in between makes the next run read the file again.
          String digest = FileDigest.orEmpty(f.path());
          try {
            r = ReportParser.parse(f.path());
          } catch (IOException e) {
            results[i] = new Problem(f.path(), 0, "unreadable", "cannot read this file: " + CorpusScan.reason(e)
                + "; skipped, and what the index holds from it is kept");
            continue;
          }
          String display = display(options, f.path());
          List<IndexState.PointRef> refs = new ArrayList<>();
          int k = 0;
          for (TurningPoint p : r.points()) {
            String hash = PointDocuments.contentHash(p, display);
            refs.add(new IndexState.PointRef(p.id(), hash, signature(p), p.line(), p.status()));
            long rank = rank(f, i, k++);
            Object[] current = best.get(p.id());
            if (current == null || rank < (long) current[0]) {
              best.put(p.id(), new Object[] {rank, p, display, hash});
            }
          }
          results[i] = new FileRead(f, new IndexState.FileState(f.path().toString(), f.size(), f.mtime(),
              r.problems().size(), refs, digest), r.problems());
        }
        for (Object[] b : best.values()) {
          writeIfFirst(sink, written, (TurningPoint) b[1], (String) b[2], (String) b[3], (long) b[0], documents, options);
        }
        for (int i = 0; i < group.size(); i++) {
          options.progress().filesIndexed(read.incrementAndGet(), files.size());
        }
        return null;
      });
      for (Object o : results) {
        if (o instanceof FileRead fr) {
          parsedFiles.add(fr.file());
          problems.addAll(fr.problems());
          state.files.put(fr.file().path().toString(), fr.state());
        } else {
          problems.add((Problem) o);
        }
      }
      w = winners(parsedFiles, state, problems);
      for (Candidate c : w.winners().values()) {
        state.indexed.put(c.ref().id(), c.ref().hash());
        int fileIndex = java.util.Collections.binarySearch(files, c.file(),
            java.util.Comparator.comparing(f -> f.path().toString()));
        int pointIndex = state.files.get(c.file().path().toString()).points().indexOf(c.ref());
        if (!Long.valueOf(rank(c.file(), fileIndex, pointIndex)).equals(written.get(c.ref().id()))) {
          throw new IllegalStateException("streamed run wrote another copy of " + c.ref().id() + " than "
              + c.file().path() + ":" + c.ref().line());
        }
      }
      sink.commit(state);
    } catch (IOException | RuntimeException e) {
      throw sink.rollback(e);
    }
    sink.committed();
    Map<EvidenceStatus, Integer> byStatus = new EnumMap<>(EvidenceStatus.class);
    for (Candidate c : w.winners().values()) {
      byStatus.merge(c.ref().status(), 1, Integer::sum);
    }
    long raw = scan.reports().stream().mapToLong(CorpusScan.Found::size).sum();
    return new IndexSummary(sink.where(), scan.reports().size(), parsedFiles.size(), 0, scan.skipped(),
        w.winners().size(), byStatus, w.winners().size(), 0, 0, w.duplicates(), problems, scan.followed(), raw,
        sink.sizeInBytes(), (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * {@code files} (sorted by path) as indices, grouped by the series their names give (region and
   * sector), groups in order of their first file. A turning point's id starts with its region and
   * sector, so the copies of a point are in one group as long as names and titles agree: a worker
   * takes a whole group and writes only its winners, and no document is written and then
   * replaced (a replaced document would stay in the term statistics until merged away, and
   * change scores by the order the workers happened to run in). Copies in two groups still end
   * right: the later, better one replaces the other.
   */
  private static List<List<Integer>> seriesGroups(List<CorpusScan.Found> files) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      FileNames.Parsed n = FileNames.parse(files.get(i).path());
      String key = (n.region() == null ? "?" : n.region().name()) + "|" + (n.sector() == null ? "?" : n.sector().name());
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(groups.values());
  }

  /**
   * The order in which copies of an id win, lowest first: a combined report's before a per-point
   * file's, then by file in path order, then by position in the file.
   */
  private static long rank(CorpusScan.Found f, int fileIndex, int pointIndex) {
    return (f.kind() == ReportKind.COMBINED ? 0L : 1L) << 62 | (long) fileIndex << 31 | pointIndex;
  }

  /** Writes {@code p} unless a copy of its id that ranks before it is written already. */
  private static void writeIfFirst(IndexSink sink, java.util.concurrent.ConcurrentHashMap<String, Long> written,
      TurningPoint p, String display, String hash, long rank, AtomicInteger documents, Options options) throws IOException {
    try {
      // Decided and written under the id's lock: a later, better copy cannot be overwritten by an
      // earlier decision that writes late.
      written.compute(p.id(), (id, current) -> {
        if (current != null && current < rank) {
          return current;
        }
        try {
          // A full run: the index is new, so an id written for the first time replaces nothing.
          if (current == null) {
            sink.add(p, display, hash);
          } else {
            sink.write(p, display, hash);
          }
          int n = documents.incrementAndGet();
          if (options.failAfterDocuments() >= 0 && n >= options.failAfterDocuments()) {
            throw new IOException("injected failure after " + n + " documents");
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return rank;
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Plan plan(List<Path> roots, IndexState old, Options options) throws IOException {
    CorpusScan.Result scan = CorpusScan.scan(roots);
    // 1. Read new and changed files, in parallel; reuse what the state says of the others.
    IndexState state = new IndexState();
    List<Problem> problems = new ArrayList<>(scan.problems());
    List<CorpusScan.Found> toParse = new ArrayList<>();
    List<CorpusScan.Found> files = new ArrayList<>();
    int unchanged = 0;
    for (CorpusScan.Found f : scan.reports()) {
      IndexState.FileState prev = old.files.get(f.path().toString());
      // Unchanged when its bytes are: the same size and digest. Size and time alone missed an edit
      // of the same size whose modification time was put back (touch -r); a file only touched is
      // not read again.
      if (prev != null && prev.size() == f.size() && !prev.digest().isEmpty()
          && prev.digest().equals(FileDigest.orEmpty(f.path()))) {
        state.files.put(prev.path(), prev.mtime() == f.mtime() ? prev : prev.touched(f.mtime()));
        files.add(f);
        unchanged++;
      } else {
        toParse.add(f);
      }
    }
    Map<Path, String> digests = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Path, Report> parsed = parseAll(toParse, options, problems, digests);
    List<CorpusScan.Found> parsedFiles = new ArrayList<>();
    for (CorpusScan.Found f : toParse) {
      Report r = parsed.get(f.path());
      if (r == null) {
        continue; // unreadable: warned, and what the index holds of it is kept below
      }
      parsedFiles.add(f);
      files.add(f);
      problems.addAll(r.problems());
      List<IndexState.PointRef> refs = new ArrayList<>();
      for (TurningPoint p : r.points()) {
        refs.add(new IndexState.PointRef(p.id(), PointDocuments.contentHash(p, display(options, f.path())),
            signature(p), p.line(), p.status()));
      }
      state.files.put(f.path().toString(), new IndexState.FileState(f.path().toString(), f.size(), f.mtime(),
          r.problems().size(), refs, digests.getOrDefault(f.path(), "")));
    }
    // A file or folder that could not be read this time is not gone: its points stay as they were.
    java.util.Set<String> unread = new java.util.HashSet<>();
    toParse.forEach(f -> unread.add(f.path().toString()));
    for (IndexState.FileState prev : old.files.values()) {
      Path p = Path.of(prev.path());
      if (!state.files.containsKey(prev.path()) && (unread.contains(prev.path()) || scan.wasUnreadable(p))) {
        state.files.put(prev.path(), prev);
        files.add(new CorpusScan.Found(p, FileNames.parse(p).kind().orElse(ReportKind.COMBINED), prev.size(), prev.mtime()));
      }
    }
    files.sort(java.util.Comparator.comparing(f -> f.path().toString()));

    // 2. One document per id: a combined report wins over a per-point file, then path order.
    Winners w = winners(files, state, problems);
    return new Plan(scan, parsedFiles, unchanged, parsed, state, w.winners(), w.duplicates(), problems);
  }

  /** One candidate per id, and how many points were passed over as duplicates. */
  private record Winners(Map<String, Candidate> winners, int duplicates) {}

  /**
   * The document each id gets: a combined report's point wins over a per-point file's, then the
   * first in path order ({@code files} sorted by path), then the first in its file. A duplicate
   * that says something else is a warning in {@code problems}.
   */
  private static Winners winners(List<CorpusScan.Found> files, IndexState state, List<Problem> problems) {
    Map<String, List<Candidate>> byId = new LinkedHashMap<>();
    for (CorpusScan.Found f : files) {
      for (IndexState.PointRef ref : state.files.get(f.path().toString()).points()) {
        byId.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(new Candidate(f, ref));
      }
    }
    int duplicates = 0;
    Map<String, Candidate> winners = new LinkedHashMap<>();
    for (Map.Entry<String, List<Candidate>> e : byId.entrySet()) {
      List<Candidate> cs = e.getValue();
      Candidate win = cs.stream().filter(c -> c.file().kind() == ReportKind.COMBINED).findFirst().orElse(cs.get(0));
      winners.put(e.getKey(), win);
      for (Candidate c : cs) {
        if (c == win) {
          continue;
        }
        duplicates++;
        if (!c.ref().signature().equals(win.ref().signature())) {
          problems.add(new Problem(c.file().path(), c.ref().line(), "conflict",
              "turning point " + e.getKey() + " is also in " + win.file().path() + ":" + win.ref().line()
                  + " with different content; the index keeps that one"));
        }
      }
    }
    return new Winners(winners, duplicates);
  }

  /** Reads {@code files} in parallel; one that cannot be read is a warning, not the end of the run. */
  private static Map<Path, Report> parseAll(List<CorpusScan.Found> files, Options options, List<Problem> problems,
      Map<Path, String> digests) throws IOException {
    AtomicInteger done = new AtomicInteger();
    List<Object> reports = inParallel(files, options.threads(), f -> {
      Object r;
      // The digest before the parse: an edit in between makes the next run read the file again.
      digests.put(f.path(), FileDigest.orEmpty(f.path()));
      try {
        r = ReportParser.parse(f.path());
      } catch (IOException e) {
        r = new Problem(f.path(), 0, "unreadable", "cannot read this file: " + CorpusScan.reason(e)
            + "; skipped, and what the index holds from it is kept");
      }
      options.progress().filesRead(done.incrementAndGet(), files.size());
      return r;
    });
    Map<Path, Report> out = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      if (reports.get(i) instanceof Report r) {
        out.put(files.get(i).path(), r);
      } else {
        problems.add((Problem) reports.get(i));
      }
    }
    return out;
  }

  /** Hands the plan's deletions and documents to {@code sink}, in parallel, then commits them with {@code state}. */
  private static void write(
      IndexSink sink, boolean full, List<Candidate> toWrite, List<String> toDelete,
      Map<Path, Report> parsed, IndexState state, Options options) throws IOException, IndexException {
    sink.begin(full);
    try {
      for (String id : toDelete) {
        sink.delete(id);
      }
      // Points whose file was not read this run (an earlier winner went away): read it now.
      for (Candidate c : toWrite) {
        if (!parsed.containsKey(c.file().path())) {
          parsed.put(c.file().path(), ReportParser.parse(c.file().path()));
        }
      }
      AtomicInteger written = new AtomicInteger();
      // Each file's points by id and line, made once per file: a scan of the file per point written
      // made a 195k-point report take 645 s.
      Map<Path, Map<String, TurningPoint>> byRef = new java.util.concurrent.ConcurrentHashMap<>();
      inParallel(toWrite, options.threads(), c -> {
        Report report = parsed.get(c.file().path());
        TurningPoint p = byRef.computeIfAbsent(c.file().path(), f -> pointsByRef(report)).get(refKey(c.ref().id(), c.ref().line()));
        if (p == null) {
          throw new IOException(report.file() + " changed while indexing: turning point " + c.ref().id() + " is gone");
        }
        sink.write(p, display(options, c.file().path()));
        int n = written.incrementAndGet();
        if (options.failAfterDocuments() >= 0 && n >= options.failAfterDocuments()) {
          throw new IOException("injected failure after " + n + " documents");
        }
        options.progress().documentsWritten(n, toWrite.size());
        return null;
      });
      sink.commit(state);
    } catch (IOException | RuntimeException e) {
      throw sink.rollback(e);
    }
    sink.committed();
  }

  /** Points looked at to find the ones to write; a test pins it linear in the points written. */
  static final java.util.concurrent.atomic.LongAdder POINTS_EXAMINED = new java.util.concurrent.atomic.LongAdder();

  private static Map<String, TurningPoint> pointsByRef(Report r) {
    Map<String, TurningPoint> out = new HashMap<>();
    for (TurningPoint p : r.points()) {
      POINTS_EXAMINED.increment();
      out.put(refKey(p.id(), p.line()), p);
    }
    return out;
  }

  private static String refKey(String id, int line) {
    return id + "\n" + line;
  }

  private static String display(Options options, Path file) {
    return options.displayBase() == null ? file.toString() : options.displayBase().toAbsolutePath().normalize().relativize(file).toString();
  }

  /** A digest of what a point says, whatever file it is in: equal for the same point copied. */
  static String signature(TurningPoint p) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(p.status().label().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(collapseSpace(p.answer().strip()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code s} with every run of regex {@code \s} characters (space, tab, newline, vertical tab,
   * form feed, carriage return) made one space: {@code s.replaceAll("\\s+", " ")} without a regex
   * (this runs once per point).
   */
  static String collapseSpace(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && (c != ' ' || (i + 1 < n && isRegexSpace(s.charAt(i + 1))))) {
        // A run to collapse (any run but a lone space): copy what came before, then one space.
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** A task that may throw IOException. */
  @FunctionalInterface
  interface Task<T, R> {
    R apply(T t) throws IOException;
  }

  /**
   * Runs {@code task} over {@code items} on {@code threads} threads; results in input order. On a
   * failure the remaining tasks are skipped, and running ones finish: threads are never
   * interrupted, because an interrupt during file I/O closes Lucene's files (and its write lock).
   */
  static <T, R> List<R> inParallel(List<T> items, int threads, Task<T, R> task) throws IOException {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          if (failed.get()) {
            return null;
          }
          try {
            return task.apply(item);
          } catch (IOException | RuntimeException e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      failed.set(true);
      pool.shutdown();
      try {
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
