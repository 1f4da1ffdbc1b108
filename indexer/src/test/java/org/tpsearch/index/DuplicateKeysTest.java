package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.Link;

/** The keys that make two evidence items duplicates: titles normalised, 《》 titles, 文号, URLs. */
class DuplicateKeysTest {
  private static List<String> keys(String title, String... urls) {
    return DuplicateKeys.of(title, java.util.Arrays.stream(urls).map(u -> new Link("", u)).toList());
  }

  private static boolean share(List<String> a, List<String> b) {
    return a.stream().anyMatch(b::contains);
  }

  @Test
  void titlesEqualAfterFoldingPunctuationWhitespaceAndBrackets() {
    // Zhejiang and Shanghai cite the 新十条 with the same title; typed again with other punctuation,
    // full-width letters, Traditional characters and spaces, it is the same key.
    List<String> a = keys("《关于进一步优化落实新冠肺炎疫情防控措施的通知》（\"新十条\"）");
    assertTrue(share(a, keys("关于进一步优化落实新冠肺炎疫情防控措施的通知 “新十条”")));
    assertTrue(share(a, keys("《關於進一步優化落實新冠肺炎疫情防控措施的通知》")));
    assertTrue(share(keys("Shanghai  Lockdown!"), keys("ｓｈａｎｇｈａｉ lockdown")));
  }

  @Test
  void aDocumentTitleInsideATitleAndADocumentNumberAreKeys() {
    // Beijing cites the plan, a later Beijing point says it enters its last year: the same policy.
    assertTrue(share(keys("《北方地区冬季清洁取暖规划（2017-2021年）》"), keys("《北方地区冬季清洁取暖规划（2017-2021年）》进入收官年")));
    // Hebei and Beijing: the same action plan, with and without its 文号.
    assertTrue(share(keys("《打赢蓝天保卫战三年行动计划》（国发〔2018〕22号）"), keys("打赢蓝天保卫战三年行动计划")));
    assertTrue(keys("《2030年前碳达峰行动方案》（国发〔2021〕23号）").contains("n:国发2021-23"));
    assertTrue(share(keys("国务院通知（国发[2021]23号）"), keys("《2030年前碳达峰行动方案》（国发〔2021〕23号）")));
    assertEquals(List.of(), DuplicateKeys.documentNumbers("〔2021〕23号 and 发〔21〕3号 and 国发〔2021〕号"));
  }

  @Test
  void differentEventsStayApart() {
    assertTrue(!share(keys("广东省启动重大突发公共卫生事件一级响应"), keys("江苏省启动重大突发公共卫生事件一级响应")));
    // Short titles are too generic to be keys.
    assertEquals(List.of(), keys("疫情"));
    assertEquals(List.of(), keys("寒潮（冷）"));
  }

  @Test
  void urlsEqualWithoutSchemeWwwTrailingSlashAndFragment() {
    assertEquals(Optional.of("gov.cn/zhengce/content/2021-10/26/content_5644984.htm"),
        DuplicateKeys.normalizedUrl("https://WWW.GOV.CN/zhengce/content/2021-10/26/content_5644984.htm#x"));
    assertTrue(share(keys("a", "http://www.news.cn/2022/a/"), keys("b", "https://news.cn/2022/a")));
    // The path keeps its case; a site's root is no document, so no key.
    assertTrue(!share(keys("a", "https://x.cn/A"), keys("b", "https://x.cn/a")));
    assertEquals(List.of(), keys("a", "https://www.ndrc.gov.cn/", "新华社"));
  }
}
