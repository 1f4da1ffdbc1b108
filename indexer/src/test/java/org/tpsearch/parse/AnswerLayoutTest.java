package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tpsearch.model.EvidenceItem;
import org.tpsearch.model.EvidenceStatus;
import org.tpsearch.model.Field;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * Each answer layout of the format notes, read from the sample reports where they occur (the real
 * report first) and from {@code fixtures/layouts} for the ones the samples lack. The expected values
 * were copied from the report text, not from the parser's output.
 */
class AnswerLayoutTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();
  private static final Map<String, Report> CACHE = new ConcurrentHashMap<>();

  /** A sample report by name, or a fixture as {@code fixtures/dir/name}. */
  static Report report(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      Path file = n.startsWith("fixtures/") ? FIXTURES.resolve(n.substring(9)) : Golden.sampleReports().resolve(n);
      try {
        return ReportParser.parse(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static TurningPoint point(String name, String id) {
    return report(name).points().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + name));
  }

  static EvidenceItem item(String name, String id, int ordinal) {
    TurningPoint p = point(name, id);
    assertTrue(p.evidence().size() >= ordinal, id + " has " + p.evidence().size() + " items");
    EvidenceItem e = p.evidence().get(ordinal - 1);
    assertEquals(ordinal, e.ordinal());
    return e;
  }

  static Stream<Arguments> layouts() {
    return Stream.of(
        // 1. **事件名称**：... then **字段**：value lines at column 0 (the real 2019-04-01)
        arguments("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2019-04-01/event", 1, 10,
            "Moyu County Integrated Industrial Park Construction", "2019年4月", "中国新疆维吾尔自治区和田地区墨玉县", "",
            "title time place scale impact details source"),
        // nested bullets    - **发生时间**：... (the real 2022-03-01), labels 投资情况 and 交易机制
        arguments("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2022-03-01/event", 2, 78,
            "新疆克拉玛依高新技术产业开发区升级为国家级", "2022年6月", "新疆克拉玛依市", "",
            "title time place scale investment impact source"),
        arguments("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2022-03-01/event", 1, 70,
            "新疆绿色电力交易量同比增长74.7%", "2022年全年", "新疆全区范围", "",
            "title time place scale mechanism impact source"),
        // policy items 具体政策名称/事件 with 发布/发生时间, 责任机构, 核心内容, 预期影响, 配套措施 (the real 2021-12-16)
        arguments("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2021-12-16/seasonal", 2, 54,
            "《新疆维吾尔自治区工业领域碳达峰实施方案》", "2022年6月", "", "新疆维吾尔自治区工业和信息化厅",
            "title time agency content impact measures source"),
        // the same, as nested bullets, with a 文号 in the title
        arguments("Beijing_Residential_combined_info.txt", "beijing/residential/2019-03-16/seasonal", 2, 20,
            "《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）", "2018年6月", "", "国务院",
            "title time agency content impact source"),
        // bold with the colon inside: **发生时间：**2020年1月24日
        arguments("Jiangsu_Power_combined_info.txt", "jiangsu/power/2020-01-24/event", 1, 16,
            "江苏省启动重大突发公共卫生事件一级响应", "2020年1月24日", "江苏省全省", "",
            "title time place impact source"),
        // half-width colon: **发布时间**: ..., labels 政策名称, 发布机构, 来源
        arguments("Jiangsu_Power_combined_info.txt", "jiangsu/power/2021-07-16/policy", 1, 32,
            "全国碳排放权交易市场上线交易（national carbon market）", "2021年7月16日", "", "生态环境部",
            "title time agency content measures source"),
        // English labels at column 0 with half-width colons: **Policy**:, **Date**:, **Issuing body**:, **Key content**:
        arguments("Inner Mongolia_Power_combined_info.txt", "inner-mongolia/power/2021-03-01/policy", 1, 16,
            "《关于确保完成\"十四五\"能耗双控目标任务若干保障措施》", "2021年2月征求意见，2021年3月正式印发", "",
            "内蒙古自治区发展和改革委员会等部门 (Inner Mongolia Development and Reform Commission)",
            "title time agency content impact source"),
        // English labels, one the table does not know (Related rule): kept under its own label
        arguments("Inner Mongolia_Power_combined_info.txt", "inner-mongolia/power/2021-07-16/policy", 1, 32,
            "全国碳排放权交易市场上线交易 (China's national carbon market starts trading)", "2021年7月16日",
            "交易系统设在上海，注册登记系统设在湖北武汉；内蒙古纳入的燃煤电厂同步参与", "",
            "title time place scale impact Related_rule source"),
        // English labels as nested bullets
        arguments("Inner Mongolia_Power_combined_info.txt", "inner-mongolia/power/2021-09-27/event", 2, 51,
            "国务院常务会议部署今冬明春电力和煤炭供应", "2021年10月8日", "", "",
            "title time content source"),
        // 政策名称 item at column 0, then a second item 2. **事件名称** after its fields
        arguments("Zhejiang_Ground Transport_combined_info.txt", "zhejiang/ground-transport/2020-02-17/policy", 2, 28,
            "杭州\"健康码\"上线", "2020年2月11日", "浙江省杭州市", "",
            "title time place impact"),
        // 发布机构 as a nested bullet of an 事件名称 item
        arguments("Shanghai_Aviation_combined_info.md", "shanghai/aviation/2022-06-01/event", 2, 50,
            "《上海市加快经济恢复和重振行动方案》", "2022年5月29日印发，6月1日起施行", "", "上海市人民政府",
            "title time agency content source"),
        // a per-point file's answer (line numbers count the question and 回答: lines)
        arguments("Guangdong_Power_2019-05-16_Policy_info.txt", "guangdong/power/2019-05-16/policy", 1, 4,
            "广东电力现货市场首次按日结算试运行", "2019年5月", "", "广东电力交易中心、广东电网公司",
            "title time agency content impact source"),
        // an item under a ### category heading, after the answer's own intro (fixture)
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-07-16/policy", 1, 14,
            "全国碳排放权交易市场上线交易", "2021年7月16日", "", "生态环境部",
            "title time agency content source"),
        // an item after the answer's own '---' line and a second ### heading: same point (fixture)
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-07-16/policy", 2, 24,
            "《碳排放权交易管理办法（试行）》", "2021年2月1日起施行", "", "生态环境部",
            "title time agency content"),
        // no labels: a bold name, a sentence, plain 时间：/地点： bullets (fixture)
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2022-06-01/trend", 1, 87,
            "北京2022年冬奥会", "2022年2月", "北京市、河北省张家口市", "",
            "time place"),
        // one flat bullet list, - **Policy:** ... with the colon inside the bold; a label the table does
        // not know (Background) is a field of the item, not a new item (fixture)
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-11-01/policy", 1, 50,
            "《国家发展改革委关于进一步深化燃煤发电上网电价市场化改革的通知》（发改价格〔2021〕1439号）", "2021年10月", "",
            "国家发展和改革委员会 (National Development and Reform Commission)",
            "title time agency Background source"),
        // unordered items - **事件名称**：... with their own nested bullets (fixture)
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2022-03-01/event", 2, 79,
            "全国碳市场第一个履约周期", "2021年全年", "", "",
            "title time source"));
  }

  @ParameterizedTest(name = "{1} item {2}")
  @MethodSource("layouts")
  void itemFieldsAreRead(
      String file, String id, int ordinal, int line, String title, String time, String place, String agency,
      String keys) {
    EvidenceItem e = item(file, id, ordinal);
    assertEquals(line, e.line(), "line");
    assertEquals(title, e.title(), "title");
    assertEquals(time, e.time(), "time");
    assertEquals(place, e.place(), "place");
    assertEquals(agency, e.agency(), "agency");
    assertEquals(List.of(keys.split(" ")), e.fields().stream().map(f -> f.key().replace(' ', '_')).toList(), "field keys");
    // Every field sits on its own line, in order, from the item's first line on.
    List<Integer> lines = e.fields().stream().map(Field::line).toList();
    for (int i = 1; i < lines.size(); i++) {
      assertTrue(lines.get(i) > lines.get(i - 1), "field lines " + lines);
    }
  }

  @Test
  void valuesLoseTheirMarkdownButNotTheirText() {
    EvidenceItem e = item("Jiangsu_Power_combined_info.txt", "jiangsu/power/2020-01-24/event", 1);
    // **影响：**叠加春节假期延长和延迟复工，... : colon inside the bold, nothing lost after it
    Field impact = e.fields().get(3);
    assertEquals("影响", impact.label());
    assertTrue(impact.value().startsWith("叠加春节假期延长和延迟复工，2020年2月江苏工业用电大幅下降"), impact.value());
    assertTrue(impact.value().endsWith("3月起随复工复产逐步恢复。"), impact.value());
    // English sentence inside a Chinese value, numbers with units kept as written
    Field scale = item("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2023-11-01/event", 1).fields().get(3);
    assertEquals("Total trading volume reached 5.26 billion kWh，参与企业数量达到215家，较2022年增长63%，交易电量占全区工业用电量的12.5%",
        scale.value());
    // A link's text stays in the value, its URL goes to the sources
    Field source = item("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2022-03-01/event", 2).fields().get(6);
    assertEquals("State Council", source.value());
  }

  static Stream<Arguments> sources() {
    return Stream.of(
        // [Title](url)
        arguments("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2019-04-01/event", 1,
            List.of("CCTV报道 <https://english.cctv.com/2022/01/14/ARTINEYLmhaTgm06HZReZeCu220114.shtml>")),
        // a bare URL as the value
        arguments("Beijing_Residential_combined_info.txt", "beijing/residential/2019-03-16/seasonal", 1,
            List.of(" <https://www.ndrc.gov.cn/>")),
        arguments("Beijing_Residential_combined_info.txt", "beijing/residential/2019-03-16/seasonal", 2,
            List.of("中国政府网 <https://www.gov.cn/>")),
        // a name, then a URL
        arguments("Zhejiang_Ground Transport_combined_info.txt", "zhejiang/ground-transport/2020-01-23/event", 1,
            List.of(" <http://www.zj.gov.cn/>")),
        // a source named without a URL: no link
        arguments("Beijing_Residential_combined_info.txt", "beijing/residential/2021-01-07/event", 1, List.of()),
        // several links, a URL in full-width parentheses and one ending a sentence with 。 (fixture);
        // the URL also cited bare in 核心内容 is listed once, with the link's title
        arguments("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-10-24/policy", 1,
            List.of("中国政府网 <https://www.gov.cn/>", "国家发展改革委 <https://www.ndrc.gov.cn/>", " <http://www.mee.gov.cn/>")));
  }

  @ParameterizedTest(name = "{1} item {2}")
  @MethodSource("sources")
  void sourcesAreLinksAndBareUrls(String file, String id, int ordinal, List<String> expected) {
    EvidenceItem e = item(file, id, ordinal);
    assertEquals(expected, e.sources().stream().map(l -> l.title() + " <" + l.url() + ">").toList());
  }

  @Test
  void aSourceWithoutUrlIsStillAField() {
    EvidenceItem e = item("Beijing_Residential_combined_info.txt", "beijing/residential/2021-01-07/event", 1);
    assertEquals("新华社", e.fields().get(e.fields().size() - 1).value());
    assertEquals("source", e.fields().get(e.fields().size() - 1).key());
  }

  @Test
  void introAndOutroAreProseNotItems() {
    TurningPoint p = point("Beijing_Residential_combined_info.txt", "beijing/residential/2019-03-16/seasonal");
    assertEquals(2, p.evidence().size());
    assertEquals(
        "以下是2019年3月（2018年12月至2019年6月）北京市影响居民部门碳排放的具体政策：\n"
            + "以上政策推动北京居民采暖从散煤转向电力和天然气，居民部门直接燃煤排放随之下降。",
        p.prose());
    // An outro that says other categories found nothing does not make the point "none".
    TurningPoint seasonal = point("Xinjiang_Industry_combined_info.txt", "xinjiang/industry/2021-12-16/seasonal");
    assertEquals(EvidenceStatus.FOUND, seasonal.status());
    assertTrue(seasonal.prose().startsWith("以上是关于Xinjiang省"), seasonal.prose());
    for (EvidenceItem e : seasonal.evidence()) {
      assertFalse(e.text().contains("以上是"), e.text());
    }
  }

  @Test
  void proseKeepsTheAnswersOrder() {
    // Intro, two ### category headings, the table (its rule line dropped), the outro: as written.
    assertEquals(
        String.join("\n",
            "以下是2018年9月（2018年6月至2018年12月）Guangdong省/市影响电力部门碳排放的具体政策：",
            "一、电力现货市场建设",
            "二、里程碑一览",
            "| 时间 | 事项 |",
            "| 2017年8月 | 确定第一批8个电力现货市场建设试点 |",
            "| 2018年8月31日 | 南方（以广东起步）电力现货市场启动试运行 |",
            "| 2019年5月 | 首次开展按日结算试运行 |",
            "| 2023年12月 | 广东电力现货市场转入正式运行 |",
            "以上是关于Guangdong省在2018年9月前后电力部门的具体政策。其他类别的信息未找到相关政策或事件。"),
        point("Guangdong_Power_combined_info.txt", "guangdong/power/2018-09-03/policy").prose());
    TurningPoint fixture = point("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-07-16/policy");
    List<String> prose = fixture.prose().lines().toList();
    assertEquals(List.of("一、政策类", "二、相关文件"), prose.subList(1, 3), fixture.prose());
    assertTrue(prose.get(prose.size() - 1).startsWith("以上是关于Tianjin省"), fixture.prose());
  }

  @Test
  void aFlatBulletListIsOneItemPerTitleLabel() {
    TurningPoint p = point("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2021-11-01/policy");
    assertEquals(1, p.evidence().size(), p.evidence().toString());
    assertEquals(List.of(" <https://www.ndrc.gov.cn/>"),
        p.evidence().get(0).sources().stream().map(l -> l.title() + " <" + l.url() + ">").toList());
    // Two items in one flat list, each opened by 事件名称.
    assertEquals(2, point("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2022-03-01/event")
        .evidence().size());
  }

  @Test
  void boldCategoryLinesAreProseNotItems() {
    // **一、事件类** and **二、政策类** head the lists under them, like ### headings do.
    TurningPoint p = point("fixtures/layouts/Tianjin_Power_combined_info.txt", "tianjin/power/2022-02-04/event");
    assertEquals(List.of("北京2022年冬奥会", "《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》"),
        p.evidence().stream().map(EvidenceItem::title).toList());
    assertEquals("一、事件类\n二、政策类", p.prose());
  }

  @Test
  void anAnswerWithItsOwnSeparatorHeadingsAndTableIsOnePoint() {
    Report r = report("Guangdong_Power_combined_info.txt");
    // 7 headings, 7 points: the answer's own '---' (line 26) ends nothing.
    assertEquals(7, r.points().size());
    TurningPoint p = point("Guangdong_Power_combined_info.txt", "guangdong/power/2018-09-03/policy");
    assertEquals(List.of("南方（以广东起步）电力现货市场启动试运行", "第一批电力现货市场建设试点"),
        p.evidence().stream().map(EvidenceItem::title).toList());
    assertTrue(p.answer().contains("\n---\n"), "the answer keeps its own separator");
    assertTrue(p.answer().endsWith("其他类别的信息未找到相关政策或事件。"), p.answer());
    // The table's rows are not items; they are kept as prose, with the milestone text searchable.
    assertTrue(p.prose().contains("| 2023年12月 | 广东电力现货市场转入正式运行 |"), p.prose());
    assertEquals(41, point("Guangdong_Power_combined_info.txt", "guangdong/power/2019-05-16/policy").line());
  }
}
