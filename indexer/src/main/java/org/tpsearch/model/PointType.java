package org.tpsearch.model;

import java.util.Locale;
import java.util.Optional;

/** The detector's class for a turning point. */
public enum PointType {
  POLICY("Policy"),
  EVENT("Event"),
  SEASONAL("Seasonal"),
  TREND("Trend"),
  UNKNOWN("Unknown");

  private final String display;

  PointType(String display) {
    this.display = display;
  }

  /** The name as the pipeline writes it: {@code Policy}. */
  public String display() {
    return display;
  }

  /** The type a name means, in any case. */
  public static Optional<PointType> lookup(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    for (PointType t : values()) {
      if (t.name().equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
