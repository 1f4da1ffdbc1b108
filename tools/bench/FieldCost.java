import java.lang.management.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.function.*;
import org.apache.lucene.analysis.*;
import org.apache.lucene.document.*;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.*;
import org.apache.lucene.store.*;
import org.tpsearch.index.*;
import org.tpsearch.model.*;
import org.tpsearch.parse.ReportParser;

/**
 * What each indexed field costs the index writer: the corpus parsed once, its documents built as
 * {@code tpsearch index} builds them, then indexed again and again on two threads by a writer
 * configured as a full run's, each variant of the documents (a field dropped, positions off, ...)
 * in turn, the order rotated every round; the first round (JIT warm-up) is not counted. Prints,
 * per variant, the median analysis CPU (the analyzed fields through the index analyzer alone), the
 * writer's CPU (analysis, inversion, flush, commit) and the index size. Measurement only: every
 * variant but the first changes what search finds.
 *
 *   ./mvnw -B -q -DskipTests package
 *   java -cp "search-cli/target/tpsearch/lib/*" tools/bench/FieldCost.java CORPUS [ROUNDS] [VARIANT,...]
 */
public class FieldCost {
  record Variant(String name, UnaryOperator<Document> tf, FacetsConfig facets, boolean cfs, Supplier<Analyzer> analyzer) {
    Variant(String name, UnaryOperator<Document> tf, FacetsConfig facets, boolean cfs) {
      this(name, tf, facets, cfs, Schema::indexAnalyzer);
    }
  }

  /** The index analyzer with text_bi's unigrams left out (the query side's bigrams, same positions). */
  static Analyzer withoutUnigrams() {
    Analyzer schema = Schema.indexAnalyzer();
    Analyzer bigrams = new org.tpsearch.analysis.BigramAnalyzer(false);
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String field) {
        return field.equals(Schema.TEXT_BI) ? bigrams : schema;
      }

      @Override
      public int getPositionIncrementGap(String field) {
        return Schema.POSITION_GAP;
      }
    };
  }

  static Document drop(Document d, Set<String> names) {
    Document o = new Document();
    for (IndexableField f : d) if (!names.contains(f.name())) o.add(f);
    return o;
  }
  static Document dropIndexedOnly(Document d, Set<String> names) {
    // drops the non-stored (indexed / doc values / points) instances of these names, keeps stored ones
    Document o = new Document();
    for (IndexableField f : d) if (!(names.contains(f.name()) && !(f instanceof StoredField))) o.add(f);
    return o;
  }
  static Document retype(Document d, String name, FieldType t) {
    Document o = new Document();
    for (IndexableField f : d) o.add(f.name().equals(name) && !(f instanceof StoredField) ? new org.apache.lucene.document.Field(name, f.stringValue(), t) : f);
    return o;
  }

  public static void main(String[] a) throws Exception {
    Path corpus = Path.of(a[0]);
    int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 5;
    List<String> only = a.length > 2 ? List.of(a[2].split(",")) : List.of();
    int t = 2;
    List<TurningPoint> pts = new ArrayList<>();
    List<String> files = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CorpusScan.Found f : CorpusScan.scan(List.of(corpus)).reports()) {
      Report r = ReportParser.parse(f.path());
      for (TurningPoint p : r.points()) if (seen.add(p.id())) { pts.add(p); files.add(r.file().toString()); }
    }
    FacetsConfig base = Schema.facetsConfig();
    FieldType freqsOnly = new FieldType(Schema.TEXT_TYPE); freqsOnly.setIndexOptions(IndexOptions.DOCS_AND_FREQS); freqsOnly.freeze();
    List<Variant> vs = new ArrayList<>(List.of(
        new Variant("as indexed", d -> d, base, true),
        new Variant("no compound files", d -> d, base, false),
        new Variant("without title_bi", d -> drop(d, Set.of("title_bi")), base, true),
        new Variant("without text_py", d -> drop(d, Set.of("text_py")), base, true),
        new Variant("without text_w", d -> drop(d, Set.of("text_w")), base, true),
        new Variant("without text_bi", d -> drop(d, Set.of("text_bi")), base, true),
        new Variant("text_w without positions", d -> retype(d, "text_w", freqsOnly), base, true),
        new Variant("text_bi without unigrams", d -> d, base, true, FieldCost::withoutUnigrams),
        new Variant("without stored fields", d -> { Document o = new Document(); for (IndexableField f : d) if (!(f instanceof StoredField)) o.add(f); return o; }, base, true)));
    if (!only.isEmpty()) vs.removeIf(v -> !only.contains(v.name()));
    Map<String, List<Document>> docs = new LinkedHashMap<>();
    for (Variant v : vs) {
      List<Document> l = new ArrayList<>();
      for (int i = 0; i < pts.size(); i++) l.add(v.tf().apply(PointDocuments.build(pts.get(i), files.get(i), v.facets())));
      docs.put(v.name(), l);
    }
    System.out.printf("%d points; %d rounds, variants alternated%n", pts.size(), rounds);
    Map<String, List<double[]>> res = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(t);
    Path tmp = Files.createTempDirectory("fieldcost");
    for (int r = 0; r < rounds; r++) {
      List<Variant> order = new ArrayList<>(vs);
      Collections.rotate(order, r);
      for (Variant v : order) {
        double[] m = run(v, docs.get(v.name()), pool, t, tmp.resolve(v.name().replaceAll("[^a-z]", "") + r));
        if (r > 0) res.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(m);
      }
    }
    pool.shutdown();
    System.out.println("variant | analysis CPU s | writer CPU s (analysis included) | process CPU s | index bytes (medians of rounds 2..)");
    for (var e : res.entrySet()) {
      double[] an = e.getValue().stream().mapToDouble(x -> x[0]).sorted().toArray();
      double[] w = e.getValue().stream().mapToDouble(x -> x[1]).sorted().toArray();
      double[] p = e.getValue().stream().mapToDouble(x -> x[2]).sorted().toArray();
      System.out.printf("%-36s %7.2f %7.2f %7.2f %,12d   writer all: %s%n", e.getKey(), an[an.length / 2], w[w.length / 2], p[p.length / 2],
          (long) e.getValue().get(0)[3], Arrays.toString(e.getValue().stream().mapToDouble(x -> Math.round(x[1] * 100) / 100.0).toArray()));
    }
  }

  static double[] run(Variant v, List<Document> docs, ExecutorService pool, int t, Path dir) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Analyzer an = v.analyzer().get();
    // analysis only
    AtomicInteger next = new AtomicInteger();
    List<Future<Long>> fs = new ArrayList<>();
    for (int w = 0; w < t; w++) fs.add(pool.submit(() -> {
      long c0 = mx.getCurrentThreadCpuTime();
      for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement())
        for (IndexableField f : docs.get(i))
          if (f.fieldType().indexOptions() != IndexOptions.NONE && f.fieldType().tokenized() && f.stringValue() != null)
            try (TokenStream ts = an.tokenStream(f.name(), f.stringValue())) { ts.reset(); while (ts.incrementToken()) {} ts.end(); }
      return mx.getCurrentThreadCpuTime() - c0;
    }));
    long anCpu = 0; for (Future<Long> f : fs) anCpu += f.get();
    // writer
    long p0 = os.getProcessCpuTime();
    IndexWriterConfig iwc = new IndexWriterConfig(v.analyzer().get());
    iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE); iwc.setRAMBufferSizeMB(256); iwc.setCommitOnClose(false);
    iwc.setUseCompoundFile(v.cfs());
    long wCpu = 0;
    try (Directory d = FSDirectory.open(dir); IndexWriter iw = new IndexWriter(d, iwc)) {
      AtomicInteger n2 = new AtomicInteger();
      fs.clear();
      for (int w = 0; w < t; w++) fs.add(pool.submit(() -> {
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = n2.getAndIncrement(); i < docs.size(); i = n2.getAndIncrement()) iw.addDocument(docs.get(i));
        return mx.getCurrentThreadCpuTime() - c0;
      }));
      for (Future<Long> f : fs) wCpu += f.get();
      fs.clear();
      for (int w = 0; w < t; w++) fs.add(pool.submit(() -> { long c0 = mx.getCurrentThreadCpuTime(); while (iw.flushNextBuffer()) {} return mx.getCurrentThreadCpuTime() - c0; }));
      for (Future<Long> f : fs) wCpu += f.get();
      long c1 = mx.getCurrentThreadCpuTime();
      iw.commit();
      wCpu += mx.getCurrentThreadCpuTime() - c1;
    }
    long p1 = os.getProcessCpuTime();
    long bytes = 0;
    try (var s = Files.list(dir)) { for (Path p : s.toList()) bytes += Files.size(p); }
    try (var s = Files.walk(dir)) { s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete()); }
    return new double[] {anCpu / 1e9, wCpu / 1e9, (p1 - p0) / 1e9, bytes};
  }
}
