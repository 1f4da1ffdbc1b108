package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.client.DaemonProtocol;
import org.tpsearch.client.DaemonProtocol.Request;
import org.tpsearch.client.DaemonProtocol.Response;

/**
 * The daemon's native client against a stand-in daemon that records what it is sent and answers
 * with chosen bytes: it sends what the Java thin client sends (terminals included, on real
 * pseudo-terminals), relays every byte and the exit code, prints nothing and exits 75 for any
 * answer it cannot trust, and leaves a locale or JVM option it cannot mirror to the Java client
 * (76). Run also with AddressSanitizer and UndefinedBehaviorSanitizer, and valgrind, where the
 * machine has them. The CLI tests run through it against the real daemon (TestDaemon, surefire's
 * daemon-native execution); DaemonIT runs it from the launcher.
 */
class NativeClientTest {
  private static final String BUILD = "20261202093000123";
  private static final int MAGIC = 0x74707331;

  @TempDir
  static Path tmp;

  static Path run;
  static Path folder;
  static Path cwd;
  private FakeDaemon daemon;

  @BeforeAll
  static void compile() throws IOException {
    assumeTrue(NativeClient.available(), "no C compiler (cc, gcc or clang) on the PATH");
    NativeClient.client();
    run = Files.createDirectories(tmp.resolve("run"));
    folder = run.resolve("tpsearch");
    cwd = Files.createDirectories(tmp.resolve("工作 folder"));
  }

  @BeforeEach
  void safeFolder() throws IOException {
    if (Files.isSymbolicLink(folder) || Files.isRegularFile(folder)) {
      Files.delete(folder);
    }
    Files.createDirectories(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stop() throws IOException {
    if (daemon != null) {
      daemon.close();
      daemon = null;
    }
  }

  /** A stand-in daemon on this build's socket: records each request, answers each with {@code answer}. */
  static final class FakeDaemon implements AutoCloseable {
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ServerSocketChannel server;
    private final Path socket;

    FakeDaemon(byte[] answer, CountDownLatch gate) throws IOException {
      socket = folder.resolve(BUILD + ".sock");
      Files.deleteIfExists(socket);
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread.ofPlatform().daemon().start(() -> {
        while (true) {
          try (SocketChannel ch = server.accept()) {
            requests.add(DaemonProtocol.readRequest(new DataInputStream(Channels.newInputStream(ch))));
            if (gate != null) {
              gate.await(30, TimeUnit.SECONDS);
            }
            OutputStream o = Channels.newOutputStream(ch);
            o.write(answer);
            o.flush();
          } catch (ClosedChannelException e) {
            return;
          } catch (IOException e) {
            // A client that went away: the next one.
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    @Override
    public void close() throws IOException {
      server.close();
      Files.deleteIfExists(socket);
    }
  }

  private static byte[] answer(Response r) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DaemonProtocol.write(new DataOutputStream(b), r);
    return b.toByteArray();
  }

  private static Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("HOME", tmp.toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
        "XDG_RUNTIME_DIR", run.toString()));
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  private static List<String> nativeCommand(Path binary, String... args) {
    List<String> c = new ArrayList<>(List.of(binary.toString(), BUILD));
    c.addAll(List.of(args));
    return c;
  }

  /** The Java thin client, started as the launcher starts it. */
  private static List<String> javaCommand(String... args) {
    List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xint",
        "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Dtpsearch.build=" + BUILD, "-cp",
        Path.of("target/classes").toAbsolutePath().toString(), "org.tpsearch.client.DaemonClient"));
    c.addAll(List.of(args));
    return c;
  }

  private static NativeClient.Run runNative(Map<String, String> env, String... args) {
    return NativeClient.run(nativeCommand(NativeClient.client(), args), env, cwd, false, false);
  }

  private static void assertNothingPrinted(int exit, NativeClient.Run r) {
    assertEquals(exit, r.exit(), () -> "stderr: " + new String(r.err(), StandardCharsets.UTF_8));
    assertEquals(0, r.out().length, "nothing on stdout");
    assertEquals(0, r.err().length, "nothing on stderr");
  }

  @Test
  void sendsWhatTheJavaClientSendsTerminalsIncluded() throws Exception {
    daemon = new FakeDaemon(answer(Response.refused()), null);
    Map<String, String> env = env("TPSEARCH_PAGER", "less -R", "EMPTY", "", "WITH_EQUALS", "a=b=c", "中文", "碳达峰 值");
    String[] args = {"search", "绿色电力 交易", "", "--format", "json", "--index", "./idx"};
    // stdout: a file, a terminal (stdin too), a terminal with stdin from /dev/null (not a terminal for the JDK).
    for (String outMode : new String[] {"0", "1", "2"}) {
      boolean outTerminal = outMode.equals("1");
      for (boolean errTerminal : new boolean[] {false, true}) {
        NativeClient.Run j = NativeClient.run(javaCommand(args), env, cwd, outMode, errTerminal);
        NativeClient.Run n = NativeClient.run(nativeCommand(NativeClient.client(), args), env, cwd, outMode, errTerminal);
        assertNothingPrinted(75, j);
        assertNothingPrinted(75, n);
        assertEquals(2, daemon.requests.size());
        Request fromJava = daemon.requests.get(0);
        Request fromNative = daemon.requests.get(1);
        daemon.requests.clear();
        assertEquals(fromJava, fromNative, "stdout mode " + outMode + ", err terminal " + errTerminal);
        // ... and what that is, so that two clients wrong alike cannot pass.
        assertEquals(List.of(args), fromNative.args());
        assertEquals(cwd.toRealPath().toString(), fromNative.cwd());
        assertEquals(env, fromNative.env());
        assertEquals(outTerminal, fromNative.outTerminal());
        assertEquals(errTerminal, fromNative.errTerminal());
        assertEquals(BUILD, fromNative.build());
        assertEquals(DaemonProtocol.Kind.RUN, fromNative.kind());
      }
    }
  }

  /** Every byte value, on both streams, with an exit code of tpsearch's. */
  private static Response everyByte() {
    byte[] out = new byte[256 * 300];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (i * 7);
    }
    byte[] err = "tpsearch: 错误 \u001b[1m\0\r\n".getBytes(StandardCharsets.UTF_8);
    return new Response(true, "", out, err, 3);
  }

  private void relaysEveryByteAndTheExitCode(Path binary, List<String> prefix) throws IOException {
    Response r = everyByte();
    daemon = new FakeDaemon(answer(r), null);
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(nativeCommand(binary, "search", "x"));
    NativeClient.Run n = NativeClient.run(cmd, env(), cwd, false, false);
    assertEquals(3, n.exit(), () -> new String(n.err(), StandardCharsets.UTF_8));
    assertArrayEquals(r.out(), n.out());
    assertArrayEquals(r.err(), n.err());
  }

  @Test
  void relaysEveryByteAndTheExitCode() throws IOException {
    relaysEveryByteAndTheExitCode(NativeClient.client(), List.of());
  }

  @Test
  void underTheSanitizersEveryPathIsClean() throws Exception {
    Path asan = NativeClient.sanitized();
    assumeTrue(asan != null, "the compiler has no AddressSanitizer/UndefinedBehaviorSanitizer here");
    relaysEveryByteAndTheExitCode(asan, List.of());
    stop();
    for (byte[] bad : badAnswers()) {
      daemon = new FakeDaemon(bad, null);
      assertNothingPrinted(75, NativeClient.run(nativeCommand(asan, "search", "x"), env(), cwd, false, false));
      stop();
    }
    daemon = new FakeDaemon(answer(new Response(true, "cat > /dev/null", new byte[100_000], new byte[0], 0)), null);
    NativeClient.Run paged = NativeClient.run(nativeCommand(asan, "search", "x"), env(), cwd, true, true);
    assertEquals(0, paged.exit(), () -> new String(paged.err(), StandardCharsets.UTF_8));
  }

  @Test
  void underValgrindNoErrorsNoLeaks() throws IOException {
    Path valgrind = Path.of("/usr/bin/valgrind");
    assumeTrue(Files.isExecutable(valgrind), "valgrind is not installed");
    relaysEveryByteAndTheExitCode(NativeClient.client(), List.of(valgrind.toString(), "-q", "--error-exitcode=99",
        "--leak-check=full", "--errors-for-leak-kinds=definite,indirect"));
  }

  @Test
  void aLargeAnswerThroughAPipeArrivesWhole() throws Exception {
    byte[] out = new byte[24 << 20];
    new java.util.Random(13).nextBytes(out);
    daemon = new FakeDaemon(answer(new Response(true, "", out, new byte[0], 1)), null);
    ProcessBuilder pb = new ProcessBuilder(nativeCommand(NativeClient.client(), "search", "x")).directory(cwd.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env());
    Process p = pb.start();
    byte[] got = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue());
    assertArrayEquals(out, got);
  }

  @Test
  void aReaderThatQuitsEarlyLeavesTheExitCodeAsItIs() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    daemon = new FakeDaemon(answer(new Response(true, "", new byte[1 << 20], "err\n".getBytes(StandardCharsets.UTF_8), 3)), gate);
    ProcessBuilder pb = new ProcessBuilder(nativeCommand(NativeClient.client(), "search", "x")).directory(cwd.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().putAll(env());
    Process p = pb.start();
    p.getInputStream().close(); // as `| head` that has read enough
    gate.countDown();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), "the command's exit code, not death by SIGPIPE (141)");
  }

  /** Runs {@code cmd} with stdout on /dev/full (a full disk); stderr captured. */
  private static NativeClient.Run toAFullDisk(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
        .redirectOutput(ProcessBuilder.Redirect.to(new java.io.File("/dev/full")));
    pb.environment().clear();
    pb.environment().putAll(env());
    Process p = pb.start();
    byte[] err = p.getErrorStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return new NativeClient.Run(p.exitValue(), new byte[0], err);
  }

  @Test
  void aFullDiskIsSaidAndExit3ByBothClients() throws Exception {
    // Before: both clients dropped the write error, exit 1, and a cut file (search > out.json).
    assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
    daemon = new FakeDaemon(answer(new Response(true, "", new byte[100_000], new byte[0], 1)), null);
    NativeClient.Run n = toAFullDisk(nativeCommand(NativeClient.client(), "search", "x"));
    NativeClient.Run j = toAFullDisk(javaCommand("search", "x"));
    String said = "tpsearch: cannot write the output: No space left on device\n";
    assertEquals(said, new String(n.err(), StandardCharsets.UTF_8));
    assertEquals(3, n.exit());
    assertEquals(said, new String(j.err(), StandardCharsets.UTF_8));
    assertEquals(3, j.exit());
  }

  @Test
  void theExitCodeIsItsLowEightBitsAsSystemExitGivesThem() throws IOException {
    for (int[] c : new int[][] {{0, 0}, {4, 4}, {260, 4}, {-1, 255}}) {
      daemon = new FakeDaemon(answer(new Response(true, "", new byte[0], new byte[0], c[0])), null);
      assertEquals(c[1], runNative(env(), "stats").exit(), "exit " + c[0]);
      stop();
    }
  }

  /** Answers a client must not print from: each ends or lies before the whole answer is in. */
  private static List<byte[]> badAnswers() throws IOException {
    byte[] good = answer(new Response(true, "", "out".getBytes(StandardCharsets.UTF_8), "err".getBytes(StandardCharsets.UTF_8), 0));
    List<byte[]> bad = new ArrayList<>();
    bad.add(answer(Response.refused()));
    bad.add(new byte[0]); // closed without a word
    byte[] wrongMagic = good.clone();
    wrongMagic[3] ^= 1;
    bad.add(wrongMagic);
    for (int cut : new int[] {2, 4, 5, 8, 9, 12, good.length - 1}) {
      bad.add(java.util.Arrays.copyOf(good, cut)); // the daemon died half-way
    }
    for (int length : new int[] {-1, Integer.MAX_VALUE, (256 << 20) + 1}) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      DataOutputStream o = new DataOutputStream(b);
      o.writeInt(MAGIC);
      o.writeBoolean(true);
      o.writeInt(0);
      o.writeInt(length);
      o.write(new byte[64]);
      bad.add(b.toByteArray());
    }
    return bad;
  }

  @Test
  void anAnswerItCannotTrustPrintsNothingAndExits75() throws IOException {
    for (byte[] bad : badAnswers()) {
      daemon = new FakeDaemon(bad, null);
      assertNothingPrinted(75, runNative(env(), "search", "x"));
      assertEquals(1, daemon.requests.size());
      stop();
    }
  }

  @Test
  void noDaemonOrAFolderItMustNotTrustIsExit75WithoutAWord() throws IOException {
    assertNothingPrinted(75, runNative(env(), "search", "x")); // no socket
    daemon = new FakeDaemon(answer(everyByte()), null);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
    assertNothingPrinted(75, runNative(env(), "search", "x"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx---rwx"));
    assertNothingPrinted(75, runNative(env(), "search", "x"));
    assertEquals(0, daemon.requests.size(), "not even asked");
    // A folder that is a link to a good one is not used either.
    Path real = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
    Path linked = Files.createDirectories(tmp.resolve("linked-run"));
    Files.createSymbolicLink(linked.resolve("tpsearch"), real);
    assertNothingPrinted(75, runNative(env("XDG_RUNTIME_DIR", linked.toString()), "search", "x"));
    // A relative XDG_RUNTIME_DIR is not used: /tmp/tpsearch-UID instead, as DaemonFolder.of.
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    assertNothingPrinted(75, runNative(env("XDG_RUNTIME_DIR", "run"), "search", "x"));
    assertEquals(0, daemon.requests.size());
    // ... and a good folder is.
    assertEquals(3, runNative(env(), "search", "x").exit());
  }

  @Test
  void whatOnlyTheJavaClientCanMirrorIsLeftToIt() throws IOException {
    daemon = new FakeDaemon(answer(everyByte()), null);
    // The JVM would say "Picked up JAVA_TOOL_OPTIONS" first.
    assertNothingPrinted(76, runNative(env("JAVA_TOOL_OPTIONS", "-Xmx1g"), "search", "x"));
    assertNothingPrinted(76, runNative(env("JDK_JAVA_OPTIONS", "-Xmx1g"), "search", "x"));
    // The JVM would decode a Chinese argument in the C locale's ASCII: not as UTF-8.
    assertNothingPrinted(76, runNative(env("LANG", "C"), "search", "碳达峰"));
    assertNothingPrinted(76, NativeClient.run(List.of(NativeClient.client().toString()), env(), cwd, false, false));
    for (String build : List.of("../x", "a/b", "", ".x")) {
      assertNothingPrinted(76, NativeClient.run(List.of(NativeClient.client().toString(), build, "search"), env(), cwd, false, false));
    }
    assertEquals(0, daemon.requests.size());
    // ASCII in the C locale reads the same either way: served.
    Path ascii = Files.createDirectories(tmp.resolve("ascii"));
    NativeClient.Run r = NativeClient.run(nativeCommand(NativeClient.client(), "search", "carbon"), env("LANG", "C"), ascii, false, false);
    assertEquals(3, r.exit());
    assertEquals(1, daemon.requests.size());
  }

  @Test
  void thePagerGetsTheOutputWithLessAndLvSetUnlessTheUserSetThem() throws IOException {
    Path paged = tmp.resolve("paged.bin");
    Path seen = tmp.resolve("seen.txt");
    String pager = "printf '%s|%s' \"$LESS\" \"$LV\" > '" + seen + "'; cat > '" + paged + "'";
    Response r = new Response(true, pager, everyByte().out(), "note\n".getBytes(StandardCharsets.UTF_8), 0);
    daemon = new FakeDaemon(answer(r), null);
    NativeClient.Run n = NativeClient.run(nativeCommand(NativeClient.client(), "search", "x"), env(), cwd, true, false);
    assertEquals(0, n.exit());
    assertEquals(0, n.out().length, "all of it went to the pager");
    assertArrayEquals("note\n".getBytes(StandardCharsets.UTF_8), n.err());
    assertArrayEquals(r.out(), Files.readAllBytes(paged));
    assertEquals("FRX|-c", Files.readString(seen));
    n = NativeClient.run(nativeCommand(NativeClient.client(), "search", "x"), env("LESS", "S", "LV", ""), cwd, true, false);
    assertEquals(0, n.exit());
    assertEquals("S|", Files.readString(seen));
  }
}
