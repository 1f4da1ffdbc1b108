package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalCommandTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.newCommandLine(Main.testContext(Map.of()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheThreeSystemsSideBySide() {
    Run r = run("eval", "--per-query", "--set", "tuning");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    for (String s : new String[] {"nDCG@10", "recall@10", "MRR", "negative accuracy", "tpsearch", "plain", "grep",
        "glossary", "q71"}) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
  }

  @Test
  void jsonHasEverySystem() {
    Run r = run("eval", "--format", "json", "--set", "tuning");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"set\":"), r.out());
    for (String s : new String[] {"\"name\":\"tpsearch\"", "\"name\":\"plain\"", "\"name\":\"grep\"", "\"by_kind\"",
        "\"ndcg_at_10\"", "\"negative_accuracy\""}) {
      assertTrue(r.out().contains(s), s + " in\n" + r.out());
    }
  }

  @Test
  void bothBuiltInSetsAreScoredByDefault() {
    Run r = run("eval", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"sets\":[{\"set\":{\"source\":\"classpath:/org/tpsearch/relevance/\""), r.out());
    assertTrue(r.out().contains("{\"set\":{\"source\":\"classpath:/org/tpsearch/relevance/blind/\""), "the blind set");
    Run text = run("eval");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("== tuning set"), text.out());
    assertTrue(text.out().contains("\n== blind set"), text.out());
  }

  @Test
  void speedRunsOnATinySample() {
    Run r = run("eval", "--speed", "--speed-mb", "0.05", "--speed-rounds", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("SmartChineseAnalyzer alone"), r.out());
    assertTrue(r.out().contains("tpsearch as indexed"), r.out());
  }

  @Test
  void aMissingQrelsFolderIsAnInputError() {
    Run r = run("eval", "--qrels", "/nonexistent/qrels");
    assertEquals(ExitCodes.INPUT, r.code(), r.out());
    assertTrue(r.err().contains("queries.tsv"), r.err());
  }
}
