package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.QueryCompiler;
import org.tpsearch.search.Searcher;

/** The interactive shell, driven line by line over the embedded sample index. */
class ShellTest {
  private static String run(String input) throws Exception {
    Context ctx = new Context(Map.of(), false);
    StringWriter out = new StringWriter();
    try (IndexHandle h = IndexHandle.openEmbedded()) {
      Searcher s = new Searcher(h, new QueryCompiler(ctx.glossary(), h.reader()));
      BufferedReader in = new BufferedReader(new StringReader(input));
      new Shell(s, ctx, new PrintWriter(out)).run(prompt -> in.readLine());
    }
    return out.toString();
  }

  @Test
  void searchesNumbersFacetsAndDrillsDownWithStickyFilters() throws Exception {
    String out = run("绿色电力 交易\n:1\n:filters\n:clear\n:quit\n此后不再读\n");
    // The first search lists both regions; :1 is the first region value, Xinjiang (most hits).
    int first = out.indexOf("turning points match '绿色电力 交易'");
    assertTrue(first >= 0, out);
    assertTrue(out.contains("region:         :1 Xinjiang"), out);
    assertTrue(out.contains("filter: region = Xinjiang"), out);
    String afterDrill = out.substring(out.indexOf("filter: region = Xinjiang"));
    // After drilling down, every hit is a Xinjiang point.
    assertFalse(afterDrill.substring(0, afterDrill.indexOf("filters: ")).contains("guangdong/"), afterDrill);
    assertTrue(afterDrill.contains("xinjiang/industry/2022-03-01/event"), afterDrill);
    assertTrue(out.contains("filters: region = Xinjiang"), out);
    assertTrue(out.contains("filters cleared"), out);
    assertFalse(out.contains("此后不再读"), "stops at :quit");
  }

  @Test
  void takesSearchOptionsExclusionsAndShowsPoints() throws Exception {
    String out = run("光伏 --region 新疆 -n 1\n碳达峰 -工业\nshow xinjiang/industry/2022-03-01/event\n:show nope\n");
    assertTrue(out.contains("Xinjiang 新疆"), out);
    assertTrue(out.contains("turning point matches '碳达峰 -工业'") || out.contains("turning points match '碳达峰 -工业'"), out);
    assertTrue(out.contains("新疆绿色电力交易量同比增长74.7%"), out);
    assertTrue(out.contains("tpsearch: no turning point 'nope'"), out);
  }

  @Test
  void badInputIsAOneLineErrorAndTheShellGoesOn() throws Exception {
    String out = run("\"unclosed\n--limit -3 x\n:99\n碳达峰\n");
    assertTrue(out.contains("tpsearch: bad query: unclosed quote"), out);
    assertTrue(out.contains("tpsearch: Invalid value for option '--limit'"), out);
    assertTrue(out.contains("tpsearch: no facet value 99"), out);
    assertTrue(out.contains("turning points match '碳达峰'"), out);
    assertEquals(-1, out.indexOf("Exception"), out);
  }
}
