package org.tpsearch.model;

import java.util.Objects;

/**
 * One labelled line of an evidence item, such as {@code **发生时间**：2022年6月}.
 *
 * @param label the label as written
 * @param key the canonical key the label maps to ({@code title}, {@code time}, {@code place},
 *     {@code agency}, {@code source}, ...), or the label itself when the label is not known
 * @param value the value as written
 * @param line the 1-based line in the report
 */
public record Field(String label, String key, String value, int line) {
  public Field {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
  }
}
