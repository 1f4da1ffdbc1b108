package org.tpsearch.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong or unusual in an input file, with the place it was found.
 *
 * @param file the file
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param code a short stable name, such as {@code bad-confidence}
 * @param message what is wrong, for people
 */
public record Problem(Path file, int line, String code, String message) {
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message + " [" + code + "]";
  }
}
