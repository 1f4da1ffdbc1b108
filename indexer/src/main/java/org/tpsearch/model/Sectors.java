package org.tpsearch.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five emission sectors of Carbon Monitor China and every name they go by. */
public final class Sectors {
  public static final List<Sector> ALL =
      List.of(
          s("Power", "电力", "电力部门", "electricity"),
          s("Industry", "工业", "工业部门", "industrial"),
          s("Ground Transport", "地面交通", "地面交通部门", "ground transportation", "road transport"),
          s("Residential", "居民", "居民部门", "居民生活", "residential consumption"),
          s("Aviation", "航空", "航空部门", "Domestic Aviation", "国内航空"));

  private static final Map<String, Sector> BY_KEY = new HashMap<>();

  static {
    for (Sector sector : ALL) {
      for (String name : sector.allNames()) {
        BY_KEY.put(Slugs.key(name), sector);
      }
    }
  }

  private Sectors() {}

  private static Sector s(String en, String zh, String... aliases) {
    return new Sector(en, zh, List.of(aliases), true);
  }

  /**
   * The sector a name means: English or Chinese, any case, spaces, {@code _} or {@code -}
   * ({@code Ground_Transport}, {@code ground_transport}), {@code Domestic Aviation}.
   */
  public static Optional<Sector> lookup(String name) {
    Sector found = BY_KEY.get(Slugs.key(name));
    if (found == null) {
      found = BY_KEY.get(Slugs.key(name.strip().replaceFirst("部门$", "")));
    }
    return Optional.ofNullable(found);
  }

  /** The sector a name means, or an unknown sector keeping the name as written. */
  public static Sector resolve(String name) {
    return lookup(name).orElseGet(() -> Sector.unknown(name));
  }
}
