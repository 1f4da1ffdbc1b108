package org.tpsearch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code tpsearch --version} prints: this build's version and commit, and what it runs on. */
public final class VersionInfo implements IVersionProvider {
  /** The version the build wrote (the pom's), or "unknown" when run from classes no build filtered. */
  public static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return "unknown";
    }
    String v = p.getProperty("version", "unknown");
    return v.startsWith("${") ? "unknown" : v;
  }

  /**
   * The git commit the build was made from ({@code git describe} output written by the build), or
   * "unknown" when it was built outside a git checkout (from a source tarball).
   */
  public static String commit() {
    try (InputStream in = VersionInfo.class.getResourceAsStream("git-commit.txt")) {
      if (in == null) {
        return "unknown";
      }
      String s = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
      // The file holds git's error message when the build ran outside a checkout.
      return s.matches("[0-9a-f]{7,40}(-dirty)?") ? s : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return lines().toArray(new String[0]);
  }

  /**
   * The lines of {@code --version}. Made once per JVM: picocli asks for them whenever it builds a
   * command line (a subcommand inherits the version), which the search daemon does for every
   * command it answers; reading the two resources again cost it about 5% of a search.
   */
  static List<String> lines() {
    return Lines.VALUE;
  }

  private static final class Lines {
    static final List<String> VALUE = read();
  }

  private static List<String> read() {
    Runtime.Version jdk = Runtime.version();
    return List.of(
        "tpsearch " + version(),
        "commit:       " + commit(),
        "lucene:       " + org.apache.lucene.util.Version.LATEST,
        "jdk:          " + jdk + " (" + System.getProperty("java.vendor", "unknown vendor") + ", "
            + System.getProperty("os.name", "").toLowerCase(Locale.ROOT) + " " + System.getProperty("os.arch", "") + ")",
        "index schema: " + org.tpsearch.index.Schema.VERSION);
  }
}
