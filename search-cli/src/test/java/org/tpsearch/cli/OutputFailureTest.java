package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written: {@code tpsearch search --format json > out.json} on a full disk
 * printed nothing on stderr and exited 0, leaving a cut file. Now it says so, exit 3; a reader that
 * quits early ({@code | head}) is still no error. In a child JVM (stdout is the process's own).
 */
class OutputFailureTest {
  @TempDir
  static Path home;

  private static Process start(ProcessBuilder.Redirect out, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out);
    pb.environment().clear();
    pb.environment().put("HOME", home.toString());
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    return pb.start();
  }

  @Test
  void aFullDiskIsSaidAndExit3() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full");
    // The embedded sample index; one search with hits (exit 0), one with none (exit 1).
    for (String q : new String[] {"光伏", "zzqqxx"}) {
      Process p = start(ProcessBuilder.Redirect.to(new File("/dev/full")), "search", "--no-daemon", "-n", "50", q);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(2, TimeUnit.MINUTES));
      assertEquals("tpsearch: cannot write the output: No space left on device\n", err, q);
      assertEquals(3, p.exitValue(), q);
    }
  }

  @Test
  void aReaderThatQuitsEarlyIsNoError() throws Exception {
    Process p = start(ProcessBuilder.Redirect.PIPE, "search", "--no-daemon", "-n", "10000", "--format", "json", "");
    p.getInputStream().read();
    p.getInputStream().close(); // as `| head -c 1`
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals("", err);
    assertEquals(0, p.exitValue());
  }
}
