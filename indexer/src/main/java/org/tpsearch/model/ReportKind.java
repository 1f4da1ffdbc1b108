package org.tpsearch.model;

/** The kinds of input file the indexer reads. */
public enum ReportKind {
  /** {@code {Region}_{Sector}_combined_info.txt} (or a {@code .md} in the same format). */
  COMBINED,
  /** {@code {Region}_{Sector}_{date}_{Type}_info.txt}: one point's answer alone. */
  PER_POINT
}
