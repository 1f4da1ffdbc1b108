package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.testing.Golden;

/**
 * Files, folders and index folders the user may not read or write. tpsearch runs in a process of
 * its own; when the tests run as root (who may read anything), it runs without the capabilities
 * that let root ignore permissions ({@code setpriv}), so the permissions bite as for anyone else.
 */
class PermissionsTest {
  @TempDir Path home;

  private record Run(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** {@code tpsearch args} in a new JVM, as a user whom file permissions apply to. */
  private Run tpsearch(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      Path setpriv = Path.of("/usr/bin/setpriv");
      Assumptions.assumeTrue(Files.isExecutable(setpriv), "as root, needs setpriv to drop the capability to ignore permissions");
      cmd.addAll(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search"));
    }
    cmd.add(ProcessHandle.current().info().command().orElseThrow());
    cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
    Path out = home.resolve("stdout");
    Path err = home.resolve("stderr");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "tpsearch finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  private static void chmod(Path p, String perms) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
  }

  @Test
  void anUnreadableFileOrFolderIsAWarningAndWhatTheIndexHoldsOfItIsKept() throws Exception {
    Path results = home.resolve("results");
    copy(Golden.sampleReports(), results);
    Path index = home.resolve("index");
    Path file = results.resolve("Beijing_Residential_combined_info.txt");
    Path folder = results.resolve("organized_results");
    assertEquals(0, Cli.at(home).run("index", "-q", results.toString(), "--index", index.toString()).exit());

    // Changed since it was indexed (so it must be read again), and no longer readable.
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
    chmod(file, "---------");
    chmod(folder, "---------");
    try {
      Run again = tpsearch("index", results.toString(), "--index", index.toString());
      assertEquals(0, again.exit(), again::toString);
      assertTrue(again.errLines().contains("warning: " + file + ": cannot read this file: permission denied; skipped, "
          + "and what the index holds from it is kept [unreadable]"), again::toString);
      assertTrue(again.errLines().contains("warning: " + folder + ": cannot read this folder: permission denied; skipped, "
          + "and what the index holds from it is kept [unreadable]"), again::toString);
      assertTrue(again.out().contains("\n68 turning points: "), again::toString);
      assertTrue(again.out().contains(" 0 removed,"), "nothing removed: " + again);

      // A first index: the rest is indexed (Beijing's 5 points are missing, Jiangsu's copy is not needed).
      Run fresh = tpsearch("index", results.toString(), "--index", home.resolve("fresh").toString());
      assertEquals(0, fresh.exit(), fresh::toString);
      assertTrue(fresh.out().contains("\n63 turning points: "), fresh::toString);

      Run lint = tpsearch("lint", results.toString());
      assertEquals(1, lint.exit(), lint::toString);
      assertTrue(lint.out().contains(file + ": cannot read this file: permission denied"), lint::toString);
    } finally {
      chmod(file, "rw-r--r--");
      chmod(folder, "rwxr-xr-x");
    }
  }

  @Test
  void aReadOnlyIndexFolderIsNamedWithWhatIsWrong() throws Exception {
    Path results = Golden.sampleReports();
    Path index = home.resolve("index");
    assertEquals(0, Cli.at(home).run("index", "-q", results.toString(), "--index", index.toString()).exit());
    chmod(index, "r-xr-xr-x");
    try {
      Run r = tpsearch("index", results.toString(), "--index", index.toString(), "--full");
      assertEquals(3, r.exit(), r::toString);
      assertEquals(List.of("tpsearch: cannot write the index at " + index + ": the folder is read-only (permission denied)"),
          r.errLines());
      // Under a read-only folder, a new index cannot be made either; nothing is left behind.
      Path under = index.resolve("new");
      Run n = tpsearch("index", results.toString(), "--index", under.toString());
      assertEquals(3, n.exit(), n::toString);
      assertEquals(List.of("tpsearch: cannot write the index at " + under + ": permission denied (" + under + ")"), n.errLines());
    } finally {
      chmod(index, "rwxr-xr-x");
    }
    assertEquals(0, Cli.at(home).run("search", "--index", index.toString(), "-n", "1").exit(), "the index is whole");
  }
}
