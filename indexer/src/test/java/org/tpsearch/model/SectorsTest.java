package org.tpsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five sectors and the spellings the pipeline and other tools use. */
class SectorsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Power              | Power
      电力               | Power
      电力部门           | Power
      POWER              | Power
      Industry           | Industry
      工业               | Industry
      工业部门           | Industry
      Ground Transport   | Ground Transport
      Ground_Transport   | Ground Transport
      ground_transport   | Ground Transport
      ground-transport   | Ground Transport
      地面交通           | Ground Transport
      地面交通部门       | Ground Transport
      # as a title writes it, the 部门 glued on
      Ground Transport部门 | Ground Transport
      Residential        | Residential
      居民               | Residential
      Aviation           | Aviation
      Domestic Aviation  | Aviation
      domestic_aviation  | Aviation
      航空               | Aviation
      """)
  void sectorNames(String name, String expected) {
    assertEquals(expected, Sectors.lookup(name).map(Sector::name).orElse("(none)"));
  }

  @Test
  void fiveSectorsWithTheirChineseNames() {
    assertEquals(List.of("Power", "Industry", "Ground Transport", "Residential", "Aviation"),
        Sectors.ALL.stream().map(Sector::name).toList());
    assertEquals(List.of("电力", "工业", "地面交通", "居民", "航空"), Sectors.ALL.stream().map(Sector::zh).toList());
    assertEquals("ground-transport", Sectors.resolve("Ground_Transport").slug());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"International Aviation", "International Shipping", "Cement", "Transport"})
  void otherSectorsAreKeptAsWritten(String name) {
    assertEquals(Optional.empty(), Sectors.lookup(name));
    Sector s = Sectors.resolve(name);
    assertEquals(name, s.name());
    assertFalse(s.known());
    assertEquals("", s.zh());
  }
}
