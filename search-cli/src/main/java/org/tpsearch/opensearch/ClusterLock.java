package org.tpsearch.opensearch;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tpsearch.index.IndexException;

/**
 * The cluster's counterpart of a local index's {@code tpsearch.lock}: one index run at a time per
 * index name. The lock is a document ({@value #ID}) in the name's run-state index, created with
 * {@code op_type=create}, so of two runs that start at the same moment exactly one makes it; the
 * other fails at once, before it reads any report, naming the run that holds it.
 *
 * <p>A run cannot leave the lock behind for ever: it holds a lease of {@link #LEASE_SECONDS},
 * renewed every {@link #RENEW_SECONDS} by compare-and-set ({@code if_seq_no}), timed by the
 * cluster's clock (the node answering), not the machines' own. A lock whose lease ran out (its
 * run was killed, or lost the cluster) is taken over, again by compare-and-set, so two runs cannot
 * both take it; so is one left by an earlier run of this same process that has ended. A run that
 * cannot renew its lease stops writing before the lease can run out ({@link #check}), and one
 * whose lock was taken over stops at its next write: the new holder never writes beside it. The
 * time since the last renewal is the longer of the monotonic clock's and the wall clock's (the
 * first stands still while the machine sleeps). Before it deletes or replaces anything searches
 * read, a run asks the cluster whether the lock is still its own ({@link #confirm}): a lease that
 * lapsed unnoticed (the machine asleep, the document deleted by hand) is seen there, not after.
 */
public final class ClusterLock implements Closeable {
  /** The lock document's id, in {@code <name>.tpsearch-state}. */
  public static final String ID = "lock";
  /** How long a lock holds without being renewed. */
  public static final long LEASE_SECONDS = 60;
  /** How often the holder renews it. */
  static final long RENEW_SECONDS = 15;
  /** A holder that could not renew for the lease less this stops writing (the lease is timed from before its request). */
  private static final long SAFETY_SECONDS = 10;

  /** This process, so that a lock left by one of its ended runs (a failed run, say) is known as stale. */
  private static final String PROCESS = UUID.randomUUID().toString();
  /** Owners (runs) of this process that hold a lock now. */
  private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tpsearch-cluster-lock");
    t.setDaemon(true);
    return t;
  });

  private final Cluster cluster;
  private final String stateIndex;
  private final String owner = UUID.randomUUID().toString();
  private final String started = Instant.now().toString();
  private final Object guard = new Object();
  /** Held through a renewal's requests, so that the release does not cross one. */
  private final Object renewing = new Object();
  private long seqNo;
  private long primaryTerm;
  /** System.nanoTime() before the request that last set the lease. */
  private long leaseFrom;
  /**
   * System.currentTimeMillis() then: the monotonic clock stands still while the machine sleeps
   * (a laptop's lid closed), the cluster's clock and this one do not.
   */
  private long leaseFromWall;
  private String lost;
  private boolean closed;
  private java.util.concurrent.ScheduledFuture<?> renewal;
  private Thread hook;

  private ClusterLock(Cluster cluster, String stateIndex) {
    this.cluster = cluster;
    this.stateIndex = stateIndex;
  }

  /**
   * Takes the lock of the index whose run state is kept in {@code stateIndex} (which exists), or
   * fails at once with an {@link IndexException} naming the run that holds it.
   */
  public static ClusterLock acquire(Cluster cluster, String stateIndex) throws IOException, IndexException {
    ClusterLock lock = new ClusterLock(cluster, stateIndex);
    LIVE.add(lock.owner);
    boolean held = false;
    try {
      lock.take();
      held = true;
    } finally {
      if (!held) {
        LIVE.remove(lock.owner);
      }
    }
    lock.renewal = RENEWER.scheduleWithFixedDelay(lock::renew, RENEW_SECONDS, RENEW_SECONDS, TimeUnit.SECONDS);
    lock.hook = new Thread(lock::release, "tpsearch-cluster-lock-release");
    try {
      Runtime.getRuntime().addShutdownHook(lock.hook);
    } catch (IllegalStateException shuttingDown) {
      lock.hook = null;
    }
    return lock;
  }

  private void take() throws IOException, IndexException {
    for (int attempt = 0; attempt < 3; attempt++) {
      long t0 = System.nanoTime();
      long w0 = System.currentTimeMillis();
      long now = clusterNow();
      Cluster.Response r = cluster.send("PUT", "/" + stateIndex + "/_create/" + ID, JsonText.write(doc(now)), "application/json");
      if (r.ok()) {
        held(r, t0, w0);
        return;
      }
      if (r.status() != 409) {
        throw failure("take the lock", r);
      }
      Cluster.Response g = cluster.send("GET", "/" + stateIndex + "/_doc/" + ID, null, null);
      if (g.status() == 404) {
        continue; // released meanwhile
      }
      if (!g.ok()) {
        throw failure("read the lock", g);
      }
      Map<String, Object> holder = JsonText.map(g.body(), "_source");
      if (!stale(holder, now)) {
        throw busy(holder, now);
      }
      // Its run is gone: take it over, unless another run does first.
      Cluster.Response t = cluster.send("PUT", "/" + stateIndex + "/_doc/" + ID + "?if_seq_no="
          + (long) JsonText.number(g.body(), "_seq_no", -1) + "&if_primary_term=" + (long) JsonText.number(g.body(), "_primary_term", -1),
          JsonText.write(doc(now)), "application/json");
      if (t.ok()) {
        held(t, t0, w0);
        return;
      }
      if (t.status() != 409) {
        throw failure("take over the lock", t);
      }
    }
    Cluster.Response g = cluster.send("GET", "/" + stateIndex + "/_doc/" + ID, null, null);
    throw busy(JsonText.map(g.body(), "_source"), clusterNow());
  }

  private void held(Cluster.Response r, long t0, long w0) {
    synchronized (guard) {
      seqNo = (long) JsonText.number(r.body(), "_seq_no", -1);
      primaryTerm = (long) JsonText.number(r.body(), "_primary_term", -1);
      leaseFrom = t0;
      leaseFromWall = w0;
    }
  }

  /** Whether the run that holds {@code holder} is gone: its lease ran out, or it was a run of this process that ended. */
  private static boolean stale(Map<String, Object> holder, long now) {
    String owner = JsonText.string(holder, "owner");
    if (owner != null && LIVE.contains(owner)) {
      return false;
    }
    if (PROCESS.equals(JsonText.string(holder, "process"))) {
      return true;
    }
    long renewed = (long) JsonText.number(holder, "renewed", 0);
    long lease = (long) JsonText.number(holder, "lease", LEASE_SECONDS);
    return now - renewed > lease;
  }

  private IndexException busy(Map<String, Object> holder, long now) {
    long renewed = (long) JsonText.number(holder, "renewed", now);
    long lease = (long) JsonText.number(holder, "lease", LEASE_SECONDS);
    return new IndexException(null, "cannot write the index at " + cluster.url() + ": another 'tpsearch index' is writing it "
        + "(a run on " + JsonText.string(holder, "host") + ", started " + JsonText.string(holder, "started") + ", holds its lock "
        + stateIndex + "/_doc/" + ID + "; " + lapse(renewed, lease, now, stateIndex) + "); run again when it has finished", null);
  }

  /**
   * When a lock renewed at {@code renewed} with {@code lease} seconds lapses, seen at {@code now}
   * (cluster seconds). A lease no run writes (longer than a day: set by hand) never lapses in any
   * useful time, and {@code renewed + lease} may overflow (it said "lapses in 0 s"): then it says
   * how to remove the lock instead.
   */
  static String lapse(long renewed, long lease, long now, String stateIndex) {
    if (lease < 0 || lease > 86_400) {
      return "its lease of " + lease + " s is not one a run writes (" + LEASE_SECONDS + " s): if no run is writing, remove it with"
          + " DELETE /" + stateIndex + "/_doc/" + ID;
    }
    return "should that run have been killed, the lock lapses in " + Math.max(0, renewed + lease - now) + " s";
  }

  private Cluster.ClusterException failure(String what, Cluster.Response r) {
    return new Cluster.ClusterException("cannot " + what + " of " + cluster.url() + " (" + stateIndex + "/_doc/" + ID
        + "): the cluster answered " + r.status() + ": " + Cluster.reason(r.body()), r.status(), null);
  }

  private Map<String, Object> doc(long now) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("owner", owner);
    d.put("process", PROCESS);
    d.put("host", host());
    d.put("started", started);
    d.put("renewed", now);
    d.put("lease", LEASE_SECONDS);
    return d;
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unknown host";
    }
  }

  /** The cluster's time, in seconds since 1970 (its node's clock, the one every run's lease is timed by). */
  private long clusterNow() throws IOException {
    Cluster.Response r = cluster.send("GET", "/_cat/health?format=json&h=epoch", null, null);
    Object row = r.body() instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
    String epoch = JsonText.string(row, "epoch");
    if (!r.ok() || epoch == null) {
      throw new Cluster.ClusterException("cannot read the time of the cluster at " + cluster.url() + " (GET /_cat/health): "
          + Cluster.reason(r.body()), r.status(), null);
    }
    try {
      return Long.parseLong(epoch.strip());
    } catch (NumberFormatException e) {
      throw new Cluster.ClusterException("the cluster at " + cluster.url() + " gave its time as '" + epoch + "'", r.status(), e);
    }
  }

  /** Renews the lease (on the renewer thread); a lock another run took over is lost for good. */
  private void renew() {
    synchronized (renewing) {
      renewOnce();
    }
  }

  private void renewOnce() {
    long s;
    long t;
    synchronized (guard) {
      if (closed || lost != null) {
        return;
      }
      s = seqNo;
      t = primaryTerm;
    }
    try {
      long t0 = System.nanoTime();
      long w0 = System.currentTimeMillis();
      Cluster.Response r = cluster.send("PUT", "/" + stateIndex + "/_doc/" + ID + "?if_seq_no=" + s + "&if_primary_term=" + t,
          JsonText.write(doc(clusterNow())), "application/json");
      synchronized (guard) {
        if (r.ok()) {
          seqNo = (long) JsonText.number(r.body(), "_seq_no", -1);
          primaryTerm = (long) JsonText.number(r.body(), "_primary_term", -1);
          leaseFrom = t0;
          leaseFromWall = w0;
        } else if (r.status() == 409 || r.status() == 404) {
          // Replaced (another run took it over) or deleted (by hand): either way no longer this run's.
          lost = "its lock " + stateIndex + "/_doc/" + ID + " is no longer its own (another run took it over, or it was deleted)";
        }
      }
    } catch (IOException | RuntimeException e) {
      // Tried again at the next renewal; check() stops the run before the lease can run out.
    }
  }

  /**
   * Fails when this run may no longer write: its lock was taken over, or it could not renew the
   * lease for so long that it may have run out.
   */
  public void check() throws IOException {
    synchronized (guard) {
      long limit = TimeUnit.SECONDS.toMillis(LEASE_SECONDS - SAFETY_SECONDS);
      long sinceRenewed = Math.max(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - leaseFrom),
          System.currentTimeMillis() - leaseFromWall);
      if (lost == null && sinceRenewed > limit) {
        lost = "it could not renew its lock " + stateIndex + "/_doc/" + ID + " for " + (LEASE_SECONDS - SAFETY_SECONDS) + " s";
      }
      if (lost != null) {
        throw new IOException("this run stopped writing to " + cluster.url() + ": " + lost
            + " (a lock lapses " + LEASE_SECONDS + " s after its last renewal), so another run may be writing the index");
      }
    }
  }

  /**
   * {@link #check}, after renewing the lease now: asks the cluster whether the lock is still this
   * run's. Before a step that deletes or replaces what searches read (leftover builds, the alias,
   * the run state), a lock taken over since the last renewal (every {@value #RENEW_SECONDS} s) must
   * be seen: its new holder may be writing.
   */
  public void confirm() throws IOException {
    renew();
    check();
  }

  /** Releases the lock (when still this run's); the run's end. */
  @Override
  public void close() {
    release();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook runs (or ran) release(), which does nothing twice.
      }
    }
  }

  private void release() {
    synchronized (renewing) {
      releaseOnce();
    }
  }

  private void releaseOnce() {
    long s;
    long t;
    boolean mine;
    synchronized (guard) {
      if (closed) {
        return;
      }
      closed = true;
      if (renewal != null) {
        renewal.cancel(false);
      }
      s = seqNo;
      t = primaryTerm;
      mine = lost == null;
    }
    try {
      if (mine) {
        cluster.send("DELETE", "/" + stateIndex + "/_doc/" + ID + "?if_seq_no=" + s + "&if_primary_term=" + t, null, null);
      }
    } catch (IOException | RuntimeException e) {
      // The cluster went away: the lease runs out, and the next run of this process takes it over at once.
    } finally {
      LIVE.remove(owner);
    }
  }
}
