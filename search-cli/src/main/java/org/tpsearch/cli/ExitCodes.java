package org.tpsearch.cli;

/** The exit codes of tpsearch, listed in {@code --help}. */
public final class ExitCodes {
  /** Success; for search, at least one hit. */
  public static final int OK = 0;
  /** A search or look-up found nothing. */
  public static final int NO_HITS = 1;
  /** Bad usage: an unknown option, a bad value, a query that cannot be parsed. */
  public static final int USAGE = 2;
  /** Bad input or index: a file or index that cannot be read or written. */
  public static final int INPUT = 3;
  /** A bug in tpsearch. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
