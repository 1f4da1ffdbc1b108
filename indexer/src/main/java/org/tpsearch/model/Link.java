package org.tpsearch.model;

import java.util.Objects;

/** A source cited by an evidence item: a Markdown link, or a bare URL with an empty title. */
public record Link(String title, String url) {
  public Link {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    if (url.isBlank()) {
      throw new IllegalArgumentException("empty URL in link '" + title + "'");
    }
  }
}
