package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tpsearch.index.IndexSummary;
import org.tpsearch.index.Indexer;
import org.tpsearch.model.Problem;
import org.tpsearch.opensearch.BulkFileSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch export DIR... --format opensearch-bulk --output FOLDER}: the documents as files to load elsewhere. */
@Command(name = "export", description = {"Export result folders as files to load into a search engine yourself.",
    "opensearch-bulk: index.json (PUT /INDEX with it: settings, analysis, mapping) and bulk-0001.ndjson... "
        + "(POST /INDEX/_bulk with each), the documents 'index --to' would send. Needs analysis-smartcn on the cluster."},
    footer = {"", "Example:", "  tpsearch export results/ --format opensearch-bulk --output export/"})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Result folders or report files.")
  List<Path> dirs;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "What to write: opensearch-bulk.")
  String format;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FOLDER", description = "A new or empty folder to write into.")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "No warnings, only the summary.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("opensearch-bulk")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--format': '" + format + "' (expected opensearch-bulk)");
    }
    BulkFileSink sink = new BulkFileSink(output);
    IndexSummary s = Indexer.run(dirs, sink, Indexer.Options.defaults());
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      for (Problem p : s.problems()) {
        err.println("warning: " + TerminalText.line(p));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "exported %d turning points from %d report files to %s: index.json and %d bulk files "
        + "(%.1f MB); load with PUT /INDEX (index.json), then POST /INDEX/_bulk with each bulk file%n",
        sink.documents(), s.reportFiles(), output, sink.bulkFiles(), s.indexBytes() / 1e6);
    out.flush();
    return ExitCodes.OK;
  }
}
