package org.tpsearch.opensearch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.MockNode;
import org.opensearch.node.Node;
import org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * Real OpenSearch 3.8.0 nodes in this JVM, from the Maven Central jars alone: HTTP over Netty, the
 * smartcn plugin and the common analysis module, as a cluster would have them. Must be started
 * from a thread RandomizedRunner set up (OpenSearch takes its randomness from the test context).
 */
public final class TestCluster implements Closeable {
  private static final List<Class<? extends Plugin>> PLUGINS =
      List.of(Netty4ModulePlugin.class, AnalysisSmartChinesePlugin.class, CommonAnalysisModulePlugin.class);

  private static final java.util.concurrent.atomic.AtomicInteger CLUSTERS = new java.util.concurrent.atomic.AtomicInteger();

  private final List<Node> nodes;
  private final List<Settings> settings;
  private final List<Class<? extends Plugin>> plugins;
  private final Path home;
  private String http;

  private TestCluster(List<Node> nodes, List<Settings> settings, List<Class<? extends Plugin>> plugins, Path home) {
    this.nodes = nodes;
    this.home = home;
    this.settings = settings;
    this.plugins = plugins;
    this.http = httpOf(nodes.get(0));
  }

  private static String httpOf(Node n) {
    return "http://" + n.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
  }

  /**
   * Starts {@code size} nodes of one cluster, in parallel (a node started alone waits for the
   * others to be discovered).
   */
  public static TestCluster start(int size) throws Exception {
    return start(size, List.of());
  }

  /** {@link #start(int)}, each node with {@code extra} plugins besides the usual ones. */
  public static TestCluster start(int size, List<Class<? extends Plugin>> extra) throws Exception {
    Path home = Files.createTempDirectory("tpsearch-opensearch");
    List<Class<? extends Plugin>> plugins = new ArrayList<>(PLUGINS);
    plugins.addAll(extra);
    String name = "tpsearch-test-" + ProcessHandle.current().pid() + "-" + CLUSTERS.incrementAndGet();
    List<String> masters = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      masters.add("node-" + i);
    }
    List<Node> nodes = new ArrayList<>();
    List<Settings> all = new ArrayList<>();
    int base = 19300 + (int) (ProcessHandle.current().pid() % 50) * 10;
    List<String> seeds = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      seeds.add("127.0.0.1:" + (base + i));
    }
    for (int i = 0; i < size; i++) {
      Settings.Builder s = Settings.builder()
          .put("cluster.name", name)
          .put("node.name", "node-" + i)
          .put("path.home", home.resolve("node-" + i).toString())
          .put("transport.type", Netty4ModulePlugin.NETTY_TRANSPORT_NAME)
          .put("http.type", Netty4ModulePlugin.NETTY_HTTP_TRANSPORT_NAME)
          .put("network.host", "127.0.0.1")
          .put("http.port", "19200-19299")
          .put("transport.port", Integer.toString(base + i))
          .put("cluster.routing.allocation.disk.threshold_enabled", false);
      if (size == 1) {
        s.put("discovery.type", "single-node");
      } else {
        s.putList("discovery.seed_hosts", seeds).putList("cluster.initial_cluster_manager_nodes", masters);
      }
      all.add(s.build());
      nodes.add(new MockNode(s.build(), plugins));
    }
    if (size == 1) {
      nodes.get(0).start();
      return new TestCluster(nodes, all, plugins, home);
    }
    ExecutorService pool = Executors.newFixedThreadPool(size);
    try {
      List<Future<?>> started = new ArrayList<>();
      for (Node n : nodes) {
        started.add(pool.submit(() -> {
          n.start();
          return null;
        }));
      }
      for (Future<?> f : started) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return new TestCluster(nodes, all, plugins, home);
  }

  /** Stops node {@code i} as a shutdown would: its connections close, its data stays on disk. */
  public void stop(int i) throws IOException {
    nodes.get(i).close();
  }

  /**
   * Starts node {@code i} again, after {@link #stop}, on the data it left (its HTTP port may
   * change: {@link #http} gives the new one).
   */
  public void restart(int i) throws Exception {
    Node n = new MockNode(settings.get(i), plugins);
    n.start();
    nodes.set(i, n);
    if (i == 0) {
      http = httpOf(n);
    }
  }

  /** The HTTP address of the first node, {@code http://127.0.0.1:PORT}. */
  public String http() {
    return http;
  }

  /** The HTTP address of node {@code i} (running). */
  public String http(int i) {
    return httpOf(nodes.get(i));
  }

  /** Node {@code i}, to stop it in the middle of something. */
  public Node node(int i) {
    return nodes.get(i);
  }

  /** Deletes {@code dir} and everything under it (a test's temporary home). */
  public static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    for (Node n : nodes) {
      n.close(); // a second close of a stopped node does nothing
    }
    deleteTree(home);
  }
}
