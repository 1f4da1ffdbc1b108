package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.index.IndexFolder;
import org.tpsearch.testing.Golden;

/**
 * {@code index --index DIR} writes only into a new or empty folder or one tpsearch marked as its
 * own index; anything else is refused (exit 3, one line naming what is there) and left untouched.
 */
class IndexOwnershipTest {
  @TempDir Path home;

  private final Path reports = Golden.sampleReports();

  private Cli.Result index(Cli cli, Path target, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("index", "-q", reports.resolve("Beijing_Residential_combined_info.txt").toString()));
    if (target != null) {
      args.addAll(List.of("--index", target.toString()));
    }
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  /** Every file under {@code dir} with its bytes, to compare before and after. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  private static void assertRefused(Cli.Result r, Path target, String... named) {
    assertEquals(3, r.exit(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("tpsearch: refusing to write "), line);
    assertTrue(line.contains(target.toString()), line);
    for (String n : named) {
      assertTrue(line.contains(n), () -> "names " + n + ": " + line);
    }
  }

  @Test
  void aFolderOfSomeoneElsesFilesIsRefusedAndLeftAlone() throws Exception {
    Path dir = Files.createDirectories(home.resolve("my notes"));
    Files.writeString(dir.resolve("notes.txt"), "my notes\n");
    Files.writeString(dir.resolve("_config.yml"), "title: blog\n");
    Files.writeString(dir.resolve("_draft.md"), "# draft\n");
    Files.writeString(dir.resolve("tpsearch-state-notes.txt"), "not a state file\n");
    Map<String, String> before = snapshot(dir);

    Cli.Result r = index(Cli.at(home), dir);
    assertRefused(r, dir, "not a tpsearch index", "_config.yml", "_draft.md", "notes.txt", "tpsearch-state-notes.txt");
    assertEquals(before, snapshot(dir), "nothing in the folder touched");

    // --full asks for a rebuild, not for permission to delete.
    assertRefused(index(Cli.at(home), dir, "--full"), dir);
    assertEquals(before, snapshot(dir));
  }

  @Test
  void anotherApplicationsLuceneIndexIsRefusedAndLeftAlone() throws Exception {
    Path dir = home.resolve("their-index");
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new TextField("body", "someone else's document", Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of("app", "theirs").entrySet());
      w.commit();
    }
    Map<String, String> before = snapshot(dir);
    Cli.Result r = index(Cli.at(home), dir);
    assertRefused(r, dir, "a Lucene index that tpsearch did not write", "segments_");
    assertEquals(before, snapshot(dir));
    assertRefused(index(Cli.at(home), dir, "--full"), dir);
    assertEquals(before, snapshot(dir));
  }

  @Test
  void aStraySegmentsGenIsRefusedNotACrash() throws Exception {
    Path dir = Files.createDirectories(home.resolve("odd"));
    Files.writeString(dir.resolve("segments.gen"), "junk");
    Map<String, String> before = snapshot(dir);
    assertRefused(index(Cli.at(home), dir), dir, "segments.gen");
    assertEquals(before, snapshot(dir));
  }

  @Test
  void theDefaultIndexFolderFollowsTheSameRule() throws Exception {
    Cli cli = Cli.at(home);
    Path def = home.resolve("xdg").resolve("tpsearch").resolve("index");
    Files.createDirectories(def);
    Files.writeString(def.resolve("_keep.md"), "mine\n");
    Map<String, String> before = snapshot(def);
    assertRefused(index(cli, null), def, "_keep.md");
    assertEquals(before, snapshot(def));
  }

  @Test
  void anIndexPathThatIsAFileIsRefused() throws Exception {
    Path file = home.resolve("notes.txt");
    Files.writeString(file, "my notes\n");
    Cli.Result r = index(Cli.at(home), file);
    assertEquals(3, r.exit(), r::toString);
    assertEquals(List.of("tpsearch: cannot write index at " + file + ": it is a file, not a folder"), r.errLines());
    assertEquals("my notes\n", Files.readString(file));
    // Below a file, too: no folder can be made there.
    Cli.Result under = index(Cli.at(home), file.resolve("index"));
    assertEquals(3, under.exit(), under::toString);
    assertTrue(under.err().contains("it is a file, not a folder"), under::toString);
    assertEquals("my notes\n", Files.readString(file));
  }

  @Test
  void anEmptyOrNewFolderIsMarkedAndReusedAndOtherFilesThereSurviveARebuild() throws Exception {
    Cli cli = Cli.at(home);
    Path empty = Files.createDirectories(home.resolve("empty"));
    assertEquals(0, index(cli, empty).exit());
    assertTrue(Files.readString(empty.resolve(IndexFolder.MARKER)).startsWith("tpsearch index folder 1\n"));
    Path fresh = home.resolve("new/deeper/index");
    assertEquals(0, index(cli, fresh).exit());
    assertTrue(Files.exists(fresh.resolve(IndexFolder.MARKER)));

    // A file Lucene would not delete may sit beside our index; a rebuild leaves it alone.
    Files.writeString(fresh.resolve("README.txt"), "my index\n");
    Cli.Result full = index(cli, fresh, "--full");
    assertEquals(0, full.exit(), full::toString);
    assertEquals("my index\n", Files.readString(fresh.resolve("README.txt")));
    assertEquals(0, cli.run("search", "--index", fresh.toString(), "-n", "1").exit());

    // One that Lucene would delete (its names look like Lucene's own) is refused, kept, named.
    Files.writeString(fresh.resolve("_draft.md"), "# draft\n");
    Cli.Result r = index(cli, fresh, "--full");
    assertRefused(r, fresh, "_draft.md", "move it out of the folder");
    assertEquals("# draft\n", Files.readString(fresh.resolve("_draft.md")));
  }

  @Test
  void anIndexWrittenBeforeTheMarkIsStillRecognised() throws Exception {
    Cli cli = Cli.at(home);
    Path dir = home.resolve("older");
    assertEquals(0, index(cli, dir).exit());
    // What an earlier tpsearch left: the same files, no mark, no lock file.
    Files.delete(dir.resolve(IndexFolder.MARKER));
    Files.delete(dir.resolve(IndexFolder.LOCK));
    Cli.Result again = index(cli, dir);
    assertEquals(0, again.exit(), again::toString);
    assertTrue(again.out().contains("(0 read, 1 unchanged)"), again::toString);
    assertTrue(Files.exists(dir.resolve(IndexFolder.MARKER)), "marked now");

    // Without a state file named by its last commit, it is not unambiguously ours.
    Path other = home.resolve("older2");
    assertEquals(0, index(cli, other).exit());
    Files.delete(other.resolve(IndexFolder.MARKER));
    try (Stream<Path> files = Files.list(other)) {
      for (Path p : files.filter(p -> p.getFileName().toString().startsWith("tpsearch-state-")).toList()) {
        Files.delete(p);
      }
    }
    assertRefused(index(cli, other), other, "a Lucene index that tpsearch did not write");
  }

  @Test
  void searchingAnIndexWhoseFirstRunIsStillWritingSaysSo() throws Exception {
    // Was: "no index there (build one with 'tpsearch index DIR --index ...')" while a first run
    // into that folder was still parsing, an invitation to start a second run into it.
    Cli cli = Cli.at(home);
    Path fresh = home.resolve("being-built");
    try (IndexFolder claim = IndexFolder.claim(fresh)) {
      Cli.Result r = cli.run("search", "光伏", "--index", fresh.toString());
      assertEquals(3, r.exit(), r::toString);
      assertTrue(r.err().contains("no index there yet; 'tpsearch index' is building it"), r::toString);
      assertFalse(r.err().contains("build one with"), r::toString);
    }
    // A first run killed before its commit leaves the mark: the message says that may be so.
    Cli.Result after = cli.run("search", "光伏", "--index", fresh.toString());
    assertEquals(3, after.exit(), after::toString);
    assertTrue(after.err().contains("or was stopped before its first commit (run it again)"), after::toString);
    // And running it again works: the mark is tpsearch's own.
    Path reports = Files.createDirectories(home.resolve("reports"));
    Files.copy(Golden.sampleReports().resolve("Xinjiang_Industry_combined_info.txt"),
        reports.resolve("Xinjiang_Industry_combined_info.txt"));
    assertEquals(0, cli.run("index", reports.toString(), "--index", fresh.toString()).exit());
    assertEquals(0, cli.run("search", "光伏", "--index", fresh.toString()).exit());
  }

  @Test
  void searchingAFolderWithoutAnIndexDoesNotInviteWritingIntoIt() throws Exception {
    Cli cli = Cli.at(home);
    Path notes = Files.createDirectories(home.resolve("notes"));
    Files.writeString(notes.resolve("notes.txt"), "mine\n");
    Cli.Result r = cli.run("search", "光伏", "--index", notes.toString());
    assertEquals(3, r.exit(), r::toString);
    assertFalse(r.err().contains("--index " + notes), r::toString);
    assertTrue(r.err().contains("no index there"), r::toString);
    // An empty folder may be offered.
    Path empty = Files.createDirectories(home.resolve("empty-one"));
    Cli.Result e = cli.run("search", "光伏", "--index", empty.toString());
    assertEquals(3, e.exit(), e::toString);
    assertTrue(e.err().contains("'tpsearch index DIR --index " + empty + "'"), e::toString);
    assertEquals(List.of(), List.of(Files.list(empty).toArray()), "searching made nothing there");
    assertEquals("mine\n", Files.readString(notes.resolve("notes.txt"), StandardCharsets.UTF_8));
  }
}
