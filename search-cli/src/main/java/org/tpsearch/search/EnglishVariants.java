package org.tpsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Other forms of an English word under which a dictionary may list its meaning: the singular the
 * stemmer misses (buses is "buse" to Porter, bus is "bu"), the verb of a noun (reduction: reduce,
 * emission: emit, suspension: suspend) and the phrase of a particle compound (shutdown: shut down,
 * cutback: cut back). Not outbreak: break out, which CC-CEDICT also gives 发生 (to happen). CC-CEDICT defines 暂停 as "to suspend" and 关停 as "to shut down", never
 * with the nouns researchers type. Candidates only: the caller keeps those the dictionary knows.
 */
final class EnglishVariants {
  /** Noun endings and the verb endings they come from, tried in order; every match is a candidate. */
  private static final String[][] DERIVATIONS = {
      {"uction", "uce"}, // reduction, production, introduction
      {"umption", "ume"}, // consumption, resumption
      {"ension", "end"}, // suspension, extension
      {"ission", "it"}, // emission, transmission
      {"ection", "ect"}, // protection, connection
      {"iction", "ict"}, // restriction
      {"uction", "uct"}, // construction
      {"ation", "ate"}, // operation, generation
      {"ation", ""}, // transformation, implementation
      {"ition", "ite"}, // ignition
      {"ution", "ute"}, // pollution, distribution, substitution
      {"sure", "se"}, // closure
      {"ment", ""}, // development, investment
      {"ance", ""}, // performance
      {"al", "e"}, // approval, removal
  };

  /** Particles that end English phrasal compounds (shutdown, cutback, takeover). */
  private static final String[] PARTICLES = {"down", "out", "up", "off", "back", "over"};

  private EnglishVariants() {}

  /** The candidate other forms of {@code word} (one word of letters), without {@code word} itself. */
  static List<String> of(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    if (w.length() < 4 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return out;
    }
    plural(w, out);
    for (String[] d : DERIVATIONS) {
      if (w.endsWith(d[0]) && w.length() - d[0].length() >= 2) {
        add(out, w.substring(0, w.length() - d[0].length()) + d[1], w);
      }
    }
    for (String p : PARTICLES) {
      if (w.endsWith(p) && w.length() - p.length() >= 3) {
        add(out, w.substring(0, w.length() - p.length()) + " " + p, w); // shutdown: shut down
      }
    }
    return out;
  }

  /**
   * The singulars {@code word} may be the plural of (policies: policy, polici; taxes: tax, taxe;
   * holidays: holiday), for a look-up that lists each term once, in the singular (the glossary).
   */
  static List<String> singulars(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    if (w.length() < 4 || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return out;
    }
    if (w.endsWith("ies") && w.length() > 4) {
      add(out, w.substring(0, w.length() - 3) + "y", w);
    }
    plural(w, out);
    return out;
  }

  /** The plural endings {@link #of} and {@link #singulars} strip: buses, taxes (es); holidays (s). */
  private static void plural(String w, List<String> out) {
    if (w.endsWith("es") && w.length() > 4) {
      add(out, w.substring(0, w.length() - 2), w); // buses, taxes
    }
    if (w.endsWith("s") && !w.endsWith("ss")) {
      add(out, w.substring(0, w.length() - 1), w);
    }
  }

  private static void add(List<String> out, String candidate, String word) {
    if (!candidate.equals(word) && !out.contains(candidate)) {
      out.add(candidate);
    }
  }
}
