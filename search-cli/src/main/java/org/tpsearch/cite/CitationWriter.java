package org.tpsearch.cite;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Writes references as BibTeX, CSL-JSON or RIS: one writer per format, each taking the same
 * {@link Citation}s. Every format carries the title, the agencies or outlet as institutional
 * authors, the 文号, the date as written and as parsed, the URL, the access date, the language and a
 * note naming the turning point.
 */
public enum CitationWriter {
  /** BibTeX {@code @misc} entries (biblatex's date, url and urldate fields too). */
  BIBTEX("bibtex") {
    @Override
    public String write(List<Citation> citations) {
      StringBuilder sb = new StringBuilder();
      for (Citation c : citations) {
        if (!sb.isEmpty()) {
          sb.append('\n');
        }
        sb.append("@misc{").append(c.key()).append(",\n");
        // Double braces: an institution is one name, and a title keeps its case.
        if (!c.authors().isEmpty()) {
          StringBuilder a = new StringBuilder();
          for (String name : c.authors()) {
            a.append(a.isEmpty() ? "" : " and ").append('{').append(tex(name)).append('}');
          }
          bib(sb, "author", a.toString());
        }
        bib(sb, "title", "{" + tex(c.title()) + "}");
        if (!c.number().isEmpty()) {
          bib(sb, "number", tex(c.number()));
        }
        c.issued().ifPresent(d -> {
          bib(sb, "date", d.iso());
          bib(sb, "year", Integer.toString(d.start().year()));
          if (d.start().month() > 0 && d.end().isEmpty()) {
            bib(sb, "month", Integer.toString(d.start().month()));
          }
        });
        if (!c.url().isEmpty()) {
          bib(sb, "url", url(c.url()));
        }
        c.accessed().ifPresent(d -> bib(sb, "urldate", d.toString()));
        bib(sb, "language", Citation.LANGUAGE);
        bib(sb, "note", tex(c.note()));
        sb.setLength(sb.length() - 2);
        sb.append("\n}\n");
      }
      return sb.toString();
    }
  },

  /** A CSL-JSON array, what Zotero, pandoc and every CSL processor read. */
  CSL_JSON("csl-json") {
    @Override
    public String write(List<Citation> citations) {
      StringBuilder sb = new StringBuilder("[");
      for (Citation c : citations) {
        sb.append(sb.length() == 1 ? "\n" : ",\n");
        sb.append("  {");
        json(sb, "id", c.key()).append(", ");
        json(sb, "type", c.url().isEmpty() ? "document" : "webpage").append(", ");
        json(sb, "title", c.title());
        if (!c.authors().isEmpty()) {
          sb.append(", \"author\": [");
          for (int i = 0; i < c.authors().size(); i++) {
            sb.append(i == 0 ? "{" : ", {");
            json(sb, "literal", c.authors().get(i)).append('}');
          }
          sb.append(']');
        }
        if (!c.number().isEmpty()) {
          json(sb.append(", "), "number", c.number());
        }
        if (c.issued().isPresent()) {
          Citation.Issued d = c.issued().get();
          sb.append(", \"issued\": {\"date-parts\": [").append(parts(d.start()));
          d.end().ifPresent(e -> sb.append(", ").append(parts(e)));
          sb.append("]}");
        } else if (!c.dateWritten().isEmpty()) {
          // Unparsed: the processor prints it as written.
          sb.append(", \"issued\": {");
          json(sb, "literal", c.dateWritten()).append('}');
        }
        if (!c.url().isEmpty()) {
          json(sb.append(", "), "URL", c.url());
        }
        c.accessed().ifPresent(d -> sb.append(", \"accessed\": {\"date-parts\": [").append(parts(d)).append("]}"));
        json(sb.append(", "), "language", Citation.LANGUAGE).append(", ");
        json(sb, "note", c.note());
        sb.append('}');
      }
      return sb.append(citations.isEmpty() ? "]\n" : "\n]\n").toString();
    }
  },

  /** RIS records ({@code TY  - ELEC} with a URL, {@code GEN} without), for EndNote, Zotero and Mendeley. */
  RIS("ris") {
    @Override
    public String write(List<Citation> citations) {
      StringBuilder sb = new StringBuilder();
      for (Citation c : citations) {
        ris(sb, "TY", c.url().isEmpty() ? "GEN" : "ELEC");
        ris(sb, "ID", c.key());
        ris(sb, "TI", c.title());
        // One AU line per institution, without a comma: importers keep it as one name.
        c.authors().forEach(a -> ris(sb, "AU", a));
        if (!c.number().isEmpty()) {
          ris(sb, "M1", c.number());
        }
        c.issued().ifPresent(d -> {
          ris(sb, "PY", Integer.toString(d.start().year()));
          ris(sb, "DA", String.format(Locale.ROOT, "%04d/%s/%s/", d.start().year(),
              d.start().month() > 0 ? String.format(Locale.ROOT, "%02d", d.start().month()) : "",
              d.start().day() > 0 ? String.format(Locale.ROOT, "%02d", d.start().day()) : ""));
        });
        if (!c.url().isEmpty()) {
          ris(sb, "UR", c.url());
        }
        c.accessed().ifPresent(d -> ris(sb, "Y2", String.format(Locale.ROOT, "%04d/%02d/%02d", d.getYear(),
            d.getMonthValue(), d.getDayOfMonth())));
        ris(sb, "LA", Citation.LANGUAGE);
        ris(sb, "N1", c.note());
        sb.append("ER  - \n\n");
      }
      return sb.toString();
    }
  };

  private final String formatName;

  CitationWriter(String formatName) {
    this.formatName = formatName;
  }

  /** The format's name as a user types it: bibtex, csl-json, ris. */
  public String formatName() {
    return formatName;
  }

  /** The references in this format. */
  public abstract String write(List<Citation> citations);

  private static void bib(StringBuilder sb, String name, String value) {
    sb.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /**
   * A value inside braces, safe for BibTeX and LaTeX: LaTeX's special characters escaped, so braces
   * always balance and {@code % & # _ $ ~ ^ \} print as themselves; control characters and bidi
   * overrides dropped.
   */
  public static String tex(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '{', '}', '%', '&', '#', '_', '$' -> sb.append('\\').append(c);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> {
          if (!dropped(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * A URL for BibTeX's url field, which biblatex and pandoc read verbatim: characters that would
   * unbalance the braces or end the field are percent-encoded, nothing else is touched.
   */
  static String url(String u) {
    StringBuilder sb = new StringBuilder(u.length());
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      switch (c) {
        case '{' -> sb.append("%7B");
        case '}' -> sb.append("%7D");
        case '\\' -> sb.append("%5C");
        case ' ' -> sb.append("%20");
        default -> {
          if (!dropped(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * A character a reference leaves out: a control character (C0, DEL, C1), a line or paragraph
   * separator, or a bidirectional override or isolate, which would reorder what a terminal or an
   * editor shows after it.
   */
  static boolean dropped(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static StringBuilder json(StringBuilder sb, String name, String value) {
    quote(sb, name);
    sb.append(": ");
    quote(sb, value);
    return sb;
  }

  private static void quote(StringBuilder sb, String s) {
    org.tpsearch.cli.Json.quote(sb, s);
  }

  private static String parts(Citation.Issued.Part p) {
    StringBuilder sb = new StringBuilder("[").append(p.year());
    if (p.month() > 0) {
      sb.append(", ").append(p.month());
      if (p.day() > 0) {
        sb.append(", ").append(p.day());
      }
    }
    return sb.append(']').toString();
  }

  private static String parts(LocalDate d) {
    return "[" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + "]";
  }

  /** A RIS line; a value never spans lines. */
  private static void ris(StringBuilder sb, String tag, String value) {
    StringBuilder v = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      v.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : dropped(c) ? "" : String.valueOf(c));
    }
    sb.append(tag).append("  - ").append(v.toString().strip()).append('\n');
  }
}
