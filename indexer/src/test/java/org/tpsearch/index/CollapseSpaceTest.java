package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Golden;

/**
 * A point's signature (which copies of a point say the same) collapses white space by a scan, no
 * longer by {@code replaceAll("\\s+", " ")}: the two must give the same string, so signatures and
 * the conflict warnings they decide stay what they were.
 */
class CollapseSpaceTest {
  @Test
  void sameAsTheRegexOnEdgesAndOnEveryAnswerOfTheSamples() throws IOException {
    List<String> texts = new ArrayList<>(List.of(
        "", " ", "  ", "a", " a ", "a b", "a  b", "a\tb", "a \t\n\u000B\f\rb", "\n\na\n\n", "a \n", "a\r\nb\r\n",
        "全角\u3000空格", "不换行\u00A0空格", "a\u2028b", "a\u0085b", "\t", "x \u000B", "一 二  三\n\n四"));
    try (Stream<Path> walk = Files.walk(Golden.sampleReports())) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        for (TurningPoint p : ReportParser.parse(f).points()) {
          texts.add(p.answer());
          texts.add(p.answer().strip());
        }
      }
    }
    for (String t : texts) {
      assertEquals(t.replaceAll("\\s+", " "), Indexer.collapseSpace(t), t);
    }
    assertEquals(true, texts.size() > 100, "answers: " + texts.size());
  }
}
