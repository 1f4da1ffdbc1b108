package org.tpsearch.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tpsearch.model.Problem;
import org.tpsearch.model.Report;
import org.tpsearch.model.TurningPoint;
import org.tpsearch.testing.Golden;

/**
 * The real report as other tools hand it on: re-encoded with iconv (fixtures/encodings, byte for
 * byte), with a BOM, with CRLF line ends. Each must decode to exactly the UTF-8 original and parse
 * to the same points, and each fallback must be said in a warning.
 */
class EncodingTest {
  private static final Path ENCODINGS = AnswerLayoutTest.FIXTURES.resolve("encodings");
  private static final Path REAL = Golden.realReport();
  private static byte[] realBytes;
  private static String realText;
  private static Report real;

  @BeforeAll
  static void readRealReport() throws Exception {
    realBytes = Files.readAllBytes(REAL);
    realText = new String(realBytes, StandardCharsets.UTF_8);
    real = ReportParser.parse(REAL, realBytes);
  }

  /** The points as parsed, without the file they came from. */
  private static List<String> points(Report r) {
    return r.points().stream().map(EncodingTest::withoutFile).toList();
  }

  private static String withoutFile(TurningPoint p) {
    return String.join("\u0000", p.id(), p.dateAsWritten(), p.type(), Double.toString(p.confidence()),
        p.status().label(), p.evidence().toString(), p.prose(), p.answer(), Integer.toString(p.line()),
        p.flags().toString());
  }

  private static List<String> encodingNotes(Report r) {
    return r.problems().stream().filter(p -> p.code().equals("encoding")).map(Problem::message).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // iconv -f UTF-8 -t GBK
    "gbk,       GB18030,  'file is not UTF-8; decoded as GB18030 (GBK-compatible)'",
    // iconv -f UTF-8 -t GB18030
    "gb18030,   GB18030,  'file is not UTF-8; decoded as GB18030 (GBK-compatible)'",
    // iconv -f UTF-8 -t UTF-16: glibc writes a little-endian BOM
    "utf-16le,  UTF-16LE, 'file is UTF-16LE (byte order mark)'",
    // FE FF, then iconv -f UTF-8 -t UTF-16BE
    "utf-16be,  UTF-16BE, 'file is UTF-16BE (byte order mark)'",
  })
  void reEncodedRealReportReadsAsTheOriginal(String folder, String charset, String note) throws Exception {
    Path file = ENCODINGS.resolve(folder).resolve("Xinjiang_Industry_combined_info.txt");
    byte[] bytes = Files.readAllBytes(file);
    assertFalse(Arrays.equals(realBytes, bytes), "the fixture is re-encoded");

    DecodedText decoded = TextDecoder.decode(bytes);
    assertEquals(realText, decoded.text());
    assertEquals(charset, decoded.charset());
    assertFalse(decoded.endsWithNewline(), "cut like the original");

    Report r = ReportParser.parse(file);
    assertEquals(charset, r.encoding());
    assertEquals(points(real), points(r));
    assertEquals(List.of(note), encodingNotes(r));
    // The original's own warning, the cut, is still there on its line.
    assertTrue(r.problems().stream().anyMatch(p -> p.code().equals("truncated") && p.line() == 117), r.problems().toString());
  }

  @Test
  void theRealReportIsWithinGbkSoBothEncodingsGiveTheSameBytes() throws Exception {
    // Why a second GB18030 fixture exists: this text has nothing outside GBK.
    assertArrayEquals(Files.readAllBytes(ENCODINGS.resolve("gbk/Xinjiang_Industry_combined_info.txt")),
        Files.readAllBytes(ENCODINGS.resolve("gb18030/Xinjiang_Industry_combined_info.txt")));
  }

  @Test
  void gb18030FourByteCharactersAreRead() throws Exception {
    // CO₂: U+2082 is not in GBK (iconv -t GBK refuses it); GB18030 writes it in four bytes.
    Path file = ENCODINGS.resolve("gb18030-four-byte/Ningxia_Power_combined_info.txt");
    byte[] bytes = Files.readAllBytes(file);
    byte[] co2 = {'C', 'O', (byte) 0x81, 0x36, (byte) 0xAF, 0x30};
    assertTrue(indexOf(bytes, co2) >= 0, "the fixture holds CO₂ as GB18030 four-byte");

    Report r = ReportParser.parse(file);
    assertEquals("GB18030", r.encoding());
    assertEquals(List.of("file is not UTF-8; decoded as GB18030 (GBK-compatible)"), encodingNotes(r));
    TurningPoint p = r.points().get(0);
    assertEquals("ningxia/power/2021-07-16/policy", p.id());
    assertEquals("第一个履约周期纳入发电行业重点排放单位2162家，覆盖CO₂排放量约45亿吨。",
        p.evidence().get(0).fields().get(3).value());
    assertEquals("https://www.mee.gov.cn/", p.evidence().get(0).sources().get(0).url());
  }

  @Test
  void utf8ByteOrderMarkIsDroppedAndSaid() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, realBytes);
    DecodedText decoded = TextDecoder.decode(bytes);
    assertEquals(realText, decoded.text());

    Report r = ReportParser.parse(REAL, bytes);
    assertEquals("UTF-8", r.encoding());
    // The title on line 1 is still read through the BOM.
    assertEquals("Xinjiang", r.region().name());
    assertEquals(points(real), points(r));
    assertEquals(List.of("file starts with a UTF-8 byte order mark"), encodingNotes(r));
  }

  @Test
  void crlfLineEndsGiveTheSameTextAndLines() {
    byte[] bytes = realText.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    assertEquals(realText, TextDecoder.decode(bytes).text());

    Report r = ReportParser.parse(REAL, bytes);
    assertEquals(points(real), points(r));
    assertEquals(List.of("line ends are CRLF"), encodingNotes(r));
  }

  @Test
  void gbkWithCrlfAndTheSampleWithBomAndCrlf() throws Exception {
    // GBK never uses 0x0A as a trail byte, so line ends can be rewritten on the bytes.
    byte[] gbk = Files.readAllBytes(ENCODINGS.resolve("gbk/Xinjiang_Industry_combined_info.txt"));
    ByteArrayOutputStream crlf = new ByteArrayOutputStream();
    for (byte b : gbk) {
      if (b == '\n') {
        crlf.write('\r');
      }
      crlf.write(b);
    }
    Report r = ReportParser.parse(REAL, crlf.toByteArray());
    assertEquals(points(real), points(r));
    assertEquals(List.of("file is not UTF-8; decoded as GB18030 (GBK-compatible)", "line ends are CRLF"), encodingNotes(r));

    // The sample written with a BOM and CRLF: both said, lines counted as in an editor.
    Report zhejiang = ReportParser.parse(Golden.sampleReports().resolve("Zhejiang_Ground Transport_combined_info.txt"));
    assertEquals(List.of("file starts with a UTF-8 byte order mark", "line ends are CRLF"), encodingNotes(zhejiang));
    assertEquals("Zhejiang", zhejiang.region().name());
    assertEquals(List.of(8, 19, 35, 46, 52, 63), zhejiang.points().stream().map(TurningPoint::line).toList());
    for (TurningPoint p : zhejiang.points()) {
      assertFalse(p.answer().contains("\r"), p.id());
    }
  }

  @Test
  void utf16CutInsideACharacterIsReadAndSaid() throws Exception {
    byte[] bytes = Files.readAllBytes(ENCODINGS.resolve("utf-16le/Xinjiang_Industry_combined_info.txt"));
    // Keep one byte of the last code unit.
    DecodedText decoded = TextDecoder.decode(Arrays.copyOf(bytes, bytes.length - 1));
    assertEquals(realText.substring(0, realText.length() - 1), decoded.text());
    assertEquals("UTF-16LE", decoded.charset());
    assertTrue(decoded.messages().contains("file ends inside a character (1 byte(s) dropped): it was cut off"), decoded.messages().toString());
  }

  @Test
  void bytesNeitherUtf8NorGb18030AreReplacedAndSaid() {
    // 0x80 starts no character in UTF-8 nor in GB18030.
    byte[] utf8 = "## 转折点: 2020-01-01 (Event) - 置信度: 0.56\n\n未找到任何相关政策或事件。".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = concat(utf8, new byte[] {(byte) 0x80, (byte) 0x80, '\n'});
    DecodedText decoded = TextDecoder.decode(bytes);
    assertEquals("UTF-8", decoded.charset());
    assertTrue(decoded.text().endsWith("未找到任何相关政策或事件。\uFFFD\uFFFD\n"), decoded.text());
    assertTrue(decoded.messages().contains("file is neither valid UTF-8 nor GB18030; bad bytes replaced with U+FFFD"),
        decoded.messages().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "UTF-32LE, FF FE 00 00",
    "UTF-32BE, 00 00 FE FF",
  })
  void utf32WithAByteOrderMarkReadsAsTheOriginal(String charset, String bom) {
    // UTF-32LE's BOM starts like UTF-16LE's: it was read as UTF-16 and every point was lost.
    byte[] mark = new byte[4];
    String[] hex = bom.split(" ");
    for (int i = 0; i < 4; i++) {
      mark[i] = (byte) Integer.parseInt(hex[i], 16);
    }
    byte[] bytes = concat(mark, realText.getBytes(java.nio.charset.Charset.forName(charset)));

    Report r = ReportParser.parse(REAL, bytes);
    assertEquals(charset, r.encoding());
    assertEquals(points(real), points(r));
    assertEquals(List.of("file is " + charset + " (byte order mark)"), encodingNotes(r));
  }

  @Test
  void aBinaryFileNamedLikeAReportIsSkippedWithAWarning() {
    // As ripgrep decides: a NUL byte in the first block. Read as text it made a point of junk.
    byte[] bytes = realBytes.clone();
    bytes[200] = 0;

    Report r = ReportParser.parse(REAL, bytes);
    assertEquals(List.of(), r.points());
    assertEquals(List.of("binary"), r.problems().stream().map(Problem::code).toList());
    assertEquals(1, r.problems().get(0).line());
    assertTrue(r.problems().get(0).message().contains("offset 200"), r.problems().toString());
  }

  @Test
  void encodingWarningsCarryALine() {
    // The first bad byte's line (3), the cut character's line (the last), the first CRLF's line (3).
    byte[] utf8 = "## 转折点: 2020-01-01 (Event) - 置信度: 0.56\n\n未找到任何相关政策或事件。".getBytes(StandardCharsets.UTF_8);
    Report bad = ReportParser.parse(REAL, concat(utf8, new byte[] {(byte) 0x80, '\n'}));
    // Two notes: the bytes replaced, and that neither UTF-8 nor GB18030 fits.
    assertEquals(List.of(3, 3), lines(bad, "encoding"));

    int lead = realBytes.length - 1;
    while ((realBytes[lead] & 0xC0) != 0xC0) {
      lead--;
    }
    // One byte of the last multi-byte character kept: on the last line, 117.
    Report cut = ReportParser.parse(REAL, Arrays.copyOf(realBytes, lead + 1));
    List<Problem> cutNotes = cut.problems().stream().filter(p -> p.code().equals("encoding")).toList();
    assertEquals(List.of(117), cutNotes.stream().map(Problem::line).toList(), cutNotes.toString());

    String mixed = realText.replaceFirst("\n共包含", "\r\n共包含");
    assertEquals(List.of(3), lines(ReportParser.parse(REAL, mixed.getBytes(StandardCharsets.UTF_8)), "encoding"));
    byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, realBytes);
    assertEquals(List.of(1), lines(ReportParser.parse(REAL, bom), "encoding"));
  }

  private static List<Integer> lines(Report r, String code) {
    return r.problems().stream().filter(p -> p.code().equals(code)).map(Problem::line).toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
