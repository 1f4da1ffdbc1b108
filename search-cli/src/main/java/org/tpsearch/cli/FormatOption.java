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

  /**
   * The renderer of the chosen format, for results of {@code kind}: a usage error naming the
   * combination when the format cannot write them (never JSON instead).
   */
  Renderer renderer(picocli.CommandLine.Model.CommandSpec spec, Renderer.Kind kind, boolean colour) {
    Renderer r = of(format, colour);
    if (!r.supports(kind)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + " cannot write "
          + kind.what + " (" + spec.name() + " writes " + supported(kind) + ")");
    }
    return r;
  }

  /** The renderer of {@code format}. */
  static Renderer of(Format format, boolean colour) {
    return switch (format) {
      case text -> new TextRenderer(colour);
      case json -> JsonRenderer.INSTANCE;
      case jsonl -> JsonLinesRenderer.INSTANCE;
    };
  }

  private static String supported(Renderer.Kind kind) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Format f : Format.values()) {
      if (of(f, false).supports(kind)) {
        names.add(f.name());
      }
    }
    return String.join(" or ", names);
  }
}
