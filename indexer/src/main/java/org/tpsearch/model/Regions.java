package org.tpsearch.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 31 province-level regions of Carbon Monitor China and every name they go by. */
public final class Regions {
  /** In the order of Carbon Monitor China's English names. */
  public static final List<Region> ALL =
      List.of(
          r("Anhui", "安徽", "安徽省"),
          r("Beijing", "北京", "北京市"),
          r("Chongqing", "重庆", "重庆市"),
          r("Fujian", "福建", "福建省"),
          r("Gansu", "甘肃", "甘肃省"),
          r("Guangdong", "广东", "广东省"),
          r("Guangxi", "广西", "广西壮族自治区", "Guangxi Zhuang Autonomous Region"),
          r("Guizhou", "贵州", "贵州省"),
          r("Hainan", "海南", "海南省"),
          r("Hebei", "河北", "河北省"),
          r("Heilongjiang", "黑龙江", "黑龙江省"),
          r("Henan", "河南", "河南省"),
          r("Hubei", "湖北", "湖北省"),
          r("Hunan", "湖南", "湖南省"),
          r(
              "Inner Mongolia",
              "内蒙古",
              "内蒙古自治区",
              "Nei Mongol",
              "Neimenggu",
              "InnerMongolia",
              "Inner Mongolia Autonomous Region"),
          r("Jiangsu", "江苏", "江苏省"),
          r("Jiangxi", "江西", "江西省"),
          r("Jilin", "吉林", "吉林省"),
          r("Liaoning", "辽宁", "辽宁省"),
          r("Ningxia", "宁夏", "宁夏回族自治区", "Ningxia Hui Autonomous Region"),
          r("Qinghai", "青海", "青海省"),
          r("Shaanxi", "陕西", "陕西省"),
          r("Shandong", "山东", "山东省"),
          r("Shanghai", "上海", "上海市"),
          r("Shanxi", "山西", "山西省"),
          r("Sichuan", "四川", "四川省"),
          r("Tianjin", "天津", "天津市"),
          r(
              "Tibet",
              "西藏",
              "西藏自治区",
              "Xizang",
              "Tibet Autonomous Region",
              "Xizang Autonomous Region"),
          r(
              "Xinjiang",
              "新疆",
              "新疆维吾尔自治区",
              "Xinjiang Uygur Autonomous Region",
              "Xinjiang Uyghur Autonomous Region"),
          r("Yunnan", "云南", "云南省"),
          r("Zhejiang", "浙江", "浙江省"));

  private static final Map<String, Region> BY_KEY = new HashMap<>();

  static {
    for (Region region : ALL) {
      for (String name : region.allNames()) {
        Region previous = BY_KEY.put(Slugs.key(name), region);
        if (previous != null && previous != region) {
          throw new IllegalStateException("region alias '" + name + "' is ambiguous");
        }
      }
    }
  }

  private Regions() {}

  private static Region r(String en, String zh, String zhFull, String... aliases) {
    return new Region(en, zh, zhFull, List.of(aliases), true);
  }

  /**
   * The region a name means: any English or Chinese name or alias, in any case, with spaces,
   * {@code _} or {@code -}, and with a trailing 省/市 (as report titles write it) ignored.
   */
  public static Optional<Region> lookup(String name) {
    String key = Slugs.key(name);
    Region found = BY_KEY.get(key);
    if (found == null) {
      String trimmed = key.replaceFirst("(省/市|省|市)$", "");
      found = BY_KEY.get(trimmed);
    }
    return Optional.ofNullable(found);
  }

  /** The region a name means, or an unknown region keeping the name as written. */
  public static Region resolve(String name) {
    return lookup(name).orElseGet(() -> Region.unknown(name.strip().replaceFirst("省/市$", "")));
  }
}
