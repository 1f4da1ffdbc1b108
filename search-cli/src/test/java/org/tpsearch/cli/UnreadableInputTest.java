package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that do not arrive as typed, or that look empty: in the C or POSIX locale the JVM reads
 * a Chinese argument as U+FFFD ('?') for each byte, which was searched for ("no searchable words:
 * '??????'"); now a usage error that says to set a UTF-8 locale. Zero-width and other invisible
 * characters of a query are shown escaped in the error that echoes it, like control characters.
 */
class UnreadableInputTest {
  @TempDir static Path home;
  static Cli cli;

  @BeforeAll
  static void setUp() {
    cli = Cli.at(home);
  }

  private static final String HINT = "set a UTF-8 locale, e.g. LC_ALL=C.UTF-8";

  /**
   * Runs {@code args}. The native client leaves a non-UTF-8 locale with non-ASCII arguments to the
   * Java client (exit 76, NativeClientTest; DaemonIT checks that path): in the tests' native-client
   * execution these run in-process, as the Java client's answer would be.
   */
  private static Cli.Result run(Cli c, String... args) {
    return TestDaemon.NATIVE ? c.inProcess(args) : c.run(args);
  }

  @Test
  void anArgumentTheLocaleCouldNotDecodeIsAUsageErrorWithAHint() {
    // As the JVM hands 电力 to main() under LANG=C: six U+FFFD, one a byte.
    String read = "\uFFFD".repeat(6);
    Cli.Result r = run(cli.with("LANG", "C"), "search", read);
    assertEquals(2, r.exit(), r::toString);
    assertEquals("tpsearch: the argument '??????' cannot be read: the locale (LANG=C) is not UTF-8, so non-ASCII "
        + "characters arrive as '?'; " + HINT + "\n", r.err());
    assertEquals("", r.out());
    // LC_ALL wins over LANG, as in the C library; a filter value, and show's id, too.
    Cli.Result region = run(cli.with("LANG", "zh_CN.UTF-8").with("LC_ALL", "POSIX"), "search", "--region", "\uFFFD\uFFFD");
    assertEquals(2, region.exit(), region::toString);
    assertEquals("tpsearch: the argument '??' cannot be read: the locale (LC_ALL=POSIX) is not UTF-8, so non-ASCII "
        + "characters arrive as '?'; " + HINT + "\n", region.err());
    Cli.Result show = run(cli, "show", "xinjiang/industry/2022-03-01/event\uFFFD");
    assertEquals(2, show.exit(), show::toString);
    assertTrue(show.err().contains("the locale (none set: POSIX) is not UTF-8"), show::toString);
    // Even where the parsing fails first (an enum value picocli cannot read).
    Cli.Result sort = run(cli.with("LANG", "C"), "search", "x", "--sort", "\uFFFD\uFFFD\uFFFD");
    assertEquals(2, sort.exit(), sort::toString);
    assertTrue(sort.err().startsWith("tpsearch: the argument '???' cannot be read"), sort::toString);
    // In a UTF-8 locale, the bytes themselves were not UTF-8.
    Cli.Result bytes = run(cli.with("LANG", "C.UTF-8"), "search", "光伏\uFFFD");
    assertEquals(2, bytes.exit(), bytes::toString);
    assertEquals("tpsearch: the argument '光伏?' cannot be read: it is not valid UTF-8 (each '?' stands for bytes that "
        + "are not), or the locale (LANG=C.UTF-8) is not installed; set one that is, e.g. LC_ALL=C.UTF-8\n", bytes.err());
  }

  @Test
  void underLangCAChineseQueryExits2WithTheHintAndUnderCUtf8ItSearches() throws Exception {
    // A real JVM in the C locale, as the launcher starts it (no daemon): the bytes of 电力 in argv.
    for (Map.Entry<String, String> locale : List.of(Map.entry("LANG", "C"), Map.entry("LC_ALL", "C"))) {
      Process p = start(locale.getKey(), locale.getValue(), "search", "--no-daemon", "电力");
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(2, TimeUnit.MINUTES));
      assertEquals("tpsearch: the argument '??????' cannot be read: the locale (" + locale.getKey() + "=C) is not "
          + "UTF-8, so non-ASCII characters arrive as '?'; " + HINT + "\n", err, locale::toString);
      assertEquals("", out);
      assertEquals(2, p.exitValue());
    }
    Process p = start("LC_ALL", "C.UTF-8", "search", "--no-daemon", "电力");
    p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    assertEquals("", err);
    assertEquals(0, p.exitValue());
  }

  private static Process start(String name, String value, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_DATA_HOME", home.resolve("xdg").toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    pb.environment().put(name, value);
    return pb.start();
  }

  @Test
  void invisibleCharactersOfAQueryAreShownEscaped() {
    // Zero-width space, zero-width joiner, word joiner, byte-order mark, soft hyphen, a tag character.
    Cli.Result r = cli.run("search", "\u200B\u200D\u2060\uFEFF\u00AD\uDB40\uDC41");
    assertEquals(2, r.exit(), r::toString);
    assertEquals("tpsearch: bad query: the query has no searchable words: "
        + "'\\u200b\\u200d\\u2060\\ufeff\\u00ad\\udb40\\udc41'\n", r.err());
    // Next to a control character, and a left-to-right mark.
    Cli.Result mixed = cli.run("search", "\u200C\u001B\u200E");
    assertEquals(2, mixed.exit(), mixed::toString);
    assertTrue(mixed.err().contains("'\\u200c\\x1b\\u200e'"), mixed::toString);
  }
}
