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
 * BOM, UTF-16 with a BOM, or GB18030/GBK after passing through other tools; CRLF or LF; cut off at
 * any byte. Nothing is mis-decoded in silence: every fallback is reported in the notes.
 */
public final class TextDecoder {
  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  /** Decodes {@code bytes}; never throws for bad input, reports instead. */
  public static DecodedText decode(byte[] bytes) {
    List<String> notes = new ArrayList<>();
    int offset = 0;
    Charset charset = null;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
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
    boolean crlf = text.indexOf('\r') >= 0;
    if (crlf) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
      notes.add("line ends are CRLF");
    }
    boolean endsWithNewline = text.isEmpty() || text.endsWith("\n");
    return new DecodedText(text, charset.name(), notes, endsWithNewline);
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
