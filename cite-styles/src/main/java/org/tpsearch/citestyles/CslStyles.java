package org.tpsearch.citestyles;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ListItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.JsonLexer;
import de.undercouch.citeproc.helper.json.JsonParser;
import de.undercouch.citeproc.output.Bibliography;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formatted references from CSL-JSON through citeproc-java and the official CSL styles and locales.
 * Its entry points take and return strings only: tpsearch calls them through a class loader of
 * their own (lib/cite/), so no class of this module or of citeproc-java reaches the search path.
 */
public final class CslStyles {
  // The style's own default locale (GB/T 7714 says zh-CN): a plain attribute of its root element.
  private static final Pattern DEFAULT_LOCALE = Pattern.compile("default-locale=\"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\"");

  private CslStyles() {}

  /** Whether {@code style} names a style of the bundled collection ({@code apa}, {@code china-national-standard-gb-t-7714-2015-numeric}). */
  public static boolean exists(String style) {
    return style.matches("[a-z0-9][a-z0-9-]{0,199}") && CSL.class.getResource("/" + style + ".csl") != null;
  }

  /**
   * The bibliography of the items of {@code cslJson} (a CSL-JSON array) in {@code style}, in their
   * order; one entry a line in {@code format} ({@code text} or {@code html}).
   *
   * @param locale a locale such as {@code zh-CN}, or null or empty for the style's default (else en-US)
   */
  public static String bibliography(String style, String locale, String cslJson, String format) throws IOException {
    if (!exists(style)) {
      throw new IllegalArgumentException("no CSL style '" + style + "'");
    }
    List<Object> array = new JsonParser(new JsonLexer(new StringReader(cslJson))).parseArray();
    List<CSLItemData> items = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Object o : array) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) o;
      CSLItemData item = CSLItemData.fromJson(m);
      items.add(item);
      ids.add(item.getId());
    }
    String lang = locale == null || locale.isBlank() ? defaultLocale(style) : locale;
    CSL csl = new CSL(new ListItemDataProvider(items), style, lang);
    csl.setOutputFormat(format);
    csl.registerCitationItems(ids);
    Bibliography b = csl.makeBibliography();
    StringBuilder sb = new StringBuilder();
    for (String entry : b.getEntries()) {
      sb.append(entry.strip()).append('\n');
    }
    return sb.toString();
  }

  /** The style's default-locale, else en-US. */
  static String defaultLocale(String style) throws IOException {
    try (InputStream in = CSL.class.getResourceAsStream("/" + style + ".csl")) {
      if (in == null) {
        return "en-US";
      }
      // The attribute sits on the root element, within the first lines.
      String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      Matcher m = DEFAULT_LOCALE.matcher(head);
      return m.find() ? m.group(1) : "en-US";
    }
  }
}
