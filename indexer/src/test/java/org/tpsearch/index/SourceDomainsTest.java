package org.tpsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.parse.ReportParser;
import org.tpsearch.testing.Golden;

/** The source_domain dimension: the registered domain of each evidence source URL. */
class SourceDomainsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // every government site is one value
      "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202205/t20220530_1326811.html | gov.cn",
      "http://www.xinjiang.gov.cn/                                         | gov.cn",
      "https://www.gov.cn/zhengce/                                         | gov.cn",
      // a second-level public suffix keeps one label more
      "https://www.chinadaily.com.cn/a/202301/05/WS63b.html                | chinadaily.com.cn",
      "https://english.www.gov.hk/                                         | www.gov.hk",
      // otherwise the last two labels, lower case, without port, user or query
      "https://WWW.NEWS.CN:443/politics/x.htm?y=1#z                        | news.cn",
      "https://user@tv.cctv.com/2022/                                      | cctv.com",
      "news.sina.com.cn/c/2021.shtml                                       | sina.com.cn",
      "//www.nea.gov.cn                                                    | gov.cn",
      "http://10.0.0.8/report.pdf                                          | 10.0.0.8",
      // no host: no value
      "https://                                                            | -",
      "localhost                                                           | -",
      "not a url                                                           | -"})
  void registeredDomain(String url, String domain) {
    assertEquals(Optional.ofNullable(domain), SourceDomains.registeredDomain(url));
  }

  @Test
  void eachPointOfTheRealReportHasItsDomainsOrNone() throws Exception {
    Report report = ReportParser.parse(Golden.realReport());
    Dimension dim = Schema.dimension("source_domain").orElseThrow();
    assertTrue(dim.multiValued());
    int withUrls = 0;
    for (TurningPoint p : report.points()) {
      List<String> values = dim.valuesOf(p);
      boolean cites = p.evidence().stream().anyMatch(e -> !e.sources().isEmpty());
      if (cites) {
        withUrls++;
        assertTrue(!values.contains("none") && values.size() == values.stream().distinct().count(), p.id() + " " + values);
      } else {
        assertEquals(List.of("none"), values, p.id());
      }
    }
    assertTrue(withUrls > 0, "the real report cites sources");
  }
}
