package org.tpsearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A curated bilingual synonym table: groups of terms that mean the same thing, matched after
 * folding; a group may also name narrower terms, which a query for the group reaches but which do
 * not reach it (火电, thermal power, reaches 煤电 and 燃气发电; 煤电 does not reach 火电).
 */
public final class Glossary {

  /** Classpath location of the curated table. */
  public static final String RESOURCE = "/org/tpsearch/analysis/glossary.tsv";

  private final List<List<String>> groups;
  /** For each group, its narrower terms (often none). */
  private final List<List<String>> narrower;
  /** Normalized term to the indexes of every group containing it, in file order. */
  private final Map<String, List<Integer>> groupsByTerm;

  private Glossary(List<List<String>> groups, List<List<String>> narrower) {
    List<List<String>> copy = new ArrayList<>(groups.size());
    List<List<String>> below = new ArrayList<>(groups.size());
    for (int g = 0; g < groups.size(); g++) {
      copy.add(List.copyOf(groups.get(g)));
      below.add(g < narrower.size() ? List.copyOf(narrower.get(g)) : List.of());
    }
    this.groups = List.copyOf(copy);
    this.narrower = List.copyOf(below);
    Map<String, List<Integer>> index = new HashMap<>();
    for (int g = 0; g < this.groups.size(); g++) {
      for (String term : this.groups.get(g)) {
        List<Integer> ids = index.computeIfAbsent(key(term), k -> new ArrayList<>());
        // A group listing both 绿电 and 綠電 must still count once.
        if (ids.isEmpty() || ids.get(ids.size() - 1) != g) {
          ids.add(g);
        }
      }
    }
    this.groupsByTerm = index;
  }

  /** An empty glossary: no term has expansions. */
  public static Glossary empty() {
    return new Glossary(List.of(), List.of());
  }

  /**
   * Reads the bundled table {@value #RESOURCE}; returns an empty glossary if the resource is
   * absent, and throws {@link IllegalArgumentException} if a line is malformed.
   */
  public static Glossary load() {
    InputStream stream = Glossary.class.getResourceAsStream(RESOURCE);
    if (stream == null) {
      return empty();
    }
    try (Reader r = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return parse(r, "classpath:" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /**
   * Parses a table: {@code #} comments and blank lines are skipped, every other line is
   * {@code category<TAB>term1|term2|...} with at least two non-blank terms.
   *
   * @throws IllegalArgumentException naming {@code sourceName:line} for a malformed line
   * @throws UncheckedIOException if reading fails
   */
  public static Glossary parse(Reader r, String sourceName) {
    try {
      return parseLines(r instanceof BufferedReader b ? b : new BufferedReader(r), sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + sourceName, e);
    }
  }

  private static Glossary parseLines(BufferedReader in, String sourceName) throws IOException {
    List<List<String>> groups = new ArrayList<>();
    List<List<String>> narrower = new ArrayList<>();
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        // Editors on Windows like to add a byte-order mark; it is not part of the category.
        line = line.substring(1);
      }
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] sides = line.split(" > ", -1);
      if (sides.length > 2) {
        throw new IllegalArgumentException(sourceName + ":" + lineNumber + ": more than one ' > ' (narrower terms): " + line);
      }
      groups.add(parseLine(sides[0], sourceName, lineNumber));
      narrower.add(sides.length == 2 ? terms(sides[1], line, sourceName + ":" + lineNumber + ": ") : List.of());
    }
    return new Glossary(groups, narrower);
  }

  private static List<String> parseLine(String line, String sourceName, int lineNumber) {
    String where = sourceName + ":" + lineNumber + ": ";
    String[] columns = line.split("\t", -1);
    if (columns.length != 2) {
      throw new IllegalArgumentException(
          where + "expected category<TAB>term1|term2|..., found " + (columns.length - 1) + " tabs: " + line);
    }
    if (columns[0].isBlank()) {
      throw new IllegalArgumentException(where + "blank category: " + line);
    }
    List<String> terms = terms(columns[1], line, where);
    if (terms.size() < 2) {
      throw new IllegalArgumentException(where + "a group needs at least two terms: " + line);
    }
    return terms;
  }

  private static List<String> terms(String column, String line, String where) {
    String[] parts = column.split("\\|", -1);
    List<String> terms = new ArrayList<>(parts.length);
    for (String part : parts) {
      String term = part.strip();
      if (term.isEmpty()) {
        throw new IllegalArgumentException(where + "empty term (stray '|'?): " + line);
      }
      terms.add(term);
    }
    return terms;
  }

  /**
   * Returns a new glossary with {@code extraGroups} appended (region and sector aliases, for
   * example); this glossary is unchanged.
   *
   * @throws IllegalArgumentException if a group has a blank term
   */
  public Glossary withGroups(List<List<String>> extraGroups) {
    List<List<String>> all = new ArrayList<>(groups);
    List<List<String>> below = new ArrayList<>(narrower);
    for (List<String> group : extraGroups) {
      List<String> terms = new ArrayList<>(group.size());
      for (String term : group) {
        if (term == null || term.isBlank()) {
          throw new IllegalArgumentException("blank term in extra group " + group);
        }
        terms.add(term.strip());
      }
      all.add(terms);
      below.add(List.of());
    }
    return new Glossary(all, below);
  }

  /** A new glossary with {@code other}'s groups, narrower terms included, after this one's. */
  public Glossary with(Glossary other) {
    List<List<String>> all = new ArrayList<>(groups);
    all.addAll(other.groups);
    List<List<String>> below = new ArrayList<>(narrower);
    below.addAll(other.narrower);
    return new Glossary(all, below);
  }

  /**
   * Returns every other member of every group containing {@code term}, then that group's narrower
   * terms, compared after {@link TextNormalizer#normalize}: members as written, in file order,
   * without duplicates and without any member that folds to the term itself.
   */
  public List<String> expansions(String term) {
    String key = key(term);
    List<Integer> ids = groupsByTerm.get(key);
    if (ids == null) {
      return List.of();
    }
    // Keyed by folded form so 绿电 and 綠電 in one table yield only the first as written.
    Map<String, String> out = new LinkedHashMap<>();
    for (int g : ids) {
      for (List<String> members : List.of(groups.get(g), narrower.get(g))) {
        for (String member : members) {
          String folded = key(member);
          if (!folded.equals(key)) {
            out.putIfAbsent(folded, member);
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * The narrower terms of every group containing {@code term} (they are among its {@link
   * #expansions} too), as written; empty when there are none.
   */
  public List<String> narrower(String term) {
    List<Integer> ids = groupsByTerm.get(key(term));
    if (ids == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int g : ids) {
      out.addAll(narrower.get(g));
    }
    return List.copyOf(out);
  }

  /**
   * The form terms are compared in: {@link TextNormalizer#normalize}, without diacritics, a hyphen
   * between letters read as a space ("energy-intensive" is "energy intensive", "ultra-low emission"
   * "ultra low emission"), as the text's words are split at hyphens too.
   */
  static String key(String term) {
    String n = TextNormalizer.foldDiacritics(TextNormalizer.normalize(term));
    if (n.indexOf('-') < 0) {
      return n;
    }
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean between = c == '-' && i > 0 && i < n.length() - 1 && Character.isLetter(n.charAt(i - 1))
          && Character.isLetter(n.charAt(i + 1));
      out.append(between ? ' ' : c);
    }
    return out.toString();
  }

  /** Number of groups. */
  public int size() {
    return groups.size();
  }

  /** The groups, each a list of terms as written (without narrower terms), in file order then in the order added. */
  public List<List<String>> groups() {
    return groups;
  }

  @Override
  public String toString() {
    return "Glossary[" + groups.size() + " groups]";
  }
}
