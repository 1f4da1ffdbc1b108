package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.Searcher;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tpsearch bench}: in-process query latency over a warm index (p50, p99). */
@Command(name = "bench", description = {"Measure warm, in-process query latency: every query of the set is "
    + "run --warmup times, then --rounds times; prints p50, p90, p99 and max over all runs.",
    "Subcommands measure indexing and analysis; 'bench generate' writes a synthetic benchmark corpus."},
    subcommands = {BenchIndexCommand.class, BenchGenerateCommand.class})
public final class BenchCommand extends IndexReadingCommand {
  /** Typical queries: Chinese words and phrases, English, numbers, 文号, several words, filters, no hits. */
  public static final List<String> DEFAULT_QUERIES = List.of(
      "绿色电力 交易", "碳达峰", "光伏", "交易量", "十四五", "74.7", "52.6亿", "17.5%", "29号",
      "新能源汽车", "煤改电", "green power", "industrial park", "carbon neutrality", "电力现货市场",
      "钢铁 产能", "疫情 航班", "\"碳达峰 实施方案\"", "光伏 OR 风电", "碳达峰 -工业",
      "绿电 --sector Industry", "光伏 --region 新疆 --year 2021..2023", "交易 --facets", "no-such-word-zz");

  /**
   * What researchers type besides (issue 8): unspaced Chinese with and without 的, questions in
   * Chinese and English, English over Chinese text, pinyin. Timed after the queries above, whose
   * figure is printed alone too, so it stays comparable with earlier runs.
   */
  public static final List<String> MEANING_QUERIES = List.of(
      "新疆的绿色电力交易", "武汉封城期间的公交", "浦东机场航班恢复", "高速公路免费通行", "广东的电力现货市场",
      "上海的航班什么时候恢复", "钢铁行业什么时候限产", "新疆光伏装机增长了多少", "when did the Wuhan lockdown start",
      "how much did green power trading grow", "highway toll", "Pudong airport", "wulumuqi");

  @Option(names = "--queries", paramLabel = "FILE", description = "A file of queries, one a line (with search options).")
  Path queries;

  @Option(names = "--rounds", defaultValue = "50", description = "Timed runs of each query (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup", defaultValue = "20", description = "Untimed runs of each query first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--warmup-each", description = "Run each query's warm-up just before its own timed runs, "
      + "the order of sessions 1-5 (the JIT then still compiles later queries' code during earlier ones' timed "
      + "runs). By default every query's warm-up comes first, round-robin over the mix, so the clock starts on "
      + "a process that has seen the whole mix.")
  boolean warmupEach;

  @Option(names = "--per-query", description = "Also print each query's wall p50, p90, p99 and max, its CPU p50 "
      + "and p99, and how many of the slowest 1%% of all runs (those above the overall p99) are its own.")
  boolean perQuery;

  @Option(names = "--no-cache", description = "Compile every query anew (no cache of compiled queries), as a "
      + "first search of each query in a warm session would.")
  boolean noCache;


  private List<String> lines;
  private final List<SearchRequest> requests = new ArrayList<>();

  @Override
  void validate() {
    try {
      if (queries == null) {
        lines = new ArrayList<>(DEFAULT_QUERIES);
        lines.addAll(MEANING_QUERIES);
      } else {
        lines = Files.readAllLines(queries, StandardCharsets.UTF_8).stream().map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String line : lines) {
      requests.add(SearchCommand.requestFrom(line));
    }
  }

  @Override
  boolean longRunning() {
    return true;
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    PrintWriter out = out();
    SearchBackend searcher = backend;
    if (noCache && backend instanceof LuceneBackend lucene) {
      IndexHandle handle = lucene.index();
      searcher = new LuceneBackend(new Searcher(handle, new QueryCompiler(context().glossary(), handle.reader()), 0));
    }
    long[] all = new long[requests.size() * rounds];
    // The thread's CPU time as well as wall time: other processes on a shared machine delay a
    // query (wall) far more than they change the work it does (CPU), so before/after comparisons
    // read the CPU figure first.
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    long[] cpu = new long[all.length];
    // The search threads' CPU time too: on an index opened for many queries they work on a query
    // beside the caller (its segments and hits), which the caller's own CPU time misses. (The
    // process's CPU time is counted in 10 ms ticks, too coarse for one query.)
    long[] searchThreads = null;
    long[] processCpu = new long[all.length];
    int k = 0;
    long hits = 0;
    if (!warmupEach) {
      // Round-robin, as a warm session's mixed queries come: query 1..N, warmup times.
      for (int i = 0; i < warmup; i++) {
        for (SearchRequest r : requests) {
          hits += searcher.search(r).total();
        }
      }
    }
    for (int q = 0; q < requests.size(); q++) {
      SearchRequest r = requests.get(q);
      for (int i = 0; warmupEach && i < warmup; i++) {
        hits += searcher.search(r).total();
      }
      for (int i = 0; i < rounds; i++) {
        long c0 = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        if (searchThreads == null) {
          searchThreads = Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("tpsearch-search-")).mapToLong(Thread::threadId).toArray();
        }
        long p0 = cpuTimed ? c0 + threadsCpu(threads, searchThreads) : 0;
        long t0 = System.nanoTime();
        hits += searcher.search(r).total();
        all[k] = System.nanoTime() - t0;
        processCpu[k] = cpuTimed ? threads.getCurrentThreadCpuTime() + threadsCpu(threads, searchThreads) - p0 : 0;
        cpu[k] = cpuTimed ? threads.getCurrentThreadCpuTime() - c0 : 0;
        k++;
      }
    }
    if (perQuery) {
      perQuery(out, all, cpu);
    }
    if (queries == null) {
      // The earlier mix alone first, comparable with figures measured before the new kinds came.
      long[] old = Arrays.copyOf(all, DEFAULT_QUERIES.size() * rounds);
      long[] added = Arrays.copyOfRange(all, old.length, all.length);
      Arrays.sort(old);
      Arrays.sort(added);
      out.printf(Locale.ROOT, "earlier mix (%d queries): p50 %.3f  p90 %.3f  p99 %.3f ms%n", DEFAULT_QUERIES.size(),
          pct(old, 50), pct(old, 90), pct(old, 99));
      out.printf(Locale.ROOT, "unspaced Chinese, questions, English over Chinese, pinyin (%d queries): p50 %.3f  p90 %.3f  p99 %.3f ms%n",
          MEANING_QUERIES.size(), pct(added, 50), pct(added, 90), pct(added, 99));
    }
    Arrays.sort(all);
    Arrays.sort(cpu);
    Arrays.sort(processCpu);
    out.printf(Locale.ROOT, "%s: %d queries x %d rounds (after %d warm-up rounds each, %s), compiled queries %s%n",
        searcher.description(), requests.size(), rounds, warmup, warmupEach ? "each just before its runs" : "all first", noCache ? "not cached" : "cached");
    out.printf(Locale.ROOT, "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f  (%d docs; checksum %d)%n",
        pct(all, 50), pct(all, 90), pct(all, 99), all[all.length - 1] / 1e6,
        Arrays.stream(all).average().orElse(0) / 1e6, searcher.stats().total(), hits);
    if (cpuTimed) {
      out.printf(Locale.ROOT, "thread CPU ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f%n",
          pct(cpu, 50), pct(cpu, 90), pct(cpu, 99), cpu[cpu.length - 1] / 1e6, Arrays.stream(cpu).average().orElse(0) / 1e6);
    }
    if (cpuTimed && searchThreads.length > 0) {
      out.printf(Locale.ROOT, "with the %d search threads, CPU ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f%n",
          searchThreads.length, pct(processCpu, 50), pct(processCpu, 90), pct(processCpu, 99), processCpu[processCpu.length - 1] / 1e6,
          Arrays.stream(processCpu).average().orElse(0) / 1e6);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Each query's wall p50, p90, p99 and max, its CPU p50 and p99, and how many of its runs are
   * among the slowest 1% of all runs (above the overall wall p99): the queries that make the p99.
   * {@code wall} and {@code cpu} hold each query's rounds one after another, in query order.
   */
  private void perQuery(PrintWriter out, long[] wall, long[] cpu) {
    long wallP99 = p99Nanos(wall);
    long cpuP99 = p99Nanos(cpu);
    out.printf(Locale.ROOT, "per query, ms: wall p50, p90, p99, max; thread CPU p50, p99; runs above the overall p99 "
        + "(wall %.3f ms, CPU %.3f ms)%n", wallP99 / 1e6, cpuP99 / 1e6);
    for (int q = 0; q < requests.size(); q++) {
      long[] w = Arrays.copyOfRange(wall, q * rounds, (q + 1) * rounds);
      long[] c = Arrays.copyOfRange(cpu, q * rounds, (q + 1) * rounds);
      long slowWall = Arrays.stream(w).filter(x -> x > wallP99).count();
      long slowCpu = Arrays.stream(c).filter(x -> x > cpuP99).count();
      Arrays.sort(w);
      Arrays.sort(c);
      out.printf(Locale.ROOT, "  %7.3f %7.3f %7.3f %7.3f   %7.3f %7.3f   %3s %3s  %s%n", pct(w, 50), pct(w, 90), pct(w, 99),
          w[w.length - 1] / 1e6, pct(c, 50), pct(c, 99), count(slowWall), count(slowCpu), lines.get(q));
    }
  }

  private static long p99Nanos(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(0.99 * sorted.length) - 1))];
  }

  private static String count(long n) {
    return n == 0 ? "." : Long.toString(n);
  }

  /** The CPU time of threads {@code ids} together, in ns. */
  private static long threadsCpu(java.lang.management.ThreadMXBean threads, long[] ids) {
    long sum = 0;
    for (long id : ids) {
      sum += Math.max(0, threads.getThreadCpuTime(id));
    }
    return sum;
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

}
