package org.tpsearch.model;

import java.util.List;
import java.util.Objects;

/**
 * An emission sector of Carbon Monitor China. An unknown sector keeps the name as written.
 *
 * @param name canonical English name ({@code Ground Transport}), or the name as written
 * @param zh Chinese name (地面交通), empty when unknown
 * @param aliases further names that mean this sector
 * @param known whether the sector is in {@link Sectors}
 */
public record Sector(String name, String zh, List<String> aliases, boolean known) {
  public Sector {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zh, "zh");
    if (name.isBlank()) {
      throw new IllegalArgumentException("blank sector name");
    }
    aliases = List.copyOf(aliases);
  }

  /** A sector not in the table, kept as written. */
  public static Sector unknown(String asWritten) {
    return new Sector(asWritten.strip(), "", List.of(), false);
  }

  /** The id part: lower case, spaces as {@code -}, such as {@code ground-transport}. */
  public String slug() {
    return Slugs.slug(name);
  }

  /** Every name of this sector. */
  public List<String> allNames() {
    return Slugs.distinctNonEmpty(name, zh, "", aliases);
  }
}
