package org.tpsearch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's native client (src/main/c/tpsearch-client.c) for the tests: compiled here, once per
 * test JVM, with the warnings the project holds it to, and run as a real process, its stdout and
 * stderr on pseudo-terminals when a test says they are terminals (src/test/c/pty-run.c).
 */
final class NativeClient {
  static final Path SOURCE = Path.of("src/main/c/tpsearch-client.c").toAbsolutePath();
  private static final Path PTY_RUN_SOURCE = Path.of("src/test/c/pty-run.c").toAbsolutePath();
  private static final Path OUT = Path.of("target/native-test").toAbsolutePath();

  /** The flags of the tests' build: every warning an error. */
  static final List<String> STRICT = List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-O2");

  /** What one run printed (bytes) and returned. */
  record Run(int exit, byte[] out, byte[] err) {}

  private static String compiler;
  private static Path client;
  private static Path sanitized;
  private static boolean sanitizedTried;
  private static Path ptyRun;

  private NativeClient() {}

  /** The first of cc, gcc, clang on the PATH (as the launcher looks), or null. */
  static synchronized String compiler() {
    if (compiler == null) {
      for (String c : List.of("cc", "gcc", "clang")) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
          if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, c))) {
            compiler = c;
            return c;
          }
        }
      }
    }
    return compiler;
  }

  static boolean available() {
    return compiler() != null;
  }

  /** The client built with {@link #STRICT}; fails the test when it does not compile cleanly. */
  static synchronized Path client() {
    if (client == null) {
      client = compile(SOURCE, "tpsearch-client", STRICT);
    }
    return client;
  }

  /** The client built with AddressSanitizer and UndefinedBehaviorSanitizer, or null where the compiler has none. */
  static synchronized Path sanitized() {
    if (!sanitizedTried) {
      sanitizedTried = true;
      List<String> flags = new ArrayList<>(List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-O1", "-g",
          "-fno-omit-frame-pointer", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"));
      try {
        sanitized = compile(SOURCE, "tpsearch-client-asan", flags);
      } catch (AssertionError e) {
        sanitized = null;
      }
    }
    return sanitized;
  }

  static synchronized Path ptyRun() {
    if (ptyRun == null) {
      ptyRun = compile(PTY_RUN_SOURCE, "pty-run", STRICT);
    }
    return ptyRun;
  }

  /** Compiles {@code source} into target/native-test/{@code name}; the compiler's complaint fails the test. */
  static Path compile(Path source, String name, List<String> flags) {
    try {
      Files.createDirectories(OUT);
      Path target = OUT.resolve(name);
      Path tmp = OUT.resolve(name + "." + ProcessHandle.current().pid());
      List<String> cmd = new ArrayList<>();
      cmd.add(compiler());
      cmd.addAll(flags);
      cmd.addAll(List.of("-o", tmp.toString(), source.toString()));
      Path log = OUT.resolve(name + ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", cmd) + " failed:\n" + Files.readString(log));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code command} with exactly {@code env}, in {@code cwd}; stdout (with stdin) and stderr
   * on pseudo-terminals as asked, else in files, stdin /dev/null.
   */
  static Run run(List<String> command, Map<String, String> env, Path cwd, boolean outTerminal, boolean errTerminal) {
    return run(command, env, cwd, outTerminal ? "1" : "0", errTerminal);
  }

  /** As {@link #run(List, Map, Path, boolean, boolean)}; {@code outMode} 2: stdout a terminal, stdin not. */
  static Run run(List<String> command, Map<String, String> env, Path cwd, String outMode, boolean errTerminal) {
    try {
      Path out = Files.createTempFile(OUT, "out", ".bin");
      Path err = Files.createTempFile(OUT, "err", ".bin");
      try {
        List<String> cmd = new ArrayList<>(List.of(ptyRun().toString(), outMode, errTerminal ? "1" : "0",
            out.toString(), err.toString()));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new AssertionError("still running after 60 s: " + command);
        }
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
