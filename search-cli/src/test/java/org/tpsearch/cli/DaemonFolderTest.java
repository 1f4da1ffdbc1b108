package org.tpsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tpsearch.client.DaemonFolder;

/** The daemon's socket folder: made private, and refused when it is not ours alone. */
class DaemonFolderTest {
  @TempDir
  Path run;

  @Test
  void theFolderIsUnderXdgRuntimeDirElseInTmpPerUser() {
    assertEquals(Path.of("/run/user/1000/tpsearch"), DaemonFolder.of(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")));
    // A relative or empty XDG_RUNTIME_DIR is ignored (the spec wants it absolute).
    Path tmp = DaemonFolder.of(Map.of("XDG_RUNTIME_DIR", "relative"));
    assertTrue(tmp.getFileName().toString().startsWith("tpsearch-"), tmp::toString);
    assertEquals(tmp, DaemonFolder.of(Map.of()));
  }

  @Test
  void aNewFolderIsMadePrivate() throws Exception {
    // Whatever the umask, the folder is rwx------.
    Path f = DaemonFolder.ensure(run.resolve("tpsearch"));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS)));
    DaemonFolder.check(f);
  }

  @Test
  void aFolderOthersMayWriteIntoIsRefused() throws Exception {
    for (String mode : new String[] {"rwxrwx---", "rwx---rwx", "rwxrwxrwx"}) {
      Path f = Files.createDirectories(run.resolve(mode));
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
      DaemonFolder.UnsafeFolderException e = assertThrows(DaemonFolder.UnsafeFolderException.class, () -> DaemonFolder.ensure(f));
      assertTrue(e.getMessage().contains("writable by others"), e::getMessage);
    }
    // Readable by others but not writable: the socket itself is 0600.
    Path readable = Files.createDirectories(run.resolve("readable"));
    Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxr-xr-x"));
    DaemonFolder.check(readable);
  }

  @Test
  void aLinkOrAFileIsRefused() throws Exception {
    Path real = DaemonFolder.ensure(run.resolve("real"));
    Path link = Files.createSymbolicLink(run.resolve("link"), real);
    assertThrows(DaemonFolder.UnsafeFolderException.class, () -> DaemonFolder.check(link));
    Path file = Files.writeString(run.resolve("file"), "x");
    assertThrows(DaemonFolder.UnsafeFolderException.class, () -> DaemonFolder.check(file));
  }

  @Test
  void aFolderOfAnotherUserIsRefused() throws Exception {
    Path f = DaemonFolder.ensure(run.resolve("theirs"));
    // Only root can give a folder away; elsewhere this case cannot be made.
    assumeTrue("0".equals(String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))), "needs root to chown");
    Files.setAttribute(f, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
    DaemonFolder.UnsafeFolderException e = assertThrows(DaemonFolder.UnsafeFolderException.class, () -> DaemonFolder.check(f));
    assertTrue(e.getMessage().contains("belongs to another user ("), e::getMessage);
  }
}
