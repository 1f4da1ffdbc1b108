package org.tpsearch.cli;

import org.tpsearch.cite.CitationWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The shared {@code --format} option, and the one place a format becomes a renderer. */
public final class FormatOption {
  /** Output formats; each command writes those whose renderer supports its kind of result. */
  public enum Format {
    text("text"),
    json("json"),
    jsonl("jsonl"),
    csv("csv"),
    tsv("tsv"),
    bibtex("bibtex"),
    csl_json("csl-json"),
    ris("ris"),
    markdown("markdown"),
    latex("latex");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    /** The name a user types (csl-json); picocli matches it. */
    @Override
    public String toString() {
      return label;
    }
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: text, json (one document), jsonl (one object a line), csv or tsv (a table: search, "
          + "facets, show), bibtex, csl-json or ris (references: search, show); default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(names = "--bom", description = "csv and tsv: begin with a UTF-8 byte-order mark, so Excel reads Chinese right.")
  boolean bom;

  /** What a renderer may be asked for besides its format. */
  record Options(boolean colour, boolean links, boolean bom, boolean perItem, boolean full) {
    static Options of(boolean colour) {
      return new Options(colour, false, false, false, false);
    }
  }

  /**
   * The renderer of the chosen format, for results of {@code kind}: a usage error naming the
   * combination when the format cannot write them (never JSON instead).
   */
  Renderer renderer(CommandSpec spec, Renderer.Kind kind, boolean colour) {
    return renderer(spec, kind, colour, false);
  }

  /** As above; {@code links}: source URLs as terminal hyperlinks (text only). */
  Renderer renderer(CommandSpec spec, Renderer.Kind kind, boolean colour, boolean links) {
    return renderer(spec, kind, new Options(colour, links, bom, false, false));
  }

  /** As above, with every option. */
  Renderer renderer(CommandSpec spec, Renderer.Kind kind, Options options) {
    return renderer(spec, kind, format, new Options(options.colour(), options.links(), bom, options.perItem(),
        options.full()));
  }

  /** The renderer of {@code format} for {@code kind}, or a usage error naming the combination. */
  static Renderer renderer(CommandSpec spec, Renderer.Kind kind, Format format, Options options) {
    Renderer r = of(format, options);
    if (!r.supports(kind)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format " + format + " cannot write "
          + kind.what + " (" + spec.name() + " writes " + supported(kind) + ")");
    }
    if (options.bom() && format != Format.csv && format != Format.tsv) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--bom is for --format csv or tsv, not " + format);
    }
    return r;
  }

  /**
   * Whether a default format from the environment or config.toml fits the command named
   * {@code command}: {@code format = "jsonl"} applies to search and lint, not to show, which then
   * keeps its own default instead of failing.
   */
  static boolean fits(String format, String command) {
    Renderer.Kind kind = command.equals("cite") || command.equals("table") ? null : kindOf(command);
    try {
      return kind != null && of(parse(format), Options.of(false)).supports(kind);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The kind of result the command named {@code command} writes, or null for one without {@code --format}. */
  static Renderer.Kind kindOf(String command) {
    return switch (command) {
      case "search" -> Renderer.Kind.SEARCH;
      case "show" -> Renderer.Kind.POINT;
      case "facets" -> Renderer.Kind.FACETS;
      case "stats" -> Renderer.Kind.STATS;
      case "lint" -> Renderer.Kind.LINT;
      case "cite" -> Renderer.Kind.CITATIONS;
      case "table" -> Renderer.Kind.TABLE;
      case "duplicates" -> Renderer.Kind.DUPLICATES;
      default -> null;
    };
  }

  /** The names of the formats that can write {@code kind}, for completion and messages. */
  static java.util.List<String> names(Renderer.Kind kind) {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (Format f : Format.values()) {
      if (of(f, false).supports(kind)) {
        names.add(f.toString());
      }
    }
    return names;
  }

  /**
   * Makes each command's {@code --format} complete to the formats that command writes (the option
   * is shared, its values are not).
   */
  static void completeFormats(picocli.CommandLine cl) {
    for (java.util.Map.Entry<String, picocli.CommandLine> e : cl.getSubcommands().entrySet()) {
      Renderer.Kind kind = kindOf(e.getKey());
      CommandSpec spec = e.getValue().getCommandSpec();
      picocli.CommandLine.Model.OptionSpec o = spec.findOption("--format");
      if (kind != null && o != null) {
        spec.remove(o);
        spec.addOption(picocli.CommandLine.Model.OptionSpec.builder(o).completionCandidates(names(kind)).build());
      }
    }
  }

  /** The format a user typed: its name, any case (csl-json). */
  static Format parse(String name) {
    for (Format f : Format.values()) {
      if (f.label.equalsIgnoreCase(name.strip()) || f.name().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("no format '" + name + "'");
  }

  /** The renderer of {@code format}. */
  static Renderer of(Format format, boolean colour) {
    return of(format, Options.of(colour));
  }

  /** The renderer of {@code format} with {@code options}. */
  static Renderer of(Format format, Options o) {
    return switch (format) {
      case text -> new TextRenderer(o.colour(), o.links());
      case json -> o.full() ? JsonRenderer.FULL : JsonRenderer.INSTANCE;
      case jsonl -> o.full() ? JsonLinesRenderer.FULL : JsonLinesRenderer.INSTANCE;
      case csv -> new DelimitedRenderer(DelimitedRenderer.Dialect.CSV, o.bom(), o.perItem());
      case tsv -> new DelimitedRenderer(DelimitedRenderer.Dialect.TSV, o.bom(), o.perItem());
      case bibtex -> new CitationRenderer(CitationWriter.BIBTEX);
      case csl_json -> new CitationRenderer(CitationWriter.CSL_JSON);
      case ris -> new CitationRenderer(CitationWriter.RIS);
      case markdown -> new PaperTableRenderer(PaperTableRenderer.Dialect.MARKDOWN);
      case latex -> new PaperTableRenderer(PaperTableRenderer.Dialect.LATEX);
    };
  }

  private static String supported(Renderer.Kind kind) {
    java.util.List<String> names = names(kind);
    return names.size() <= 1 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
