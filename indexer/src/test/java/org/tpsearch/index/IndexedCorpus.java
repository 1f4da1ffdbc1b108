package org.tpsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import org.tpsearch.testing.Golden;

/** Test helpers: a copy of the sample corpus to change at will, and the index read back through Lucene. */
final class IndexedCorpus {
  /**
   * The sample corpus copied to {@code results/} and indexed into {@code index/}, once per test JVM;
   * {@link #indexed()} puts both back as they were after that first run, at the same paths (the
   * index's state records absolute paths), so each test starts from a built index without building it.
   */
  record Baseline(Path corpus, Path index, IndexSummary summary) {}

  private static Baseline baseline;
  private static Path work;
  private static Path snapshot;

  private IndexedCorpus() {}

  /** The baseline corpus and index, restored to their state right after the first full run. */
  static synchronized Baseline indexed() throws IOException, IndexException {
    if (baseline == null) {
      Path root = Files.createTempDirectory("tpsearch-indexer-test");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
      work = root.resolve("work");
      snapshot = root.resolve("snapshot");
      Path corpus = copySamples(work.resolve("results"));
      Path index = work.resolve("index");
      IndexSummary summary = Indexer.run(java.util.List.of(corpus), index, Indexer.Options.defaults());
      copyTree(work, snapshot);
      baseline = new Baseline(corpus, index, summary);
    } else {
      deleteTree(work);
      copyTree(snapshot, work);
    }
    return baseline;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Copies every file under sample-index/reports into {@code dir}, keeping sub-folders. */
  static Path copySamples(Path dir) throws IOException {
    Path from = Golden.sampleReports();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(from.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return dir;
  }

  /** Rewrites a file and moves its modification time on, as an editor would. */
  static void rewrite(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    if (!text.contains(from)) {
      throw new AssertionError(file + " does not contain " + from);
    }
    Files.writeString(file, text.replace(from, to));
    touch(file);
  }

  /** Moves the modification time on by a minute, content unchanged. */
  static void touch(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
  }

  /** Every live document's stored fields, by id, read with stored fields (not the index state). */
  static Map<String, Document> documents(Path index) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      Map<String, Document> out = new TreeMap<>();
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live == null || live.get(i)) {
          Document d = stored.document(i);
          Document previous = out.put(d.get(Schema.ID), d);
          if (previous != null) {
            throw new AssertionError("id indexed twice: " + d.get(Schema.ID));
          }
        }
      }
      if (out.size() != reader.numDocs()) {
        throw new AssertionError(out.size() + " ids for " + reader.numDocs() + " documents");
      }
      return out;
    }
  }

  /** Each id's stored content hash: equal maps, equal documents. */
  static Map<String, String> hashes(Path index) throws IOException {
    Map<String, String> out = new TreeMap<>();
    documents(index).forEach((id, d) -> out.put(id, d.get(Schema.HASH)));
    return out;
  }

  /** The documents a TermQuery on the id finds. */
  static List<Document> byId(Path index, String id) throws IOException {
    try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 10);
      StoredFields stored = searcher.storedFields();
      return Stream.of(top.scoreDocs).map(sd -> {
        try {
          return stored.document(sd.doc);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
