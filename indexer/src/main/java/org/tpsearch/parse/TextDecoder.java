package org.tpsearch.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes report bytes the way they really arrive: UTF-8 (the pipeline's own), with or without a
 * BOM, UTF-16 or UTF-32 with a BOM, or GB18030/GBK after passing through other tools; CRLF or LF;
 * cut off at any byte. Nothing is mis-decoded in silence: every fallback is reported in the notes,
 * each with its line. A file with a NUL byte in its first block and no UTF-16/32 BOM is binary, as
 * ripgrep decides it, and is not decoded at all.
 */
public final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");
  /** How far to look for a NUL byte: ripgrep's first buffer. */
  static final int BINARY_BLOCK = 64 * 1024;

  private TextDecoder() {}

  /** Decodes {@code bytes}; never throws for bad input, reports instead. */
  public static DecodedText decode(byte[] bytes) {
    List<String> notes = new ArrayList<>();
    int offset = 0;
    Charset charset = null;
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      // Before UTF-16LE, whose BOM is this one's first half: read as UTF-16 it lost every point.
      offset = 4;
      charset = Charset.forName("UTF-32LE");
      notes.add("file is UTF-32LE (byte order mark)");
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      offset = 4;
      charset = Charset.forName("UTF-32BE");
      notes.add("file is UTF-32BE (byte order mark)");
    } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      offset = 3;
      charset = StandardCharsets.UTF_8;
      notes.add("file starts with a UTF-8 byte order mark");
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      offset = 2;
      charset = StandardCharsets.UTF_16LE;
      notes.add("file is UTF-16LE (byte order mark)");
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      offset = 2;
      charset = StandardCharsets.UTF_16BE;
      notes.add("file is UTF-16BE (byte order mark)");
    }
    if (charset == null || charset == StandardCharsets.UTF_8) {
      long nul = firstNul(bytes);
      if (nul >= 0) {
        return new DecodedText("", "binary", List.of(), true, nul);
      }
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    String text;
    if (charset != null) {
      String strict = strictAllowingCutEnd(in.duplicate(), charset, notes);
      text = strict != null ? strict : decodeTolerant(in, charset, notes);
    } else {
      String utf8 = strictAllowingCutEnd(in.duplicate(), StandardCharsets.UTF_8, notes);
      if (utf8 != null) {
        charset = StandardCharsets.UTF_8;
        text = utf8;
      } else {
        List<String> gbNotes = new ArrayList<>();
        String gb = strictAllowingCutEnd(in.duplicate(), GB18030, gbNotes);
        if (gb != null && looksChinese(gb)) {
          charset = GB18030;
          text = gb;
          notes.add("file is not UTF-8; decoded as GB18030 (GBK-compatible)");
          notes.addAll(gbNotes);
        } else {
          charset = StandardCharsets.UTF_8;
          text = decodeTolerant(in.duplicate(), StandardCharsets.UTF_8, notes);
          notes.add("file is neither valid UTF-8 nor GB18030; bad bytes replaced with U+FFFD");
        }
      }
    }
    int firstCr = text.indexOf('\r');
    int crLine = firstCr < 0 ? 1 : lineAt(text, firstCr);
    if (firstCr >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
      notes.add("line ends are CRLF");
    }
    boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
    List<DecodedText.Note> placed = new ArrayList<>();
    for (String note : notes) {
      placed.add(new DecodedText.Note(lineOf(note, text, crLine), note));
    }
    return new DecodedText(text, charset.name(), placed, endsWithNewline, -1);
  }

  /** The line a note concerns: the cut at the end, the first bad byte, the first CR, or line 1. */
  private static int lineOf(String note, String text, int crLine) {
    if (note.startsWith("file ends inside a character")) {
      return lineAt(text, text.length());
    }
    if (note.contains("U+FFFD")) {
      int bad = text.indexOf('\uFFFD');
      return bad < 0 ? 1 : lineAt(text, bad);
    }
    return note.equals("line ends are CRLF") ? crLine : 1;
  }

  /** The 1-based line of the character at {@code offset} (the last line for the text's end). */
  private static int lineAt(String text, int offset) {
    int line = 1;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    // A text that ends with its line end has no line after it.
    return offset >= text.length() && line > 1 && text.endsWith("\n") ? line - 1 : line;
  }

  private static long firstNul(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, BINARY_BLOCK); i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decodes strictly, except that an incomplete character at the very end (a file cut off inside
   * a multi-byte character) is dropped and noted. Returns null when the bytes are not valid.
   */
  private static String strictAllowingCutEnd(ByteBuffer in, Charset cs, List<String> notes) {
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, false);
    if (result.isError()) {
      return null;
    }
    // Underflow with bytes left: an incomplete sequence that the end of the file cut.
    int left = in.remaining();
    CoderResult end = decoder.decode(in, out, true);
    if (end.isError()) {
      if (left > 0 && left < 4 && in.remaining() == left) {
        notes.add("file ends inside a character (" + left + " byte(s) dropped): it was cut off");
      } else {
        return null;
      }
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static String decodeTolerant(ByteBuffer in, Charset cs, List<String> notes) {
    try {
      return cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in.duplicate())
          .toString();
    } catch (CharacterCodingException e) {
      notes.add("invalid " + cs.name() + " bytes replaced with U+FFFD");
      // Charset.decode replaces malformed input with U+FFFD.
      return cs.decode(in.duplicate()).toString();
    }
  }

  /**
   * GB18030 decodes almost any byte sequence, so a successful decode is not proof: accept it only
   * when the text has Han characters and no rare code points that mis-decoding typically produces.
   */
  private static boolean looksChinese(String s) {
    long han = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    long odd =
        s.codePoints()
            .filter(c -> (c >= 0xE000 && c <= 0xF8FF) || c > 0xFFFF || (c >= 0x80 && c < 0xA0))
            .count();
    return han > 0 && odd * 20 <= han;
  }
}
