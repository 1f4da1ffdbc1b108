package org.tpsearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --index} option. */
public final class IndexOption {
  @Option(names = "--index", paramLabel = "PATH",
      description = "Index folder. Default: $TPSEARCH_INDEX, else your default index "
          + "(made by 'tpsearch index'), else the embedded sample index.")
  Path index;
}
