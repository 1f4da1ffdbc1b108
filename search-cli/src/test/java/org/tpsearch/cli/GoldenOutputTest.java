package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.testing.Golden;

/**
 * The exact text and JSON output of representative commands on the embedded sample index, against
 * {@code src/test/resources/golden/}. After an intended change, regenerate with
 * {@code -Dgolden.update=true} and read the diff.
 */
class GoldenOutputTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("search-green-power-trading", new String[] {"search", "绿色电力 交易", "-n", "3"}),
        Arguments.of("facets-xinjiang", new String[] {"facets", "--region", "新疆"}),
        Arguments.of("show-xinjiang-industry-2022-03-01-event", new String[] {"show", "xinjiang/industry/2022-03-01/event"}),
        Arguments.of("show-jiangsu-power-2021-09-16-policy", new String[] {"show", "jiangsu/power/2021-09-16/policy"}),
        Arguments.of("duplicates", new String[] {"duplicates"}),
        Arguments.of("search-collapse", new String[] {"search", "能耗双控", "--sort", "date", "--collapse"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void text(String name, String[] args) throws IOException {
    Cli.Result r = cli.run(args);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    Golden.assertMatches(name + ".txt", r.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void json(String name, String[] args) throws IOException {
    String[] json = SearchOutputTest.with(java.util.List.of(args), "--format", "json");
    Cli.Result r = cli.run(json);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err());
    MiniJson.parse(r.out());
    Golden.assertMatches(name + ".json", r.out());
  }
}
