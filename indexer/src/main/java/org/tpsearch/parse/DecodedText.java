package org.tpsearch.parse;

import java.util.List;
import java.util.Objects;

/**
 * A file's text after decoding, with what the decoder had to do to read it.
 *
 * @param text the text, line ends normalized to {@code \n}, without BOM (empty for a binary file)
 * @param charset the charset that decoded it ({@code UTF-8}, {@code GB18030}, ...)
 * @param notes what was unusual (a BOM, CRLF, a fallback, a cut character), for warnings, each with
 *     the line it concerns
 * @param endsWithNewline whether the file's last line was complete
 * @param binaryAt the offset of the NUL byte that shows the file is binary, or -1 when it is text
 */
public record DecodedText(
    String text, String charset, List<Note> notes, boolean endsWithNewline, long binaryAt) {
  /** Something the decoder noticed, and the 1-based line it concerns (1 for the file as a whole). */
  public record Note(int line, String message) {
    public Note {
      Objects.requireNonNull(message, "message");
      line = Math.max(1, line);
    }
  }

  public DecodedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    notes = List.copyOf(notes);
  }

  /** The notes' messages alone. */
  public List<String> messages() {
    return notes.stream().map(Note::message).toList();
  }

  /** Whether the bytes are binary (a NUL byte near the start), not a report. */
  public boolean binary() {
    return binaryAt >= 0;
  }
}
