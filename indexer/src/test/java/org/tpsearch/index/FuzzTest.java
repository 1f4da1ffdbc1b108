package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.DecodedText;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.parse.TextDecoder;
import org.tpsearch.testing.Golden;

/**
 * Seeded fuzzing of the parser and the indexer: {@value #FILES} reports made from the real report
 * and the sample reports by 1 to 3 mutations each (a cut at any byte, flipped bytes, inserted code
 * fences, separators, control characters, long lines and heading look-alikes, other encodings), in
 * one results folder. Asserts that no exception escapes lint or index, that every line with a
 * {@code #} before {@code 转折点} in every file is a point or a warning on that line (a binary file
 * is one warning), and that the index holds exactly the points lint reports. The seed is fixed:
 * a failure reproduces; {@code -Dfuzz.seed=N} tries another.
 */
class FuzzTest {
  static final int FILES = 300;
  /** Heading-like, told independently of the parser: a '#', spaces or invisible characters, 转折点. */
  private static final Pattern HEADING_LIKE = Pattern.compile("[#＃][\\s\\p{Cc}\\p{Cf}\\p{Z}]*+转折点");
  private static final String[] FENCES = {"```", "```python", "~~~", "````"};
  private static final String[] SEPARATORS = {"---", "***", "___", "- - -", "-----", " ---", "* * *"};
  private static final String[] CONTROLS = {
    "\u001b", "\u001b[31m", "\u0007", "\u0000", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029", "\r", "\t",
    "\u000b", "\u000c", "\ufeff", "\u200b", "\u202e"
  };
  private static final String[] LONG_UNITS = {"-", "- ", "*", "_", "> ", "#", "[a](b", "<a ", "|--", "1. ", "新", "a"};
  private static final String[] LOOKALIKES = {
    "### 转折点: 2020-02-01 (Event) - 置信度: 0.60", "> ## 转折点: 2020-02-01 (Event) - 置信度: 0.60",
    "**转折点: 2020-02-01 (Event)**", "## 转折点:", "##转折点 2020-02-30", "## 转折点: 2020-02-01 (" + "T".repeat(300) + ")",
  };
  private static final String[] CHARSETS = {"GB18030", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-8 BOM", "CRLF"};

  @TempDir Path tmp;

  @Test
  void mutatedReportsLoseNoHeadingAndIndexAsLinted() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261202L);
    Random random = new Random(seed);
    List<Path> sources = sources();
    Path results = Files.createDirectories(tmp.resolve("results"));
    Map<String, Integer> used = new HashMap<>();
    int mutations = 0;
    for (int i = 0; i < FILES; i++) {
      Path source = i == 0 ? Golden.realReport() : sources.get(random.nextInt(sources.size()));
      byte[] bytes = Files.readAllBytes(source);
      int n = 1 + random.nextInt(3);
      for (int k = 0; k < n; k++) {
        bytes = mutate(bytes, random);
      }
      mutations += n;
      // One folder a file, as organized_results has them: the names stay report names.
      Path folder = Files.createDirectories(results.resolve("m" + i));
      String name = source.getFileName().toString();
      used.merge(name, 1, Integer::sum);
      Files.write(folder.resolve(name), bytes);
    }

    Indexer.LintResult lint = Indexer.lint(List.of(results), 2);
    IndexSummary run = Indexer.run(List.of(results), tmp.resolve("index"), Indexer.Options.defaults().withThreads(2));

    Map<Path, Set<Integer>> warnedLines = new HashMap<>();
    Map<Path, Set<String>> warnedCodes = new HashMap<>();
    for (Problem p : lint.problems()) {
      warnedLines.computeIfAbsent(p.file(), f -> new HashSet<>()).add(p.line());
      warnedCodes.computeIfAbsent(p.file(), f -> new HashSet<>()).add(p.code());
    }
    Set<String> parsedIds = new TreeSet<>();
    int headingLines = 0;
    try (Stream<Path> files = Files.walk(results)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        Report report = ReportParser.parse(file, bytes);
        report.points().forEach(p -> parsedIds.add(p.id()));
        DecodedText text = TextDecoder.decode(bytes);
        if (text.binary()) {
          assertTrue(warnedCodes.getOrDefault(file, Set.of()).contains("binary"), file + " is binary, unsaid");
          continue;
        }
        Set<Integer> pointLines = new HashSet<>(report.points().stream().map(TurningPoint::line).toList());
        String[] lines = text.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (HEADING_LIKE.matcher(lines[i]).find()) {
            headingLines++;
            int line = i + 1;
            assertTrue(pointLines.contains(line) || warnedLines.getOrDefault(file, Set.of()).contains(line),
                () -> file + ":" + line + " looks like a heading, is no point and has no warning: " + lines[line - 1]
                    + " (seed " + seed + ")");
          }
        }
      }
    }
    Map<String, String> indexed = IndexedCorpus.hashes(tmp.resolve("index"));
    assertEquals(parsedIds, indexed.keySet(), "seed " + seed);
    assertEquals(lint.points(), indexed.size(), "seed " + seed);
    assertEquals(lint.points(), run.points(), "seed " + seed);
    assertEquals(FILES, lint.reportFiles());
    // What was fuzzed, for RELIABILITY.md: printed, not asserted.
    System.out.printf("fuzz: seed %d, %d files from %d sources, %d mutations, %d heading-like lines, %d points, %d warnings%n",
        seed, FILES, used.size(), mutations, headingLines, indexed.size(), lint.problems().size());
  }

  /** The real report and every sample report (combined, per-point, .md). */
  private static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Golden.sampleReports())) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && (name.endsWith("_info.txt") || name.endsWith("_info.md"))) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return switch (random.nextInt(8)) {
      // a cut at any byte
      case 0 -> java.util.Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1));
      // flipped bytes
      case 1 -> {
        byte[] out = bytes.clone();
        for (int k = 0; k < 1 + random.nextInt(5) && out.length > 0; k++) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        yield out;
      }
      case 2 -> insertLine(text, pick(FENCES, random), random);
      case 3 -> insertLine(text, pick(SEPARATORS, random), random);
      // control characters anywhere, headings included
      case 4 -> {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          sb.insert(random.nextInt(sb.length() + 1), pick(CONTROLS, random));
        }
        yield utf8(sb.toString());
      }
      case 5 -> {
        String unit = pick(LONG_UNITS, random);
        yield insertLine(text, unit.repeat((2000 + random.nextInt(18000)) / unit.length()), random);
      }
      case 6 -> insertLine(text, pick(LOOKALIKES, random), random);
      default -> encode(text, pick(CHARSETS, random));
    };
  }

  private static byte[] insertLine(String text, String line, Random random) {
    String[] lines = text.split("\n", -1);
    int at = random.nextInt(lines.length + 1);
    List<String> out = new ArrayList<>(List.of(lines));
    out.add(at, line);
    return utf8(String.join("\n", out));
  }

  private static byte[] encode(String text, String how) {
    return switch (how) {
      case "UTF-8 BOM" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text));
      case "CRLF" -> utf8(text.replace("\n", "\r\n"));
      case "UTF-16LE" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      case "UTF-16BE" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
      case "UTF-32LE" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, text.getBytes(Charset.forName("UTF-32LE")));
      case "UTF-32BE" -> concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, text.getBytes(Charset.forName("UTF-32BE")));
      default -> text.getBytes(Charset.forName(how));
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String pick(String[] options, Random random) {
    return options[random.nextInt(options.length)];
  }
}
