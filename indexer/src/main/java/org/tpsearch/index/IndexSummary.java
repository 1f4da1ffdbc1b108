package org.tpsearch.index;

import java.util.List;
import java.util.Map;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Problem;

/**
 * What an indexing run did.
 *
 * @param index where the index is: its folder, or the URL of a cluster index
 * @param reportFiles report files found
 * @param parsedFiles report files read this run (new or changed)
 * @param unchangedFiles report files skipped because their size and time were unchanged
 * @param skippedFiles other files passed over (CSV, plots, logs...)
 * @param points turning points in the index after the run
 * @param byStatus those points by evidence status
 * @param added documents added
 * @param updated documents replaced
 * @param deleted documents removed (their files changed or went away)
 * @param duplicates points found in more than one file and indexed once
 * @param problems warnings of the files read this run, with file and line
 * @param followed symbolic links the walk followed
 * @param rawBytes bytes of all report files
 * @param indexBytes bytes of the index after the run
 * @param millis wall time of the run
 */
public record IndexSummary(
    String index,
    int reportFiles,
    int parsedFiles,
    int unchangedFiles,
    int skippedFiles,
    int points,
    Map<EvidenceStatus, Integer> byStatus,
    int added,
    int updated,
    int deleted,
    int duplicates,
    List<Problem> problems,
    List<CorpusScan.Link> followed,
    long rawBytes,
    long indexBytes,
    long millis) {
  public IndexSummary {
    byStatus = Map.copyOf(byStatus);
    problems = List.copyOf(problems);
    followed = List.copyOf(followed);
  }
}
