package org.tpsearch.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.Searcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tpsearch serve}: the read-only HTTP JSON API, warm, on 127.0.0.1 by default. */
@Command(name = "serve", description = {"Serve a read-only HTTP JSON API: GET /search?q=..., /facets, "
    + "/points/{id}, /health. Answers are the JSON of 'search --format json'. Stops on Ctrl-C.",
    "Binds to 127.0.0.1 unless --host says otherwise."},
    footer = {"", "Example:", "  tpsearch serve --port 8080 &",
        "  curl -s 'http://127.0.0.1:8080/search?q=%E7%A2%B3%E8%BE%BE%E5%B3%B0&region=Xinjiang&facets=true'"})
final class ServeCommand extends IndexReadingCommand {
  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--threads", description = "Request threads (default: one per core).")
  Integer threads;


  @Override
  void validate() {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for option '--port': " + port + " (expected 0..65535)");
    }
  }

  @Override
  boolean longRunning() {
    return true;
  }

  @Override
  int run(Searcher searcher, IndexHandle handle) throws Exception {
    HttpApi api;
    try {
      api = HttpApi.start(searcher, host, port,
          threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
    } catch (java.io.IOException e) {
      throw new java.io.IOException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    PrintWriter out = out();
    out.println("tpsearch: serving " + handle.description() + " on http://" + host + ":" + api.port() + "/ (Ctrl-C stops)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.stop();
      Context.closeQuietly(handle);
      stopped.countDown();
    }));
    stopped.await();
    return ExitCodes.OK;
  }
}
