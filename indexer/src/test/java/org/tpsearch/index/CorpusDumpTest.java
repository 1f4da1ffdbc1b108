package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Dump;

/**
 * Not a check by itself: a tool for changes to the parser or to document building that must keep
 * every point, item, field, flag and Lucene field byte for byte. With
 * {@code -Ddump.corpus=DIR[:DIR...] -Ddump.out=FILE} it writes, for every file under each DIR in
 * path order, {@link Dump#report} and then, for every point, its signature, content hash and every
 * field of its Lucene document (name, type, value); run it before and after a change and compare
 * the two files ({@code cmp}). BENCHMARKS.md ("Indexing, the process and its floor") says how it
 * was used.
 */
@EnabledIfSystemProperty(named = "dump.corpus", matches = ".+")
class CorpusDumpTest {
  @Test
  void dump() throws IOException {
    Path out = Path.of(System.getProperty("dump.out", "target/corpus-dump.txt"));
    FacetsConfig config = Schema.facetsConfig();
    long files = 0;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String root : System.getProperty("dump.corpus").split(java.io.File.pathSeparator)) {
        Path base = Path.of(root).toAbsolutePath().normalize();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(base)) {
          all = new ArrayList<>(walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList());
        }
        for (Path f : all) {
          Report r;
          try {
            r = ReportParser.parse(f);
          } catch (IOException | RuntimeException e) {
            w.write("file: " + base.relativize(f) + " not parsed: " + e + "\n");
            continue;
          }
          files++;
          w.write(Dump.report(r, base));
          for (TurningPoint p : r.points()) {
            String display = base.relativize(f).toString();
            w.write("# " + p.id() + " signature " + Indexer.signature(p) + " hash " + PointDocuments.contentHash(p, display) + "\n");
            Document d = PointDocuments.build(p, display, config);
            for (IndexableField x : d) {
              w.write("  " + x.name() + " " + x.fieldType() + " = " + value(x) + "\n");
            }
          }
          w.write("\n");
        }
      }
    }
    assertFalse(files == 0, "no files under " + System.getProperty("dump.corpus"));
  }

  private static String value(IndexableField f) {
    if (f.stringValue() != null) {
      return "s:" + f.stringValue().replace("\n", "\\n");
    }
    if (f.numericValue() != null) {
      return "n:" + f.numericValue();
    }
    BytesRef b = f.binaryValue();
    if (b != null) {
      return "b:" + Base64.getEncoder().encodeToString(BytesRef.deepCopyOf(b).bytes);
    }
    return "-";
  }
}
