package org.tpsearch.parse;

import java.util.Objects;

/**
 * A file's text after decoding, with what the decoder had to do to read it.
 *
 * @param text the text, line ends normalized to {@code \n}, without BOM
 * @param charset the charset that decoded it ({@code UTF-8}, {@code GB18030}, ...)
 * @param notes what was unusual (a BOM, CRLF, a fallback, a cut character), for warnings
 * @param endsWithNewline whether the file's last line was complete
 */
public record DecodedText(
    String text, String charset, java.util.List<String> notes, boolean endsWithNewline) {
  public DecodedText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(charset, "charset");
    notes = java.util.List.copyOf(notes);
  }
}
