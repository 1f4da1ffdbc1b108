package org.tpsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 31 provinces of Carbon Monitor China and every name the reports give them. */
class RegionsTest {
  /** Written out here from the provinces' official names, not copied from {@link Regions}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Anhui          | 安徽   | 安徽省
      Beijing        | 北京   | 北京市
      Chongqing      | 重庆   | 重庆市
      Fujian         | 福建   | 福建省
      Gansu          | 甘肃   | 甘肃省
      Guangdong      | 广东   | 广东省
      Guangxi        | 广西   | 广西壮族自治区
      Guizhou        | 贵州   | 贵州省
      Hainan         | 海南   | 海南省
      Hebei          | 河北   | 河北省
      Heilongjiang   | 黑龙江 | 黑龙江省
      Henan          | 河南   | 河南省
      Hubei          | 湖北   | 湖北省
      Hunan          | 湖南   | 湖南省
      Inner Mongolia | 内蒙古 | 内蒙古自治区
      Jiangsu        | 江苏   | 江苏省
      Jiangxi        | 江西   | 江西省
      Jilin          | 吉林   | 吉林省
      Liaoning       | 辽宁   | 辽宁省
      Ningxia        | 宁夏   | 宁夏回族自治区
      Qinghai        | 青海   | 青海省
      Shaanxi        | 陕西   | 陕西省
      Shandong       | 山东   | 山东省
      Shanghai       | 上海   | 上海市
      Shanxi         | 山西   | 山西省
      Sichuan        | 四川   | 四川省
      Tianjin        | 天津   | 天津市
      Tibet          | 西藏   | 西藏自治区
      Xinjiang       | 新疆   | 新疆维吾尔自治区
      Yunnan         | 云南   | 云南省
      Zhejiang       | 浙江   | 浙江省
      """)
  void everyProvinceResolvesFromEachOfItsNames(String en, String zh, String zhFull) {
    for (String name : List.of(en, zh, zhFull, en.toUpperCase(java.util.Locale.ROOT),
        en.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), en.replace(' ', '-'), " " + en + " ",
        // as report titles write them: {Region}省/市
        en + "省/市", zh + "省/市")) {
      Region r = Regions.lookup(name).orElseThrow(() -> new AssertionError("'" + name + "' does not resolve"));
      assertEquals(en, r.name(), name);
      assertEquals(zh, r.zh(), name);
      assertEquals(zhFull, r.zhFull(), name);
      assertTrue(r.known());
    }
  }

  @Test
  void thirtyOneDistinctProvinces() {
    assertEquals(31, Regions.ALL.size());
    assertEquals(31, Regions.ALL.stream().map(Region::name).distinct().count());
    assertEquals(31, Regions.ALL.stream().map(Region::zh).distinct().count());
    assertEquals(31, Regions.ALL.stream().map(Region::slug).distinct().count());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Inner Mongolia                    | Inner Mongolia
      内蒙古                            | Inner Mongolia
      内蒙古自治区                      | Inner Mongolia
      Nei Mongol                        | Inner Mongolia
      nei_mongol                        | Inner Mongolia
      INNER-MONGOLIA                    | Inner Mongolia
      inner__mongolia                   | Inner Mongolia
      Inner Mongolia Autonomous Region  | Inner Mongolia
      Tibet                             | Tibet
      Xizang                            | Tibet
      西藏                              | Tibet
      西藏自治区                        | Tibet
      Xizang Autonomous Region          | Tibet
      新疆维吾尔自治区                  | Xinjiang
      Xinjiang Uygur Autonomous Region  | Xinjiang
      Xinjiang Uyghur Autonomous Region | Xinjiang
      Xinjiang省/市                     | Xinjiang
      新疆省                            | Xinjiang
      # full-width letters, as some CJK input methods write them
      Ｘｉｎｊｉａｎｇ                  | Xinjiang
      Guangxi Zhuang Autonomous Region  | Guangxi
      Ningxia Hui Autonomous Region     | Ningxia
      # the two that differ by one letter
      山西                              | Shanxi
      陕西                              | Shaanxi
      shaanxi                           | Shaanxi
      """)
  void aliases(String name, String expected) {
    assertEquals(expected, Regions.lookup(name).map(Region::name).orElse("(none)"));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      Hong Kong
      Macau
      Xinjian
      Mongolia
      ''
      """)
  void otherNamesDoNotResolve(String name) {
    assertEquals(Optional.empty(), Regions.lookup(name));
  }

  @Test
  void anUnknownRegionIsKeptAsWritten() {
    Region r = Regions.resolve(" Hong Kong省/市 ");
    assertEquals("Hong Kong", r.name());
    assertEquals("hong-kong", r.slug());
    assertFalse(r.known());
    assertEquals("", r.zh());
    assertEquals(List.of("Hong Kong"), r.allNames());
  }

  @Test
  void slugsAndAllNames() {
    Region im = Regions.resolve("内蒙古");
    assertEquals("inner-mongolia", im.slug());
    assertTrue(im.allNames().containsAll(List.of("Inner Mongolia", "内蒙古", "内蒙古自治区", "Nei Mongol")), im.allNames().toString());
    assertEquals(im.allNames().size(), im.allNames().stream().distinct().count());
  }
}
