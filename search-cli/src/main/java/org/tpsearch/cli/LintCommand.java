package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tpsearch.index.Indexer;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;
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
    Indexer.LintResult r = Indexer.lint(dirs, Runtime.getRuntime().availableProcessors());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexCommand.sayFollowed(r.followed(), err);
    err.flush();
    if (format.format == FormatOption.Format.text) {
      for (Problem p : r.problems()) {
        out.println(p);
      }
      out.println(r.reportFiles() + " report files, " + r.skippedFiles() + " other files skipped, " + r.points()
          + " turning points (" + statusCounts(r) + "), " + r.duplicates() + " duplicates, "
          + r.problems().size() + " warnings");
    } else {
      for (Problem p : r.problems()) {
        out.println(new Json().beginObject().field("file", p.file().toString()).field("line", p.line())
            .field("code", p.code()).field("message", p.message()).endObject());
      }
    }
    out.flush();
    return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  static String statusCounts(Indexer.LintResult r) {
    return r.byStatus().getOrDefault(EvidenceStatus.FOUND, 0) + " with evidence, "
        + r.byStatus().getOrDefault(EvidenceStatus.NONE, 0) + " none found, "
        + r.byStatus().getOrDefault(EvidenceStatus.FAILED, 0) + " retrieval failed";
  }
}
