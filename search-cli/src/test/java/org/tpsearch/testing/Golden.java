package org.tpsearch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: the expected text lives in {@code src/test/resources/golden/}, compared
 * exactly, and is rewritten only on purpose with {@code -Dgolden.update=true}. (The same helper as
 * the indexer's; test classes are not shared between modules.)
 */
public final class Golden {
  private Golden() {}

  /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it on request. */
  public static void assertMatches(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.parseBoolean(System.getProperty("golden.update", "false"))) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      throw new AssertionError("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from golden file " + file);
  }

  /** The repository's sample reports folder, seen from a module directory. */
  public static Path sampleReports() {
    return Path.of("..", "sample-index", "reports").toAbsolutePath().normalize();
  }
}
