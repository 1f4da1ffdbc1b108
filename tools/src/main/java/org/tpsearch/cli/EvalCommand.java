package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tpsearch.analysis.AnalyzerThroughput;
import org.tpsearch.search.eval.AnalysisSpeed;
import org.tpsearch.search.eval.EvalCorpus;
import org.tpsearch.search.eval.Evaluation;
import org.tpsearch.search.eval.GrepScan;
import org.tpsearch.search.eval.PlainBaseline;
import org.tpsearch.search.eval.RelevanceSet;
import org.tpsearch.search.eval.RetrievalSystem;
import org.tpsearch.search.eval.TpsearchSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch eval}: scores tpsearch, a plain Lucene baseline and a grep-like scan on the relevance set. */
@Command(name = "eval", description = {
    "Score search quality on the graded relevance set over the sample reports: tpsearch (default options), "
        + "a plain Lucene baseline (one field, SmartChineseAnalyzer, classic QueryParser, default OR) and a "
        + "grep-like scan, side by side: nDCG@10, recall@10 and MRR, overall and per kind of query, and the "
        + "share of must-return-nothing queries that returned nothing.",
    "With --speed, measure analysis speed instead: tpsearch's analyzers against SmartChineseAnalyzer."})
final class EvalCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Option(names = "--qrels", paramLabel = "DIR",
      description = "Folder with queries.tsv and qrels.tsv (default: the two sets built into tpsearch, see --set).")
  Path qrels;

  /** The relevance sets built in. */
  enum SetChoice {
    tuning,
    blind,
    both
  }

  @Option(names = "--set", paramLabel = "SET", defaultValue = "both",
      description = "Built-in set to score: tuning (written beside tpsearch, tuned on), blind (written from the reports "
          + "alone, never tuned on) or ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  SetChoice set = SetChoice.both;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "Reports to evaluate on (default: sample-index/reports of this checkout, searched by tpsearch "
          + "in the embedded sample index). Other reports are indexed into a temporary folder.")
  Path reports;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(names = "--per-query", description = "Also show every query's scores, and tpsearch's top hits where it loses points.")
  boolean perQuery;

  @Option(names = "--speed", description = "Measure analysis speed per MB instead of search quality.")
  boolean speed;

  @Option(names = "--speed-mb", paramLabel = "MB", defaultValue = "4",
      description = "With --speed: repeat the corpus text to at least this many MB (default: ${DEFAULT-VALUE}).")
  double speedMb;

  @Option(names = "--speed-rounds", paramLabel = "N", defaultValue = "10",
      description = "With --speed: timed rounds per analyzer (default: ${DEFAULT-VALUE}), after a third as many untimed.")
  int speedRounds;

  @Override
  public Integer call() throws Exception {
    Path dir = reports != null ? reports : EvalCorpus.locateSampleReports();
    EvalCorpus corpus = EvalCorpus.load(dir);
    PrintWriter out = spec.commandLine().getOut();
    if (speed) {
      if (speedRounds < 1 || !(speedMb > 0)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--speed-rounds must be >= 1 and --speed-mb > 0");
      }
      AnalysisSpeed.Result r = AnalysisSpeed.measure(corpus, speedMb, Math.max(1, speedRounds / 3), speedRounds);
      out.println(format == Format.text ? speedText(corpus, r) : speedJson(corpus, r));
      out.flush();
      return ExitCodes.OK;
    }
    List<String> names = new ArrayList<>();
    List<RelevanceSet> sets = new ArrayList<>();
    if (qrels != null) {
      names.add(qrels.toString());
      sets.add(RelevanceSet.load(qrels));
    } else {
      if (set != SetChoice.blind) {
        names.add("tuning set (written beside tpsearch; tuned on)");
        sets.add(RelevanceSet.loadDefault());
      }
      if (set != SetChoice.tuning) {
        names.add("blind set (written from the reports alone; never tuned on)");
        sets.add(RelevanceSet.loadBlind());
      }
    }
    List<RetrievalSystem> systems = new ArrayList<>();
    try {
      systems.add(reports == null ? TpsearchSystem.embedded(main.context()::searcher)
          : TpsearchSystem.indexing(reports, main.context()::searcher));
      systems.add(new PlainBaseline(corpus));
      systems.add(new GrepScan(corpus));
      PrintWriter err = spec.commandLine().getErr();
      List<String> texts = new ArrayList<>();
      List<String> jsons = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        Evaluation.Result result = Evaluation.run(sets.get(i), corpus, systems);
        for (String p : result.problems()) {
          err.println("tpsearch: warning: " + p);
        }
        texts.add((sets.size() > 1 ? "== " + names.get(i) + " ==\n" : "") + text(result, perQuery));
        jsons.add(json(result, perQuery));
      }
      err.flush();
      out.print(format == Format.text ? String.join("\n", texts)
          : (sets.size() == 1 ? jsons.get(0) : "{\"sets\":[" + String.join(",", jsons) + "]}") + "\n");
      out.flush();
      return ExitCodes.OK;
    } finally {
      for (RetrievalSystem s : systems) {
        s.close();
      }
    }
  }

  // ---------------------------------------------------------------- text

  static String text(Evaluation.Result r, boolean perQuery) {
    StringBuilder sb = new StringBuilder();
    RelevanceSet set = r.set();
    Evaluation.Summary any = r.systems().get(0).overall();
    sb.append(String.format(Locale.ROOT, "Relevance set: %d queries (%d judged, %d negative), %d judgments, %s%n",
        set.topics().size(), any.judged(), any.negatives(), set.judgmentCount(), set.source()));
    sb.append(String.format(Locale.ROOT, "Corpus: %d turning points from %d report files in %s%n",
        r.corpus().points().size(), r.corpus().reportFiles(), r.corpus().root()));
    for (Evaluation.SystemScores s : r.systems()) {
      sb.append(String.format(Locale.ROOT, "  %-9s %s%n", s.system(), s.description()));
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "%-34s", "Overall (" + any.judged() + " judged queries)"));
    r.systems().forEach(s -> sb.append(String.format(Locale.ROOT, "%10s", s.system())));
    sb.append('\n');
    row(sb, "  nDCG@10", r, Evaluation.Summary::ndcg);
    row(sb, "  recall@10", r, Evaluation.Summary::recall);
    row(sb, "  MRR", r, Evaluation.Summary::mrr);
    row(sb, "  negative accuracy (" + any.negatives() + " queries)", r, Evaluation.Summary::negativeAccuracy);

    sb.append("\nPer kind: nDCG@10 recall@10 MRR (negative: share that returned nothing)\n");
    sb.append(String.format(Locale.ROOT, "  %-12s %3s", "kind", "n"));
    r.systems().forEach(s -> sb.append(String.format(Locale.ROOT, "   %-17s", s.system())));
    sb.append('\n');
    for (String kind : r.kinds()) {
      Evaluation.Summary k0 = r.systems().get(0).byKind().get(kind);
      sb.append(String.format(Locale.ROOT, "  %-12s %3d", kind, k0.judged() + k0.negatives()));
      for (Evaluation.SystemScores s : r.systems()) {
        Evaluation.Summary k = s.byKind().get(kind);
        sb.append("   ").append(k.judged() > 0
            ? String.format(Locale.ROOT, "%.3f %.3f %.3f", k.ndcg(), k.recall(), k.mrr())
            : String.format(Locale.ROOT, "%-17s", String.format(Locale.ROOT, "%.3f", k.negativeAccuracy())));
      }
      sb.append('\n');
    }
    if (perQuery) {
      perQuery(sb, r);
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String label, Evaluation.Result r,
      java.util.function.ToDoubleFunction<Evaluation.Summary> f) {
    sb.append(String.format(Locale.ROOT, "%-34s", label));
    r.systems().forEach(s -> sb.append(String.format(Locale.ROOT, "%10.3f", f.applyAsDouble(s.overall()))));
    sb.append('\n');
  }

  private static void perQuery(StringBuilder sb, Evaluation.Result r) {
    sb.append("\nPer query: nDCG@10 recall@10 RR and hits (negative: 1 = returned nothing)\n");
    sb.append(String.format(Locale.ROOT, "  %-4s %-12s", "qid", "kind"));
    r.systems().forEach(s -> sb.append(String.format(Locale.ROOT, " %-20s", s.system())));
    sb.append(" query\n");
    Evaluation.SystemScores tp = r.systems().get(0);
    for (int i = 0; i < r.set().topics().size(); i++) {
      RelevanceSet.Topic t = r.set().topics().get(i);
      sb.append(String.format(Locale.ROOT, "  %-4s %-12s", t.qid(), t.kind()));
      for (Evaluation.SystemScores s : r.systems()) {
        Evaluation.QueryScore q = s.queries().get(i);
        String cell = t.negative()
            ? String.format(Locale.ROOT, "%.0f", q.negative())
            : String.format(Locale.ROOT, "%.2f %.2f %.2f", q.ndcg(), q.recall(), q.rr());
        sb.append(String.format(Locale.ROOT, " %-15s%5d", cell, q.total()));
      }
      sb.append(' ').append(t.query()).append('\n');
      Evaluation.QueryScore q = tp.queries().get(i);
      boolean lost = t.negative() ? q.negative() < 1 : q.ndcg() < 0.9995 || q.recall() < 0.9995;
      if (lost) {
        explainLoss(sb, tp.system(), q, r.set().judgments(t.qid()));
      }
      for (Evaluation.SystemScores s : r.systems()) {
        String error = s.queries().get(i).error();
        if (error != null) {
          sb.append("       ").append(s.system()).append(" could not run it: ").append(error).append('\n');
        }
      }
    }
  }

  /** The system's top ten with grades (- = not judged), and the judged points it missed. */
  private static void explainLoss(StringBuilder sb, String system, Evaluation.QueryScore q, Map<String, Integer> judged) {
    List<String> top = q.ranking().subList(0, Math.min(10, q.ranking().size()));
    List<String> cells = new ArrayList<>();
    for (int k = 0; k < top.size(); k++) {
      Integer g = judged.get(top.get(k));
      cells.add((k + 1) + "." + top.get(k) + "[" + (g == null ? "-" : g) + "]");
    }
    sb.append("       ").append(system).append(" top: ").append(cells.isEmpty() ? "(nothing)" : String.join(" ", cells))
        .append('\n');
    List<String> missed = new ArrayList<>();
    judged.forEach((id, g) -> {
      if (!top.contains(id)) {
        int rank = q.ranking().indexOf(id);
        missed.add(id + "[" + g + "]" + (rank < 0 ? "" : "@" + (rank + 1)));
      }
    });
    if (!missed.isEmpty()) {
      sb.append("       ").append(system).append(" missed: ").append(String.join(" ", missed)).append('\n');
    }
  }

  // ---------------------------------------------------------------- json

  static String json(Evaluation.Result r, boolean perQuery) {
    Json j = new Json().beginObject();
    j.name("set").beginObject().field("source", r.set().source()).field("queries", r.set().topics().size())
        .field("judgments", r.set().judgmentCount()).endObject();
    j.name("corpus").beginObject().field("root", r.corpus().root().toString())
        .field("report_files", r.corpus().reportFiles()).field("points", r.corpus().points().size()).endObject();
    j.name("problems").beginArray();
    r.problems().forEach(j::value);
    j.endArray();
    j.name("systems").beginArray();
    for (Evaluation.SystemScores s : r.systems()) {
      j.beginObject().field("name", s.system()).field("description", s.description());
      j.name("overall");
      summary(j, s.overall());
      j.name("by_kind").beginObject();
      for (Map.Entry<String, Evaluation.Summary> e : s.byKind().entrySet()) {
        j.name(e.getKey());
        summary(j, e.getValue());
      }
      j.endObject();
      if (perQuery) {
        j.name("queries").beginArray();
        for (Evaluation.QueryScore q : s.queries()) {
          j.beginObject().field("qid", q.topic().qid()).field("kind", q.topic().kind())
              .field("query", q.topic().query());
          if (q.topic().negative()) {
            j.name("negative").value(q.negative(), 0);
          } else {
            j.name("ndcg").value(q.ndcg(), 4).name("recall").value(q.recall(), 4).name("rr").value(q.rr(), 4);
          }
          j.field("total", q.total());
          j.name("top").beginArray();
          q.ranking().stream().limit(10).forEach(j::value);
          j.endArray();
          if (q.error() != null) {
            j.field("error", q.error());
          }
          j.endObject();
        }
        j.endArray();
      }
      j.endObject();
    }
    j.endArray();
    return j.endObject().toString();
  }

  private static void summary(Json j, Evaluation.Summary s) {
    j.beginObject().field("judged", s.judged()).name("ndcg_at_10").value(s.ndcg(), 4)
        .name("recall_at_10").value(s.recall(), 4).name("mrr").value(s.mrr(), 4)
        .field("negatives", s.negatives()).name("negative_accuracy").value(s.negativeAccuracy(), 4).endObject();
  }

  // ---------------------------------------------------------------- speed

  static String speedText(EvalCorpus corpus, AnalysisSpeed.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Analysis speed on %s: %d turning points' indexed text x %d = %d texts, %.2f MB (UTF-8) per round%n",
        corpus.root(), corpus.points().size(), r.copies(), r.texts(), r.bytes() / 1e6));
    sb.append(String.format(Locale.ROOT, "JDK %s, %d cores; %d timed rounds per analyzer after %d untimed%n%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), r.bigram().rounds(), r.warmup()));
    sb.append(String.format(Locale.ROOT, "  %-44s %9s %9s %9s %9s %12s%n", "analyzer", "MB/s", "min ms", "median ms",
        "max ms", "tokens/round"));
    line(sb, "BigramAnalyzer(true) (*_bi fields)", r.bigram());
    line(sb, "WordAnalyzer (*_w fields)", r.word());
    long[] both = r.tpsearchNanos();
    sb.append(String.format(Locale.ROOT, "  %-44s %9.2f %9.1f %9.1f %9.1f %12d%n", "tpsearch as indexed (both, sum of the above)",
        r.tpsearchMbPerSecond(), both[0] / 1e6, both[1] / 1e6, both[2] / 1e6,
        r.bigram().tokensPerRound() + r.word().tokensPerRound()));
    line(sb, "SmartChineseAnalyzer alone", r.smartcn());
    sb.append(String.format(Locale.ROOT,
        "%nMB/s is from the median round; tpsearch as indexed takes %.2fx the time of SmartChineseAnalyzer alone.%n",
        (double) both[1] / r.smartcn().medianNanos()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, AnalyzerThroughput.Result t) {
    sb.append(String.format(Locale.ROOT, "  %-44s %9.2f %9.1f %9.1f %9.1f %12d%n", name,
        t.bytesPerRound() / 1e6 / (Math.max(t.medianNanos(), 1) / 1e9), t.minNanos() / 1e6, t.medianNanos() / 1e6,
        t.maxNanos() / 1e6, t.tokensPerRound()));
  }

  static String speedJson(EvalCorpus corpus, AnalysisSpeed.Result r) {
    Json j = new Json().beginObject().field("corpus", corpus.root().toString()).field("points", corpus.points().size())
        .field("copies", r.copies()).field("texts", r.texts()).field("warmup_rounds", r.warmup()).field("bytes_per_round", r.bytes())
        .field("jdk", Runtime.version().toString()).field("cores", Runtime.getRuntime().availableProcessors());
    j.name("analyzers").beginArray();
    speedJson(j, "BigramAnalyzer(true)", r.bigram());
    speedJson(j, "WordAnalyzer", r.word());
    speedJson(j, "SmartChineseAnalyzer", r.smartcn());
    j.endArray();
    long[] both = r.tpsearchNanos();
    j.name("tpsearch_as_indexed").beginObject().name("mb_per_s_median").value(r.tpsearchMbPerSecond(), 3)
        .name("min_ms").value(both[0] / 1e6, 2).name("median_ms").value(both[1] / 1e6, 2)
        .name("max_ms").value(both[2] / 1e6, 2).endObject();
    return j.endObject().toString();
  }

  private static void speedJson(Json j, String name, AnalyzerThroughput.Result t) {
    j.beginObject().field("name", name).field("rounds", t.rounds())
        .name("mb_per_s_median").value(t.bytesPerRound() / 1e6 / (Math.max(t.medianNanos(), 1) / 1e9), 3)
        .name("mb_per_s_overall").value(t.mbPerSecond(), 3)
        .name("min_ms").value(t.minNanos() / 1e6, 2).name("median_ms").value(t.medianNanos() / 1e6, 2)
        .name("max_ms").value(t.maxNanos() / 1e6, 2).field("tokens_per_round", t.tokensPerRound()).endObject();
  }
}
