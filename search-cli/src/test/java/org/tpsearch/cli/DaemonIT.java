package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * The search daemon from the distribution's launcher, as a user meets it: the first search starts
 * one, the next is answered by it with the same bytes; a daemon killed with -9 (its socket left
 * behind) costs the next search nothing but time; two first searches at once leave one daemon;
 * the switches keep it off; a socket folder others may write into is not used. Each run uses a
 * private XDG_RUNTIME_DIR and stops its daemons.
 */
class DaemonIT {
  private static final Path DIST = Path.of("target", "tpsearch").toAbsolutePath();
  private static final Path LAUNCHER = DIST.resolve("bin/tpsearch");

  @TempDir
  static Path tmp;

  static Path run;
  static String build;

  private record Run(int exit, String out, String err) {}

  @BeforeAll
  static void setUp() throws IOException {
    run = Files.createDirectories(tmp.resolve("run"));
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(tmp.resolve("home"));
    build = Files.readString(DIST.resolve("lib/build-id")).strip();
    assertTrue(build.matches("\\d{17}"), "lib/build-id holds the build's time: " + build);
  }

  @BeforeEach
  void noDaemonYet() throws Exception {
    stopDaemons();
  }

  @AfterAll
  static void stopDaemons() throws Exception {
    tpsearch(Map.of(), "daemon", "stop");
    for (int i = 0; i < 100 && !daemons().isEmpty(); i++) {
      Thread.sleep(100);
    }
    daemons().forEach(ProcessHandle::destroyForcibly);
  }

  private static Run tpsearch(Map<String, String> extra, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(LAUNCHER.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("HOME", tmp.resolve("home").toString());
    env.put("PATH", "/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("XDG_RUNTIME_DIR", run.toString());
    env.put("TPSEARCH_JAVA_HOME", System.getProperty("java.home"));
    env.put("TPSEARCH_DAEMON_IDLE", "3m");
    env.putAll(extra);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    int exit = pb.start().waitFor();
    return new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** This build's daemon processes. */
  private static List<ProcessHandle> daemons() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains("-Dtpsearch.build=" + build)
            && List.of(a).contains(Daemon.class.getName())).orElse(false))
        .toList();
  }

  /** Waits for this build's daemon to answer; returns its status line. */
  private static String awaitDaemon() throws Exception {
    for (int i = 0; i < 600; i++) {
      Run s = tpsearch(Map.of(), "daemon", "status");
      if (s.exit() == 0) {
        return s.out();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no daemon came up");
  }

  private static long served(String status) {
    Matcher m = Pattern.compile("(\\d+) commands? served").matcher(status);
    assertTrue(m.find(), status);
    return Long.parseLong(m.group(1));
  }

  private static long pid(String status) {
    Matcher m = Pattern.compile("pid (\\d+)").matcher(status);
    assertTrue(m.find(), status);
    return Long.parseLong(m.group(1));
  }

  @Test
  void theFirstSearchStartsADaemonThatAnswersTheNextByteForByte() throws Exception {
    Run first = tpsearch(Map.of(), "search", "碳达峰");
    assertEquals(0, first.exit(), first.toString());
    assertEquals("", first.err());
    String status = awaitDaemon();
    assertTrue(status.startsWith("daemon for build " + build + ": running"), status);
    assertEquals(0, served(status));
    Path socket = run.resolve("tpsearch").resolve(build + ".sock");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("tpsearch"))));

    for (String[] args : List.of(new String[] {"search", "碳达峰"}, new String[] {"search", "-煤电"},
        new String[] {"facets", "光伏", "--format", "json"}, new String[] {"stats"},
        new String[] {"show", "xinjiang/industry/2022-03-01/event"}, new String[] {"search", "x", "--index", "no-such"})) {
      Run in = tpsearch(Map.of(), withNoDaemon(args));
      Run daemon = tpsearch(Map.of(), args);
      assertEquals(in, daemon, () -> List.of(args).toString());
    }
    assertEquals(6, served(tpsearch(Map.of(), "daemon", "status").out()), "each went through the daemon");
    // In the C locale a Chinese argument reaches the JVM as U+FFFD: the client's locale travels with
    // the command, and the daemon says what in-process says, exit 2 with the hint.
    Run in = tpsearch(Map.of("LANG", "C"), "search", "电力", "--no-daemon");
    assertEquals(2, in.exit(), in::toString);
    assertEquals("tpsearch: the argument '??????' cannot be read: the locale (LANG=C) is not UTF-8, so non-ASCII "
        + "characters arrive as '?'; set a UTF-8 locale, e.g. LC_ALL=C.UTF-8\n", in.err());
    assertEquals(in, tpsearch(Map.of("LANG", "C"), "search", "电力"));
    assertEquals(7, served(tpsearch(Map.of(), "daemon", "status").out()), "the C locale's search went through the daemon");
  }

  private static String[] withNoDaemon(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.add("--no-daemon");
    return a.toArray(String[]::new);
  }

  @Test
  void aDaemonKilledWithMinus9CostsTheNextSearchNothingButTime() throws Exception {
    Run first = tpsearch(Map.of(), "search", "光伏");
    long pid = pid(awaitDaemon());
    ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
    daemon.destroyForcibly();
    daemon.onExit().get();
    Path socket = run.resolve("tpsearch").resolve(build + ".sock");
    assertTrue(Files.exists(socket), "a stale socket is left behind");
    Run after = tpsearch(Map.of(), "search", "光伏");
    assertEquals(first, after, "the client fell back to in-process, silently");
    // ... and that search started a new daemon, which took over the stale socket.
    long again = pid(awaitDaemon());
    assertNotEquals(pid, again);
    assertEquals(first, tpsearch(Map.of(), "search", "光伏"));
  }

  @Test
  void twoFirstSearchesAtOnceLeaveOneDaemon() throws Exception {
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "search", "碳达峰").directory(tmp.toFile());
      pb.environment().put("XDG_RUNTIME_DIR", run.toString());
      pb.environment().put("HOME", tmp.resolve("home").toString());
      pb.environment().put("TPSEARCH_JAVA_HOME", System.getProperty("java.home"));
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
      ps.add(pb.start());
    }
    for (Process p : ps) {
      assertEquals(0, p.waitFor());
    }
    awaitDaemon();
    // The losers see the lock taken and leave.
    for (int i = 0; i < 100 && daemons().size() > 1; i++) {
      Thread.sleep(100);
    }
    assertEquals(1, daemons().size(), () -> daemons().toString());
  }

  @Test
  void theSwitchesAndAnUnsafeFolderKeepTheDaemonOff() throws Exception {
    Run off = tpsearch(Map.of("TPSEARCH_DAEMON", "0"), "search", "碳达峰");
    Run flag = tpsearch(Map.of(), "search", "碳达峰", "--no-daemon");
    assertEquals(off, flag);
    Path folder = Files.createDirectories(run.resolve("tpsearch"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    try {
      Run unsafe = tpsearch(Map.of(), "search", "碳达峰");
      assertEquals(off, unsafe, "answered in-process, the same");
      Thread.sleep(2000);
      assertEquals(List.of(), daemons(), "no daemon started in a folder others may write into");
      Run status = tpsearch(Map.of(), "daemon", "status");
      assertEquals(3, status.exit(), status.toString());
      assertTrue(status.err().contains("writable by others"), status.err());
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
    assertEquals(List.of(), daemons(), "none with the switches either");
  }

  @Test
  void anIndexDeletedUnderTheDaemonGivesTheInProcessError() throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.copy(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"), reports.resolve("Xinjiang_Industry_combined_info.txt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run index = tpsearch(Map.of(), "index", "reports", "--index", "idx");
    assertEquals(0, index.exit(), index.toString());
    tpsearch(Map.of(), "search", "乌鲁木齐", "--index", "idx");
    awaitDaemon();
    Run warm = tpsearch(Map.of(), "search", "乌鲁木齐", "--index", "idx");
    assertEquals(tpsearch(Map.of(), "search", "乌鲁木齐", "--index", "idx", "--no-daemon"), warm);
    try (var s = Files.walk(tmp.resolve("idx"))) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Run gone = tpsearch(Map.of(), "search", "乌鲁木齐", "--index", "idx");
    assertEquals(3, gone.exit(), gone.toString());
    assertEquals(tpsearch(Map.of(), "search", "乌鲁木齐", "--index", "idx", "--no-daemon"), gone);
    assertTrue(served(tpsearch(Map.of(), "daemon", "status").out()) >= 2);
  }

  /** This build's native client, once the launcher has compiled it into HOME's cache (waits up to 2 minutes). */
  private static Path awaitNativeClient() throws Exception {
    Path dir = tmp.resolve("home/.cache/tpsearch/client");
    for (int i = 0; i < 1200; i++) {
      if (Files.isDirectory(dir)) {
        try (var s = Files.list(dir)) {
          var found = s.filter(p -> p.getFileName().toString().startsWith("tpsearch-client-" + build + "-")
              && !p.getFileName().toString().contains(".")).findFirst();
          if (found.isPresent()) {
            return found.get();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no native client was compiled into " + dir);
  }

  /** A stand-in JDK 21 whose java only notes that it ran (its arguments, in {@code marker}) and fails. */
  private static Path fakeJdk(Path marker) throws IOException {
    Path jdk = Files.createDirectories(tmp.resolve("fake-jdk/bin")).getParent();
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.1\"\nJAVA_RUNTIME_VERSION=\"21.0.1+12\"\n");
    Path java = jdk.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho \"$@\" >> '" + marker + "'\nexit 1\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return jdk;
  }

  @Test
  void theNativeClientIsCompiledOnFirstUseAndAnswersWithNoJvmStarted() throws Exception {
    assumeTrue(NativeClient.available(), "no C compiler on the PATH: the Java thin client answers (the other tests)");
    Run first = tpsearch(Map.of(), "search", "碳达峰");
    assertEquals(0, first.exit(), first.toString());
    assertEquals("", first.err(), "compiling is silent");
    awaitDaemon();
    Path client = awaitNativeClient();
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(client)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(client.getParent())));
    long before = served(tpsearch(Map.of(), "daemon", "status").out());

    // With a java that cannot answer, every command of the daemon is still answered the same.
    Path marker = tmp.resolve("java-ran.txt");
    Files.deleteIfExists(marker);
    Map<String, String> noJvm = Map.of("TPSEARCH_JAVA_HOME", fakeJdk(marker).toString());
    List<String[]> commands = List.of(new String[] {"search", "碳达峰"}, new String[] {"search", "-煤电"},
        new String[] {"facets", "光伏", "--format", "json"}, new String[] {"stats"},
        new String[] {"show", "xinjiang/industry/2022-03-01/event"}, new String[] {"search", "x", "--index", "no-such"});
    for (String[] args : commands) {
      Run in = tpsearch(Map.of(), withNoDaemon(args));
      assertEquals(in, tpsearch(noJvm, args), () -> List.of(args).toString());
    }
    assertFalse(Files.exists(marker), "no JVM was started");
    assertEquals(before + commands.size(), served(tpsearch(Map.of(), "daemon", "status").out()));

    // TPSEARCH_NATIVE_CLIENT=0: the Java thin client asks (here the stand-in, which fails).
    Map<String, String> off = new HashMap<>(noJvm);
    off.put("TPSEARCH_NATIVE_CLIENT", "0");
    assertEquals(1, tpsearch(off, "search", "碳达峰").exit());
    assertTrue(Files.readString(marker).contains("org.tpsearch.client.DaemonClient"), Files.readString(marker));

    // JAVA_TOOL_OPTIONS (the JVM says "Picked up ...") is left to the Java thin client: the same bytes as in-process.
    Map<String, String> tool = Map.of("JAVA_TOOL_OPTIONS", "-Dtpsearch.test=1");
    Run viaJava = tpsearch(tool, "search", "碳达峰");
    assertTrue(viaJava.err().startsWith("Picked up JAVA_TOOL_OPTIONS"), viaJava.err());
    assertEquals(tpsearch(tool, "search", "碳达峰", "--no-daemon"), viaJava);
    assertEquals(before + commands.size() + 1, served(tpsearch(Map.of(), "daemon", "status").out()));

    // A daemon killed with -9 (its socket left behind): the native client gets no answer, the
    // command runs in-process, silently, and starts a new daemon.
    ProcessHandle daemon = ProcessHandle.of(pid(tpsearch(Map.of(), "daemon", "status").out())).orElseThrow();
    daemon.destroyForcibly();
    daemon.onExit().get();
    assertEquals(first, tpsearch(Map.of(), "search", "碳达峰"));
    awaitDaemon();
    assertEquals(first, tpsearch(noJvm, "search", "碳达峰"));
  }
}
