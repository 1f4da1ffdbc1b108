package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tpsearch serve}: the read-only HTTP JSON API and the search page, warm, on 127.0.0.1 by default. */
@Command(name = "serve", description = {"Serve a read-only HTTP JSON API: GET /search?q=..., /facets, "
    + "/points/{id}, /health, / (what it serves). Answers are the JSON of 'search --format json', "
    + "errors too. A browser opening / gets a search page (facets, a timeline). Stops on Ctrl-C.",
    "Binds to 127.0.0.1 unless --host says otherwise. --threads searches run at once, the other "
    + "requests wait in turn; an idle or slow client costs no thread."},
    footer = {"", "Example:", "  tpsearch serve --port 8080 &",
        // picocli formats help text: a URL's % is written %%. Short enough not to be wrapped.
        "  curl -s 'http://127.0.0.1:8080/search?q=%%E5%%85%%89%%E4%%BC%%8F&facets=true'"})
final class ServeCommand extends IndexReadingCommand {
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--threads", paramLabel = "N", description = "Requests that run at once (default: one per core).")
  Integer threads;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "512",
      description = "Connections open at once; more are answered 503 (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time a client has to send a request's line and headers, and to keep an idle connection (default: ${DEFAULT-VALUE}).")
  double readTimeout;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
      description = "Time from a request's arrival to its answer, waiting included; past it: 503 (default: ${DEFAULT-VALUE}).")
  double timeLimit;

  private HttpTransport.Limits limits;

  /** Each running search holds a thread and its working memory: more than this only queues in memory. */
  static final int MAX_THREADS = 256;
  /** Open connections cost a file descriptor each; past this the OS limit is the real one. */
  static final int MAX_CONNECTIONS = 65_536;

  @Override
  void validate() {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--port': " + port + " (expected 0..65535)");
    }
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--threads': " + threads + " (expected 1.." + MAX_THREADS + ")");
    }
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--max-connections': " + maxConnections
              + " (expected 1.." + MAX_CONNECTIONS + ")");
    }
    limits = new HttpTransport.Limits(threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        maxConnections, seconds("--read-timeout", readTimeout), seconds("--time-limit", timeLimit));
  }

  private java.time.Duration seconds(String option, double s) {
    // Written so that NaN fails too.
    if (!(s >= 0.001 && s <= 86_400)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '" + option + "': " + s + " (expected seconds, 0.001 to 86400)");
    }
    return java.time.Duration.ofNanos(Math.round(s * 1e9));
  }

  @Override
  boolean longRunning() {
    return true;
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    HttpApi api;
    try {
      api = HttpApi.start(backend, host, port, limits, err(), main.verbose).withEnv(context().env());
    } catch (java.io.IOException e) {
      throw new java.io.IOException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    // Warm before saying "serving": whoever waits for that line gets answers at full speed.
    api.warmUp();
    PrintWriter out = out();
    out.println("tpsearch: serving " + backend.description() + " on http://" + host + ":" + api.port() + "/ (Ctrl-C stops)");
    out.println("tpsearch: " + limits.threads() + " requests at once, " + limits.maxConnections() + " connections, "
        + "time limit " + timeLimit + " s, read timeout " + readTimeout + " s");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.stop();
      Context.closeQuietly(backend);
      stopped.countDown();
    }));
    stopped.await();
    return ExitCodes.OK;
  }
}
