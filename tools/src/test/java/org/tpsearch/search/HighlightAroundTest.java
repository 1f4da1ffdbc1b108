package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.bench.CorpusGenerator;
import org.tpsearch.cli.BenchCommand;
import org.tpsearch.index.CorpusScan;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.search.eval.RelevanceSet;

/**
 * Highlighting analyses only the stretches of a text where a match can begin: every span it finds
 * is the one analysing the whole text finds, in the same order, for the bench mix and the tuning
 * set's queries over the benchmark corpus's texts (evidence titles and items, prose) and the
 * sample reports'. 60 of the corpus's 3,000 files by default (about 600 points); {@code -Dtpsearch.highlight.files=3000}
 * checks the whole corpus. The snippet window around each text's spans (and around none) is the
 * one a reading of every sentence of the text finds.
 */
class HighlightAroundTest {
  private static final int FILES = Integer.getInteger("tpsearch.highlight.files", 60);

  @TempDir
  static Path tmp;

  @Test
  void sameSpansAsAnalysingWholeTexts() throws Exception {
    Path corpus = tmp.resolve("corpus");
    CorpusGenerator.generate(corpus, FILES, 42);
    List<String> texts = new ArrayList<>(texts(corpus));
    texts.addAll(texts(Path.of("..", "sample-index", "reports")));
    // Texts the folding changes in length, or that begin mid-token, white space and ideographs
    // side by side: the edges of analysing from inside a text.
    texts.addAll(List.of("光伏光伏光伏", "x光伏", "5光伏 pv", "pvc pv solar pv", "綠色電力交易", "ＧＲＥＥＮ power",
        "green\u3000power", "a.b 光伏.伏", "𠀀光伏", "İstanbul 光伏", "evergreen power", "greenpower green power", "光伏\u0301发电 光伏\uFE00 碳达峰\u200B", "煤\u0301", "ΣΟΦΙΑ σοφια İİ 光伏",
        "industrial-park industrial park", "carbon-neutrality carbon neutrality", "\u0130\u0130 green power 绿色电力"));

    Set<String> queries = new LinkedHashSet<>();
    for (String line : BenchCommand.DEFAULT_QUERIES) {
      queries.add(queryPart(line));
    }
    for (String line : BenchCommand.MEANING_QUERIES) {
      queries.add(queryPart(line));
    }
    for (RelevanceSet.Topic t : RelevanceSet.loadDefault().topics()) {
      queries.add(t.query());
    }
    for (String text : texts) {
      // Where the folding char for char exists, it is the folding the words' first runs are looked for in.
      char[] spelled = org.tpsearch.analysis.TextNormalizer.foldLowerInPlace(text);
      if (spelled != null) {
        assertEquals(org.tpsearch.analysis.TextNormalizer.fold(text).toLowerCase(java.util.Locale.ROOT), new String(spelled));
      }
    }
    Path sample = Files.createDirectory(tmp.resolve("sample"));
    IndexHandle.copyEmbedded(sample);
    long compared = 0;
    long withSpans = 0;
    long windows = 0;
    for (String text : texts) {
      for (int[] tm : new int[][] {{80, 160}, {20, 30}, {1, 3}}) {
        assertEquals(windowReading(text, List.of(), tm[0], tm[1]), Snippet.window(text, List.of(), tm[0], tm[1]), text);
        windows++;
      }
    }
    try (IndexHandle index = IndexHandle.open(sample, "the sample", IndexHandle.Access.ONE_SHOT)) {
      QueryCompiler compiler = new QueryCompiler(QueryCompiler.defaultGlossary(), index.reader());
      for (String q : queries) {
        UserQuery uq = UserQuery.parse(q);
        if (uq.isEmpty()) {
          continue;
        }
        {
          boolean expand = true;
          PhraseHighlighter h = new PhraseHighlighter(compiler.compile(uq, expand).forms());
          for (String text : texts) {
            List<Snippet.Span> whole = h.spans(text, true);
            assertEquals(whole, h.spans(text), () -> q + " in: " + text);
            compared++;
            withSpans += whole.isEmpty() ? 0 : 1;
            if (!whole.isEmpty()) {
              // The window around them too, as the sentences were found before they were found lazily.
              assertEquals(windowReading(text, whole, 80, 160), Snippet.window(text, whole, 80, 160), () -> q + " in: " + text);
              assertEquals(windowReading(text, whole, 20, 30), Snippet.window(text, whole, 20, 30), () -> q + " in: " + text);
              windows += 2;
            }
          }
        }
      }
    }
    System.out.println("HighlightAroundTest: " + queries.size() + " queries, " + texts.size() + " texts, " + withSpans
        + " of " + compared + " comparisons with spans, " + windows + " windows");
    assertTrue(withSpans > 1000, "the comparison met spans: " + withSpans + " of " + compared);
  }

  private static String queryPart(String line) {
    int opt = line.indexOf(" --");
    return opt < 0 ? line : line.substring(0, opt);
  }

  private static List<String> texts(Path root) throws Exception {
    List<String> out = new ArrayList<>();
    for (CorpusScan.Found f : CorpusScan.scan(List.of(root.toAbsolutePath().normalize())).reports()) {
      Report report = ReportParser.parse(f.path());
      for (TurningPoint p : report.points()) {
        for (EvidenceItem e : p.evidence()) {
          out.add(e.title());
          out.add(e.text());
        }
        out.add(p.prose());
      }
    }
    return out;
  }

  /**
   * {@link Snippet#window} as it was before it read sentences lazily: every sentence of the text
   * first. The window is chosen here; the cut around it ({@link Snippet#cut}) did not change.
   */
  private static Snippet windowReading(String text, List<Snippet.Span> spans, int target, int max) {
    List<Snippet.Span> merged = Snippet.merge(spans);
    if (text.isEmpty()) {
      return Snippet.plain("");
    }
    // Sentence boundaries: [starts[i], starts[i+1]).
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (endsSentenceAsItWas(text, i) && i + 1 < text.length()) {
        starts.add(i + 1);
      }
    }
    starts.add(text.length());
    int best = 0;
    int bestScore = -1;
    for (int s = 0; s + 1 < starts.size(); s++) {
      int from = starts.get(s);
      int to = starts.get(s + 1);
      int score = 0;
      for (Snippet.Span sp : merged) {
        if (sp.start() >= from && sp.start() < to) {
          score += 1 + (sp.end() - sp.start() > 1 ? 1 : 0);
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    int from = starts.get(best);
    int to = starts.get(best + 1);
    int next = best + 1;
    while (to - from < target && next + 1 < starts.size()) {
      to = starts.get(++next);
    }
    return Snippet.cut(text, from, to, merged, max);
  }

  private static boolean endsSentenceAsItWas(String text, int i) {
    char c = text.charAt(i);
    if ("。！？；!?;\n".indexOf(c) >= 0) {
      return true;
    }
    return c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }
}
