package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test JSON parser accepts JSON and nothing else, so the output tests can rely on it. */
class MiniJsonTest {
  @Test
  void readsEveryKindOfValue() {
    Map<String, Object> m = MiniJson.object(
        " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9绿\",\"n\":-1.25e2,\"i\":0,\"t\":true,\"f\":false,\"z\":null,"
            + "\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} ");
    assertEquals("a\"b\\c/\né绿", m.get("s"));
    assertEquals(new BigDecimal("-1.25e2"), m.get("n"));
    assertEquals(BigDecimal.ZERO, m.get("i"));
    assertEquals(Boolean.TRUE, m.get("t"));
    assertEquals(Boolean.FALSE, m.get("f"));
    assertNull(m.get("z"));
    assertEquals(List.of(new BigDecimal("1"), List.of(), Map.of()), m.get("a"));
    assertEquals(Map.of("k", "v"), m.get("o"));
    assertEquals(List.of("s", "n", "i", "t", "f", "z", "a", "o"), List.copyOf(m.keySet()), "document order");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}{}", "{\"a\":1,\"a\":2}", "{a:1}", "'x'", "01", "1.", "-", "1e",
      "\"tab\there\"", "\"\\x\"", "\"\\u12\"", "NaN", "nul", "[1 2]", "{\"a\" 1}"})
  void rejectsWhatIsNotJson(String text) {
    assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(text));
  }
}
