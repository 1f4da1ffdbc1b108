package org.tpsearch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tpsearch.analysis.Glossary;
import org.tpsearch.index.IndexException;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.IndexLocation;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;

/** What commands share: the environment, whether output is a terminal, and lazily made services. */
public final class Context {
  private final Map<String, String> env;
  private final boolean terminal;
  private final java.util.function.BooleanSupplier errTerminal;
  private Glossary glossary;

  /** A context whose stderr is not a terminal. */
  public Context(Map<String, String> env, boolean terminal) {
    this(env, terminal, () -> false);
  }

  /** A context; whether stderr is a terminal is asked only when a command wants to know (a progress bar). */
  public Context(Map<String, String> env, boolean terminal, java.util.function.BooleanSupplier errTerminal) {
    this.env = Map.copyOf(env);
    this.terminal = terminal;
    this.errTerminal = errTerminal;
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

  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public boolean colour() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /** The glossary with region and sector aliases, loaded once. */
  public synchronized Glossary glossary() {
    if (glossary == null) {
      glossary = QueryCompiler.defaultGlossary();
    }
    return glossary;
  }

  /** Opens the index that answers (see {@link IndexLocation}) for one command. */
  public IndexHandle openIndex(Path flag) throws IndexException {
    return IndexLocation.open(flag, env, IndexHandle.Access.ONE_SHOT);
  }

  /** Opens the index that answers for many queries (shell, serve, bench). */
  public IndexHandle openIndexLongRunning(Path flag) throws IndexException {
    return IndexLocation.open(flag, env, IndexHandle.Access.LONG_RUNNING);
  }

  /** A searcher over the index that answers. */
  public Searcher searcher(IndexHandle handle) {
    return new Searcher(handle, new QueryCompiler(glossary(), handle.reader()));
  }

  /** The user's default index folder. */
  public Path defaultIndex() {
    return IndexLocation.defaultIndex(env);
  }

  /**
   * Warns (one line on stderr) when an index was written by another schema version: its text may
   * be analyzed differently, so some words could be missed until it is indexed again.
   */
  static void warnIfStale(IndexHandle h, java.io.PrintWriter err) {
    String v = h.schemaVersion();
    if (!org.tpsearch.index.Schema.VERSION.equals(v)) {
      err.println("tpsearch: warning: " + h.description() + " was written by another version of tpsearch (schema "
          + (v == null ? "unknown" : v) + ", this one is " + org.tpsearch.index.Schema.VERSION
          + "); some matches may be missed until you run 'tpsearch index' again");
      err.flush();
    }
  }

  static void closeQuietly(IndexHandle h) {
    if (h != null) {
      try {
        h.close();
      } catch (IOException ignored) {
        // Nothing useful to say after the answer was printed.
      }
    }
  }
}
