package org.tpsearch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --index} option. */
public final class IndexOption {
  @Option(names = "--index", paramLabel = "PATH",
      description = "Index folder. Default: $TPSEARCH_INDEX, else your default index "
          + "(made by 'tpsearch index'), else the embedded sample index.")
  Path index;

  @Option(names = "--engine", paramLabel = "URL",
      description = "Search an OpenSearch index instead of a local one: http(s)://host:9200/index-name (made by "
          + "'tpsearch index DIR --to URL'). Default: $TPSEARCH_ENGINE, else config.toml's engine.")
  String engine;
}
