package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.Searcher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The lifecycle of every command that answers from an index, written once (as jbang's
 * {@code BaseCommand.doCall()}): check the options, open the index that answers, warn when another
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

  /** The command's work on the open index; returns the exit code. */
  abstract int run(Searcher searcher, IndexHandle handle) throws Exception;

  @Override
  public final Integer call() throws Exception {
    validate();
    Context context = main.context();
    IndexHandle handle = longRunning() ? context.openIndexLongRunning(index.index) : context.openIndex(index.index);
    try {
      Context.warnIfStale(handle, err());
      Timing.mark("open index");
      Searcher searcher = context.searcher(handle);
      Timing.mark("glossary + analyzers");
      return run(searcher, handle);
    } finally {
      Context.closeQuietly(handle);
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
