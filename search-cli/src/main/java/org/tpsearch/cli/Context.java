package org.tpsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tpsearch.analysis.Glossary;
import org.tpsearch.index.IndexException;
import org.tpsearch.search.IdentityKey;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.IndexLocation;
import org.tpsearch.search.IndexOpener;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.SearchBackend;
import org.tpsearch.search.Searcher;

/** What commands share: the environment, whether output is a terminal, and lazily made services. */
public final class Context {
  private final Map<String, String> env;
  private final boolean terminal;
  private final java.util.function.BooleanSupplier errTerminal;
  private final IndexOpener opener;
  private final java.util.function.Supplier<Glossary> baseGlossary;
  private Glossary glossary;
  private Settings settings;

  /** A context whose stderr is not a terminal. */
  public Context(Map<String, String> env, boolean terminal) {
    this(env, terminal, () -> false);
  }

  /** A context; whether stderr is a terminal is asked only when a command wants to know (a progress bar). */
  public Context(Map<String, String> env, boolean terminal, java.util.function.BooleanSupplier errTerminal) {
    this(env, terminal, errTerminal, null, QueryCompiler::defaultGlossary);
  }

  /**
   * A context for one command that the search daemon runs for a client: indexes come from
   * {@code opener} (the daemon's open ones, paths resolved against the client's folder) and the
   * built-in glossary from {@code baseGlossary} (loaded once per daemon).
   */
  Context(Map<String, String> env, boolean terminal, java.util.function.BooleanSupplier errTerminal, IndexOpener opener,
      java.util.function.Supplier<Glossary> baseGlossary) {
    this.env = Map.copyOf(env);
    this.terminal = terminal;
    this.errTerminal = errTerminal;
    this.opener = opener;
    this.baseGlossary = baseGlossary;
  }

  public Map<String, String> env() {
    return env;
  }

  /** Whether stdout is a terminal (progress bars, colour). */
  public boolean terminal() {
    return terminal;
  }

  /** Whether stderr is a terminal: progress is drawn there, so it decides whether there is a bar. */
  public boolean errTerminal() {
    return errTerminal.getAsBoolean();
  }

  private String colorOption;

  /** The --color option's value (auto, always, never), which wins over the settings. */
  void colorOption(String mode) {
    this.colorOption = mode;
  }

  /**
   * Whether to colour stdout: --color, else $TPSEARCH_COLOR, else config.toml, else auto (a terminal
   * that is not TERM=dumb); never when NO_COLOR is set (https://no-color.org; set to anything, even
   * empty, as this project always read it).
   */
  public boolean colour() {
    if (env.containsKey("NO_COLOR")) {
      return false;
    }
    String mode = colorOption != null ? colorOption : settings().get(Settings.Key.COLOR).value();
    return switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "always" -> true;
      case "never" -> false;
      default -> terminal && !"dumb".equals(env.get("TERM"));
    };
  }

  /**
   * Whether source URLs may be OSC 8 hyperlinks. Conservative: only with colour on a terminal, not
   * inside screen or tmux, and only in terminals known to show them (iTerm2, WezTerm, VS Code,
   * kitty, Ghostty, Windows Terminal, VTE 0.50+ such as GNOME Terminal); FORCE_HYPERLINK=1 or 0
   * decides for any other terminal.
   */
  public boolean hyperlinks() {
    if (!terminal || !colour()) {
      return false;
    }
    String force = env.get("FORCE_HYPERLINK");
    if (force != null && !force.isBlank()) {
      return !force.strip().equals("0");
    }
    String term = env.getOrDefault("TERM", "");
    if (term.startsWith("screen") || term.startsWith("tmux") || env.containsKey("TMUX")) {
      return false;
    }
    String program = env.getOrDefault("TERM_PROGRAM", "");
    if (java.util.Set.of("iTerm.app", "WezTerm", "vscode", "ghostty").contains(program)
        || term.equals("xterm-kitty") || term.equals("xterm-ghostty") || env.containsKey("WT_SESSION")) {
      return true;
    }
    try {
      return Integer.parseInt(env.getOrDefault("VTE_VERSION", "0").strip()) >= 5000;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The user's settings (environment, config.toml, defaults), read once.
   *
   * @throws Settings.ConfigException for a malformed config file or value
   */
  public synchronized Settings settings() {
    if (settings == null) {
      settings = Settings.load(env);
    }
    return settings;
  }

  /**
   * The glossary with region and sector aliases and the user's glossary.tsv (beside config.toml),
   * loaded once: a user's groups apply from the next query on, with no rebuild.
   */
  public synchronized Glossary glossary() {
    if (glossary == null) {
      Glossary g = baseGlossary.get();
      Glossary user = settings().userGlossary();
      glossary = user == null ? g : g.with(user);
    }
    return glossary;
  }

  /** Opens the index that answers (see {@link IndexLocation}) for one command. */
  public IndexHandle openIndex(Path flag) throws IndexException {
    return open(flag, IndexHandle.Access.ONE_SHOT);
  }

  /** Opens the index that answers for many queries (shell, serve, bench). */
  public IndexHandle openIndexLongRunning(Path flag) throws IndexException {
    return open(flag, IndexHandle.Access.LONG_RUNNING);
  }

  /** --index, else $TPSEARCH_INDEX, else config.toml's index, else the default or embedded index. */
  private IndexHandle open(Path flag, IndexHandle.Access access) throws IndexException {
    IndexOpener o = opener != null ? opener : IndexOpener.direct(access);
    String fromEnv = env.get(IndexLocation.ENV);
    if (flag == null && (fromEnv == null || fromEnv.isBlank())) {
      Path configured = settings().configIndex(env);
      if (configured != null) {
        return o.folder(configured, "index at " + configured + " (" + settings().get(Settings.Key.INDEX).source() + ")");
      }
    }
    return IndexLocation.open(flag, env, o);
  }

  /**
   * The engine that answers a command: the one place that decides it. The local index by the rule
   * of {@link #openIndex} (read for one query, or for many when {@code longRunning}).
   */
  public SearchBackend openBackend(Path indexFlag, boolean longRunning) throws IndexException {
    return openBackend(indexFlag, null, longRunning);
  }

  /**
   * The engine that answers: {@code --engine}, else {@code --index}, else $TPSEARCH_ENGINE, else
   * $TPSEARCH_INDEX, else config.toml's engine, else its index, else the default or embedded index.
   * A cluster is opened with nothing of the local index loaded.
   */
  public SearchBackend openBackend(Path indexFlag, String engineFlag, boolean longRunning) throws IndexException {
    return openBackend(indexFlag, engineFlag, longRunning, null);
  }

  /** The same, warning on {@code err} (when not null) of a config.toml whose secret others can read. */
  public SearchBackend openBackend(Path indexFlag, String engineFlag, boolean longRunning, java.io.PrintWriter err)
      throws IndexException {
    String engine = engineFlag;
    if (engine == null && indexFlag == null) {
      Settings.Value v = settings().get(Settings.Key.ENGINE);
      String fromEnv = env.get(IndexLocation.ENV);
      boolean envIndex = fromEnv != null && !fromEnv.isBlank();
      if (v != null && v.value() != null && !v.value().isBlank() && !(envIndex && v.source().startsWith("config"))) {
        engine = v.value();
      }
    }
    if (engine != null) {
      org.tpsearch.opensearch.Cluster cluster;
      try {
        cluster = connect(engine, err);
      } catch (IllegalArgumentException e) {
        // A URL it cannot use is a usage error, as 'index --to' says; a password in it is never printed.
        throw new Settings.ConfigException("bad engine URL " + org.tpsearch.opensearch.Cluster.redacted(engine) + ": "
            + e.getMessage());
      }
      return org.tpsearch.search.ClusterBackend.open(cluster, glossary());
    }
    IndexHandle handle = longRunning ? openIndexLongRunning(indexFlag) : openIndex(indexFlag);
    Timing.mark("open index");
    if (longRunning && opener == null && handle.path() != null) {
      // shell and serve follow 'tpsearch index': each request reads the newest commit.
      return new org.tpsearch.search.LiveBackend(org.tpsearch.search.LiveIndex.of(handle), this::searcher);
    }
    return new LuceneBackend(searcher(handle));
  }

  /**
   * The cluster index {@code url} names, reached with the engine settings (credentials, CA,
   * timeouts: the environment, else config.toml); warns on {@code err} (when not null) that
   * config.toml holds a secret others can read.
   *
   * @throws IllegalArgumentException for a URL or CA file tpsearch cannot use
   */
  public org.tpsearch.opensearch.Cluster connect(String url, java.io.PrintWriter err) {
    String exposed = settings().exposedSecretWarning();
    if (exposed != null && err != null) {
      err.println("tpsearch: warning: " + exposed);
      err.flush();
    }
    return org.tpsearch.opensearch.Cluster.connect(url, settings().engineAccess(env));
  }

  /**
   * A searcher over the index that answers. Its query compiler (and so its compiled queries) is
   * kept with the open reader for this glossary: the search daemon's next command reuses them.
   */
  public Searcher searcher(IndexHandle handle) {
    Glossary g = glossary();
    return new Searcher(handle, handle.shared(new IdentityKey(g), () -> new QueryCompiler(g, handle.reader())));
  }

  /** The user's default index folder. */
  public Path defaultIndex() {
    return IndexLocation.defaultIndex(env);
  }

  /**
   * Warns (one line on stderr) when an index was written by another schema version: its text may
   * be analyzed differently, so some words could be missed until it is indexed again.
   */
  static void warnIfStale(SearchBackend h, java.io.PrintWriter err) {
    String v = h.schemaVersion();
    if (!org.tpsearch.index.Schema.VERSION.equals(v)) {
      err.println("tpsearch: warning: " + h.description() + " was written by another version of tpsearch (schema "
          + (v == null ? "unknown" : v) + ", this one is " + org.tpsearch.index.Schema.VERSION
          + "); some matches may be missed until you run 'tpsearch index' again");
      err.flush();
    }
  }

  static void closeQuietly(java.io.Closeable h) {
    if (h != null) {
      try {
        h.close();
      } catch (IOException ignored) {
        // Nothing useful to say after the answer was printed.
      }
    }
  }
}
