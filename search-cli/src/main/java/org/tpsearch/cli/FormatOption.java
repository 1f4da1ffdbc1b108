package org.tpsearch.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format} option. */
public final class FormatOption {
  /** Output formats. */
  public enum Format {
    text,
    json,
    jsonl
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json is one document, "
          + "jsonl one object a line.")
  Format format = Format.text;
}
