package org.tpsearch.model;

import java.util.Locale;

/** Whether the pipeline found evidence for a turning point. */
public enum EvidenceStatus {
  /** The answer cites at least one policy or event. */
  FOUND,
  /** The answer says no policy or event was found (未找到相关政策或事件). */
  NONE,
  /** Retrieval failed (API调用失败, 查询失败) or the answer is empty: not the same as none found. */
  FAILED;

  /** The lower-case name used in the index, the CLI and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code found}; throws with the bad value otherwise. */
  public static EvidenceStatus fromLabel(String label) {
    for (EvidenceStatus s : values()) {
      if (s.label().equalsIgnoreCase(label.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown evidence status '" + label + "' (expected found, none or failed)");
  }
}
