package org.tpsearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What a run refused by another run's lock is told about when that lock lapses (session 8 hostile
 * trial: a lock edited by hand to a huge lease said "the lock lapses in 0 s", an overflow of
 * renewed + lease, and the run was refused all the same).
 */
class ClusterLockLapseTest {
  @Test
  void aRunsOwnLeaseSaysWhenItLapses() {
    assertEquals("should that run have been killed, the lock lapses in 48 s", ClusterLock.lapse(1000, 60, 1012, "tp.tpsearch-state"));
    assertEquals("should that run have been killed, the lock lapses in 0 s", ClusterLock.lapse(1000, 60, 1100, "tp.tpsearch-state"));
  }

  @Test
  void aLeaseSetByHandSaysHowToRemoveTheLock() {
    String said = ClusterLock.lapse(1_764_000_000L, Long.MAX_VALUE, 1_764_000_010L, "tp.tpsearch-state");
    assertEquals("its lease of " + Long.MAX_VALUE + " s is not one a run writes (60 s): if no run is writing, remove it with"
        + " DELETE /tp.tpsearch-state/_doc/lock", said);
  }
}
