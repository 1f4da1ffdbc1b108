package org.tpsearch.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.IndexException;
import org.tpsearch.search.QueryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code tpsearch} command: subcommands, exit codes, and the one place that exits. */
@Command(name = "tpsearch", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    // Inherited: every subcommand gets -h/--help (the usage-error hint points there) and -V.
    scope = ScopeType.INHERIT,
    description = "Full-text search over turning-point reports on China's carbon emissions.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:found something (or did what was asked)",
        "1:no hits (search, show), or warnings (lint)",
        "2:usage error: bad option, value or query",
        "3:input or index error: a file or index that cannot be read or written",
        "4:internal error (a bug: please report it, with -v)"},
    footer = {"", "Which index answers: --index, else $TPSEARCH_INDEX, else your default index "
        + "(made by 'tpsearch index'), else the embedded sample index."})
public final class Main implements java.util.concurrent.Callable<Integer> {
  private final Context context;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show details of errors (stack traces).")
  boolean verbose;

  /** When colour is used: on a terminal (auto), always (for less -R), or never. NO_COLOR still wins. */
  enum ColorMode {
    auto,
    always,
    never
  }

  @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT,
      description = "Colour: auto (on a terminal), always or never. Default: $TPSEARCH_COLOR, else config.toml's color, "
          + "else auto; NO_COLOR turns it off.")
  void color(ColorMode mode) {
    context.colorOption(mode == null ? null : mode.name());
  }

  @Option(names = "--no-pager", scope = ScopeType.INHERIT,
      description = "Do not page long output (by default it goes through $PAGER, less -FRX, on a terminal).")
  boolean noPager;

  @Option(names = "--no-daemon", scope = ScopeType.INHERIT,
      description = "Answer in this process: neither use nor start the search daemon (also TPSEARCH_DAEMON=0).")
  boolean noDaemon;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public Main(Context context) {
    this.context = context;
  }

  Context context() {
    return context;
  }

  /** No command: a usage error (exit 2, as grep and ripgrep), the help on stderr. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("tpsearch: a command is required");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Held so the level sticks: Lucene's note about the vector module is noise for a CLI. */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    Timing.jvmStarted();
    java.io.PrintStream stdout = org.tpsearch.client.OutputFailure.install();
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    Context ctx = new Context(System.getenv(), isTerminal(), Main::isErrTerminal);
    String first = args.length > 0 ? args[0] : null;
    CommandLine cl = newCommandLine(ctx, first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help") ? first : null);
    Timing.mark("picocli set-up");
    if (first != null && DEVELOPER_TOOLS.contains(first) && !cl.getSubcommands().containsKey(first)) {
      System.err.println("tpsearch: '" + first + "' is a developer tool, not part of this distribution: run it from a "
          + "source checkout (./tpsearch " + first + "), or put the tools module's target/lib beside lib/ as tools/");
      System.exit(ExitCodes.USAGE);
    }
    Pager pager = Pager.start(ctx, cl, List.of(args));
    int code = cl.execute(args);
    if (pager != null) {
      pager.close();
    }
    cl.getOut().flush();
    stdout.flush();
    String failed = org.tpsearch.client.OutputFailure.message();
    if (failed != null) {
      System.err.println(failed);
      code = Math.max(code, org.tpsearch.client.OutputFailure.EXIT);
    }
    Timing.mark("command");
    System.exit(code);
  }

  /** Commands of the tools module, present only when it is on the class path. */
  private static final java.util.Set<String> DEVELOPER_TOOLS = java.util.Set.of("eval", "bench");

  /** The subcommands, in help order. Built lazily: picocli's reflection is most of its start-up. */
  private static final Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, java.util.function.Supplier<Object>> subcommands() {
    Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
    m.put("search", SearchCommand::new);
    m.put("show", ShowCommand::new);
    m.put("facets", FacetsCommand::new);
    m.put("cite", CiteCommand::new);
    m.put("table", TableCommand::new);
    m.put("stats", StatsCommand::new);
    m.put("duplicates", DuplicatesCommand::new);
    m.put("index", IndexCommand::new);
    m.put("lint", LintCommand::new);
    m.put("export", ExportCommand::new);
    tool(m, "eval", "org.tpsearch.cli.EvalCommand");
    m.put("shell", ShellCommand::new);
    m.put("serve", ServeCommand::new);
    tool(m, "bench", "org.tpsearch.cli.BenchCommand");
    m.put("daemon", DaemonCommand::new);
    m.put("config", ConfigCommand::new);
    m.put("completion", CompletionCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    return m;
  }

  /**
   * Adds a developer tool's command, made only when the tools module is on the class path (a
   * source checkout's {@code ./tpsearch}, or a distribution with a {@code tools/} folder); the
   * product jar has none, and the supplier then gives null. Looked up only when the command is built.
   */
  private static void tool(Map<String, java.util.function.Supplier<Object>> m, String name, String className) {
    m.put(name, () -> {
      try {
        return Class.forName(className, true, Main.class.getClassLoader()).getDeclaredConstructor().newInstance();
      } catch (ClassNotFoundException e) {
        return null;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make the '" + name + "' command", e);
      }
    });
  }

  /** A configured command line with every subcommand; tests set its out and err writers. */
  public static CommandLine newCommandLine(Context ctx) {
    return newCommandLine(ctx, null);
  }

  /**
   * A configured command line. When {@code only} names a subcommand, only that one is built, so
   * a search does not pay for reflecting over every other command; help and errors get them all.
   */
  static CommandLine newCommandLine(Context ctx, String only) {
    Main main = new Main(ctx);
    CommandLine cl = new CommandLine(main);
    for (Map.Entry<String, java.util.function.Supplier<Object>> e : SUBCOMMANDS.entrySet()) {
      Object command = only == null || only.equals(e.getKey()) ? e.getValue().get() : null;
      if (command != null) {
        cl.addSubcommand(e.getKey(), command);
      }
    }
    // "-word excludes" (search --help): in the commands that take a query, an argument that is not
    // an option is a query word even when it starts with '-' (碳达峰 -工业). Unknown --options are
    // still rejected, by FilterOptions.queryText.
    for (String name : List.of("search", "facets", "duplicates")) {
      CommandLine sub = cl.getSubcommands().get(name);
      if (sub != null) {
        sub.setUnmatchedOptionsArePositionalParams(true);
        FilterOptions.addDimensionOptions(sub.getCommandSpec());
      }
    }
    if (only == null) {
      // Help, completion and man pages: each --format lists what its command writes. (Not on the
      // path of one command: that would load every renderer to ask it.)
      FormatOption.completeFormats(cl);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setDefaultValueProvider(settingsDefaults(ctx, cl));
    // Help text wraps between words, never inside a Chinese word (新疆维吾 / 尔自治区).
    cl.setHelpFactory(WordWrapHelp::new);
    // An argument the JVM could not decode is said before anything else: it would otherwise be
    // searched for, or be a bad value, as '???'.
    CommandLine.IExecutionStrategy strategy = cl.getExecutionStrategy();
    cl.setExecutionStrategy(parsed -> {
      String unreadable = unreadableArgument(parsed.originalArgs(), ctx.env());
      if (unreadable != null) {
        return unreadable(parsed.commandSpec().commandLine().getErr(), unreadable);
      }
      return strategy.execute(parsed);
    });
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      String unreadable = unreadableArgument(List.of(args), ctx.env());
      if (unreadable != null) {
        return unreadable(err, unreadable);
      }
      err.println("tpsearch: " + TerminalText.line(ex.getMessage()));
      err.println("(see 'tpsearch " + subcommandPath(ex.getCommandLine()) + "--help')");
      err.flush();
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      int code;
      String message;
      Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
      if (e instanceof Settings.ConfigException) {
        code = ExitCodes.USAGE;
        message = e.getMessage();
      } else if (e instanceof QueryException) {
        code = ExitCodes.USAGE;
        message = "bad query: " + e.getMessage();
      } else if (e instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
        // UserQuery caps the words well below this; should a query still expand past Lucene's
        // limit, it is still a query to shorten, not a crash.
        code = ExitCodes.USAGE;
        message = "bad query: " + TOO_COMPLEX;
      } else if (e instanceof CommandLine.ParameterException pe) {
        code = ExitCodes.USAGE;
        message = pe.getMessage();
      } else if (e instanceof org.tpsearch.search.NotSupportedByEngine) {
        code = ExitCodes.USAGE;
        message = e.getMessage();
      } else if (e instanceof IndexException) {
        code = ExitCodes.INPUT;
        message = e.getMessage();
      } else if (e instanceof NoSuchFileException nf) {
        code = ExitCodes.INPUT;
        message = nf.getFile() + ": no such file or folder";
      } else if (e instanceof AccessDeniedException ad) {
        code = ExitCodes.INPUT;
        message = "cannot read " + ad.getFile() + ": permission denied";
      } else if (e instanceof IOException) {
        code = ExitCodes.INPUT;
        message = e.getMessage();
      } else {
        code = ExitCodes.INTERNAL;
        message = "internal error: " + e + (main.verbose ? "" : " (run with -v for details)");
      }
      err.println("tpsearch: " + TerminalText.line(message));
      if (main.verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    return cl;
  }

  private static int unreadable(PrintWriter err, String message) {
    err.println("tpsearch: " + TerminalText.line(message));
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * Why one of {@code args} cannot be read, or null. The JVM decodes arguments in the locale's
   * charset: in the C or POSIX locale (ASCII), each byte of a Chinese argument becomes U+FFFD, and
   * {@code search 电力} would search for '??????'. The locale is the command's {@code env} (in the
   * daemon, the client's): LC_ALL, else LC_CTYPE, else LANG, as the C library reads them.
   */
  static String unreadableArgument(List<String> args, Map<String, String> env) {
    for (String a : args) {
      if (a.indexOf('\uFFFD') < 0) {
        continue;
      }
      String shown = "'" + a.replace('\uFFFD', '?') + "'";
      String locale = null;
      for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
        String v = env.get(name);
        if (v != null && !v.isEmpty()) {
          locale = name + "=" + v;
          break;
        }
      }
      String upper = locale == null ? "" : locale.toUpperCase(java.util.Locale.ROOT).replace("-", "");
      if (upper.contains("UTF8")) {
        return "the argument " + shown + " cannot be read: it is not valid UTF-8 (each '?' stands for bytes that are "
            + "not), or the locale (" + locale + ") is not installed; set one that is, e.g. LC_ALL=C.UTF-8";
      }
      return "the argument " + shown + " cannot be read: the locale ("
          + (locale == null ? "none set: POSIX" : locale) + ") is not UTF-8, so non-ASCII characters arrive as '?'; "
          + "set a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }
    return null;
  }

  /** What a query that expands past Lucene's clause limit is told (CLI and HTTP). */
  static final String TOO_COMPLEX = "the query expands to too many terms; use fewer words";

  private static String subcommandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }

  /** Whether stdout is a terminal; JDK 22+ has Console.isTerminal, JDK 21 returns no console when redirected. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * Whether stderr is a terminal. The JDK cannot tell for stderr alone; on Linux its file
   * descriptor names the device (a pseudo-terminal or a console); elsewhere: not a terminal, no bar.
   */
  static boolean isErrTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** For tests: a context with the given environment, not a terminal. */
  static Context testContext(Map<String, String> env) {
    return new Context(env, false);
  }

  /**
   * --limit and --format default to the environment's or config.toml's value, when set; an option
   * on the command line wins (picocli asks this provider only for options not given). The shell's
   * search lines use the same provider, so a configured limit or format holds there too.
   */
  static CommandLine.IDefaultValueProvider settingsDefaults(Context ctx, CommandLine cl) {
    return arg -> {
      if (arg instanceof CommandLine.Model.OptionSpec o) {
        Settings.Key key = switch (o.longestName()) {
          case "--limit" -> Settings.Key.LIMIT;
          case "--format" -> Settings.Key.FORMAT;
          default -> null;
        };
        if (key != null) {
          try {
            String v = ctx.settings().userValue(key);
            if (v == null) {
              return null;
            }
            v = v.toLowerCase(java.util.Locale.ROOT);
            // A default format the command cannot write (jsonl for show) leaves the command's own default.
            return key == Settings.Key.FORMAT && !FormatOption.fits(v, arg.command().name()) ? null : v;
          } catch (Settings.ConfigException ex) {
            throw new CommandLine.ParameterException(cl, ex.getMessage(), ex, arg, null);
          }
        }
      }
      return null;
    };
  }
}
