package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The lifecycle of every command that answers from an index, written once (as jbang's
 * {@code BaseCommand.doCall()}): check the options, open the engine that answers, warn when another
 * version wrote it, run, close. Subclasses say what to do with the open index.
 */
abstract class IndexReadingCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Mixin
  IndexOption index;

  /** Checks options before the index is opened: a usage error costs no index. */
  void validate() {}

  /** Whether the index stays open for many queries (shell, serve), not one. */
  boolean longRunning() {
    return false;
  }

  /** The command's work on the engine that answers; returns the exit code. */
  abstract int run(SearchBackend backend) throws Exception;

  @Override
  public final Integer call() throws Exception {
    validate();
    Context context = main.context();
    if (index.index != null && index.engine != null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--index and --engine name two indexes: give one");
    }
    SearchBackend backend = context.openBackend(index.index, index.engine, longRunning(), err());
    try {
      Context.warnIfStale(backend, err());
      Timing.mark("glossary + analyzers");
      return run(backend);
    } finally {
      Context.closeQuietly(backend);
    }
  }

  Context context() {
    return main.context();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
