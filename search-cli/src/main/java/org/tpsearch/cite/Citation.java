package org.tpsearch.cite;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tpsearch.index.StoredPoint;
import org.tpsearch.model.Link;

/**
 * The reference of one evidence item, ready for a bibliography: what BibTeX, CSL-JSON and RIS write
 * and what a CSL style formats. Made from the stored point in one place ({@link #of}).
 *
 * @param key a stable key from the point's id and the item's number ({@code xinjiang-industry-2022-03-01-event-1}):
 *     letters, digits and {@code -} only, starting with a letter, so BibTeX, biber, pandoc and LaTeX take it
 * @param pointId the turning point's id
 * @param item the item's number among the point's items, from 1
 * @param title the item's title, book-title marks and a trailing 文号 taken off ({@code 《X》（国发〔2021〕23号）} is {@code X})
 * @param authors issuing agencies (责任机构, split at 、) or, without one, the outlet named by the first
 *     source link (China Daily); institutional names, never split into given and family names
 * @param number the 文号 ({@code 国发〔2021〕23号}), empty when the item has none
 * @param dateWritten the item's time as written ({@code 2022年全年}), empty when absent
 * @param issued the date as parsed, empty when it could not be read
 * @param url the first source URL, empty when none
 * @param otherUrls further source URLs
 * @param accessed the report's analysis date (the day its sources were looked up), empty when unknown
 */
public record Citation(
    String key,
    String pointId,
    int item,
    String title,
    List<String> authors,
    String number,
    String dateWritten,
    Optional<Issued> issued,
    String url,
    List<String> otherUrls,
    Optional<LocalDate> accessed) {
  /** The language of every reference: the reports are written in Chinese. */
  public static final String LANGUAGE = "zh-CN";

  public Citation {
    authors = List.copyOf(authors);
    otherUrls = List.copyOf(otherUrls);
  }

  /**
   * A parsed date: a day, a month or a year ({@code month} and {@code day} 0 when not given), or a
   * range of two such ({@code end} present).
   */
  public record Issued(Part start, Optional<Part> end) {
    /** A date at some precision. */
    public record Part(int year, int month, int day) {}

    /** The date the way ISO 8601 and biblatex write it: {@code 2022}, {@code 2022-03}, {@code 2021-12/2022-03}. */
    public String iso() {
      return end.map(e -> iso(start) + "/" + iso(e)).orElse(iso(start));
    }

    private static String iso(Part p) {
      String s = String.format(Locale.ROOT, "%04d", p.year());
      if (p.month() > 0) {
        s += String.format(Locale.ROOT, "-%02d", p.month());
        if (p.day() > 0) {
          s += String.format(Locale.ROOT, "-%02d", p.day());
        }
      }
      return s;
    }

    /**
     * The date of the days {@code from..to}, at the precision they span: a whole year is the year, a
     * whole month the month, a day the day; anything else a range of two.
     */
    public static Issued of(LocalDate from, LocalDate to) {
      boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
      boolean wholeYears = wholeMonths && from.getMonthValue() == 1 && to.getMonthValue() == 12;
      Part a;
      Part b;
      if (wholeYears) {
        a = new Part(from.getYear(), 0, 0);
        b = new Part(to.getYear(), 0, 0);
      } else if (wholeMonths) {
        a = new Part(from.getYear(), from.getMonthValue(), 0);
        b = new Part(to.getYear(), to.getMonthValue(), 0);
      } else {
        a = new Part(from.getYear(), from.getMonthValue(), from.getDayOfMonth());
        b = new Part(to.getYear(), to.getMonthValue(), to.getDayOfMonth());
      }
      return new Issued(a, a.equals(b) ? Optional.empty() : Optional.of(b));
    }
  }

  /** The note every format carries: where the reference comes from. */
  public String note() {
    StringBuilder sb = new StringBuilder("tpsearch turning point ").append(pointId).append(", evidence item ").append(item);
    if (!dateWritten.isEmpty()) {
      sb.append("; time as written: ").append(dateWritten);
    }
    for (String u : otherUrls) {
      sb.append("; also ").append(u);
    }
    return sb.toString();
  }

  /** The reference of item {@code it} of point {@code p}. */
  public static Citation of(StoredPoint p, StoredPoint.Item it, Optional<Issued> issued) {
    String title = it.title().strip();
    String number = Wenhao.find(title);
    if (number.isEmpty()) {
      for (StoredPoint.Labelled f : it.fields()) {
        number = Wenhao.find(f.value());
        if (!number.isEmpty()) {
          break;
        }
      }
    }
    List<String> urls = it.sources().stream().map(Link::url).map(String::strip).filter(u -> !u.isEmpty()).distinct().toList();
    return new Citation(key(p.id(), it.ordinal()), p.id(), it.ordinal(), cleanTitle(title), authors(it, title), number,
        it.time().strip(), issued, urls.isEmpty() ? "" : urls.get(0), urls.size() > 1 ? urls.subList(1, urls.size()) : List.of(),
        accessed(p.analyzed()));
  }

  /**
   * The key of item {@code n} of point {@code id}. An id of the usual shape (a known region and
   * sector, a date {@code YYYY-MM-DD} or {@code undated}, a type of letters) gives its parts joined by
   * {@code -}, then the number ({@code xinjiang-industry-2022-03-01-event-1}): the known names never
   * join two ways, so this is one key per id. Any other id (an unknown region {@code a-b} beside a
   * region {@code a} and a sector {@code b-...}, a region typed in Chinese) gives {@code tp.}, the id
   * with {@code /} as {@code .} and every character but a-z, 0-9 and {@code -} as {@code _hex_}, then
   * {@code .} and the number: reversible, never the shape of the first kind (which has no {@code .}),
   * so two ids never share a key.
   */
  public static String key(String id, int n) {
    String[] parts = id.split("/", -1);
    if (parts.length == 4 && KNOWN_REGIONS.contains(parts[0]) && KNOWN_SECTORS.contains(parts[1])
        && (isIsoDate(parts[2]) || parts[2].equals("undated")) && isLetters(parts[3])) {
      return String.join("-", parts) + "-" + n;
    }
    StringBuilder sb = new StringBuilder("tp.");
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      i += Character.charCount(c);
      if (c == '/') {
        sb.append('.');
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
        sb.appendCodePoint(c);
      } else {
        sb.append('_').append(Integer.toHexString(c)).append('_');
      }
    }
    return sb.append('.').append(n).toString();
  }

  private static final java.util.Set<String> KNOWN_REGIONS = org.tpsearch.model.Regions.ALL.stream()
      .map(org.tpsearch.model.Region::slug).collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final java.util.Set<String> KNOWN_SECTORS = org.tpsearch.model.Sectors.ALL.stream()
      .map(org.tpsearch.model.Sector::slug).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static boolean isIsoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetters(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  /** {@code 《X》} or {@code 《X》（文号）} is X; anything else stays as it is. */
  static String cleanTitle(String title) {
    String t = title;
    int close = t.lastIndexOf('》');
    if (t.startsWith("《") && close > 1) {
      String rest = t.substring(close + 1).strip();
      boolean onlyNumber = rest.isEmpty()
          || (rest.startsWith("（") || rest.startsWith("(")) && !Wenhao.find(rest).isEmpty() && rest.length() <= 24;
      if (onlyNumber && t.indexOf('《', 1) < 0) {
        t = t.substring(1, close);
      }
    }
    return t.strip();
  }

  /** The agencies of the item, else the outlet of its first source, else none. */
  static List<String> authors(StoredPoint.Item it, String title) {
    Optional<String> agency = it.field("agency");
    if (agency.isPresent()) {
      String a = agency.get().strip();
      // The first clause names the issuer; what follows (，指导 ... 组织实施) describes the roles.
      int cut = firstOf(a, "，", "；", ";", "\n");
      if (cut > 0) {
        a = a.substring(0, cut);
      }
      a = dropTrailingParenthetical(a);
      List<String> out = new ArrayList<>();
      for (String part : a.split("、")) {
        String name = part.strip();
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
      return out;
    }
    for (Link l : it.sources()) {
      String outlet = l.title().strip();
      String bare = normalized(title);
      // A link named after the document is no outlet; a short name (China Daily, 中国政府网) is.
      if (!outlet.isEmpty() && outlet.codePointCount(0, outlet.length()) <= 20 && !outlet.contains("://")
          && !bare.contains(normalized(outlet)) && !normalized(outlet).contains(bare)) {
        return List.of(outlet);
      }
      break;
    }
    return List.of();
  }

  private static String normalized(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  private static int firstOf(String s, String... marks) {
    int best = -1;
    for (String m : marks) {
      int i = s.indexOf(m);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  private static String dropTrailingParenthetical(String s) {
    String t = s.strip();
    if (t.endsWith("）") || t.endsWith(")")) {
      int open = Math.max(t.lastIndexOf('（'), t.lastIndexOf('('));
      if (open > 0) {
        return t.substring(0, open).strip();
      }
    }
    return t;
  }

  /** The date of {@code 2025-05-01 17:00:12}, empty when it is not one. */
  static Optional<LocalDate> accessed(String analyzed) {
    if (analyzed == null || analyzed.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(analyzed.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
