package org.tpsearch.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tpsearch.model.DateRange;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.Link;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.EvidenceDates;

/**
 * What a researcher should know before citing an evidence item, computed at index time:
 *
 * <ul>
 *   <li>its window: {@code in-window} when the days its time field covers ({@link EvidenceDates})
 *       overlap the point's date ±{@value #WINDOW_DAYS} days (the window the pipeline asked the model
 *       about), {@code out-of-window} when they do not, {@code undated} when the time field names no
 *       date (or the point has none);
 *   <li>its sources: {@code no-url} when it cites no URL with a host, {@code bare-url} when every URL
 *       it cites is a site's root ({@code https://www.ndrc.gov.cn/}, an {@code index.html}), which
 *       names the outlet but not the document.
 * </ul>
 *
 * <p>And of a point, the {@code evidence_window} facet: {@code all-in-window}, {@code some-out-of-window}
 * (dated items both in and out), {@code all-out-of-window}, {@code no-dated-evidence} (items, none
 * dated), {@code no-evidence} (no items). Undated items do not change a point with dated ones.
 */
public final class EvidenceChecks {
  /** Days either side of the point's date: the pipeline asked for about three months. */
  public static final int WINDOW_DAYS = 90;

  public static final String NO_URL = "no-url";
  public static final String BARE_URL = "bare-url";

  /** The {@code evidence_window} values of a point, in display order. */
  public static final List<String> POINT_WINDOWS =
      List.of("all-in-window", "some-out-of-window", "all-out-of-window", "no-dated-evidence", "no-evidence");

  private EvidenceChecks() {}

  /** Where an item's date falls against its point's window. */
  public enum Window {
    IN("in-window"),
    OUT("out-of-window"),
    UNDATED("undated");

    private final String label;

    Window(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The window a label names; {@code undated} for anything else (an index written before checks). */
    public static Window ofLabel(String label) {
      for (Window w : values()) {
        if (w.label.equals(label)) {
          return w;
        }
      }
      return UNDATED;
    }
  }

  /**
   * The checks of one item.
   *
   * @param dates the days its time field covers, empty when undated
   * @param window against the point's window
   * @param sources {@code no-url}, {@code bare-url}, or nothing when it cites a document's URL
   */
  public record Check(Optional<DateRange> dates, Window window, List<String> sources) {
    public Check {
      sources = List.copyOf(sources);
    }

    /** An item nothing is known about (read from an index written before checks). */
    public static final Check UNKNOWN = new Check(Optional.empty(), Window.UNDATED, List.of());

    /** Every label: the window first, then the source checks ({@code in-window bare-url}). */
    public List<String> labels() {
      List<String> out = new ArrayList<>();
      out.add(window.label());
      out.addAll(sources);
      return out;
    }

    /** How the index stores the labels: space-separated. */
    public String encoded() {
      return String.join(" ", labels());
    }

    /** A check read back from the index: the stored date range and labels. */
    public static Check decode(String isoDates, String labels) {
      if (labels == null || labels.isEmpty()) {
        return UNKNOWN;
      }
      String[] parts = labels.split(" ");
      List<String> sources = new ArrayList<>();
      for (int i = 1; i < parts.length; i++) {
        sources.add(parts[i]);
      }
      return new Check(DateRange.ofIso(isoDates), Window.ofLabel(parts[0]), sources);
    }
  }

  /** The checks of {@code e}, an item of a point dated {@code pointDate}. */
  public static Check of(EvidenceItem e, Optional<LocalDate> pointDate) {
    Optional<DateRange> dates = EvidenceDates.parse(e.time());
    return new Check(dates, window(dates, pointDate), sourceChecks(e.sources()));
  }

  /** In, out or undated: the overlap of the item's days with the point's date ±{@value #WINDOW_DAYS} days. */
  public static Window window(Optional<DateRange> dates, Optional<LocalDate> pointDate) {
    if (dates.isEmpty() || pointDate.isEmpty()) {
      return Window.UNDATED;
    }
    LocalDate d = pointDate.get();
    return dates.get().overlaps(d.minusDays(WINDOW_DAYS), d.plusDays(WINDOW_DAYS)) ? Window.IN : Window.OUT;
  }

  /** {@code no-url}, {@code bare-url} or nothing. */
  static List<String> sourceChecks(List<Link> sources) {
    boolean any = false;
    boolean document = false;
    for (Link l : sources) {
      if (SourceDomains.registeredDomain(l.url()).isPresent()) {
        any = true;
        document |= !isBareUrl(l.url());
      }
    }
    return !any ? List.of(NO_URL) : document ? List.of() : List.of(BARE_URL);
  }

  /**
   * Whether {@code url} names a site rather than a document: no path, {@code /}, or only a home
   * page ({@code /index.html}, {@code /default.aspx}, {@code /index.shtml}), and no query.
   */
  public static boolean isBareUrl(String url) {
    String s = url.strip();
    int scheme = s.indexOf("://");
    s = scheme >= 0 ? s.substring(scheme + 3) : s.startsWith("//") ? s.substring(2) : s;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    if (s.indexOf('?') >= 0) {
      return false;
    }
    int slash = s.indexOf('/');
    if (slash < 0) {
      return true;
    }
    String path = s.substring(slash).toLowerCase(Locale.ROOT);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      return true;
    }
    if (path.lastIndexOf('/') != 0) {
      return false;
    }
    String page = path.substring(1);
    int dot = page.indexOf('.');
    String stem = dot < 0 ? page : page.substring(0, dot);
    return (stem.equals("index") || stem.equals("default") || stem.equals("home")) && (dot < 0
        || List.of(".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp").contains(page.substring(dot)));
  }

  /** The {@code evidence_window} value of a point whose items are in these windows. */
  public static String pointWindow(List<Window> windows) {
    if (windows.isEmpty()) {
      return "no-evidence";
    }
    boolean in = windows.contains(Window.IN);
    boolean out = windows.contains(Window.OUT);
    if (in && out) {
      return "some-out-of-window";
    }
    return in ? "all-in-window" : out ? "all-out-of-window" : "no-dated-evidence";
  }

  /** The {@code evidence_window} value of {@code p}. */
  public static String pointWindow(TurningPoint p) {
    List<Window> windows = new ArrayList<>();
    for (EvidenceItem e : p.evidence()) {
      windows.add(window(EvidenceDates.parse(e.time()), p.date()));
    }
    return pointWindow(windows);
  }
}
