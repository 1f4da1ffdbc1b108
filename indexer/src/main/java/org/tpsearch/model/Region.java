package org.tpsearch.model;

import java.util.List;
import java.util.Objects;

/**
 * A province-level region: canonical English name (as in Carbon Monitor China), Chinese short and
 * full names, and other aliases. An unknown region keeps the name as written and has no Chinese.
 *
 * @param name canonical English name, or the name as written when unknown
 * @param zh Chinese short name (新疆), empty when unknown
 * @param zhFull Chinese full name (新疆维吾尔自治区), empty when unknown
 * @param aliases further names that mean this region
 * @param known whether the region is in {@link Regions}
 */
public record Region(String name, String zh, String zhFull, List<String> aliases, boolean known) {
  public Region {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(zhFull, "zhFull");
    if (name.isBlank()) {
      throw new IllegalArgumentException("blank region name");
    }
    aliases = List.copyOf(aliases);
  }

  /** A region not in the table, kept as written. */
  public static Region unknown(String asWritten) {
    return new Region(asWritten.strip(), "", "", List.of(), false);
  }

  /** The id part: lower case, spaces as {@code -}, such as {@code inner-mongolia}. */
  public String slug() {
    return Slugs.slug(name);
  }

  /** Every name of this region: English, Chinese short and full, aliases. */
  public List<String> allNames() {
    return Slugs.distinctNonEmpty(name, zh, zhFull, aliases);
  }
}
