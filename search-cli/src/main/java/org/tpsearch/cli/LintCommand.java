package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tpsearch.index.Indexer;
import org.tpsearch.model.EvidenceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch lint DIR...}: every problem in the reports, with file and line. */
@Command(name = "lint", description = {"Read reports and list every problem with file and line: malformed headings, "
    + "unknown types, bad confidences, declared vs found counts, conflicting copies, decoding fallbacks.",
    "Exit 0 when there is nothing to report, 1 when there are warnings."})
final class LintCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Result folders or report files.")
  List<Path> dirs;

  @Mixin
  FormatOption format;

  @Override
  public Integer call() throws Exception {
    Renderer renderer = format.renderer(spec, Renderer.Kind.LINT, main.context().colour());
    Indexer.LintResult r = Indexer.lint(dirs, Runtime.getRuntime().availableProcessors());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexCommand.sayFollowed(r.followed(), err);
    err.flush();
    renderer.lint(r, out);
    out.flush();
    return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  static String statusCounts(Indexer.LintResult r) {
    return r.byStatus().getOrDefault(EvidenceStatus.FOUND, 0) + " with evidence, "
        + r.byStatus().getOrDefault(EvidenceStatus.NONE, 0) + " none found, "
        + r.byStatus().getOrDefault(EvidenceStatus.FAILED, 0) + " retrieval failed";
  }
}
