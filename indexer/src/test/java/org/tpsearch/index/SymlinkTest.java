package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.model.Problem;

/**
 * Symbolic links are followed, as ripgrep's {@code -L} does: a results folder reached through one
 * is indexed like the folder itself, a linked report or sub-folder inside is read, a loop is a
 * warning, and what was followed is said.
 */
class SymlinkTest {
  @TempDir Path tmp;

  private static final String BEIJING = "Beijing_Residential_combined_info.txt";

  @Test
  void aResultsFolderReachedThroughALinkIsIndexedNotEmptied() throws Exception {
    Path results = IndexedCorpus.copySamples(tmp.resolve("results"));
    Path link = Files.createSymbolicLink(tmp.resolve("results-link"), results);
    Path index = tmp.resolve("index");

    Indexer.LintResult lint = Indexer.lint(List.of(link), 2);
    assertEquals(IncrementalIndexTest.REPORT_FILES, lint.reportFiles());
    assertEquals(IncrementalIndexTest.POINTS, lint.points());
    assertEquals(List.of(new CorpusScan.Link(link, results)), lint.followed());

    assertEquals(IncrementalIndexTest.POINTS, Indexer.run(List.of(results), index, Indexer.Options.defaults()).points());
    IndexSummary again = Indexer.run(List.of(link), index, Indexer.Options.defaults());
    assertEquals(IncrementalIndexTest.POINTS, again.points());
    assertEquals(0, again.deleted(), "the points seen through the link are the same points");
    assertEquals(List.of(new CorpusScan.Link(link, results)), again.followed());
    assertEquals(IncrementalIndexTest.POINTS, IndexedCorpus.documents(index).size());
  }

  @Test
  void linkedReportsAndFoldersInsideAreReadAndALoopIsAWarning() throws Exception {
    Path samples = IndexedCorpus.copySamples(tmp.resolve("elsewhere"));
    Path results = Files.createDirectories(tmp.resolve("results"));
    Path file = Files.createSymbolicLink(results.resolve(BEIJING), samples.resolve(BEIJING));
    Path folder = Files.createSymbolicLink(results.resolve("organized"), samples.resolve("organized_results"));
    Path loop = Files.createSymbolicLink(results.resolve("loop"), results);
    Path broken = Files.createSymbolicLink(results.resolve("Gone_Power_combined_info.txt"), tmp.resolve("gone"));

    Indexer.LintResult lint = Indexer.lint(List.of(results), 2);
    // Beijing (5 points) and the organized_results copy of Jiangsu (6 points, one report file).
    assertEquals(2, lint.reportFiles(), lint::toString);
    assertEquals(11, lint.points(), lint::toString);
    assertEquals(List.of(new CorpusScan.Link(file, samples.resolve(BEIJING)),
        new CorpusScan.Link(folder, samples.resolve("organized_results"))), lint.followed());
    List<String> problems = lint.problems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        broken + ": symbolic link to " + tmp.resolve("gone") + ", which does not exist; skipped [broken-link]",
        loop + ": symbolic link loop: it leads back to " + results + ", already being read; not followed [symlink-loop]"),
        problems);

    IndexSummary s = Indexer.run(List.of(results), tmp.resolve("index"), Indexer.Options.defaults());
    assertEquals(11, s.points());
    assertEquals(2, s.problems().size());
  }

  @Test
  void aWalkThatFindsNothingDoesNotEmptyTheIndex() throws Exception {
    Path results = IndexedCorpus.copySamples(tmp.resolve("results"));
    Path index = tmp.resolve("index");
    Indexer.run(List.of(results), index, Indexer.Options.defaults());
    Path empty = Files.createDirectories(tmp.resolve("unmounted"));

    IndexException e = assertThrows(IndexException.class, () -> Indexer.run(List.of(empty), index, Indexer.Options.defaults()));
    assertEquals("found no report files in " + empty + "; the index at " + index + " keeps its "
        + IncrementalIndexTest.POINTS + " turning points (to empty it, run again with --full)", e.getMessage());
    assertEquals(IncrementalIndexTest.POINTS, IndexedCorpus.documents(index).size());
    // Asked for in so many words, it is done.
    IndexSummary emptied = Indexer.run(List.of(empty), index, Indexer.Options.defaults().withFull(true));
    assertEquals(0, emptied.points());
    assertEquals(0, IndexedCorpus.documents(index).size());
  }
}
