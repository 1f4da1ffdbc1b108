package org.tpsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberFormsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "2021-09; 2021年9月",
      "2021-9; 2021年9月",
      "2021-13; ''",
      // Day first, as the pipeline writes; both readings where both are dates.
      "23/01/2020; 2020年1月23日",
      "01/02/2020; 2020年2月1日|2020年1月2日",
      "1/1/2020; 2020年1月1日",
      "52.6亿度; 52.6亿千瓦时|52.6余亿度|52.6亿余度|52.6多亿度|52.6亿多度|5.26 billion kWh",
      "79.35亿千瓦时; 79.35亿度|79.35余亿千瓦时|79.35亿余千瓦时|79.35多亿千瓦时|79.35亿多千瓦时|7.935 billion kWh",
      "1100千伏; 1100余千伏|1100多千伏",
      "1亿吨; 1余亿吨|1亿余吨|1多亿吨|1亿多吨|100 million tonnes|100 million tons",
      // As the English summaries write amounts: 亿 is a hundred million, 万 ten thousand.
      "300万千瓦; 300余万千瓦|300万余千瓦|300多万千瓦|300万多千瓦|3 million kW",
      "48元/吨; 48 yuan per tonne|48 yuan/t|48 yuan per ton",
      "5万吨; 5余万吨|5万余吨|5多万吨|5万多吨|50,000 tonnes|50,000 tons",
      "0.453元/度; 0.453元/千瓦时|0.453 yuan/kWh|0.453 yuan per kWh",
      // A round number as the text says it roughly (5000余户 居民).
      "5000户; 5000余户|5000多户",
      "5000吨; 5000余吨|5000多吨|5,000 tonnes|5,000 tons",
      // As the reports write numbers: no thousands commas, no trailing zeros.
      "1.50亿吨; 1.50余亿吨|1.50亿余吨|1.50多亿吨|1.50亿多吨|150 million tonnes|150 million tons|1.5亿吨",
      "4,000万吨; 4000万吨",
      "5000余户; ''",
      // A whole date: the index reads it itself; the day without its year is another form.
      "2022-12-07; 12月7日",
      "2020年; ''",
      "年度; ''",
      "度; ''",
      "a/b/2020; ''",
  })
  void otherForms(String typed, String forms) {
    assertEquals(forms.isEmpty() ? List.of() : Arrays.asList(forms.split("\\|")), NumberForms.of(typed), typed);
  }
}
