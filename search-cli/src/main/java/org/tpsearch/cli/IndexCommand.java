package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.index.IndexSummary;
import org.tpsearch.index.Indexer;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch index DIR...}: build or update an index. */
@Command(name = "index", description = {"Index result folders (walked recursively). Updates incrementally: unchanged "
    + "files are skipped, changed files replaced, points of removed files removed. A failed run keeps the previous index.",
    "Without --index, writes your default index, which later searches use."})
final class IndexCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Result folders or report files.")
  List<Path> dirs;

  @Option(names = "--index", paramLabel = "PATH", description = "Index folder to write (default: $TPSEARCH_INDEX, else your default index).")
  Path index;

  @Option(names = "--to", paramLabel = "URL",
      description = "Index into an OpenSearch cluster instead of a folder: http(s)://host:9200[/index-name] "
          + "(default name: tpsearch). Credentials from $TPSEARCH_ENGINE_USER and $TPSEARCH_ENGINE_PASSWORD, or "
          + "$TPSEARCH_ENGINE_API_KEY. The run state is kept in the cluster.")
  String to;

  @Option(names = "--full", description = "Rebuild from scratch instead of updating.")
  boolean full;

  @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: one per core).")
  Integer threads;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar; -qq: no warnings either, only the summary.")
  boolean[] quiet = new boolean[0];

  @Override
  public Integer call() throws Exception {
    Path target = index;
    if (target == null) {
      String env = main.context().env().get(org.tpsearch.search.IndexLocation.ENV);
      target = env != null && !env.isBlank() ? Path.of(env) : main.context().defaultIndex();
    }
    PrintWriter err = spec.commandLine().getErr();
    Indexer.Options options = Indexer.Options.defaults().withFull(full);
    if (threads != null) {
      if (threads < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--threads': " + threads);
      }
      options = options.withThreads(threads);
    }
    // The bar is drawn on stderr, so stderr decides (index ... 2>log gets no \r bars).
    ProgressBar bar = quiet.length == 0 && main.context().errTerminal() ? new ProgressBar(err) : null;
    if (bar != null) {
      options = options.withProgress(bar);
    }
    IndexSummary s;
    if (to != null) {
      if (index != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--index and --to name two places: give one");
      }
      org.tpsearch.opensearch.Cluster cluster;
      try {
        cluster = main.context().connect(to, err);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--to': " + e.getMessage());
      }
      Indexer.checkRoots(dirs); // a mistyped folder fails before anything is made on the cluster
      // One run at a time per name, as a local index's lock: a second fails at once (exit 3).
      try (org.tpsearch.opensearch.ClusterSink sink = org.tpsearch.opensearch.ClusterSink.claim(cluster)) {
        s = Indexer.run(dirs, sink, options);
      }
    } else {
      s = Indexer.run(dirs, target, options);
    }
    if (bar != null) {
      bar.done();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (quiet.length < 2) {
      sayFollowed(s.followed(), err);
      for (Problem p : s.problems()) {
        err.println("warning: " + TerminalText.line(p));
      }
    }
    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "indexed %s: %d report files (%d read, %d unchanged), %d other files skipped%n",
        s.index(), s.reportFiles(), s.parsedFiles(), s.unchangedFiles(), s.skippedFiles());
    out.printf(Locale.ROOT, "%d turning points: %d with evidence, %d none found, %d retrieval failed; "
            + "%d added, %d updated, %d removed, %d duplicates indexed once; %d warnings in the files read "
            + "(tpsearch lint lists all)%n",
        s.points(), s.byStatus().getOrDefault(EvidenceStatus.FOUND, 0), s.byStatus().getOrDefault(EvidenceStatus.NONE, 0),
        s.byStatus().getOrDefault(EvidenceStatus.FAILED, 0), s.added(), s.updated(), s.deleted(), s.duplicates(),
        s.problems().size());
    out.printf(Locale.ROOT, "%.1f s; reports %.1f MB, index %.1f MB (%.2fx); peak heap %.0f MB%n", s.millis() / 1000.0,
        s.rawBytes() / 1e6, s.indexBytes() / 1e6, s.rawBytes() == 0 ? 0.0 : (double) s.indexBytes() / s.rawBytes(),
        (rt.totalMemory() - rt.freeMemory()) / 1e6);
    out.flush();
    return ExitCodes.OK;
  }

  /** At most this many followed links are listed one a line; the rest are counted. */
  static final int LINKS_LISTED = 20;

  /** Says on stderr which symbolic links the walk followed (it follows them as ripgrep -L does). */
  static void sayFollowed(List<CorpusScan.Link> followed, PrintWriter err) {
    for (int i = 0; i < Math.min(followed.size(), LINKS_LISTED); i++) {
      err.println("followed symbolic link " + TerminalText.line(followed.get(i)));
    }
    if (followed.size() > LINKS_LISTED) {
      err.println("followed " + (followed.size() - LINKS_LISTED) + " more symbolic links");
    }
  }
}
