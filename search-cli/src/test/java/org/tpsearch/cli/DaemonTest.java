package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.client.DaemonClient;
import org.tpsearch.client.DaemonProtocol;
import org.tpsearch.testing.Golden;

/**
 * The search daemon answers byte for byte as the in-process path does (stdout, stderr, exit code),
 * on the real Xinjiang report and the embedded sample, for answers, errors and a relative --index
 * (resolved against the client's folder, not the daemon's); it sees an index that changed and one
 * that was deleted; it refuses what it must not answer, so the client runs it itself.
 */
class DaemonTest {
  @TempDir
  static Path home;

  /** An index of the real report, under target/ so that it can be named by a relative path. */
  static Path relativeIndex;

  static Cli cli;

  @BeforeAll
  static void indexTheRealReport() throws IOException {
    cli = Cli.at(home);
    Path reports = Files.createDirectories(home.resolve("reports"));
    Files.copy(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), reports.resolve("Xinjiang_Industry_combined_info.txt"));
    Files.createDirectories(Path.of("target"));
    relativeIndex = Path.of("target").resolve(Files.createTempDirectory(Path.of("target"), "daemon-index").getFileName()).resolve("idx");
    Cli.Result r = cli.inProcess("index", reports.toString(), "--index", relativeIndex.toString());
    assertEquals(0, r.exit(), r::toString);
    assertFalse(relativeIndex.isAbsolute());
  }

  @AfterAll
  static void removeIndex() throws IOException {
    try (Stream<Path> s = Files.walk(relativeIndex.getParent())) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The daemon's bytes, and the in-process bytes of the same command. */
  private static void same(Cli c, String... args) {
    Cli.Result here = c.inProcess(args);
    DaemonProtocol.Response there = ask(c, args);
    assertTrue(there.served(), () -> "the daemon should serve " + List.of(args));
    assertEquals(here.exit(), there.exit(), () -> List.of(args) + "\n" + here);
    assertArrayEquals(here.out().getBytes(StandardCharsets.UTF_8), there.out(), () -> "stdout of " + List.of(args) + "\n" + here
        + "--- daemon stdout\n" + new String(there.out(), StandardCharsets.UTF_8));
    assertArrayEquals(here.err().getBytes(StandardCharsets.UTF_8), there.err(), () -> "stderr of " + List.of(args) + "\n" + here
        + "--- daemon stderr\n" + new String(there.err(), StandardCharsets.UTF_8));
  }

  private static DaemonProtocol.Response ask(Cli c, String... args) {
    try {
      return DaemonClient.ask(TestDaemon.socket(), TestDaemon.request(c.context(), args));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theRealReportAnswersTheSameThroughTheDaemon() {
    String idx = relativeIndex.toString();
    for (String[] args : List.of(
        new String[] {"search", "乌鲁木齐", "--index", idx},
        new String[] {"search", "碳达峰", "--index", idx, "--format", "json"},
        new String[] {"search", "industry", "--index", idx, "--format", "jsonl", "--limit", "3"},
        new String[] {"search", "碳达峰", "--index", idx, "--color", "always"},
        new String[] {"facets", "--index", idx},
        new String[] {"stats", "--index", idx},
        new String[] {"stats", "--index", idx, "--format", "json"},
        new String[] {"show", "xinjiang/industry/2022-03-01/event", "--index", idx},
        // Errors: no hits (1), a bad query and a bad option (2), no such index (3).
        new String[] {"search", "zzzqqqxxx", "--index", idx},
        new String[] {"search", "-煤电", "--index", idx},
        new String[] {"search", "光伏", "--bogus", "--index", idx},
        new String[] {"search", "光伏", "--index", "target/no-such-index"},
        new String[] {"show", "no/such/point", "--index", idx})) {
      same(cli, args);
    }
  }

  @Test
  void theEmbeddedIndexAndTheEnvironmentAnswerTheSame() {
    same(cli, "search", "碳达峰");
    same(cli, "search", "光伏", "--region", "Xinjiang");
    same(cli, "facets", "光伏", "-煤电", "--format", "json");
    same(cli, "stats");
    // The client's environment is the command's: its index, colour and limit settings.
    same(cli.with("TPSEARCH_INDEX", relativeIndex.toString()), "search", "碳达峰");
    same(cli.with("TPSEARCH_LIMIT", "1"), "search", "光伏");
    same(cli.with("TPSEARCH_COLOR", "always").with("NO_COLOR", ""), "search", "光伏");
    same(cli.terminal(true).with("TERM", "xterm-256color").with("TPSEARCH_PAGER", ""), "search", "光伏");
  }

  @Test
  void anIndexThatChangesIsReopenedAndOneDeletedIsGone(@TempDir Path tmp) throws IOException {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.copy(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), reports.resolve("Xinjiang_Industry_combined_info.txt"));
    Path idx = tmp.resolve("idx");
    assertEquals(0, cli.inProcess("index", reports.toString(), "--index", idx.toString()).exit());
    same(cli, "stats", "--index", idx.toString());
    DaemonProtocol.Response before = ask(cli, "stats", "--index", idx.toString(), "--format", "json");

    Files.copy(Golden.sampleReports().resolve("Hebei_Industry_combined_info.txt"), reports.resolve("Hebei_Industry_combined_info.txt"));
    assertEquals(0, cli.inProcess("index", reports.toString(), "--index", idx.toString()).exit());
    DaemonProtocol.Response after = ask(cli, "stats", "--index", idx.toString(), "--format", "json");
    assertNotEquals(new String(before.out(), StandardCharsets.UTF_8), new String(after.out(), StandardCharsets.UTF_8),
        "the daemon sees the new report");
    same(cli, "stats", "--index", idx.toString());
    same(cli, "search", "河北", "--index", idx.toString());

    try (Stream<Path> s = Files.walk(idx)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    same(cli, "search", "河北", "--index", idx.toString());
  }

  @Test
  void whatTheDaemonMustNotAnswerIsRefused() throws IOException {
    // Not a command it serves: the client runs it in-process.
    assertFalse(ask(cli, "index", "somewhere").served());
    assertFalse(ask(cli, "config").served());
    // A client of another build: never answered by this daemon.
    DaemonProtocol.Request other = new DaemonProtocol.Request(DaemonProtocol.Kind.RUN, "another-build", "/", List.of("search", "碳达峰"),
        cli.env(), false, false, "UTF-8", "UTF-8");
    assertFalse(DaemonClient.ask(TestDaemon.socket(), other).served());
    // Status names the build and what is open.
    String status = new String(DaemonClient.ask(TestDaemon.socket(),
        DaemonProtocol.Request.control(DaemonProtocol.Kind.STATUS, TestDaemon.BUILD)).out(), StandardCharsets.UTF_8);
    assertTrue(status.startsWith("daemon for build " + TestDaemon.BUILD + ": running, pid "), status);
  }

  @Test
  void aNewBuildRetiresTheDaemonOfTheOldOneAndASecondDaemonOfABuildGivesWay(@TempDir Path run) throws Exception {
    Path folder = org.tpsearch.client.DaemonFolder.ensure(run.resolve("tpsearch"));
    Thread old = serving(new Daemon("old-build", folder, java.time.Duration.ofHours(1)));
    awaitAnswer(folder, "old-build");
    // A second daemon of the same build finds the lock taken and returns at once.
    Thread twin = serving(new Daemon("old-build", folder, java.time.Duration.ofHours(1)));
    twin.join(10_000);
    assertFalse(twin.isAlive(), "the second daemon of a build gives way");
    assertTrue(old.isAlive());
    // A daemon of a new build from the same installation stops the old one.
    Thread fresh = serving(new Daemon("new-build", folder, java.time.Duration.ofHours(1)));
    awaitAnswer(folder, "new-build");
    old.join(10_000);
    assertFalse(old.isAlive(), "the old build's daemon stopped");
    assertFalse(Files.exists(folder.resolve("old-build.sock")), "and removed its socket");
    DaemonClient.ask(folder.resolve("new-build.sock"), DaemonProtocol.Request.control(DaemonProtocol.Kind.STOP, "new-build"));
    fresh.join(10_000);
    assertFalse(fresh.isAlive());
  }

  private static Thread serving(Daemon d) {
    Thread t = new Thread(() -> {
      try {
        d.serve();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void awaitAnswer(Path folder, String build) throws InterruptedException {
    for (int i = 0; i < 1000 && !Daemon.answers(folder.resolve(build + ".sock"), build); i++) {
      Thread.sleep(10);
    }
    assertTrue(Daemon.answers(folder.resolve(build + ".sock"), build), build + " answers");
  }

  @Test
  void theSwitchesAreReadFromTheEnvironmentAndTheArguments() {
    assertTrue(Daemon.enabled(java.util.Map.of(), List.of("search", "x")));
    assertFalse(Daemon.enabled(java.util.Map.of("TPSEARCH_DAEMON", "0"), List.of("search", "x")));
    assertFalse(Daemon.enabled(java.util.Map.of(), List.of("search", "x", "--no-daemon")));
    // --no-daemon is an option of every command, so the in-process path accepts it.
    Cli.Result r = cli.inProcess("search", "碳达峰", "--no-daemon");
    assertEquals(cli.inProcess("search", "碳达峰").out(), r.out());
    assertEquals(java.time.Duration.ofSeconds(90), Daemon.parseDuration("90s"));
    assertEquals(java.time.Duration.ofMinutes(15), Daemon.idleTime(java.util.Map.of()));
    assertEquals(java.time.Duration.ofHours(2), Daemon.idleTime(java.util.Map.of("TPSEARCH_DAEMON_IDLE", "2h")));
  }
}
