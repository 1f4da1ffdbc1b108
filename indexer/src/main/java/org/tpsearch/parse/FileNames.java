package org.tpsearch.parse;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tpsearch.model.Region;
import org.tpsearch.model.Regions;
import org.tpsearch.model.ReportKind;
import org.tpsearch.model.Sector;
import org.tpsearch.model.Sectors;

/** What a pipeline file's name says: its kind, region, sector and, for a per-point file, the point. */
public final class FileNames {
  private static final Pattern PER_POINT =
      Pattern.compile("^(.+)_(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{8})_([A-Za-z]+)_info\\.txt$");
  private static final String COMBINED_SUFFIX = "_combined_info";

  /**
   * A classified file name.
   *
   * @param kind combined or per-point, or empty when the file is not a report
   * @param region region from the name, null when the name has none
   * @param sector sector from the name, null when the name has none
   * @param date for a per-point file, the date as written in the name
   * @param type for a per-point file, the type as written in the name
   */
  public record Parsed(
      Optional<ReportKind> kind, Region region, Sector sector, String date, String type) {}

  private FileNames() {}

  /** Classifies a file by its name alone. */
  public static Parsed parse(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    Matcher m = PER_POINT.matcher(name);
    if (m.matches()) {
      Region[] region = new Region[1];
      Sector[] sector = new Sector[1];
      splitRegionSector(m.group(1), region, sector);
      return new Parsed(Optional.of(ReportKind.PER_POINT), region[0], sector[0], m.group(2), m.group(3));
    }
    String stem = null;
    if (lower.endsWith(COMBINED_SUFFIX + ".txt") || lower.endsWith(COMBINED_SUFFIX + ".md")) {
      stem = name.substring(0, lower.lastIndexOf(COMBINED_SUFFIX));
    } else if (lower.endsWith(".md")) {
      stem = name.substring(0, name.length() - 3);
    }
    if (stem != null) {
      Region[] region = new Region[1];
      Sector[] sector = new Sector[1];
      splitRegionSector(stem, region, sector);
      return new Parsed(Optional.of(ReportKind.COMBINED), region[0], sector[0], "", "");
    }
    return new Parsed(Optional.empty(), null, null, "", "");
  }

  /**
   * Splits {@code Inner Mongolia_Ground_Transport} into region and sector: {@code _} separates
   * the parts but may also stand inside a sector name, so the split that resolves both wins.
   */
  static void splitRegionSector(String stem, Region[] region, Sector[] sector) {
    int best = -1;
    for (int i = stem.indexOf('_'); i >= 0; i = stem.indexOf('_', i + 1)) {
      boolean r = Regions.lookup(stem.substring(0, i)).isPresent();
      boolean s = Sectors.lookup(stem.substring(i + 1)).isPresent();
      if (r && s) {
        best = i;
        break;
      }
      if (best < 0 && (r || s)) {
        best = i;
      }
    }
    if (best < 0) {
      best = stem.indexOf('_');
    }
    if (best < 0) {
      region[0] = null;
      sector[0] = null;
      return;
    }
    region[0] = Regions.resolve(stem.substring(0, best));
    sector[0] = Sectors.resolve(stem.substring(best + 1));
  }
}
