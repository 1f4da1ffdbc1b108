package org.tpsearch.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tpsearch.analysis.Cedict;
import org.tpsearch.analysis.TextNormalizer;
import org.tpsearch.model.DateRange;

/**
 * The weaker duplicate relation, "the same event, by content", beside {@link DuplicateKeys}' exact
 * title and URL keys: two evidence items under different turning points whose titles differ (one in
 * English, one in Chinese; one naming the start of an event, the other its end) but which a reader
 * would call one event. Two items are taken for one event when all three hold:
 *
 * <ol>
 *   <li><b>same place</b>: their 地点 fields name one place, equal after folding or sharing a unit
 *       of county, district or city rank ({@code 中国新疆维吾尔自治区和田地区墨玉县} and
 *       {@code 新疆墨玉县} share 墨玉县; see {@link #placeKeys});
 *   <li><b>a title found in the other</b>: one item's title, or a name inside it (a parenthetical
 *       gloss, a 《document》), is found in the other item: two thirds of its words (two or more) in
 *       the other's title and place, or all of them (two or more) anywhere in it, text included;
 *       a Chinese word also stands for its CC-CEDICT English senses and an unknown name for its
 *       pinyin (墨玉县 for "Moyu County", 封控 for "lock down");
 *   <li><b>a corroboration</b>: two or more distinctive numbers in common (17家, 3000个: a number of
 *       two or more digits with its unit, not a date), or dates of at most {@value #MAX_SPAN} days
 *       each that overlap or follow each other within a day (an event cited from 2022-03-28 to
 *       2022-05-31, and again on 2022-06-01).
 * </ol>
 *
 * Everything is computed from what the index stores of an item, when asked: only the place keys are
 * indexed (a few string operations per item), so candidates are one term look-up away.
 */
public final class SameEvent {
  private SameEvent() {}

  /** Characters kept of a place, at most: a place is a short field. */
  private static final int MAX_PLACE = 200;

  /** Administrative suffixes that end a unit of county, district or city rank. */
  private static final String UNIT_SUFFIXES = "县区市镇乡旗州";

  /**
   * The keys a place is matched by: the whole place folded (letters and digits only, a leading 中国
   * dropped), and each unit of county, district or city rank it names, as the two to four characters
   * before its suffix ({@code 墨玉县}, {@code 乌鲁木齐市}; 地区, 自治区, 自治州, 市区 and 全市 are no
   * such unit). Two places are one place when they share a key. Empty for an empty place.
   */
  public static List<String> placeKeys(String place) {
    String p = foldedPlace(place);
    if (p.isEmpty()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(p);
    for (int i = 2; i < p.length(); i++) {
      char c = p.charAt(i);
      if (UNIT_SUFFIXES.indexOf(c) < 0 || !isUnitEnd(p, i)) {
        continue;
      }
      for (int k = 2; k <= 4 && i - k >= 0; k++) {
        String name = p.substring(i - k, i);
        if (!isHanName(name)) {
          break;
        }
        keys.add(name + c);
      }
    }
    return List.copyOf(keys);
  }

  private static String foldedPlace(String place) {
    if (place == null) {
      return "";
    }
    String s = place.length() > MAX_PLACE ? place.substring(0, MAX_PLACE) : place;
    String n = DuplicateKeys.normalizedTitle(s);
    return n.startsWith("中国") ? n.substring(2) : n;
  }

  /** False for 地区, 自治区, 自治州, 市区, 城区, 全市, 全区 and the like: no unit of a place. */
  private static boolean isUnitEnd(String p, int i) {
    char before = p.charAt(i - 1);
    return "地治全城市省县".indexOf(before) < 0;
  }

  /** Han characters, none of them a suffix of a larger unit (省, 区, 市...): a name. */
  private static boolean isHanName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN || "省区市县州盟旗".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ an item's profile

  /**
   * What an item is compared by. The place keys, numbers and dates are read when it is made (a few
   * string operations); its title's names and the words of its whole text (CC-CEDICT look-ups) only
   * when a pair with it has passed the cheaper tests, and once.
   */
  public static final class Profile {
    private final String title;
    private final String text;
    private final String place;
    private final List<String> placeKeys;
    private final Set<String> numbers;
    private final Optional<DateRange> dates;
    private List<Name> names;
    private Set<String> titleBag;
    private String foldedText;
    private Set<String> titleUnknown;
    private Set<String> pinyin;

    private Profile(String title, String text, String place, Optional<DateRange> dates) {
      this.title = title;
      this.text = text;
      this.place = place;
      this.placeKeys = SameEvent.placeKeys(place);
      this.dates = dates;
      Set<String> n = new LinkedHashSet<>(SameEvent.numbers(title));
      n.addAll(SameEvent.numbers(text));
      this.numbers = n;
    }

    public String place() {
      return place;
    }

    public List<String> placeKeys() {
      return placeKeys;
    }

    Set<String> numbers() {
      return numbers;
    }

    Optional<DateRange> dates() {
      return dates;
    }

    /** Its title's names: the title without parenthetical remarks, each remark, each 《document》. */
    List<Name> names() {
      if (names == null) {
        List<Name> out = new ArrayList<>();
        addName(out, DuplicateKeys.withoutParentheses(title));
        for (String remark : parentheticals(title)) {
          addName(out, remark);
        }
        for (String book : DuplicateKeys.bookTitles(title)) {
          addName(out, book);
        }
        names = List.copyOf(out);
      }
      return names;
    }

    /** Every form of every word of its title and place. */
    Set<String> titleBag() {
      if (titleBag == null) {
        Set<String> unknown = new HashSet<>();
        Set<String> t = new HashSet<>();
        for (String part : new String[] {title, place}) {
          SameEvent.words(part, unknown).forEach(t::addAll);
        }
        titleBag = t;
        titleUnknown = unknown;
      }
      return titleBag;
    }

    /** The runs of Han characters CC-CEDICT does not know in its title and place (names: 乌鲁木齐). */
    Set<String> titleUnknown() {
      titleBag();
      return titleUnknown;
    }

    /**
     * Its title, place and text folded and in lower case: a word is looked for in it as a substring
     * of one of its forms (the text is not segmented: that is most of the cost of a comparison).
     */
    String foldedText() {
      if (foldedText == null) {
        String all = title + "\n" + place + "\n" + text;
        foldedText = TextNormalizer.fold(all.length() > MAX_TEXT ? all.substring(0, MAX_TEXT) : all)
            .toLowerCase(Locale.ROOT);
      }
      return foldedText;
    }

    /** The pinyin readings of its title's unknown runs (墨玉 → moyu), computed once, on first need. */
    Set<String> pinyin() {
      if (pinyin == null) {
        Set<String> r = new HashSet<>();
        for (String run : titleUnknown()) {
          String py = PinyinAnalyzer.pinyin(run);
          if (py != null) {
            r.add(py);
          }
        }
        pinyin = r;
      }
      return pinyin;
    }
  }

  /** One name of a title: its text and its words. */
  public record Name(String text, List<Set<String>> words, boolean latin) {}

  /** The profile of an item with this title, text, place and parsed dates. */
  public static Profile profile(String title, String text, String place, Optional<DateRange> dates) {
    return new Profile(title == null ? "" : title, text == null ? "" : text, place == null ? "" : place, dates);
  }

  private static void addName(List<Name> names, String text) {
    List<Set<String>> w = words(text, new HashSet<>());
    if (w.size() >= 2) {
      boolean latin = text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
      names.add(new Name(text.strip(), w, latin));
    }
  }

  /** The text inside each (...) or （...） at depth one, in order. */
  static List<String> parentheticals(String title) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c == '(' || c == '（') {
        if (depth++ == 0) {
          start = i + 1;
        }
      } else if ((c == ')' || c == '）') && depth > 0 && --depth == 0) {
        out.add(title.substring(start, i));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ words

  /** English words that name nothing by themselves. */
  private static final Set<String> STOP = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
      "with", "by", "from", "as", "its", "is", "are", "was", "were", "be", "this", "that");

  /**
   * Single characters CC-CEDICT's table leaves out (it keeps words of two or more characters) that
   * end a place or name a park: their English, so 墨玉县 meets "Moyu County".
   */
  private static final Map<Character, String> SUFFIX_ENGLISH = Map.of('县', "counti", '市', "citi", '区', "district",
      '省', "provinc", '镇', "town", '乡', "township", '村', "villag", '园', "park", '州', "prefectur");

  /** Longest Chinese word looked up, in characters. */
  private static final int MAX_WORD = 6;

  /** Words of a text read, at most: a title's or an item's text, never a whole book. */
  private static final int MAX_TEXT = 20_000;

  /**
   * The words of {@code s}, each as the forms it may be found in: an English word as its Porter
   * stem; a Chinese word (longest match in CC-CEDICT) as itself and the stems of its senses' words
   * ({@code 封控} also as lock, down, lockdown); a run of Han characters CC-CEDICT does not know as
   * itself (its pinyin is added on need, {@link Profile#pinyin}), and without its suffix; a place suffix
   * as itself and its English. Other single characters (的, 约) are no word. Runs added to
   * {@code unknown}.
   */
  static List<Set<String>> words(String s, Set<String> unknown) {
    String f = TextNormalizer.fold(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
    List<Set<String>> out = new ArrayList<>();
    int i = 0;
    int n = f.length();
    while (i < n) {
      char c = f.charAt(i);
      if (isLatinLetter(c)) {
        int j = i;
        while (j < n && (isLatinLetter(f.charAt(j)) || Character.isDigit(f.charAt(j)))) {
          j++;
        }
        String w = f.substring(i, j).toLowerCase(Locale.ROOT);
        if (!STOP.contains(w)) {
          String stem = Cedict.key(w);
          if (!stem.isEmpty()) {
            out.add(Set.of(stem));
          }
        }
        i = j;
      } else if (isHan(c)) {
        int j = i;
        while (j < n && isHan(f.charAt(j))) {
          j++;
        }
        hanWords(f.substring(i, j), out, unknown);
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  private static void hanWords(String run, List<Set<String>> out, Set<String> unknown) {
    int i = 0;
    int unknownStart = -1;
    while (i < run.length()) {
      int found = 0;
      List<String> senses = List.of();
      for (int len = Math.min(MAX_WORD, run.length() - i); len >= 2; len--) {
        senses = Cedict.englishFor(run.substring(i, i + len));
        if (!senses.isEmpty()) {
          found = len;
          break;
        }
      }
      if (found == 0) {
        if (unknownStart < 0) {
          unknownStart = i;
        }
        i++;
        continue;
      }
      if (unknownStart >= 0) {
        unknownRun(run.substring(unknownStart, i), out, unknown);
        unknownStart = -1;
      }
      String word = run.substring(i, i + found);
      Set<String> forms = new HashSet<>();
      forms.add(word);
      for (String sense : senses) {
        String key = Cedict.key(sense);
        for (String w : key.split(" ")) {
          if (!w.isEmpty() && !STOP.contains(w)) {
            forms.add(w);
          }
        }
        if (key.indexOf(' ') > 0 && key.length() <= 30) {
          forms.add(Cedict.key(sense.replace(" ", ""))); // "lock down" is also "lockdown"
        }
      }
      out.add(forms);
      i += found;
    }
    if (unknownStart >= 0) {
      unknownRun(run.substring(unknownStart), out, unknown);
    }
  }

  /** A run of characters CC-CEDICT does not know: a name (墨玉县), or single function characters. */
  private static void unknownRun(String run, List<Set<String>> out, Set<String> unknown) {
    char last = run.charAt(run.length() - 1);
    String suffix = SUFFIX_ENGLISH.get(last);
    String name = suffix != null ? run.substring(0, run.length() - 1) : run;
    if (name.length() >= 2) {
      Set<String> forms = new HashSet<>();
      forms.add(name);
      forms.add(run);
      unknown.add(name);
      out.add(forms);
    }
    if (suffix != null) {
      out.add(Set.of(String.valueOf(last), suffix));
    }
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  // ------------------------------------------------------------------ numbers

  /** Characters after a number that make it a date or a time, not a quantity. */
  private static final String DATE_UNITS = "年月日时号点分秒时期届-/:：.";

  /**
   * The distinctive numbers of {@code s}: two or more digits (commas and a decimal point allowed)
   * with the unit after them when it is a Han character or %, so 17家 and 3000个; a number that is
   * part of a date or time (2022年, 3月28日, 5时, 2022-06-01) is none.
   */
  static List<String> numbers(String s) {
    String f = TextNormalizer.fold(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
    Set<String> out = new LinkedHashSet<>();
    int n = f.length();
    int i = 0;
    while (i < n) {
      if (!isAsciiDigit(f.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder digits = new StringBuilder();
      int count = 0;
      while (i < n && (isAsciiDigit(f.charAt(i)) || ((f.charAt(i) == ',' || f.charAt(i) == '.') && i + 1 < n
          && isAsciiDigit(f.charAt(i + 1))))) {
        char c = f.charAt(i);
        if (c != ',') {
          digits.append(c);
        }
        if (isAsciiDigit(c)) {
          count++;
        }
        i++;
      }
      char before = start > 0 ? f.charAt(start - 1) : ' ';
      char after = i < n ? f.charAt(i) : ' ';
      if (count < 2 || before == '年' || before == '月' || before == '-' || before == '/' || DATE_UNITS.indexOf(after) >= 0
          || digits.length() > 16) {
        continue;
      }
      if (after == '%' || isHan(after)) {
        out.add(digits.toString() + after);
      }
    }
    return List.copyOf(out);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ------------------------------------------------------------------ matching

  /**
   * Why two items were taken for one event.
   *
   * @param place the place key they share
   * @param title "X found in Y", naming the title found
   * @param crossLanguage whether the title was found across languages
   * @param numbers the distinctive numbers they share
   * @param dates how their dates meet ("2022-03-28..2022-05-31 then 2022-06-01"), empty if they do not
   */
  public record Match(String place, String title, boolean crossLanguage, List<String> numbers, String dates) {
    public Match {
      numbers = List.copyOf(numbers);
    }

    /** The reasons, one phrase each, in a fixed order. */
    public List<String> reasons() {
      List<String> out = new ArrayList<>();
      out.add("same place " + place);
      out.add((crossLanguage ? "title found across languages: " : "title found: ") + title);
      if (numbers.size() >= MIN_NUMBERS) {
        out.add("shared numbers " + String.join(", ", numbers));
      }
      if (!dates.isEmpty()) {
        out.add("dates " + dates);
      }
      return out;
    }
  }

  /** Distinctive numbers two items must share to corroborate each other. */
  static final int MIN_NUMBERS = 2;

  /** Whether {@code a} and {@code b} are one event, and why. */
  public static Optional<Match> match(Profile a, Profile b) {
    String place = sharedPlace(a, b);
    if (place == null) {
      return Optional.empty();
    }
    List<String> numbers = a.numbers().stream().filter(b.numbers()::contains).sorted().toList();
    String dates = datesMeet(a.dates(), b.dates());
    if (numbers.size() < MIN_NUMBERS && dates.isEmpty()) {
      return Optional.empty();
    }
    Name aInB = foundIn(a, b);
    Name bInA = foundIn(b, a);
    if (aInB == null && bInA == null) {
      return Optional.empty();
    }
    // The same reasons whichever item comes first: when each title is found in the other, the
    // name that sorts first is named.
    boolean useA = bInA == null || (aInB != null && aInB.text().compareTo(bInA.text()) <= 0);
    Name found = useA ? aInB : bInA;
    Profile other = useA ? b : a;
    boolean cross = found.latin() != other.names().stream().allMatch(Name::latin);
    return Optional.of(new Match(place, "\"" + found.text() + "\"", cross, numbers, dates));
  }

  /**
   * The place keys two profiles share, as a reader would name the place: only the keys no other
   * shared key holds (乌鲁木齐市, not also its tail 木齐市), longest first; null if none.
   */
  private static String sharedPlace(Profile a, Profile b) {
    List<String> shared = new ArrayList<>();
    for (String k : a.placeKeys()) {
      if (b.placeKeys().contains(k)) {
        shared.add(k);
      }
    }
    if (shared.isEmpty()) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String k : shared) {
      if (shared.stream().noneMatch(o -> o.length() > k.length() && o.contains(k))) {
        kept.add(k);
      }
    }
    kept.sort(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    return String.join(", ", kept);
  }

  /**
   * A name of {@code a}'s title found in {@code b}, or null: two thirds of its words (and two or more)
   * in {@code b}'s title and place, or every one of them (two or more) anywhere in {@code b}. A
   * text holds many words, so a name found only there must be found whole.
   */
  private static Name foundIn(Profile a, Profile b) {
    for (Name name : a.names()) {
      int inTitle = 0;
      int anywhere = 0;
      for (Set<String> word : name.words()) {
        boolean latin = isLatinWord(word);
        if (containsAny(b.titleBag(), word) || sharesName(word, a.titleUnknown(), b.titleUnknown())
            || (latin && containsAny(b.pinyin(), word))) {
          inTitle++;
          anywhere++;
        } else if (inText(b.foldedText(), word)) {
          anywhere++;
        }
      }
      int n = name.words().size();
      if ((inTitle >= 2 && 3 * inTitle >= 2 * n) || (anywhere >= 2 && anywhere == n)) {
        return name;
      }
    }
    return null;
  }

  /**
   * Whether {@code word} is a name CC-CEDICT does not know (one of {@code mine}) that holds, or is
   * held by, a name of the other item of two or more characters: a name is read glued to the
   * unknown words beside it (乌鲁木齐等地 holds 乌鲁木齐).
   */
  private static boolean sharesName(Set<String> word, Set<String> mine, Set<String> theirs) {
    for (String form : word) {
      if (!mine.contains(form)) {
        continue;
      }
      for (String other : theirs) {
        if (other.length() >= 2 && (form.contains(other) || other.contains(form))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether one of a word's forms occurs in {@code folded}: a Chinese form of two or more characters,
   * or an English stem of four or more letters (shorter ones occur inside too many words).
   */
  private static boolean inText(String folded, Set<String> word) {
    for (String f : word) {
      boolean han = isHan(f.charAt(0));
      if ((han ? f.length() >= 2 : f.length() >= 4) && f.indexOf(' ') < 0 && folded.contains(f)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLatinWord(Set<String> word) {
    return word.size() == 1 && isLatinLetter(word.iterator().next().charAt(0));
  }

  private static boolean containsAny(Set<String> bag, Set<String> forms) {
    for (String f : forms) {
      if (bag.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** The longest range, in days, whose meeting another corroborates it: a whole year says little. */
  static final int MAX_SPAN = 184;

  /**
   * How two date ranges meet: overlapping, or one the day after the other ends; empty if apart or
   * if either covers more than {@value #MAX_SPAN} days.
   */
  static String datesMeet(Optional<DateRange> a, Optional<DateRange> b) {
    if (a.isEmpty() || b.isEmpty() || days(a.get()) > MAX_SPAN || days(b.get()) > MAX_SPAN) {
      return "";
    }
    // The earlier first; of two that start the same day, the shorter: the same words whichever
    // item is a (the engines hand the pair over in the order they read the points).
    boolean bFirst = b.get().from().isBefore(a.get().from())
        || (b.get().from().equals(a.get().from()) && b.get().to().isBefore(a.get().to()));
    DateRange x = bFirst ? b.get() : a.get();
    DateRange y = bFirst ? a.get() : b.get();
    if (x.overlaps(y.from(), y.to())) {
      return x.label() + " and " + y.label() + " overlap";
    }
    // Following each other counts when one of them is shorter than a month: two whole months in a
    // row (2018-01 then 2018-02) are two periods, not one event told at its start and end.
    LocalDate next = x.to().plusDays(1);
    return next.equals(y.from()) && Math.min(days(x), days(y)) < 28 ? x.label() + " then " + y.label() : "";
  }

  private static long days(DateRange r) {
    return r.to().toEpochDay() - r.from().toEpochDay() + 1;
  }
}
