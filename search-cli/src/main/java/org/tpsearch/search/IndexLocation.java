package org.tpsearch.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tpsearch.index.IndexException;

/**
 * Which index answers: {@code --index}, else {@code $TPSEARCH_INDEX}, else the user's default
 * index (made by {@code tpsearch index} without {@code --index}, under the XDG data directory),
 * else the embedded sample index.
 */
public final class IndexLocation {
  public static final String ENV = "TPSEARCH_INDEX";

  private IndexLocation() {}

  /** The user's default index folder: {@code $XDG_DATA_HOME/tpsearch/index} or {@code ~/.local/share/...}. */
  public static Path defaultIndex(Map<String, String> env) {
    String xdg = env.get("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share");
    return base.resolve("tpsearch").resolve("index");
  }

  /** Opens the index that answers, by the rule above. */
  public static IndexHandle open(Path flag, Map<String, String> env) throws IndexException {
    return open(flag, env, IndexHandle.Access.LONG_RUNNING);
  }

  /** Opens the index that answers, by the rule above, read as {@code access} says. */
  public static IndexHandle open(Path flag, Map<String, String> env, IndexHandle.Access access) throws IndexException {
    return open(flag, env, IndexOpener.direct(access));
  }

  /** Opens the index that answers, by the rule above, through {@code opener}. */
  public static IndexHandle open(Path flag, Map<String, String> env, IndexOpener opener) throws IndexException {
    if (flag != null) {
      return opener.folder(flag, "index at " + flag);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = Path.of(fromEnv);
      return opener.folder(p, "index at " + p + " ($" + ENV + ")");
    }
    Path def = defaultIndex(env);
    Path seen = opener.resolve(def);
    if (Files.isDirectory(seen) && hasCommit(seen)) {
      return opener.folder(def, "your default index at " + def);
    }
    return opener.embedded();
  }

  private static boolean hasCommit(Path dir) {
    try (var files = Files.list(dir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
