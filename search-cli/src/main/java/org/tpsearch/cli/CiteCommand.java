package org.tpsearch.cli;

import java.util.ArrayList;
import java.util.List;
import org.tpsearch.cite.Citation;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tpsearch cite ID[#N]...}: references of evidence items, for a bibliography. */
@Command(name = "cite", sortOptions = false,
    description = {"Write a reference for each evidence item of the turning points named (ID), or for item N "
        + "alone (ID#N): as BibTeX, CSL-JSON or RIS, or formatted in a CSL style (--style)."},
    footer = {"", "Examples:",
        "  tpsearch cite xinjiang/industry/2021-12-16/seasonal > refs.bib",
        "  tpsearch cite xinjiang/industry/2022-03-01/event#1 --format csl-json",
        "  tpsearch cite xinjiang/industry/2021-12-16/seasonal --style china-national-standard-gb-t-7714-2015-numeric"})
final class CiteCommand extends IndexReadingCommand {
  @Parameters(arity = "1..*", paramLabel = "ID[#N]", description = "Turning-point id, with #N for its item N alone.")
  List<String> ids;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bibtex",
      description = "bibtex, csl-json or ris (default: ${DEFAULT-VALUE}).")
  FormatOption.Format format;

  @Option(names = "--style", paramLabel = "NAME", description = "Format the references in a CSL style instead: apa, "
      + "china-national-standard-gb-t-7714-2015-numeric (GB/T 7714), chicago-author-date, ieee... (any name of the "
      + "official CSL collection).")
  String style;

  @Option(names = "--locale", paramLabel = "LOCALE",
      description = "With --style: the language of its terms (zh-CN, en-US...); default: the style's own.")
  String locale;

  private Renderer renderer;
  private final List<Wanted> wanted = new ArrayList<>();

  /** One argument: a point, and an item of it or every item (0). */
  private record Wanted(String id, int item, String arg) {}

  @Override
  void validate() {
    for (String arg : ids) {
      wanted.add(parse(arg));
    }
    if (style != null && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--style writes formatted references; it cannot be combined with --format " + format);
    }
    if (locale != null && style == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--locale needs --style");
    }
    if (style != null) {
      renderer = new CitationRenderer(styled(spec, context(), style, locale));
    } else {
      renderer = FormatOption.renderer(spec, Renderer.Kind.CITATIONS, format, FormatOption.Options.of(false));
    }
  }

  /** The style {@code name}, loaded: an unknown name is a usage error, a missing module an input error (exit 3). */
  static CslProcessor.Style styled(picocli.CommandLine.Model.CommandSpec spec, Context context, String name, String locale) {
    try {
      return CslProcessor.style(name.strip(), locale, "text", context.env());
    } catch (CslProcessor.UnknownStyleException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--style': " + e.getMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Wanted parse(String arg) {
    String a = arg.strip();
    int hash = a.lastIndexOf('#');
    if (hash < 0) {
      return new Wanted(a, 0, arg);
    }
    String n = a.substring(hash + 1);
    int item;
    try {
      item = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      item = -1;
    }
    if (item < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "'" + TerminalText.line(arg) + "': the item number after # must be a whole number from 1");
    }
    return new Wanted(a.substring(0, hash), item, arg);
  }

  @Override
  int run(SearchBackend searcher) throws Exception {
    List<Citation> out = new ArrayList<>();
    for (Wanted w : wanted) {
      StoredPoint p = searcher.show(w.id());
      if (p == null) {
        err().println("tpsearch: no turning point '" + TerminalText.line(w.id()) + "' in " + searcher.description()
            + " (see 'tpsearch search' for ids)");
        return ExitCodes.NO_HITS;
      }
      if (w.item() > p.items().size()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "'" + TerminalText.line(w.arg()) + "': "
            + p.id() + " has " + p.items().size() + (p.items().size() == 1 ? " evidence item" : " evidence items"));
      }
      if (p.items().isEmpty()) {
        err().println("tpsearch: " + p.id() + " cites no evidence (" + p.status() + "): nothing to write for it");
        continue;
      }
      out.addAll(Citations.of(p, w.item() == 0 ? List.of() : List.of(w.item())));
    }
    if (out.isEmpty()) {
      return ExitCodes.NO_HITS;
    }
    renderer.citations(out, out());
    out().flush();
    return ExitCodes.OK;
  }
}
