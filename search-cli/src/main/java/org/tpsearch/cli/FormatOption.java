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
    return renderer(spec, kind, colour, false);
  }

  /** As above; {@code links}: source URLs as terminal hyperlinks (text only). */
  Renderer renderer(picocli.CommandLine.Model.CommandSpec spec, Renderer.Kind kind, boolean colour, boolean links) {
    Renderer r = format == Format.text ? new TextRenderer(colour, links) : of(format, colour);
    if (!r.supports(kind)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + " cannot write "
          + kind.what + " (" + spec.name() + " writes " + supported(kind) + ")");
    }
    return r;
  }

  /**
   * Whether a default format from the environment or config.toml fits the command named
   * {@code command}: {@code format = "jsonl"} applies to search and lint, not to show, which then
   * keeps its own default instead of failing.
   */
  static boolean fits(String format, String command) {
    Renderer.Kind kind = switch (command) {
      case "search" -> Renderer.Kind.SEARCH;
      case "show" -> Renderer.Kind.POINT;
      case "facets" -> Renderer.Kind.FACETS;
      case "stats" -> Renderer.Kind.STATS;
      case "lint" -> Renderer.Kind.LINT;
      default -> null;
    };
    try {
      return kind != null && of(Format.valueOf(format), false).supports(kind);
    } catch (IllegalArgumentException e) {
      return false;
    }
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
