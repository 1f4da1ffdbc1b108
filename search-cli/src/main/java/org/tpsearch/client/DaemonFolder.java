package org.tpsearch.client;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The folder of the search daemon's sockets: {@code $XDG_RUNTIME_DIR/tpsearch}, else
 * {@code /tmp/tpsearch-UID}; one per user, mode 0700. A folder that another user owns, that is
 * a link, or that others may write into is refused: whoever can put a socket there could answer
 * (or read) our searches. The launcher script names the same folder (keep them in step).
 */
public final class DaemonFolder {
  private DaemonFolder() {}

  /** A socket folder that cannot be trusted, and why. */
  public static final class UnsafeFolderException extends IOException {
    public UnsafeFolderException(String message) {
      super(message);
    }
  }

  /** The folder for this user and environment (not yet checked). */
  public static Path of(Map<String, String> env) {
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && runtime.startsWith("/")) {
      return Path.of(runtime, "tpsearch");
    }
    // String.concat, not +: the client avoids invokedynamic, whose bootstrap costs a cold JVM milliseconds.
    return Path.of(System.getProperty("java.io.tmpdir", "/tmp"), "tpsearch-".concat(uid()));
  }

  /** The socket of the daemon of build {@code build} in {@code folder}. */
  public static Path socket(Path folder, String build) {
    return folder.resolve(build.concat(".sock"));
  }

  /** Makes the folder (mode 0700) when missing, then checks it; returns it. */
  public static Path ensure(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException raced) {
        // Another tpsearch made it at the same moment: check it like any other.
      }
    }
    check(folder);
    return folder;
  }

  /**
   * Throws unless {@code folder} is a real folder (not a link) owned by this user that no one
   * else may write into.
   */
  public static void check(Path folder) throws IOException {
    PosixFileAttributes a = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isDirectory()) {
      throw new UnsafeFolderException(folder + " is not a folder (a link or a file); not using it for the daemon's socket");
    }
    // The owner's name against this process's (user.name is the JVM's getpwuid(getuid())): no
    // "unix:" attribute view, which costs the thin client's cold JVM a few milliseconds more.
    String owner = a.owner().getName();
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new UnsafeFolderException(folder + " belongs to another user (" + owner + "); not using it for the daemon's socket");
    }
    Set<PosixFilePermission> p = a.permissions();
    if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new UnsafeFolderException(folder + " is writable by others (mode " + PosixFilePermissions.toString(p)
          + "); not using it for the daemon's socket (chmod 700 it)");
    }
  }

  private static String uid;

  /** This process's user id, as the kernel reports who owns /proc/self (no native code). */
  static synchronized String uid() {
    if (uid == null) {
      try {
        uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        uid = System.getProperty("user.name", "unknown");
      }
    }
    return uid;
  }
}
