package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.index.IndexSummary;
import org.tpsearch.index.Indexer;
import org.tpsearch.index.PointDocuments;
import org.tpsearch.index.Schema;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tpsearch bench index DIR}: indexing against its analyzer-only limit. Copies DIR to a work
 * folder (the corpus is not touched), then measures: parsing and analysis of exactly the text the
 * index analyzes, streamed file by file on the same threads as the indexer (never the whole corpus
 * in memory), the analysis time alone giving the limit; a full index; a re-index with nothing
 * changed; and a re-index after one file changed, next to that file's own analysis time.
 */
@Command(name = "index", description = "Measure indexing of DIR against the analyzer-only limit, and re-indexing after one file changes.")
final class BenchIndexCommand implements Callable<Integer> {
  @ParentCommand
  BenchCommand bench;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "A results folder (e.g. one made by 'tpsearch bench generate').")
  Path dir;

  @Option(names = "--threads", description = "Threads for analysis and indexing (default: one per core).")
  Integer threads;

  @Option(names = "--runs", defaultValue = "3", description = "Runs of each timed step; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--work", paramLabel = "DIR", description = "Work folder (default: a temporary folder, removed after).")
  Path work;

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    PrintWriter out = spec.commandLine().getOut();
    Path base = work != null ? work : Files.createTempDirectory("tpsearch-bench");
    try {
      Path corpus = base.resolve("corpus");
      copyTree(dir, corpus);
      CorpusScan.Result scan = CorpusScan.scan(List.of(corpus));
      long raw = scan.reports().stream().mapToLong(CorpusScan.Found::size).sum();
      out.printf(Locale.ROOT, "corpus: %d report files, %s, %d other files; %d threads, %d cores%n",
          scan.reports().size(), BenchCommand.mb(raw), scan.skipped(), t, Runtime.getRuntime().availableProcessors());

      // Parse and analysis, streamed as the indexer does (a few files in flight, never the whole
      // corpus in memory): each worker parses a file, builds its documents and runs their text
      // through the index analyzer; only the analysis is timed for the limit.
      double[] analysis = new double[runs];
      double[] analysisCpu = new double[runs];
      Streamed pass = null;
      for (int i = 0; i < runs; i++) {
        pass = parseAndAnalyze(scan.reports(), t);
        analysis[i] = pass.analysisSeconds() / t;
        analysisCpu[i] = pass.analysisCpuSeconds();
      }
      double analysisS = median(analysis);
      out.printf(Locale.ROOT, "parse: %.2f s summed over %d threads for %d points (%.1f MB/s per thread)%n",
          pass.parseSeconds(), t, pass.points(), raw / 1e6 / pass.parseSeconds());
      StringBuilder passes = new StringBuilder();
      for (int i = 0; i < runs; i++) {
        passes.append(String.format(Locale.ROOT, "%s%.2f s (CPU %.2f s)", i == 0 ? "" : ", ", analysis[i], analysisCpu[i]));
      }
      out.printf(Locale.ROOT, "analysis per pass (%d threads; the time of every thread in the analyzer, divided by %d): %s%n",
          t, t, passes);
      // The first pass is the JVM's first run of the analyzers, as a new `tpsearch index` process's is:
      // the cold limit. The fastest later pass is the analysis with its code compiled: the warm limit.
      double warmS = runs > 1 ? min(java.util.Arrays.copyOfRange(analysis, 1, runs)) : analysis[0];
      double warmCpu = runs > 1 ? min(java.util.Arrays.copyOfRange(analysisCpu, 1, runs)) : analysisCpu[0];
      out.printf(Locale.ROOT, "analysis limit, cold (first pass, a new JVM): %.2f s wall, %.2f s CPU%n", analysis[0], analysisCpu[0]);
      out.printf(Locale.ROOT, "analysis limit, warm (fastest later pass): %.2f s wall, %.2f s CPU%n", warmS, warmCpu);
      out.printf(Locale.ROOT, "analysis CPU (last pass): %.2f s summed over %d threads%n", pass.analysisCpuSeconds(), t);
      out.printf(Locale.ROOT, "analysis only (%d threads): median %.2f s (min %.2f, max %.2f) = %.1f MB/s of report text "
          + "(the analysis time of every thread, divided by %d)%n",
          t, analysisS, min(analysis), max(analysis), raw / 1e6 / analysisS, t);
      out.printf(Locale.ROOT, "parse + analysis, streamed (%d threads, nothing written): %.2f s wall = %.2fx the analysis "
          + "limit; peak heap so far %s%n", t, pass.wallSeconds(), pass.wallSeconds() / analysisS, BenchCommand.mb(peakHeap()));
      FacetsConfig config = Schema.facetsConfig();

      // The floor: what the index writer itself costs on documents already parsed and built
      // (analysis, inversion, segment writing), streamed the same way; parse and building untimed.
      double[] floor = new double[runs];
      double floorCpu = 0;
      for (int i = 0; i < runs; i++) {
        double[] f = parseAndWrite(scan.reports(), t, base.resolve("floor-index"));
        floor[i] = f[0];
        floorCpu = f[1];
      }
      double floorS = median(floor);
      out.printf(Locale.ROOT, "index writer only (%d threads; analysis, inversion and segment writing of the parsed "
          + "documents): median %.2f s (min %.2f, max %.2f) = %.2fx the analysis limit; CPU (last pass) %.2f s = %.2fx the "
          + "analysis CPU%n", t, floorS, min(floor), max(floor), floorS / analysisS, floorCpu,
          floorCpu / pass.analysisCpuSeconds());

      // Full index.
      double[] full = new double[runs];
      IndexSummary last = null;
      Path indexDir = base.resolve("index");
      for (int i = 0; i < runs; i++) {
        long s = System.nanoTime();
        last = Indexer.run(List.of(corpus), indexDir, Indexer.Options.defaults().withFull(true).withThreads(t));
        full[i] = (System.nanoTime() - s) / 1e9;
      }
      double fullS = median(full);
      out.printf(Locale.ROOT, "full index (%d threads): median %.2f s (min %.2f, max %.2f) = %.2fx the analyzer-only limit%n",
          t, fullS, min(full), max(full), fullS / analysisS);
      out.printf(Locale.ROOT, "index size: %s for %s of reports (%.2fx); %d turning points%n",
          BenchCommand.mb(last.indexBytes()), BenchCommand.mb(raw), (double) last.indexBytes() / raw, last.points());

      // Nothing changed.
      long n0 = System.nanoTime();
      IndexSummary none = Indexer.run(List.of(corpus), indexDir, Indexer.Options.defaults().withThreads(t));
      out.printf(Locale.ROOT, "re-index, nothing changed: %.2f s (%d files read, %d documents written)%n",
          (System.nanoTime() - n0) / 1e9, none.parsedFiles(), none.added() + none.updated());

      // One file changed: its points are re-analyzed; compare with that file's analysis alone.
      CorpusScan.Found victim = scan.reports().get(scan.reports().size() / 2);
      double[] one = new double[runs];
      IndexSummary changed = null;
      for (int i = 0; i < runs; i++) {
        Files.writeString(victim.path(), "\n补充说明：benchmark edit " + i + "。Benchmark edit " + i + ".\n",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long s = System.nanoTime();
        changed = Indexer.run(List.of(corpus), indexDir, Indexer.Options.defaults().withThreads(t));
        one[i] = (System.nanoTime() - s) / 1e9;
      }
      List<Document> victimDocs = new ArrayList<>();
      for (TurningPoint p : ReportParser.parse(victim.path()).points()) {
        victimDocs.add(PointDocuments.build(p, victim.path().toString(), config));
      }
      double victimAnalysis = analyzeAll(victimDocs, 1);
      out.printf(Locale.ROOT, "re-index, one file changed: median %.3f s (min %.3f, max %.3f); %d documents written; "
              + "that file's analysis alone %.3f s%n",
          median(one), min(one), max(one), changed.added() + changed.updated(), victimAnalysis);
      out.printf(Locale.ROOT, "peak heap: %s%n", BenchCommand.mb(peakHeap()));
      out.flush();
      return ExitCodes.OK;
    } finally {
      if (work == null) {
        deleteTree(base);
      }
    }
  }

  /**
   * A streamed pass over the corpus: seconds of parsing and of analysis summed over the threads,
   * the pass's wall time, and the points analyzed.
   */
  record Streamed(double parseSeconds, double analysisSeconds, double analysisCpuSeconds, double wallSeconds, int points) {}

  /**
   * Parses {@code files} on {@code t} threads, each file then its documents' text through the
   * index analyzer, as a full index run does but writing nothing; a point whose id was seen is
   * skipped, as the index keeps one copy. At most {@code t} files are in memory at once.
   */
  static Streamed parseAndAnalyze(List<CorpusScan.Found> files, int t) throws Exception {
    Analyzer analyzer = Schema.indexAnalyzer();
    FacetsConfig config = Schema.facetsConfig();
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger points = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(t);
    try {
      long s = System.nanoTime();
      List<Future<long[]>> futures = new ArrayList<>();
      for (int w = 0; w < t; w++) {
        futures.add(pool.submit(() -> {
          java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
          long parse = 0;
          long analyze = 0;
          long analyzeCpu = 0;
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            long p0 = System.nanoTime();
            Report r = ReportParser.parse(files.get(i).path());
            List<Document> docs = new ArrayList<>();
            for (TurningPoint p : r.points()) {
              if (seen.add(p.id())) {
                docs.add(PointDocuments.build(p, r.file().toString(), config));
              }
            }
            long a0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            parse += a0 - p0;
            analyze(analyzer, docs);
            analyze += System.nanoTime() - a0;
            analyzeCpu += cpu.getCurrentThreadCpuTime() - c0;
            points.addAndGet(docs.size());
          }
          return new long[] {parse, analyze, analyzeCpu};
        }));
      }
      long parse = 0;
      long analyze = 0;
      long analyzeCpu = 0;
      for (Future<long[]> f : futures) {
        parse += f.get()[0];
        analyze += f.get()[1];
        analyzeCpu += f.get()[2];
      }
      return new Streamed(parse / 1e9, analyze / 1e9, analyzeCpu / 1e9, (System.nanoTime() - s) / 1e9, points.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The index writer's own cost on parsed documents: {@code files} parsed and their documents
   * built on {@code t} threads as in {@link #parseAndAnalyze} (untimed), each document handed to an
   * index writer configured as a full {@code tpsearch index} run's (same analyzer, RAM buffer,
   * update by id), then the in-memory segments written on {@code t} threads and committed. Returns
   * {seconds, CPU seconds}: the time inside the writer summed over the threads divided by
   * {@code t}, plus the flush and commit's wall time; and the CPU of both.
   */
  static double[] parseAndWrite(List<CorpusScan.Found> files, int t, Path indexDir) throws Exception {
    FacetsConfig config = Schema.facetsConfig();
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    deleteTree(indexDir);
    org.apache.lucene.index.IndexWriterConfig iwc = new org.apache.lucene.index.IndexWriterConfig(Schema.indexAnalyzer());
    iwc.setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE);
    iwc.setRAMBufferSizeMB(256);
    iwc.setCommitOnClose(false);
    ExecutorService pool = Executors.newFixedThreadPool(t);
    try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir);
        org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(dir, iwc)) {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int w = 0; w < t; w++) {
        futures.add(pool.submit(() -> {
          java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
          long wall = 0;
          long cpuNs = 0;
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            Report r = ReportParser.parse(files.get(i).path());
            List<Document> docs = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (TurningPoint p : r.points()) {
              if (seen.add(p.id())) {
                docs.add(PointDocuments.build(p, r.file().toString(), config));
                ids.add(p.id());
              }
            }
            long a0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int d = 0; d < docs.size(); d++) {
              writer.updateDocument(new org.apache.lucene.index.Term(Schema.ID, ids.get(d)), docs.get(d));
            }
            wall += System.nanoTime() - a0;
            cpuNs += cpu.getCurrentThreadCpuTime() - c0;
          }
          return new long[] {wall, cpuNs};
        }));
      }
      long wall = 0;
      long cpuNs = 0;
      for (Future<long[]> f : futures) {
        wall += f.get()[0];
        cpuNs += f.get()[1];
      }
      // The flush and commit, as LuceneFolderSink does them: the segments on t threads, then the commit.
      long f0 = System.nanoTime();
      long flushCpu = 0;
      List<Future<Long>> flushes = new ArrayList<>();
      for (int w = 0; w < t; w++) {
        flushes.add(pool.submit(() -> {
          long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          while (writer.flushNextBuffer()) {
            // one pending segment per call
          }
          return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
        }));
      }
      for (Future<Long> f : flushes) {
        flushCpu += f.get();
      }
      long c1 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      writer.commit();
      long commitCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c1;
      double flushWall = (System.nanoTime() - f0) / 1e9;
      return new double[] {wall / 1e9 / t + flushWall, (cpuNs + flushCpu + commitCpu) / 1e9};
    } finally {
      pool.shutdownNow();
      deleteTree(indexDir);
    }
  }

  /**
   * Whether the index writer runs {@code f} through the analyzer: indexed, tokenized, text. Not a
   * stored-only field: a {@code StoredField}'s type says tokenized too (FieldType's default), and
   * counting the stored answer and item fields made this limit twice the real analysis.
   */
  static boolean analyzedByIndex(IndexableField f) {
    return f.fieldType().indexOptions() != IndexOptions.NONE && f.fieldType().tokenized() && f.stringValue() != null;
  }

  /** Runs every field of {@code docs} the index analyzes through {@code analyzer}; returns the tokens. */
  static long analyze(Analyzer analyzer, List<Document> docs) throws IOException {
    long tokens = 0;
    for (Document d : docs) {
      for (IndexableField f : d) {
        if (analyzedByIndex(f)) {
          try (TokenStream ts = analyzer.tokenStream(f.name(), f.stringValue())) {
            ts.reset();
            while (ts.incrementToken()) {
              tokens++;
            }
            ts.end();
          }
        }
      }
    }
    return tokens;
  }

  /** Seconds to run every tokenized field of {@code docs} through the index analyzer on t threads. */
  static double analyzeAll(List<Document> docs, int t) throws Exception {
    Analyzer analyzer = Schema.indexAnalyzer();
    ExecutorService pool = Executors.newFixedThreadPool(t);
    try {
      long s = System.nanoTime();
      List<Future<Long>> futures = new ArrayList<>();
      for (int w = 0; w < t; w++) {
        int worker = w;
        futures.add(pool.submit(() -> {
          long tokens = 0;
          for (int i = worker; i < docs.size(); i += t) {
            for (IndexableField f : docs.get(i)) {
              if (analyzedByIndex(f)) {
                try (TokenStream ts = analyzer.tokenStream(f.name(), f.stringValue())) {
                  ts.reset();
                  while (ts.incrementToken()) {
                    tokens++;
                  }
                  ts.end();
                }
              }
            }
          }
          return tokens;
        }));
      }
      for (Future<Long> f : futures) {
        f.get();
      }
      return (System.nanoTime() - s) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The median; of an even count, the mean of the two middle values (not the upper one). */
  static double median(double[] xs) {
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  static double min(double[] xs) {
    return java.util.Arrays.stream(xs).min().orElse(0);
  }

  static double max(double[] xs) {
    return java.util.Arrays.stream(xs).max().orElse(0);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(d).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
        Files.copy(f, to.resolve(from.relativize(f).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void deleteTree(Path p) {
    try (var walk = Files.walk(p)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> {
        try {
          Files.delete(x);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is not worth failing a benchmark for.
    }
  }
}
