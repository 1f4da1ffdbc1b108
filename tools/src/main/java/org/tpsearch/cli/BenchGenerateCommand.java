package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tpsearch.bench.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch bench generate OUT}: a deterministic synthetic corpus for benchmarks. */
@Command(name = "generate", description = {"Write a deterministic synthetic corpus in the pipeline's layout, for "
    + "benchmarks (same seed, same bytes). The text is generated, not facts; README.txt in OUT says so.",
    "Default: 3,000 report files, about 28,000 turning points, 26 MB; --scale 10: 30,000 files, 280,000 points, 260 MB."})
final class BenchGenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "OUT", description = "An empty or missing folder.")
  Path out;

  @Option(names = "--files", defaultValue = "3000", description = "Report files (default: ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--scale", paramLabel = "K", description = "K times the default corpus: 3000 x K report files "
      + "(1, 3 and 10 give the cost curve's 28,000, 84,000 and 280,000 points); overrides --files.")
  Integer scale;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (scale != null) {
      if (scale < 1 || scale > CorpusGenerator.MAX_SCALE) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--scale must be between 1 and " + CorpusGenerator.MAX_SCALE + ", got " + scale);
      }
      files = CorpusGenerator.DEFAULT_FILES * scale;
    }
    long start = System.nanoTime();
    CorpusGenerator.Summary s = CorpusGenerator.generate(out, files, seed);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "wrote %s: %d files (%d reports), %d turning points (%d distinct), %.1f MB of reports, in %.1f s%n",
        out, s.files(), s.reports(), s.points(), s.uniquePoints(), s.reportBytes() / 1e6, (System.nanoTime() - start) / 1e9);
    w.flush();
    return ExitCodes.OK;
  }
}
