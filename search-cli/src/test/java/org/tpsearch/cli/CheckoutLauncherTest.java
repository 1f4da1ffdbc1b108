package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source checkout's ./tpsearch, in a stand-in checkout (its mvnw and the distribution's
 * launcher are small scripts that say they ran): it rebuilds when a build input changed (a
 * module's pom.xml or main sources, the sample reports, cite-styles too), not for a test source
 * or target/, and hands the arguments to the distribution's launcher unchanged.
 */
class CheckoutLauncherTest {
  private static final Path SCRIPT = Path.of("..", "tpsearch").toAbsolutePath().normalize();

  @TempDir
  Path checkout;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void standInCheckout() throws IOException {
    Files.copy(SCRIPT, checkout.resolve("tpsearch"));
    Files.setPosixFilePermissions(checkout.resolve("tpsearch"), PosixFilePermissions.fromString("rwx------"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    for (String m : List.of("analyzers", "indexer", "sample-index", "cite-styles", "search-cli", "tools")) {
      Files.createDirectories(checkout.resolve(m + "/src/main/java"));
      Files.createDirectories(checkout.resolve(m + "/src/test/java"));
      Files.writeString(checkout.resolve(m + "/pom.xml"), "<project/>\n");
      Files.writeString(checkout.resolve(m + "/src/main/java/A.java"), "class A {}\n");
      Files.writeString(checkout.resolve(m + "/src/test/java/ATest.java"), "class ATest {}\n");
    }
    Files.createDirectories(checkout.resolve("sample-index/reports"));
    Files.writeString(checkout.resolve("sample-index/reports/Xinjiang_Industry_combined_info.txt"), "report\n");
    script(checkout.resolve("mvnw"), "echo built >> \"$(dirname \"$0\")/built.txt\"");
    Path bin = Files.createDirectories(checkout.resolve("search-cli/target/tpsearch/bin"));
    script(bin.resolve("tpsearch"), "printf '%s|' \"$@\"; echo; echo \"tools=$TPSEARCH_TOOLS\"");
    Files.createDirectories(checkout.resolve("tools/target/classes"));
    Files.writeString(checkout.resolve("search-cli/target/classes.txt"), "x\n");
    // Built a minute after every source was written.
    Path stamp = checkout.resolve("search-cli/target/tpsearch/.built");
    Files.writeString(stamp, "");
    try (var s = Files.walk(checkout)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(120)));
      }
    }
    Files.setLastModifiedTime(stamp, FileTime.from(Instant.now().minusSeconds(60)));
  }

  private static void script(Path p, String body) throws IOException {
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
  }

  private Run tpsearch(Path cwd, String command, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().remove("TPSEARCH_NO_BUILD");
    Path out = Files.createTempFile(checkout, "out", ".txt");
    Path err = Files.createTempFile(checkout, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private int builds() throws IOException {
    Path built = checkout.resolve("built.txt");
    return Files.exists(built) ? Files.readAllLines(built).size() : 0;
  }

  private void touch(String file) throws IOException {
    Path p = checkout.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "changed\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(p, FileTime.from(Instant.now()));
  }

  @Test
  void nothingChangedRunsTheDistributionWithTheArgumentsAsTheyWere() throws Exception {
    Run r = tpsearch(checkout, "./tpsearch", "search", "绿色电力 交易", "", "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("search|绿色电力 交易||--format|json|\ntools=/"), r.out());
    assertTrue(r.out().endsWith("/tools/target/lib\n"), r.out());
    assertEquals("", r.err());
    assertEquals(0, builds());
    // Through a link, and from another folder.
    Path link = Files.createDirectories(checkout.resolve("elsewhere")).resolve("tp");
    Files.createSymbolicLink(link, checkout.resolve("tpsearch"));
    Run linked = tpsearch(link.getParent(), link.toString(), "stats");
    assertTrue(linked.out().startsWith("stats|\n"), linked.toString());
    assertEquals(0, builds());
  }

  @Test
  void aChangedBuildInputRebuildsOnceATestSourceOrTargetDoesNot() throws Exception {
    touch("search-cli/src/test/java/ATest.java");
    touch("analyzers/target/classes/X.class");
    touch("search-cli/src/test/resources/golden.txt");
    tpsearch(checkout, "./tpsearch", "stats");
    assertEquals(0, builds(), "tests and build output are not inputs of the distribution");
    for (String input : List.of("cite-styles/src/main/java/A.java", "search-cli/src/main/java/A.java",
        "sample-index/reports/Xinjiang_Industry_combined_info.txt", "tools/pom.xml", "pom.xml")) {
      int before = builds();
      touch(input);
      Run r = tpsearch(checkout, "./tpsearch", "stats");
      assertTrue(r.err().contains("building"), input + ": " + r);
      assertEquals(before + 1, builds(), input);
      Run again = tpsearch(checkout, "./tpsearch", "stats");
      assertEquals(before + 1, builds(), input + " is built once");
      assertFalse(again.err().contains("building"), again.toString());
    }
  }

  @Test
  void aFailedBuildSaysWhereItsLogIs() throws Exception {
    script(checkout.resolve("mvnw"), "echo 'compilation failed: A.java:1'; exit 1");
    touch("indexer/src/main/java/A.java");
    Run r = tpsearch(checkout, "./tpsearch", "stats");
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("compilation failed: A.java:1"), r.err());
    assertTrue(r.err().contains(".tpsearch-build.log"), r.err());
  }
}
