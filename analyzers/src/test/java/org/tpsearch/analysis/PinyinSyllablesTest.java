package org.tpsearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a query word as pinyin, and joining spaced pinyin. */
class PinyinSyllablesTest {

  @ParameterizedTest(name = "{0}: {1} syllables")
  @CsvSource({
    "pudong, 2",
    "baihetan, 3",
    "wulumuqi, 4",
    "lvliang, 2", // ü typed as v
    "xian, 1", // one syllable (先) is fewer than xi'an's two
    "zhuang, 1", // the longest syllable
    "chongqing, 2",
    "energy, -1", // no syllable gy
    "Pudong, -1", // the pinyin field holds lower case only
    "co2, -1",
    "'', -1",
  })
  void countsSyllables(String word, int count) {
    assertEquals(count, PinyinSyllables.syllableCount(word));
  }

  @Test
  void joinsSpacedPinyinOnly() {
    assertEquals("pudong", PinyinSyllables.join(List.of("pu", "dong")));
    assertEquals("baihetan", PinyinSyllables.join(List.of("bai", "he", "tan")));
    assertNull(PinyinSyllables.join(List.of("pudong", "airport")), "airport is not pinyin");
    assertNull(PinyinSyllables.join(List.of()));
  }
}
