package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The other forms an English word is looked up under when its own reach nothing the text says. */
class EnglishVariantsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // A noun's verb, which is what CC-CEDICT defines.
      "reduction, reduce",
      "consumption, consume",
      "suspension, suspend",
      "emission, emit",
      "construction, construct",
      "operation, operate",
      "closure, close",
      "investment, invest",
      // A plural the stemmer does not bring back to its singular (Porter: buses -> buse, bus -> bu).
      "buses, bus",
      // A phrasal compound.
      "shutdown, shut down",
      "cutback, cut back",
  })
  void variants(String word, String variant) {
    assertTrue(EnglishVariants.of(word).contains(variant), () -> word + " -> " + EnglishVariants.of(word));
  }

  @ParameterizedTest
  @CsvSource({"outbreak, break out", "bus, bu", "steel, steel"})
  void notVariants(String word, String variant) {
    // outbreak is not "break out" (CC-CEDICT also gives that 发生, to happen); nothing shorter than four letters.
    assertFalse(EnglishVariants.of(word).contains(variant), () -> word + " -> " + EnglishVariants.of(word));
  }
}
