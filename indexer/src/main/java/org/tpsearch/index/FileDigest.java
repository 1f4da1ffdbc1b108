package org.tpsearch.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * What an incremental run compares to tell an unchanged report file: a digest of its bytes, not
 * its modification time, which a user or a tool can put back ({@code touch -r}, {@code cp -p},
 * {@code rsync -t}, an editor that restores it) after an edit of the same size. Two CRCs of
 * different polynomials (CRC-32C and CRC-32, both done by the CPU's own instructions): 64 bits,
 * and any change of up to 32 consecutive bits is always seen. Reading and digesting every file of
 * the 3,000-report benchmark corpus (31 MB) costs about 60 ms of CPU in a new JVM (RELIABILITY.md).
 */
final class FileDigest {
  private FileDigest() {}

  /** One read buffer per thread: a run digests thousands of files, and a new buffer each was most of its garbage. */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 16]);

  /** The digest of {@code file}'s bytes as 16 hex digits. */
  static String of(Path file) throws IOException {
    CRC32C c = new CRC32C();
    CRC32 d = new CRC32();
    byte[] buf = BUFFER.get();
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        c.update(buf, 0, n);
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().toHexDigits((c.getValue() << 32) | d.getValue());
  }

  /** The digest, or "" when the file cannot be read now (it is then read as a changed file, which warns). */
  static String orEmpty(Path file) {
    try {
      return of(file);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
