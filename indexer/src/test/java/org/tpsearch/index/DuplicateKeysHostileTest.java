package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.Link;

/** Duplicate keys and source domains of hostile evidence (hostile trial, session 3). */
class DuplicateKeysHostileTest {
  /** Lucene's limit on one term, in UTF-8 bytes. */
  private static final int MAX_TERM_BYTES = 32_766;

  @Test
  void everyKeyFitsInOneIndexTermAndStillTellsTextsApart() {
    String a = "碳排放".repeat(4000) + "甲";
    String b = "碳排放".repeat(4000) + "乙";
    String url = "https://example.org/" + "x".repeat(50_000);
    List<String> ka = DuplicateKeys.of(a, List.of(new Link("", url)));
    List<String> kb = DuplicateKeys.of(b, List.of());
    for (String k : ka) {
      assertTrue(k.getBytes(StandardCharsets.UTF_8).length <= MAX_TERM_BYTES, k.length() + " characters");
      assertTrue(k.length() <= DuplicateKeys.MAX_KEY, k.length() + " characters");
    }
    assertEquals(2, ka.size(), ka::toString); // the title and the URL
    assertNotEquals(ka.get(0), kb.get(0)); // same beginning, different ends: different keys
    assertEquals(ka, DuplicateKeys.of(a, List.of(new Link("", url)))); // the same text, the same key
    // A short key is kept as it was.
    assertEquals(List.of("t:绿色电力交易试点"), DuplicateKeys.of("绿色电力交易试点", List.of()));
  }

  @Test
  void aHostLongerThanDnsAllowsIsNoDomain() {
    assertEquals(Optional.empty(), SourceDomains.registeredDomain("https://" + "a".repeat(40_000) + ".com/x"));
    assertEquals(Optional.empty(), SourceDomains.registeredDomain("https://a" + ".".repeat(100_000)));
    assertEquals(Optional.of("gov.cn"), SourceDomains.registeredDomain("https://www.ndrc.gov.cn./x"));
    String longest = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
    assertEquals(253, longest.length());
    assertTrue(SourceDomains.registeredDomain("https://" + longest + "/x").isPresent());
  }

  @Test
  void manyDocumentTitlesInOneTitleAreEachAKey() {
    StringBuilder t = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      t.append("《第").append(i).append("号文件》");
    }
    List<String> keys = DuplicateKeys.of(t.toString(), List.of());
    // The whole title, then each 《》 title once (the whole title is shortened with its hash).
    assertEquals(20_001, keys.size());
    assertTrue(keys.contains("t:第19999号文件"));
  }
}
