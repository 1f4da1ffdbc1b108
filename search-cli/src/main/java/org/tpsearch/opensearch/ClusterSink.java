package org.tpsearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.IndexSink;
import org.tpsearch.index.IndexState;
import org.tpsearch.index.Schema;
import org.tpsearch.model.TurningPoint;

/**
 * Writes an index run into an OpenSearch index: creates it with {@link ClusterSchema}'s settings
 * and mapping, bulk-loads documents in batches (several at once, one per indexing thread), and
 * keeps the run state in the cluster, in a document of its own small index
 * ({@code <index>.tpsearch-state}). A run first marks that state incomplete and marks it complete
 * with the new state only after every document was accepted and the index refreshed, so a run that
 * fails or is stopped is followed by a full one: nothing is lost. A document the cluster rejects is
 * reported with its file and line, and fails the run.
 *
 * <p>The name the user gives is an alias. A full run writes a new concrete index
 * ({@code <name>.tpsearch-<time>}) while searches go on reading the old one through the alias, then
 * moves the alias to it in one atomic request and deletes the index it replaced: no search ever sees
 * a half-built index. An incremental run writes into the index behind the alias. tpsearch deletes
 * only indexes it made (their mapping's {@code _meta} says so, and for whose name), never another.
 *
 * <p>A run holds the name's lock ({@link ClusterLock}) from before it reads the run state until it
 * ends ({@link #claim}, {@link #close}): two runs never plan against the same state, and a full run
 * never deletes the unfinished build of another that is still writing it; the second run fails at
 * once. A run that loses its lock stops before its next request that writes.
 */
public final class ClusterSink implements IndexSink, java.io.Closeable {
  /** Documents per bulk request, at most; a request is also sent when it reaches {@link #BATCH_BYTES}. */
  static final int BATCH_DOCS = 500;
  static final int BATCH_BYTES = 4 << 20;
  private static final String STATE_ID = "state";
  private static final int MAX_ERRORS_SHOWN = 10;

  private final Cluster cluster;
  private final String stateIndex;
  private final Object lock = new Object();
  private StringBuilder batch = new StringBuilder();
  private List<String> batchWhere = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private long documentsSent;
  /** The concrete index this run writes into: the one behind the alias, or a new one for a full run. */
  private String target;
  /** For a full run: the concrete indexes the alias (or the name itself) stood for, replaced at the commit. */
  private List<String> replaced;
  /** For a full run: whether the name is still a concrete index of its own (made before aliases). */
  private boolean nameIsIndex;
  /** The name's lock, held from {@link #claim} to {@link #close}; null for a sink that only reads. */
  private ClusterLock runLock;
  /** For an incremental run: whether it stopped the index refreshing ({@link #freeze}), and its interval before. */
  private boolean frozen;
  private String refreshBefore;
  private final Object freezing = new Object();

  /** A sink for reading only ({@link #sizeInBytes}); an index run {@link #claim}s one. */
  public ClusterSink(Cluster cluster) {
    this.cluster = cluster;
    this.stateIndex = stateIndex(cluster.index());
  }

  /**
   * Claims the index {@code cluster} names for one run: refuses an index tpsearch did not make,
   * makes the run-state index if there is none, and takes the name's lock, failing at once when
   * another run holds it. Close it when the run ends.
   */
  public static ClusterSink claim(Cluster cluster) throws IOException, IndexException {
    ClusterSink sink = new ClusterSink(cluster);
    sink.current(); // refuses a foreign index before anything is made
    Cluster.Response s = cluster.send("HEAD", "/" + sink.stateIndex, null, null);
    if (s.status() == 404) {
      Cluster.Response made = cluster.send("PUT", "/" + sink.stateIndex, JsonText.write(JsonText.obj("mappings",
          JsonText.obj("dynamic", false, "enabled", false, "_meta", JsonText.obj(ClusterSchema.META_KEY, Schema.VERSION)))),
          "application/json");
      // Another run starting at the same moment may have made it first.
      if (!made.ok() && !"resource_already_exists_exception".equals(JsonText.string(JsonText.map(made.body(), "error"), "type"))) {
        throw new Cluster.ClusterException("cannot make the run-state index " + sink.stateIndex + " at " + cluster.url()
            + ": the cluster answered " + made.status() + ": " + Cluster.reason(made.body()), made.status(), null);
      }
    }
    // A node just started again recovers its shards first: the lock cannot be read before.
    cluster.awaitShards(sink.stateIndex);
    sink.runLock = ClusterLock.acquire(cluster, sink.stateIndex);
    return sink;
  }

  /** Ends the run: releases the name's lock. */
  @Override
  public void close() {
    if (runLock != null) {
      runLock.close();
      runLock = null;
    }
  }

  /** Fails when this run no longer holds the name's lock: it must not write. */
  private void checkLock() throws IOException {
    if (runLock != null) {
      runLock.check();
    }
  }

  /** {@link #checkLock}, asking the cluster now: before deleting or replacing what another run may be writing. */
  private void confirmLock() throws IOException {
    if (runLock != null) {
      runLock.confirm();
    }
  }

  /** The index that keeps the run state of {@code index}. */
  public static String stateIndex(String index) {
    return index + ".tpsearch-state";
  }

  @Override
  public String where() {
    return cluster.url();
  }

  /**
   * What the name stands for: the concrete indexes behind it (the name itself, before aliases) and
   * the schema they were made with; null when there is nothing of that name. Refuses an index
   * tpsearch did not make.
   */
  private record Current(List<String> concrete, boolean nameIsIndex, String schema) {}

  private Current current() throws IOException, IndexException {
    cluster.awaitStarted();
    Cluster.Response r = cluster.send("GET", "/" + cluster.index() + "/_mapping", null, null);
    if (r.status() == 404) {
      return null;
    }
    if (!r.ok()) {
      throw new Cluster.ClusterException("the cluster answered " + r.status() + " when asked for " + where() + ": "
          + Cluster.reason(r.body()), r.status(), null);
    }
    String schema = null;
    List<String> concrete = new ArrayList<>();
    for (Map.Entry<String, Object> e : JsonText.map(r.body()).entrySet()) {
      String made = ClusterSchema.madeBy(e.getValue());
      if (made == null) {
        throw new IndexException(null, "the index " + where() + (e.getKey().equals(cluster.index()) ? "" : " (" + e.getKey() + ")")
            + " was not made by tpsearch: it writes only into an index of its own (name a new one: --to "
            + cluster.url().replaceAll("/[^/]*$", "") + "/NEW-NAME)", null);
      }
      concrete.add(e.getKey());
      schema = schema == null || schema.equals(made) ? made : "mixed";
    }
    concrete.sort(null);
    return new Current(concrete, concrete.equals(List.of(cluster.index())), schema);
  }

  @Override
  public IndexState readState() throws IOException, IndexException {
    Current cur = current();
    if (cur == null || !Schema.VERSION.equals(cur.schema())) {
      return null;
    }
    // A node just started again recovers its shards first: reading the state before would fail.
    cluster.awaitShards(cluster.index());
    if (cluster.send("HEAD", "/" + stateIndex, null, null).status() == 404) {
      return null;
    }
    cluster.awaitShards(stateIndex);
    Cluster.Response r = cluster.send("GET", "/" + stateIndex + "/_doc/" + STATE_ID, null, null);
    if (r.status() == 404) {
      return null;
    }
    if (!r.ok()) {
      throw new Cluster.ClusterException("cannot read the run state of " + where() + ": " + Cluster.reason(r.body()), r.status(), null);
    }
    Map<String, Object> source = JsonText.map(r.body(), "_source");
    if (!Boolean.TRUE.equals(source.get("complete")) || !Schema.VERSION.equals(JsonText.string(source, "schema"))) {
      return null; // the last run did not finish: this one rebuilds
    }
    return IndexState.parse(JsonText.string(source, "state"));
  }

  @Override
  public void begin(boolean full) throws IOException, IndexException {
    confirmLock();
    Current cur = current();
    if (cur != null && !full && Schema.VERSION.equals(cur.schema()) && cur.concrete().size() == 1) {
      target = cur.concrete().get(0);
      replaced = null;
    } else {
      // A full run: a new index beside the one searches read; the alias moves to it at the commit.
      removeUnfinishedBuilds(cur == null ? List.of() : cur.concrete());
      target = cluster.index() + BUILD_INFIX + BUILD_TIME.format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
      replaced = cur == null ? List.of() : cur.concrete();
      nameIsIndex = cur != null && cur.nameIsIndex();
      cluster.call("PUT", "/" + target, ClusterSchema.indexBody(cluster.index()));
    }
    putState(false, null);
  }

  /** Between the name and the time of a concrete index a full run makes. */
  static final String BUILD_INFIX = ".tpsearch-";
  private static final java.time.format.DateTimeFormatter BUILD_TIME =
      java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS", java.util.Locale.ROOT);

  /**
   * Deletes what full runs that did not finish left ({@code <name>.tpsearch-<time>} indexes the
   * alias does not point to): only those whose mapping says tpsearch made them for this name.
   */
  private void removeUnfinishedBuilds(List<String> live) throws IOException {
    Cluster.Response r = cluster.send("GET", "/" + cluster.index() + BUILD_INFIX + "*/_mapping", null, null);
    if (!r.ok()) {
      return;
    }
    for (Map.Entry<String, Object> e : JsonText.map(r.body()).entrySet()) {
      if (isBuild(e.getKey()) && !live.contains(e.getKey()) && cluster.index().equals(ClusterSchema.madeFor(e.getValue()))) {
        cluster.call("DELETE", "/" + e.getKey(), null);
      }
    }
  }

  /** Whether {@code name} is one of the concrete indexes full runs make for this name. */
  private boolean isBuild(String name) {
    String prefix = cluster.index() + BUILD_INFIX;
    return name.startsWith(prefix) && name.length() == prefix.length() + 17
        && name.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private void putState(boolean complete, IndexState state) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema", Schema.VERSION);
    doc.put("complete", complete);
    doc.put("index", cluster.index());
    if (state != null) {
      doc.put("state", state.serialize());
    }
    cluster.call("PUT", "/" + stateIndex + "/_doc/" + STATE_ID + "?refresh=true", doc);
  }

  @Override
  public void delete(String id) throws IOException {
    add(JsonText.write(JsonText.obj("delete", JsonText.obj("_index", target, "_id", id))) + "\n", "removed point " + id);
  }

  @Override
  public void write(TurningPoint p, String displayFile) throws IOException {
    String action = JsonText.write(JsonText.obj("index", JsonText.obj("_index", target, "_id", p.id())));
    String doc = JsonText.write(ClusterSchema.document(p, displayFile));
    add(action + "\n" + doc + "\n", displayFile + ":" + p.line() + ": turning point " + p.id());
  }

  /** Adds one action to the batch; sends the batch (outside the lock) when it is full. */
  private void add(String lines, String where) throws IOException {
    String send = null;
    List<String> sendWhere = null;
    synchronized (lock) {
      batch.append(lines);
      batchWhere.add(where);
      if (batchWhere.size() >= BATCH_DOCS || batch.length() >= BATCH_BYTES) {
        send = batch.toString();
        sendWhere = batchWhere;
        batch = new StringBuilder();
        batchWhere = new ArrayList<>();
      }
    }
    if (send != null) {
      bulk(send, sendWhere);
    }
  }

  /**
   * Before an incremental run's first write into the index searches read: stops it refreshing, so
   * that searches see none of the run's changes until {@link #commit} shows them all at once, as a
   * local index's commit does, and a run that fails leaves them unseen (the next run, a full
   * rebuild, replaces the index). A full run writes a new index, which no search reads yet.
   */
  private void freeze() throws IOException {
    synchronized (freezing) {
      if (frozen || replaced != null) {
        return;
      }
      Object settings = cluster.call("GET", "/" + target + "/_settings/index.refresh_interval", null);
      String before = JsonText.string(JsonText.map(JsonText.map(JsonText.map(settings, target), "settings"), "index"), "refresh_interval");
      // -1 is what a run that failed left: the index's own setting is then the default.
      refreshBefore = "-1".equals(before) ? null : before;
      cluster.call("PUT", "/" + target + "/_settings", JsonText.obj("index", JsonText.obj("refresh_interval", "-1")));
      frozen = true;
    }
  }

  /** Sends one bulk request; each rejected document is recorded with its file and line. */
  private void bulk(String body, List<String> where) throws IOException {
    Cluster.Response r;
    try {
      checkLock();
      freeze();
    } catch (IOException e) {
      throw new IOException(e.getMessage() + "; " + notWritten(where), e);
    }
    try {
      r = cluster.send("POST", "/_bulk", body, "application/x-ndjson");
    } catch (Cluster.ClusterException e) {
      // The cluster went away in the middle of the load (a node stopped, the network cut).
      throw new Cluster.ClusterException(e.getMessage() + "; " + notWritten(where), e.status(), e);
    }
    if (!r.ok()) {
      throw new Cluster.ClusterException("the cluster answered " + r.status() + " to a bulk request: "
          + Cluster.reason(r.body()) + "; " + notWritten(where), r.status(), null);
    }
    List<Object> items = JsonText.list(r.body(), "items");
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      Map<String, Object> result = JsonText.map(item, "index");
      if (result.isEmpty()) {
        result = JsonText.map(item, "delete");
        if ((int) JsonText.number(result, "status", 0) == 404) {
          continue; // already gone
        }
      }
      Map<String, Object> error = JsonText.map(result, "error");
      if (!error.isEmpty()) {
        rejected.add((i < where.size() ? where.get(i) : "document " + i) + ": the cluster rejected it: "
            + JsonText.string(error, "type") + ": " + JsonText.string(error, "reason"));
      }
    }
    synchronized (lock) {
      errors.addAll(rejected);
      documentsSent += where.size();
    }
  }

  /** Files listed by name in {@link #notWritten}; the rest are counted. */
  private static final int FILES_SHOWN = 3;

  /**
   * What a bulk request that failed as a whole leaves unwritten, for people: its documents by file
   * and lines ({@code where} holds "file:line: turning point id" or "removed point id"), and how
   * many documents the cluster had accepted before it.
   */
  private String notWritten(List<String> where) {
    Map<String, int[]> files = new LinkedHashMap<>(); // file -> {documents, first line, last line}
    int removals = 0;
    for (String w : where) {
      int colon = w.indexOf(": turning point ");
      int lineAt = colon < 0 ? -1 : w.lastIndexOf(':', colon - 1);
      if (lineAt < 0) {
        removals++;
        continue;
      }
      int line;
      try {
        line = Integer.parseInt(w.substring(lineAt + 1, colon));
      } catch (NumberFormatException e) {
        line = 0;
      }
      int[] f = files.computeIfAbsent(w.substring(0, lineAt), k -> new int[] {0, Integer.MAX_VALUE, 0});
      f[0]++;
      f[1] = Math.min(f[1], line);
      f[2] = Math.max(f[2], line);
    }
    StringBuilder sb = new StringBuilder("not written: the ").append(where.size()).append(" documents of that request");
    if (!files.isEmpty()) {
      sb.append(" (turning points of ").append(files.size()).append(files.size() == 1 ? " file: " : " files: ");
      int shown = 0;
      for (Map.Entry<String, int[]> e : files.entrySet()) {
        if (shown++ == FILES_SHOWN) {
          sb.append(", and ").append(files.size() - FILES_SHOWN).append(" more files");
          break;
        }
        int[] f = e.getValue();
        sb.append(shown > 1 ? ", " : "").append(e.getKey()).append(f[1] == f[2] ? ":" + f[1] : ":" + f[1] + "-" + f[2])
            .append(" (").append(f[0]).append(f[0] == 1 ? " point)" : " points)");
      }
      sb.append(removals > 0 ? "; " + removals + " removals)" : ")");
    } else if (removals > 0) {
      sb.append(" (").append(removals).append(" removals)");
    }
    long accepted;
    synchronized (lock) {
      accepted = documentsSent - errors.size();
    }
    return sb.append(" and whatever this run had not sent yet; the cluster had accepted ").append(accepted)
        .append(accepted == 1 ? " document" : " documents").append(" of this run before it").toString();
  }

  @Override
  public void commit(IndexState state) throws IOException {
    String send;
    List<String> sendWhere;
    synchronized (lock) {
      send = batch.toString();
      sendWhere = batchWhere;
      batch = new StringBuilder();
      batchWhere = new ArrayList<>();
    }
    if (!sendWhere.isEmpty()) {
      bulk(send, sendWhere);
    }
    List<String> failed;
    synchronized (lock) {
      failed = List.copyOf(errors);
    }
    if (!failed.isEmpty()) {
      StringBuilder sb = new StringBuilder(failed.size() + " of " + documentsSent + " documents were not indexed:");
      for (int i = 0; i < Math.min(MAX_ERRORS_SHOWN, failed.size()); i++) {
        sb.append(i == 0 ? " " : "; ").append(failed.get(i));
      }
      if (failed.size() > MAX_ERRORS_SHOWN) {
        sb.append("; and ").append(failed.size() - MAX_ERRORS_SHOWN).append(" more");
      }
      throw new IOException(sb.toString());
    }
    confirmLock();
    // Searches see the run's changes from here: all at once.
    cluster.call("POST", "/" + target + "/_refresh", null);
    if (replaced != null) {
      swap();
    }
    if (frozen) {
      cluster.call("PUT", "/" + target + "/_settings", JsonText.obj("index", JsonText.obj("refresh_interval", refreshBefore)));
      frozen = false;
    }
    putState(true, state);
  }

  /**
   * Points the name at the new index in one request (the old name-index, or the alias's old
   * indexes, out in the same request), then deletes the indexes it replaced: all made by tpsearch
   * ({@link #current} refused any other at the start).
   */
  private void swap() throws IOException {
    List<Object> actions = new ArrayList<>();
    if (nameIsIndex) {
      actions.add(JsonText.obj("remove_index", JsonText.obj("index", cluster.index())));
    } else {
      for (String old : replaced) {
        actions.add(JsonText.obj("remove", JsonText.obj("index", old, "alias", cluster.index())));
      }
    }
    actions.add(JsonText.obj("add", JsonText.obj("index", target, "alias", cluster.index())));
    cluster.call("POST", "/_aliases", JsonText.obj("actions", actions));
    if (!nameIsIndex) {
      for (String old : replaced) {
        cluster.call("DELETE", "/" + old, null);
      }
    }
    replaced = null;
  }

  @Override
  public IndexException rollback(Exception cause) {
    if (replaced != null && target != null) {
      // A full run that failed: its new index was never searched; the old one still answers.
      try {
        cluster.send("DELETE", "/" + target, null, null);
      } catch (IOException ignored) {
        // The next full run removes it.
      }
    }
    return new IndexException(null, "indexing into " + where() + " failed: " + cause.getMessage()
        + "; the next 'tpsearch index --to " + where() + "' rebuilds it in full", cause);
  }

  @Override
  public long sizeInBytes() throws IOException {
    Object stats = cluster.call("GET", "/" + cluster.index() + "/_stats/store", null);
    return (long) JsonText.number(JsonText.map(JsonText.map(JsonText.map(stats, "_all"), "primaries"), "store"), "size_in_bytes", -1);
  }
}
