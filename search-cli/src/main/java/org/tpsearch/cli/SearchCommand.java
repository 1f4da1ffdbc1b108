package org.tpsearch.cli;

import java.util.List;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tpsearch search}: ranked turning points for a query, with filters and facets. */
@Command(name = "search", sortOptions = false,
    description = {
        "Search turning points. Words are all required; \"quoted phrases\" match exactly; -word excludes; a OR b.",
        "Without QUERY, lists every turning point that matches the filters, by date."},
    footer = {"", "Examples:",
        "  tpsearch search \"绿色电力 交易\"",
        "  tpsearch search 光伏 --region 新疆 --year 2021..2023 --min-confidence 0.6 --type Event",
        "  tpsearch search \"green power\" --sector Industry --facets --format json"})
final class SearchCommand extends IndexReadingCommand {
  @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Query words (joined with spaces).")
  List<String> query = List.of();

  @Mixin
  FilterOptions filters;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", converter = LimitConverter.class,
      description = "Hits to show, or all (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", completionCandidates = Candidates.SortOrders.class,
      description = "relevance, date or confidence (default: ${DEFAULT-VALUE}).")
  String sort;

  @Option(names = "--facets", description = "Also count turning points per value of every facet dimension (region, sector, year, ...).")
  boolean facets;

  @Option(names = "--no-expand", description = "Do not expand words with the glossary (绿电 → 绿色电力, green power...).")
  boolean noExpand;

  @Option(names = "--explain", description = "Show how the query was analyzed and expanded, and why each hit matched.")
  boolean explain;

  @Option(names = "--collapse", description = "Leave out a hit whose every evidence item is also cited by a hit above it "
      + "(same normalised title, 《document》, 文号 or URL), and list it after the hits.")
  boolean collapse;

  @Mixin
  FormatOption format;

  @Option(names = "--per-item", description = "csv and tsv: one row per evidence item of each hit (the items it shows), "
      + "not one per hit.")
  boolean perItem;

  @Option(names = "--full", description = "json and jsonl: each hit also carries every evidence item of its point in "
      + "full (items: title, time, fields, sources), as show does.")
  boolean full;


  private SearchRequest request;
  private Renderer renderer;

  @Override
  void validate() {
    request = request();
    if (perItem && format.format != FormatOption.Format.csv && format.format != FormatOption.Format.tsv) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--per-item is for --format csv or tsv, not " + format.format);
    }
    if (full && format.format != FormatOption.Format.json && format.format != FormatOption.Format.jsonl) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--full is for --format json or jsonl, not " + format.format);
    }
    renderer = format.renderer(spec, Renderer.Kind.SEARCH,
        new FormatOption.Options(context().colour(), context().hyperlinks(), false, perItem, full));
  }

  /** {@code --limit N} or {@code --limit all}, checked as the HTTP API checks it. */
  static final class LimitConverter implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) throws Exception {
      try {
        return SearchRequest.parseLimit(value);
      } catch (org.tpsearch.search.QueryException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    SearchResult result = collapse ? org.tpsearch.search.Collapse.search(backend, request) : backend.search(request);
    Timing.mark("search");
    // The hint goes out before the answer: the search daemon's clients write a command's stderr
    // before its stdout, so with both on one terminal or pipe (2>&1) the order is the same
    // in-process and through the daemon only this way.
    String hint = format.format == FormatOption.Format.text ? absentHint(result) : null;
    if (hint != null) {
      err().println(hint);
      err().flush();
    }
    renderer.search(result, backend::show, out());
    out().flush();
    return result.total() > 0 ? ExitCodes.OK : ExitCodes.NO_HITS;
  }

  /**
   * Why a query found nothing when one of its words is a topic no report mentions (光伏 核电):
   * the points with only its other words are not shown, which only --explain said. One line for
   * stderr; null when the query found something or has no such word.
   */
  static String absentHint(SearchResult r) {
    if (r.total() > 0 || r.absent().isEmpty()) {
      return null;
    }
    return "tpsearch: no report mentions " + TerminalText.line(String.join(" or ", r.absent()))
        + " in any form, so nothing matches the whole query (points with only the other words are not shown)";
  }

  /**
   * The request a line of search words and options describes (shell and bench lines): parsed as
   * {@code tpsearch search} parses its arguments, {@code -word} being an exclusion.
   */
  static SearchRequest requestFrom(String line) {
    return lineFrom(line, null).request();
  }

  /** A parsed line of search words and options: the request and the output format it asks for. */
  record Line(SearchRequest request, FormatOption.Format format) {}

  /**
   * Parses a line as {@code tpsearch search} parses its arguments; with a context, --limit and
   * --format default to the user's settings as on the command line.
   */
  static Line lineFrom(String line, Context ctx) {
    SearchCommand cmd = new SearchCommand();
    picocli.CommandLine cl = new picocli.CommandLine(cmd);
    if (ctx != null) {
      cl.setDefaultValueProvider(Main.settingsDefaults(ctx, cl));
    }
    cl.setUnmatchedOptionsArePositionalParams(true);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    FilterOptions.addDimensionOptions(cl.getCommandSpec());
    cl.parseArgs(ShellWords.split(line).toArray(new String[0]));
    return new Line(cmd.request(), cmd.format.format);
  }

  /** The options a search line may take, for completion. */
  static List<String> optionNames() {
    picocli.CommandLine cl = new picocli.CommandLine(new SearchCommand());
    FilterOptions.addDimensionOptions(cl.getCommandSpec());
    return cl.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names()))
        .filter(n -> n.startsWith("--")).sorted().toList();
  }

  /** The request the parsed options describe. */
  SearchRequest request() {
    SearchRequest.SortOrder order;
    try {
      order = SearchRequest.SortOrder.parse(sort);
    } catch (org.tpsearch.search.QueryException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--sort': " + e.getMessage());
    }
    return filters.request(filters.queryText(query), limit, order, facets, !noExpand, explain);
  }
}
