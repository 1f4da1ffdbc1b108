package org.tpsearch.search.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graded relevance set: queries ({@code queries.tsv}) and judgments ({@code qrels.tsv}), see
 * the README next to them. Loaded strictly: a malformed line, an unknown query id or a grade
 * outside 1..3 is an error, so a typo cannot silently drop a judgment.
 *
 * @param topics the queries, in file order
 * @param qrels per query id: turning-point id to grade (1..3), in file order; absent for a query
 *     without judgments (a negative query)
 * @param source where the set was read from, for output
 */
public record RelevanceSet(List<Topic> topics, Map<String, Map<String, Integer>> qrels, String source) {
  /** Where the set sits on the class path. */
  public static final String RESOURCE = "/org/tpsearch/relevance/";

  public static final String QUERIES = "queries.tsv";
  public static final String QRELS = "qrels.tsv";

  /** The kind of the queries that must return nothing. */
  public static final String NEGATIVE = "negative";

  /**
   * One query.
   *
   * @param qid query id, such as {@code q01}
   * @param kind what it exercises (zh-word, glossary, negative, ...)
   * @param query the query string as a user types it
   * @param note what it is about and how it was judged
   */
  public record Topic(String qid, String kind, String query, String note) {
    public boolean negative() {
      return NEGATIVE.equals(kind);
    }
  }

  public RelevanceSet {
    topics = List.copyOf(topics);
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    qrels.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    qrels = Collections.unmodifiableMap(copy);
  }

  /** The judgments of {@code qid}: point id to grade; empty for a negative query. */
  public Map<String, Integer> judgments(String qid) {
    return qrels.getOrDefault(qid, Map.of());
  }

  /** Number of judgment rows. */
  public int judgmentCount() {
    return qrels.values().stream().mapToInt(Map::size).sum();
  }

  /** Reads {@code queries.tsv} and {@code qrels.tsv} from {@code dir}. */
  public static RelevanceSet load(Path dir) throws IOException {
    Path q = dir.resolve(QUERIES);
    Path r = dir.resolve(QRELS);
    for (Path p : List.of(q, r)) {
      if (!Files.isRegularFile(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file");
      }
    }
    return parse(Files.readString(q, StandardCharsets.UTF_8), Files.readString(r, StandardCharsets.UTF_8),
        dir.toString());
  }

  /** The blind set's folder under {@value #RESOURCE}: written from the reports alone, never tuned on. */
  public static final String BLIND = "blind/";

  /** Reads the tuning set on the class path ({@value #RESOURCE}): the set tpsearch is tuned on. */
  public static RelevanceSet loadDefault() throws IOException {
    return parse(resource(QUERIES), resource(QRELS), "classpath:" + RESOURCE);
  }

  /**
   * Reads the blind set on the class path ({@value #RESOURCE}{@value #BLIND}): queries and
   * judgments written from the reports by someone who never saw tpsearch run. Score it, report it;
   * never tune on it.
   */
  public static RelevanceSet loadBlind() throws IOException {
    return parse(resource(BLIND + QUERIES), resource(BLIND + QRELS), "classpath:" + RESOURCE + BLIND);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RelevanceSet.class.getResourceAsStream(RESOURCE + name)) {
      if (in == null) {
        throw new NoSuchFileException("classpath:" + RESOURCE + name, null, "missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Parses both files. {@code source} names them in error messages.
   *
   * @throws IOException naming file and line of the first problem
   */
  public static RelevanceSet parse(String queriesTsv, String qrelsTsv, String source) throws IOException {
    List<Topic> topics = new ArrayList<>();
    Set<String> qids = new HashSet<>();
    int lineNo = 0;
    for (String line : lines(queriesTsv)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 3 || f.length > 4) {
        throw problem(source, QUERIES, lineNo, "expected qid, kind, query[, note] separated by tabs, got "
            + f.length + " fields");
      }
      String qid = f[0].strip();
      String kind = f[1].strip();
      String query = f[2].strip();
      if (qid.isEmpty() || kind.isEmpty() || query.isEmpty()) {
        throw problem(source, QUERIES, lineNo, "empty qid, kind or query");
      }
      if (!qids.add(qid)) {
        throw problem(source, QUERIES, lineNo, "query id " + qid + " is listed twice");
      }
      topics.add(new Topic(qid, kind, query, f.length > 3 ? f[3].strip() : ""));
    }
    Map<String, Topic> byId = new LinkedHashMap<>();
    topics.forEach(t -> byId.put(t.qid(), t));
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    lineNo = 0;
    for (String line : lines(qrelsTsv)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3) {
        throw problem(source, QRELS, lineNo, "expected qid, turning-point id, grade separated by tabs, got "
            + f.length + " fields");
      }
      String qid = f[0].strip();
      String id = f[1].strip();
      Topic t = byId.get(qid);
      if (t == null) {
        throw problem(source, QRELS, lineNo, "unknown query id '" + qid + "' (query ids are case-sensitive)");
      }
      if (t.negative()) {
        throw problem(source, QRELS, lineNo, qid + " is a negative query and cannot have judgments");
      }
      int grade;
      try {
        grade = Integer.parseInt(f[2].strip());
      } catch (NumberFormatException e) {
        throw problem(source, QRELS, lineNo, "grade '" + f[2] + "' is not a number");
      }
      if (grade < 1 || grade > 3) {
        throw problem(source, QRELS, lineNo, "grade must be 1..3, got " + grade);
      }
      if (id.isEmpty() || qrels.computeIfAbsent(qid, k -> new LinkedHashMap<>()).putIfAbsent(id, grade) != null) {
        throw problem(source, QRELS, lineNo, id.isEmpty() ? "empty turning-point id" : qid + " judges " + id + " twice");
      }
    }
    for (Topic t : topics) {
      if (!t.negative() && !qrels.containsKey(t.qid())) {
        throw new IOException(source + "/" + QRELS + ": query " + t.qid() + " (" + t.kind()
            + ") has no judgments; only negative queries may have none");
      }
    }
    return new RelevanceSet(topics, qrels, source);
  }

  private static List<String> lines(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return List.of(s.split("\r?\n", -1));
  }

  private static IOException problem(String source, String file, int line, String message) {
    return new IOException(source + "/" + file + ":" + line + ": " + message);
  }
}
