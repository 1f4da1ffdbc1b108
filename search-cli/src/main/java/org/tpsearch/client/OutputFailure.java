package org.tpsearch.client;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why a write failed. A {@link PrintStream} swallows write errors,
 * so {@code tpsearch search --format json > out.json} on a full disk left a cut file and exit 0.
 * A reader that quits early ({@code | head}) is not a failure: the rest is not wanted, and the exit
 * code stays the command's. Any other failure (a full disk, an I/O error) is said on stderr, exit 3;
 * in-process, through the Java client and through the native one alike.
 */
public final class OutputFailure {
  private OutputFailure() {}

  /** The exit code of an output that could not be written (ExitCodes.INPUT). */
  public static final int EXIT = 3;

  private static volatile IOException failure;

  /** System.out as the JVM made it, but remembering the first failed write. */
  public static PrintStream install() {
    Charset cs = System.out.charset();
    PrintStream out = new PrintStream(new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          record(e);
          throw e;
        }
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    }, false, cs);
    System.setOut(out);
    return out;
  }

  /** Records a failed write of the output (the first one counts). */
  public static void record(IOException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** The message for a failed write, null when none failed or the reader only quit early. */
  public static String message() {
    return message(failure);
  }

  /** "tpsearch: cannot write the output: REASON", or null for no failure or a closed pipe. */
  public static String message(IOException e) {
    if (e == null || brokenPipe(e)) {
      return null;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "tpsearch: cannot write the output: " + reason;
  }

  /** Whether {@code e} is EPIPE: the reader of a pipe quit. The JDK gives strerror's text. */
  static boolean brokenPipe(IOException e) {
    return "Broken pipe".equals(e.getMessage());
  }

  /** Writes {@code bytes} to {@code out} and flushes; on a failure other than a closed pipe, its message. */
  public static String writeAll(OutputStream out, byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return null;
    } catch (IOException e) {
      return message(e);
    }
  }
}
