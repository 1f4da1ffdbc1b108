package org.tpsearch.search.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tpsearch.index.IndexException;
import org.tpsearch.index.Indexer;
import org.tpsearch.search.IndexHandle;
import org.tpsearch.search.QueryException;
import org.tpsearch.search.SearchRequest;
import org.tpsearch.search.SearchResult;
import org.tpsearch.search.Searcher;

/** tpsearch itself: {@link Searcher} with the default options of {@code tpsearch search}. */
public final class TpsearchSystem implements RetrievalSystem {
  private final IndexHandle index;
  private final Searcher searcher;
  private final Path tempDir;

  private TpsearchSystem(IndexHandle index, Function<IndexHandle, Searcher> searchers, Path tempDir) {
    this.index = index;
    this.searcher = searchers.apply(index);
    this.tempDir = tempDir;
  }

  /**
   * Over the sample index embedded in the jar; {@code searchers} makes the searcher as the CLI
   * does (the CLI passes {@code Context::searcher}).
   */
  public static TpsearchSystem embedded(Function<IndexHandle, Searcher> searchers) throws IndexException {
    return new TpsearchSystem(IndexHandle.openEmbedded(), searchers, null);
  }

  /** Over {@code reports}, indexed into a temporary folder that {@link #close()} deletes. */
  public static TpsearchSystem indexing(Path reports, Function<IndexHandle, Searcher> searchers)
      throws IOException, IndexException {
    Path tmp = Files.createTempDirectory("tpsearch-eval-");
    try {
      Indexer.run(List.of(reports), tmp, Indexer.Options.defaults().withFull(true).withThreads(1));
      return new TpsearchSystem(IndexHandle.open(tmp, "index of " + reports), searchers, tmp);
    } catch (IOException | IndexException | RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  @Override
  public String name() {
    return "tpsearch";
  }

  @Override
  public String description() {
    return "tpsearch search with default options (" + index.description() + ")";
  }

  /** Every turning-point id of the index, sorted. */
  public List<String> ids() throws IOException {
    try {
      SearchResult all = searcher.search(SearchRequest.of("").withLimit(Math.max(1, index.reader().numDocs())));
      List<String> out = new ArrayList<>();
      all.hits().forEach(h -> out.add(h.id()));
      out.sort(null);
      return out;
    } catch (QueryException e) {
      throw new IllegalStateException("listing every point failed", e);
    }
  }

  @Override
  public Ranking search(String query) throws IOException {
    try {
      SearchResult r = searcher.search(SearchRequest.of(query).withLimit(DEPTH));
      return new Ranking(r.hits().stream().map(SearchResult.Hit::id).toList(), r.total(), null);
    } catch (QueryException e) {
      return Ranking.failed(e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      index.close();
    } finally {
      if (tempDir != null) {
        deleteTree(tempDir);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
