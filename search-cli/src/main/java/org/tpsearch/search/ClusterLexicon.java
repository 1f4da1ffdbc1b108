package org.tpsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.index.Schema;
import org.tpsearch.opensearch.Cluster;
import org.tpsearch.opensearch.JsonText;

/**
 * The term dictionary of a cluster index as the query compiler reads a local one: whether a word
 * or bigram occurs (its document frequency is 1 or 0 here; the compiler asks only whether it
 * occurs). Looked up in the cluster and kept: before a query is compiled, every run of Chinese in
 * it is asked at once ({@link #prefetch}, one {@code _msearch}); a term asked later goes alone,
 * unless the compiler runs {@link #recording}: then a term not known yet is answered "absent" and
 * noted, to be asked with the others it notes in one request ({@link #lookUpKeys}), and the query
 * compiled again until it asks nothing new (see {@code ClusterBackend.compile}).
 */
final class ClusterLexicon {
  private static final int MAX_WORD = 8;
  private final Cluster cluster;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();
  /** On a thread compiling in recording mode: the terms asked that are not known yet (keys, see {@link #key}). */
  private final ThreadLocal<java.util.Set<String>> recording = new ThreadLocal<>();
  private final LeafReader reader;

  ClusterLexicon(Cluster cluster) throws IOException {
    this.cluster = cluster;
    // An empty leaf to wrap (one empty document: an index without a segment has no leaf).
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      w.addDocument(new org.apache.lucene.document.Document());
    }
    LeafReader empty = DirectoryReader.open(dir).leaves().get(0).reader();
    this.reader = new FilterLeafReader(empty) {
      @Override
      public Terms terms(String field) {
        return new RemoteTerms(field);
      }

      @Override
      public CacheHelper getCoreCacheHelper() {
        return null;
      }

      @Override
      public CacheHelper getReaderCacheHelper() {
        return null;
      }
    };
  }

  /** The reader to compile queries against. */
  LeafReader reader() {
    return reader;
  }

  /** Asks the cluster at once for the word-field words a query's Chinese runs could be cut into. */
  void prefetch(String query) throws IOException {
    lookUpKeys(unknownWords(query));
  }

  /**
   * From now until {@link #stopRecording}, on this thread, a term not known yet is answered
   * "absent" and added to the set returned instead of being asked.
   */
  java.util.Set<String> startRecording() {
    java.util.Set<String> asked = new java.util.LinkedHashSet<>();
    recording.set(asked);
    return asked;
  }

  void stopRecording() {
    recording.remove();
  }

  /** The word-field words (keys) a query's Chinese runs could be cut into, not known yet. */
  List<String> unknownWords(String query) {
    String s = TextNormalizer.fold(query);
    List<String> words = new ArrayList<>();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      for (int len = 2; len <= MAX_WORD && i + len <= cps.length; len++) {
        if (Character.UnicodeScript.of(cps[i + len - 1]) != Character.UnicodeScript.HAN
            || Character.UnicodeScript.of(cps[i]) != Character.UnicodeScript.HAN) {
          break;
        }
        String k = key(Schema.TEXT_W, new String(cps, i, len));
        if (!known.containsKey(k) && !words.contains(k)) {
          words.add(k);
        }
      }
    }
    return words;
  }

  private static String key(String field, String term) {
    return field + '\u0000' + term;
  }

  private boolean occurs(String field, String term) throws IOException {
    Boolean b = known.get(key(field, term));
    java.util.Set<String> asked = b == null ? recording.get() : null;
    if (asked != null) {
      asked.add(key(field, term));
      return false;
    }
    if (b == null) {
      lookUpKeys(List.of(key(field, term)));
      b = known.getOrDefault(key(field, term), false);
    }
    return b;
  }

  /** One {@code _msearch} that counts, for each term ({@link #key}: field and term), whether any document holds it. */
  void lookUpKeys(Collection<String> keys) throws IOException {
    if (keys.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder();
    String header = JsonText.write(JsonText.obj("index", cluster.index())) + "\n";
    for (String k : keys) {
      body.append(header).append(JsonText.write(termSearch(k))).append('\n');
    }
    Cluster.Response r = cluster.send("POST", "/_msearch", body.toString(), "application/x-ndjson");
    if (!r.ok()) {
      throw new Cluster.ClusterException("cannot look up words in " + cluster.url() + ": " + Cluster.reason(r.body()), r.status(), null);
    }
    List<Object> responses = JsonText.list(r.body(), "responses");
    int i = 0;
    for (String k : keys) {
      Object resp = i < responses.size() ? responses.get(i) : null;
      i++;
      int status = (int) JsonText.number(resp, "status", 200);
      if (resp != null && (status == 429 || status == 503)) {
        // Busy (its search queue full): asked again alone, with the back-off every request gets.
        Cluster.Response alone = cluster.send("POST", "/" + cluster.index() + "/_search", JsonText.write(termSearch(k)), "application/json");
        resp = alone.ok() ? alone.body() : JsonText.obj("error", JsonText.map(alone.body(), "error"), "status", alone.status());
      }
      if (!JsonText.map(resp, "error").isEmpty()) {
        throw new Cluster.ClusterException("cannot look up '" + k.substring(k.indexOf('\u0000') + 1) + "' in " + cluster.url()
            + ": " + Cluster.reason(resp), 0, null);
      }
      // A shard left out would make a word it holds look absent from the index.
      double total = JsonText.number(JsonText.map(JsonText.map(cluster.whole(resp), "hits"), "total"), "value", 0);
      known.put(k, total > 0);
    }
  }

  /** The search that counts whether any document holds term {@code k} ({@link #key}: field and term). */
  private static Map<String, Object> termSearch(String k) {
    int cut = k.indexOf('\u0000');
    return JsonText.obj("size", 0, "track_total_hits", 1,
        "query", JsonText.obj("term", JsonText.obj(k.substring(0, cut), JsonText.obj("value", k.substring(cut + 1)))));
  }

  /** A field's terms, answering seekExact only. */
  private final class RemoteTerms extends Terms {
    private final String field;

    RemoteTerms(String field) {
      this.field = field;
    }

    @Override
    public TermsEnum iterator() {
      return new BaseTermsEnum() {
        private BytesRef current;

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
          boolean found = occurs(field, text.utf8ToString());
          current = found ? BytesRef.deepCopyOf(text) : null;
          return found;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
          return seekExact(text) ? SeekStatus.FOUND : SeekStatus.NOT_FOUND;
        }

        @Override
        public void seekExact(long ord) {
          throw new UnsupportedOperationException("the cluster's terms are looked up, not walked");
        }

        @Override
        public BytesRef term() {
          return current;
        }

        @Override
        public long ord() {
          throw new UnsupportedOperationException("the cluster's terms are looked up, not walked");
        }

        @Override
        public int docFreq() {
          return current == null ? 0 : 1;
        }

        @Override
        public long totalTermFreq() {
          return docFreq();
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
          throw new UnsupportedOperationException("the cluster's postings stay in the cluster");
        }

        @Override
        public ImpactsEnum impacts(int flags) {
          throw new UnsupportedOperationException("the cluster's postings stay in the cluster");
        }

        @Override
        public BytesRef next() {
          return null; // not walked
        }
      };
    }

    @Override
    public long size() {
      return -1;
    }

    @Override
    public long getSumTotalTermFreq() {
      return -1;
    }

    @Override
    public long getSumDocFreq() {
      return -1;
    }

    @Override
    public int getDocCount() {
      return -1;
    }

    @Override
    public boolean hasFreqs() {
      return true;
    }

    @Override
    public boolean hasOffsets() {
      return false;
    }

    @Override
    public boolean hasPositions() {
      return true;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }
  }
}
