package org.tpsearch.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tpsearch.analysis.Glossary;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The user's settings and where each comes from: the environment, else
 * {@code $XDG_CONFIG_HOME/tpsearch/config.toml} (or {@code ~/.config/...}), else the default.
 * An option on the command line wins over all three; commands apply that last layer (picocli's
 * default-value provider for {@code --limit} and {@code --format}, the option itself elsewhere).
 */
public final class Settings {
  /** One setting: its name in config.toml, the environment variable that overrides it, its default. */
  public enum Key {
    INDEX("index", "TPSEARCH_INDEX", null, "the index that answers (a folder made by 'tpsearch index')"),
    ENGINE("engine", "TPSEARCH_ENGINE", null, "an OpenSearch index that answers instead (http://host:9200/index-name, made by 'tpsearch index --to')"),
    LIMIT("limit", "TPSEARCH_LIMIT", "10", "hits to show (search --limit)"),
    FORMAT("format", "TPSEARCH_FORMAT", "text", "output: any --format (text, json, jsonl, csv, bibtex...); a command "
        + "that cannot write it keeps its own default"),
    COLOR("color", "TPSEARCH_COLOR", "auto", "auto, always or never (--color); NO_COLOR turns colour off"),
    PAGER("pager", "TPSEARCH_PAGER", "less -FRX", "the pager for output longer than the screen; \"\" for none (--no-pager)"),
    DAEMON_IDLE("daemon-idle", "TPSEARCH_DAEMON_IDLE", "15m", "how long the search daemon waits idle before it exits"),
    ENGINE_USER("engine-user", org.tpsearch.opensearch.Cluster.ENV_USER, null, "the user tpsearch logs in to the engine as (basic authentication)"),
    ENGINE_PASSWORD("engine-password", org.tpsearch.opensearch.Cluster.ENV_PASSWORD, null, "that user's password (keep config.toml private: chmod 600)", true),
    ENGINE_API_KEY("engine-api-key", org.tpsearch.opensearch.Cluster.ENV_API_KEY, null, "an API key for the engine, instead of a user and password", true),
    ENGINE_CA("engine-ca", org.tpsearch.opensearch.Cluster.ENV_CA, null, "a CA certificate file (PEM) to trust for an https engine, besides the JDK's trust store"),
    ENGINE_CONNECT_TIMEOUT("engine-connect-timeout", "TPSEARCH_ENGINE_CONNECT_TIMEOUT", "5s", "how long to wait for a connection to the engine"),
    ENGINE_TIMEOUT("engine-timeout", "TPSEARCH_ENGINE_TIMEOUT", "30s", "how long to wait for the engine's answer to one request");

    final String name;
    final String env;
    final String fallback;
    final String meaning;
    final boolean secret;

    Key(String name, String env, String fallback, String meaning) {
      this(name, env, fallback, meaning, false);
    }

    Key(String name, String env, String fallback, String meaning, boolean secret) {
      this.name = name;
      this.env = env;
      this.fallback = fallback;
      this.meaning = meaning;
      this.secret = secret;
    }

    /** Whether the value is a secret: never shown. */
    public boolean secret() {
      return secret;
    }

    /** The key's name in config.toml. */
    public String configName() {
      return name;
    }
  }

  /** A value in force and where it came from ("environment TPSEARCH_LIMIT", "config.toml line 3", "default"). */
  public record Value(String value, String source) {}

  private final Path configFile;
  private final Map<Key, Value> values;

  private Settings(Path configFile, Map<Key, Value> values) {
    this.configFile = configFile;
    this.values = values;
  }

  /** The folder of config.toml and glossary.tsv; null when neither XDG_CONFIG_HOME nor HOME is set. */
  static Path configDir(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tpsearch");
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home, ".config", "tpsearch");
  }

  /**
   * Reads the settings for {@code env}. The config file is parsed only when it exists.
   *
   * @throws ConfigException naming the file and line of a malformed file or value
   */
  public static Settings load(Map<String, String> env) {
    Path dir = configDir(env);
    Path file = dir == null ? null : dir.resolve("config.toml");
    Map<Key, Value> fromFile = file == null ? Map.of() : readFile(file);
    Map<Key, Value> values = new LinkedHashMap<>();
    for (Key k : Key.values()) {
      String e = env.get(k.env);
      Value v;
      if (e != null && !e.isBlank()) {
        v = new Value(e.strip(), "environment " + k.env);
      } else if (fromFile.containsKey(k)) {
        v = fromFile.get(k);
      } else {
        v = new Value(k.fallback, "default");
      }
      if (v.value() != null) {
        String problem = check(k, v.value());
        if (problem != null) {
          // A password in an engine URL is the problem, and is not printed.
          String shown = k == Key.ENGINE ? org.tpsearch.opensearch.Cluster.redacted(v.value()) : k.secret ? "***" : v.value();
          throw new ConfigException(v.source() + ": " + k.name + " = '" + shown + "': " + problem);
        }
      }
      values.put(k, v);
    }
    // NO_COLOR (https://no-color.org) wins over any colour setting.
    if (env.containsKey("NO_COLOR")) {
      values.put(Key.COLOR, new Value("never", "environment NO_COLOR"));
    }
    return new Settings(file, values);
  }

  private static Map<Key, Value> readFile(Path file) {
    TomlParseResult toml;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      toml = Toml.parse(r);
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    if (toml.hasErrors()) {
      var err = toml.errors().get(0);
      throw new ConfigException(file + ":" + (err.position() == null ? "" : err.position().line() + ":") + " "
          + err.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", ""));
    }
    Map<Key, Value> out = new LinkedHashMap<>();
    for (String key : toml.dottedKeySet()) {
      Key k = null;
      for (Key candidate : Key.values()) {
        if (candidate.name.equals(key) || candidate.name.replace('-', '_').equals(key)) {
          k = candidate;
        }
      }
      int line = toml.inputPositionOf(key) == null ? 0 : toml.inputPositionOf(key).line();
      String where = file + ":" + line;
      if (k == null) {
        throw new ConfigException(where + ": unknown setting '" + key + "' (known: " + String.join(", ", names()) + ")");
      }
      Object raw = toml.get(key);
      String value;
      if (raw instanceof String s) {
        value = s;
      } else if (raw instanceof Long || raw instanceof Boolean) {
        value = raw.toString();
      } else {
        throw new ConfigException(where + ": " + key + " must be a string or a number");
      }
      if (k == Key.PAGER && "false".equals(value)) {
        value = "";
      }
      out.put(k, new Value(value, "config " + file.getFileName() + " line " + line));
    }
    return out;
  }

  private static List<String> names() {
    return java.util.Arrays.stream(Key.values()).map(k -> k.name).toList();
  }

  /** Every format --format takes, by the name a user types: each is a valid default. */
  private static final List<String> FORMATS = java.util.Arrays.stream(FormatOption.Format.values())
      .map(FormatOption.Format::toString).toList();

  /** What is wrong with a value, or null. */
  private static String check(Key k, String value) {
    return switch (k) {
      case LIMIT -> value.matches("\\d{1,9}") ? null : "expected a whole number >= 0";
      case FORMAT -> FORMATS.contains(value.strip().toLowerCase(Locale.ROOT)) ? null
          : "expected one of " + String.join(", ", FORMATS);
      case COLOR -> List.of("auto", "always", "never").contains(value.toLowerCase(Locale.ROOT)) ? null : "expected auto, always or never";
      case DAEMON_IDLE -> value.matches("\\d{1,6}(s|m|h)") ? null : "expected a duration such as 90s, 10m or 2h";
      case ENGINE_CONNECT_TIMEOUT, ENGINE_TIMEOUT -> value.strip().matches("0*[1-9]\\d{0,5}(s|m|h)") ? null
          : "expected a duration of at least 1s, such as 5s, 30s or 2m";
      case ENGINE -> value.isBlank() || value.matches("https?://[^@\\s]+") ? null
          : "expected http(s)://host:port/index-name, with no credentials in it";
      case INDEX, PAGER, ENGINE_USER, ENGINE_PASSWORD, ENGINE_API_KEY, ENGINE_CA -> null;
    };
  }

  public Value get(Key k) {
    return values.get(k);
  }

  /** The value set by the environment or config file, or null when only the default applies. */
  String userValue(Key k) {
    Value v = values.get(k);
    return v == null || "default".equals(v.source()) ? null : v.value();
  }

  /** The index the config file names (relative to the config folder, ~ for HOME), or null. */
  Path configIndex(Map<String, String> env) {
    Value v = values.get(Key.INDEX);
    if (v == null || v.value() == null || !v.source().startsWith("config")) {
      return null;
    }
    String s = v.value();
    if (s.equals("~") || s.startsWith("~/")) {
      s = env.getOrDefault("HOME", "") + s.substring(1);
    }
    return configFile.getParent().resolve(s);
  }

  /**
   * How tpsearch reaches an engine: credentials, CA file and timeouts, each from the environment,
   * else config.toml, else the default. A CA file named in config.toml is relative to its folder.
   */
  org.tpsearch.opensearch.Cluster.Access engineAccess(Map<String, String> env) {
    Value ca = values.get(Key.ENGINE_CA);
    Path caFile = null;
    if (ca.value() != null && !ca.value().isBlank()) {
      String c = ca.value().strip();
      if (c.equals("~") || c.startsWith("~/")) {
        c = env.getOrDefault("HOME", "") + c.substring(1);
      }
      caFile = ca.source().startsWith("config") ? configFile.getParent().resolve(c) : Path.of(c);
    }
    return new org.tpsearch.opensearch.Cluster.Access(values.get(Key.ENGINE_USER).value(),
        values.get(Key.ENGINE_PASSWORD).value(), values.get(Key.ENGINE_API_KEY).value(), caFile,
        Daemon.parseDuration(values.get(Key.ENGINE_CONNECT_TIMEOUT).value()),
        Daemon.parseDuration(values.get(Key.ENGINE_TIMEOUT).value()));
  }

  /**
   * A warning when config.toml holds a secret (a password or API key) and others may read it (group
   * or world read permission), else null. ssh refuses such a key file; tpsearch says so and goes on.
   */
  String exposedSecretWarning() {
    List<String> held = new java.util.ArrayList<>();
    for (Key k : Key.values()) {
      Value v = values.get(k);
      if (k.secret && v != null && v.value() != null && !v.value().isBlank() && v.source().startsWith("config")) {
        held.add(k.name);
      }
    }
    if (held.isEmpty()) {
      return null;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(configFile);
    } catch (UnsupportedOperationException | IOException e) {
      return null; // no POSIX modes here (or the file is gone): nothing to say
    }
    if (!mode.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
        && !mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
      return null;
    }
    return configFile + " holds " + String.join(" and ", held) + " but others can read it (mode "
        + java.nio.file.attribute.PosixFilePermissions.toString(mode) + "); make it private: chmod 600 " + configFile;
  }

  /** config.toml's path (whether or not it exists), or null when there is no config folder. */
  public Path configFile() {
    return configFile;
  }

  /** glossary.tsv beside config.toml, or null. */
  public Path glossaryFile() {
    return configFile == null ? null : configFile.resolveSibling("glossary.tsv");
  }

  /**
   * The user glossary beside config.toml, or null when there is none.
   *
   * @throws ConfigException naming the file and line of a malformed line
   */
  Glossary userGlossary() {
    Path g = glossaryFile();
    if (g == null || !Files.isRegularFile(g)) {
      return null;
    }
    try (Reader r = Files.newBufferedReader(g, StandardCharsets.UTF_8)) {
      return Glossary.parse(r, g.toString());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ConfigException(g + ": cannot read: " + e.getMessage());
    }
  }

  /** A config file or glossary that cannot be used; its message names the file and line. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }
}
