package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.LuceneBackend;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;

/**
 * The limits of {@code serve} over real sockets on 127.0.0.1: idle and slow clients are dropped,
 * connections are capped, requests have a time limit, and an internal error tells the client
 * nothing but that (issue 7, defect 7; issue 9).
 */
class ServeLimitsTest {
  private static final Duration LONG = Duration.ofSeconds(10);

  private static LuceneBackend searcher(IndexHandle index) {
    return new LuceneBackend(new Searcher(index, new QueryCompiler(new Context(Map.of(), false).glossary(), index.reader())));
  }

  @Test
  void anIdleOrSlowClientIsDropped() throws Exception {
    try (IndexHandle index = IndexHandle.openEmbedded()) {
      HttpApi api = HttpApi.start(searcher(index), "127.0.0.1", 0,
          new HttpTransport.Limits(2, 16, Duration.ofMillis(300), LONG), new PrintWriter(new StringWriter()), false);
      try {
        // Sends nothing: closed without an answer.
        try (Socket silent = new Socket("127.0.0.1", api.port())) {
          silent.setSoTimeout(10_000);
          assertEquals(-1, silent.getInputStream().read(), "the server closes an idle connection");
        }
        // Sends half a request: 408, then closed.
        try (Socket slow = new Socket("127.0.0.1", api.port())) {
          slow.setSoTimeout(10_000);
          slow.getOutputStream().write("GET /search?q=".getBytes(StandardCharsets.US_ASCII));
          HttpApiTest.Raw r = HttpApiTest.parse(slow.getInputStream().readAllBytes());
          HttpApiTest.assertJsonError(r, 408, "the request did not arrive within 0.300 s");
        }
        // A kept-alive connection answers, then is closed once idle.
        try (Socket kept = new Socket("127.0.0.1", api.port())) {
          kept.setSoTimeout(10_000);
          kept.getOutputStream().write(HttpApiTest.get("/health", false).getBytes(StandardCharsets.US_ASCII));
          HttpApiTest.Raw r = HttpApiTest.parse(kept.getInputStream().readAllBytes());
          assertEquals(200, r.status());
          assertEquals(null, r.headers().get("connection"), "kept alive until idle");
        }
      } finally {
        api.stop();
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitAreAnswered503() throws Exception {
    try (IndexHandle index = IndexHandle.openEmbedded()) {
      HttpApi api = HttpApi.start(searcher(index), "127.0.0.1", 0, new HttpTransport.Limits(2, 2, LONG, LONG),
          new PrintWriter(new StringWriter()), false);
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket s = new Socket("127.0.0.1", api.port());
          held.add(s);
          // An answer on each proves the server took both before the next one comes.
          s.getOutputStream().write(HttpApiTest.get("/health", false).getBytes(StandardCharsets.US_ASCII));
          s.setSoTimeout(10_000);
          assertTrue(new String(s.getInputStream().readNBytes(15), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
        }
        HttpApiTest.Raw r = HttpApiTest.raw(api.port(), HttpApiTest.get("/health", true).getBytes(StandardCharsets.US_ASCII));
        HttpApiTest.assertJsonError(r, 503, "too many connections (the limit is 2)");
        assertEquals("1", r.headers().get("retry-after"));
      } finally {
        for (Socket s : held) {
          s.close();
        }
        api.stop();
      }
    }
  }

  @Test
  void aRequestPastItsTimeLimitIsAnswered503AndAWaitingOneNeverRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    HttpTransport.Handler slow = r -> {
      ran.incrementAndGet();
      if (r.path().equals("/slow")) {
        release.await();
      }
      return new HttpTransport.Response(200, "{}");
    };
    try (HttpTransport t = HttpTransport.start("127.0.0.1", 0,
        new HttpTransport.Limits(1, 16, LONG, Duration.ofMillis(300)), slow, (r, e) -> { })) {
      byte[] slowRequest = HttpApiTest.get("/slow", true).getBytes(StandardCharsets.US_ASCII);
      HttpApiTest.assertJsonError(HttpApiTest.raw(t.port(), slowRequest), 503,
          "the request took longer than the time limit of 0.300 s");
      // The only thread is still busy: this one waits its time limit in the queue, then gives up.
      HttpApiTest.Raw queued = HttpApiTest.raw(t.port(), HttpApiTest.get("/fast", true).getBytes(StandardCharsets.US_ASCII));
      HttpApiTest.assertJsonError(queued, 503, "took longer than the time limit");
      release.countDown();
      HttpApiTest.Raw after = HttpApiTest.raw(t.port(), HttpApiTest.get("/fast", true).getBytes(StandardCharsets.US_ASCII));
      assertEquals(200, after.status(), after::toString);
      assertEquals(2, ran.get(), "the request that timed out while waiting never ran");
    }
  }

  @Test
  void anInternalErrorAnswersAGenericMessageAndLogsTheDetails() throws Exception {
    // Issue 9: a 500 answered e.toString() to the client. Here the index is closed under the
    // server, so every search fails inside Lucene.
    for (boolean verbose : List.of(false, true)) {
      StringWriter log = new StringWriter();
      IndexHandle index = IndexHandle.openEmbedded();
      HttpApi api = HttpApi.start(searcher(index), "127.0.0.1", 0, HttpTransport.Limits.of(2), new PrintWriter(log), verbose);
      try {
        index.close();
        HttpApiTest.Raw r = HttpApiTest.raw(api.port(),
            HttpApiTest.get("/search?q=%E5%85%89%E4%BC%8F%1B", true).getBytes(StandardCharsets.US_ASCII));
        assertEquals(500, r.status(), r::toString);
        assertEquals("{\"error\":\"internal error (the details are in the server's log)\"}", r.body().strip());
      } finally {
        api.stop();
      }
      List<String> lines = log.toString().lines().toList();
      assertTrue(lines.get(0).startsWith("tpsearch: internal error answering GET /search?q=%E5%85%89%E4%BC%8F%1B"), log::toString);
      if (verbose) {
        assertTrue(lines.get(0).contains("AlreadyClosedException"), log::toString);
        assertTrue(lines.size() > 2 && lines.get(2).startsWith("\tat "), log::toString);
      } else {
        assertEquals(List.of("tpsearch: internal error answering GET /search?q=%E5%85%89%E4%BC%8F%1B (serve with -v for details)"), lines);
      }
    }
  }
}
