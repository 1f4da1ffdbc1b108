package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --help} wraps between words: never inside a run of Chinese characters, never past 80 columns. */
class HelpWrapTest {
  @TempDir
  Path home;

  private static boolean isHan(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  private static int columns(String line) {
    return line.codePoints().map(c -> isHan(c) || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F) ? 2 : 1).sum();
  }

  private String help(String... command) {
    String[] args = new String[command.length + 1];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--help";
    Cli.Result r = Cli.at(home).run(args);
    assertEquals(0, r.exit(), r.toString());
    return r.out();
  }

  @Test
  void theFullRegionNameStaysOnOneLine() {
    String help = help("search");
    assertTrue(help.contains("新疆维吾尔自治区"), help);
    assertTrue(help.contains("绿色电力"), help);
    assertTrue(help.contains("..2022)"), "a range is not cut after its dots:\n" + help);
  }

  @Test
  void noCommandsHelpBreaksAChineseRunOrOverflows() {
    for (List<String> cmd : List.of(List.<String>of(), List.of("search"), List.of("show"), List.of("facets"),
        List.of("stats"), List.of("index"), List.of("lint"), List.of("shell"), List.of("serve"), List.of("completion"))) {
      List<String> lines = help(cmd.toArray(new String[0])).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        assertTrue(columns(line) <= 80, cmd + ": wider than 80 columns: " + line);
        if (i + 1 < lines.size() && !line.isEmpty()) {
          String next = lines.get(i + 1).stripLeading();
          int last = line.codePointBefore(line.length());
          assertTrue(next.isEmpty() || !(isHan(last) && isHan(next.codePointAt(0))),
              cmd + ": a Chinese word is split across lines:\n" + line + "\n" + lines.get(i + 1));
        }
      }
    }
  }
}
