package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product carries no developer tools: eval, bench, the corpus generator live in the tools module. */
class ProductJarTest {
  @Test
  void theToolsAndTheQueryParserAreNotOnTheProductClassPath() {
    for (String name : new String[] {"org.tpsearch.cli.EvalCommand", "org.tpsearch.cli.BenchCommand",
        "org.tpsearch.bench.CorpusGenerator", "org.tpsearch.search.eval.Evaluation",
        "org.apache.lucene.queryparser.classic.QueryParser",
        // The CSL processor is loaded from lib/cite/ only by 'cite --style', never from the class path.
        "de.undercouch.citeproc.CSL", "org.citationstyles.Styles"}) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name);
    }
  }

  @Test
  void helpListsOnlyTheProductCommandsWhenTheToolsAreAbsent(@TempDir Path home) {
    Cli.Result r = Cli.at(home).run("--help");
    assertTrue(r.out().contains("search"), r.toString());
    assertFalse(r.out().contains("  eval "), r.toString());
    assertFalse(r.out().contains("  bench "), r.toString());
  }
}
