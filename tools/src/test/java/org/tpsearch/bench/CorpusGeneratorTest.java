package org.tpsearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;

/**
 * The benchmark corpus generator: deterministic for a seed, and its output really is the
 * pipeline's format, as the indexer's parser reads it ({@code MANIFEST.tsv} is the ground truth).
 * Set {@code -Dtpsearch.corpusgen.files=3000} to check a full-size corpus.
 */
class CorpusGeneratorTest {
  private static final int FILES = Integer.getInteger("tpsearch.corpusgen.files", 40);
  /** What the generator's variants may legitimately make the parser report. */
  private static final Set<String> EXPECTED_PROBLEMS = Set.of("encoding", "count-mismatch", "truncated");

  @TempDir Path tmp;

  @Test
  void sameSeedGivesByteIdenticalOutputAndAnotherSeedDiffers() throws IOException {
    CorpusGenerator.Summary a = CorpusGenerator.generate(tmp.resolve("a"), 40, 7);
    CorpusGenerator.Summary b = CorpusGenerator.generate(tmp.resolve("b"), 40, 7);
    CorpusGenerator.Summary c = CorpusGenerator.generate(tmp.resolve("c"), 40, 8);
    assertEquals(a, b);
    assertEquals(40, a.reports());
    assertTrue(a.files() > a.reports(), "README, manifest and the pipeline's other files are written too");
    Map<String, byte[]> fa = files(tmp.resolve("a"));
    Map<String, byte[]> fb = files(tmp.resolve("b"));
    Map<String, byte[]> fc = files(tmp.resolve("c"));
    assertEquals(a.files(), fa.size());
    assertEquals(fa.keySet(), fb.keySet());
    long total = 0;
    for (Map.Entry<String, byte[]> e : fa.entrySet()) {
      assertArrayEquals(e.getValue(), fb.get(e.getKey()), e.getKey());
      total += e.getValue().length;
    }
    assertEquals(a.bytes(), total);
    int differing = 0;
    for (Map.Entry<String, byte[]> e : fa.entrySet()) {
      byte[] other = fc.get(e.getKey());
      if (other == null || !java.util.Arrays.equals(e.getValue(), other)) {
        differing++;
      }
    }
    assertTrue(differing > fa.size() / 2, "another seed changes most files, changed " + differing);
    assertNotEquals(a, c);
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "x");
    assertThrows(IOException.class, () -> CorpusGenerator.generate(tmp, 5, 1));
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 2025})
  void theParserReadsEveryReportAsGenerated(long seed) throws IOException {
    Path dir = tmp.resolve("corpus");
    CorpusGenerator.Summary summary = CorpusGenerator.generate(dir, FILES, seed);
    Map<String, List<String[]>> manifest = manifest(dir);
    assertEquals(FILES, manifest.size());
    assertEquals(summary.points(), manifest.values().stream().mapToInt(List::size).sum());

    Path root = dir.toAbsolutePath().normalize();
    CorpusScan.Result scan = CorpusScan.scan(List.of(root));
    Set<String> scanned = new HashSet<>();
    for (CorpusScan.Found f : scan.reports()) {
      scanned.add(root.relativize(f.path()).toString().replace('\\', '/'));
    }
    assertEquals(manifest.keySet(), scanned, "the indexer's walk finds exactly the generated reports");
    assertTrue(scan.skipped() >= 4, "README, manifest, CSV, change points and progress files are not reports");

    Set<String> seen = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, List<String[]>> e : manifest.entrySet()) {
      String path = e.getKey();
      List<String[]> rows = e.getValue();
      Report report = ReportParser.parse(dir.resolve(path));
      assertTrue(report.region().known(), path);
      assertTrue(report.sector().known(), path);
      assertEquals(rows.get(0)[1].equals("per-point") ? ReportKind.PER_POINT : ReportKind.COMBINED, report.kind(), path);
      assertEquals(Integer.parseInt(rows.get(0)[2]), report.declaredCount(), path);
      assertEquals(rows.size(), report.points().size(), path);
      for (Problem p : report.problems()) {
        assertTrue(EXPECTED_PROBLEMS.contains(p.code()), p.toString());
        seen.add(p.code() + (p.code().equals("encoding") ? ":" + p.message() : ""));
      }
      seen.add("charset:" + report.encoding());
      seen.add("kind:" + report.kind());
      for (int k = 0; k < rows.size(); k++) {
        String[] row = rows.get(k);
        TurningPoint tp = report.points().get(k);
        String where = path + " point " + (k + 1);
        assertEquals(row[3], tp.dateAsWritten(), where);
        assertTrue(tp.date().isPresent(), where);
        assertEquals(row[4], tp.type(), where);
        assertTrue(tp.hasConfidence() || report.kind() == ReportKind.PER_POINT, where);
        assertEquals(row[5], tp.status().label(), where + "\n" + tp.answer());
        int items = Integer.parseInt(row[6]);
        assertEquals(items, tp.evidence().size(), where + "\n" + tp.answer());
        for (EvidenceItem item : tp.evidence()) {
          assertFalse(item.title().isBlank(), where + " item " + item.ordinal() + "\n" + tp.answer());
        }
        seen.add("status:" + row[5]);
        if (!tp.flags().contains("truncated")) {
          assertTrue(tp.flags().stream().allMatch(f -> f.equals("no-confidence-in-file")
              || f.equals("unstructured-answer")), where + " " + tp.flags());
        }
        String answer = "\n" + tp.answer();
        if (answer.contains("\n   - **")) {
          seen.add("layout:nested");
        }
        if (answer.contains("\n### ")) {
          seen.add("layout:heading");
        }
        if (answer.contains("\n|---|")) {
          seen.add("layout:table");
        }
        ids.add(tp.id());
      }
    }
    assertEquals(summary.uniquePoints(), ids.size());
    for (String variant : List.of("status:found", "status:none", "status:failed", "kind:PER_POINT", "count-mismatch",
        "truncated", "charset:GB18030", "encoding:file starts with a UTF-8 byte order mark",
        "encoding:line ends are CRLF", "layout:nested", "layout:heading", "layout:table")) {
      assertTrue(seen.contains(variant), "the corpus holds " + variant + "; seen " + seen);
    }
    assertTrue(manifest.keySet().stream().anyMatch(p -> p.contains("/organized_results/")), "byte copies");
    assertTrue(manifest.keySet().stream().anyMatch(p -> p.endsWith(".md")), "a .md report");
    assertTrue(Files.readString(dir.resolve(CorpusGenerator.README)).contains("NOT FACTS"));
  }

  /** The manifest's rows by report path, in file order. */
  private static Map<String, List<String[]>> manifest(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve(CorpusGenerator.MANIFEST), StandardCharsets.UTF_8);
    assertEquals("path\tkind\tdeclared\tdate\ttype\tstatus\titems", lines.get(0));
    Map<String, List<String[]>> byPath = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] row = line.split("\t", -1);
      assertEquals(7, row.length, line);
      byPath.computeIfAbsent(row[0], p -> new ArrayList<>()).add(row);
    }
    return byPath;
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
