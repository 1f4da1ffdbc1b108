package org.tpsearch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tpsearch.analysis.Glossary;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch config}: the settings in force and where each comes from. */
@Command(name = "config",
    description = {"Show the settings in force and where each comes from: the environment, config.toml, "
        + "or the default. An option on the command line wins over all three."},
    footer = {"", "The file: $XDG_CONFIG_HOME/tpsearch/config.toml (else ~/.config/tpsearch/config.toml), for example:",
        "  index = \"~/results/index\"",
        "  limit = 20",
        "  format = \"text\"",
        "  color = \"auto\"",
        "  pager = \"less -FRX\"",
        "  daemon-idle = \"15m\"",
        "  engine = \"https://search.example.org:9200/tpsearch\"",
        "  engine-user = \"tpsearch\"",
        "  engine-password = \"...\"          # or engine-api-key; keep the file private (chmod 600)",
        "  engine-ca = \"ca.pem\"",
        "  engine-connect-timeout = \"5s\"",
        "  engine-timeout = \"30s\"",
        "Environment: TPSEARCH_INDEX, TPSEARCH_LIMIT, TPSEARCH_FORMAT, TPSEARCH_COLOR (NO_COLOR wins), "
            + "TPSEARCH_PAGER, TPSEARCH_DAEMON_IDLE, TPSEARCH_ENGINE, TPSEARCH_ENGINE_USER, TPSEARCH_ENGINE_PASSWORD, "
            + "TPSEARCH_ENGINE_API_KEY, TPSEARCH_ENGINE_CA, TPSEARCH_ENGINE_CONNECT_TIMEOUT, TPSEARCH_ENGINE_TIMEOUT.",
        "glossary.tsv beside config.toml adds synonym groups to the built-in glossary, from the next query on: "
            + "category<TAB>term1|term2|..., one group a line."})
final class ConfigCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Settings s = main.context().settings();
    PrintWriter out = spec.commandLine().getOut();
    Path file = s.configFile();
    out.println("config file:   " + (file == null ? "none (neither XDG_CONFIG_HOME nor HOME is set)"
        : file + (Files.isRegularFile(file) ? "" : " (not there: defaults apply)")));
    Path g = s.glossaryFile();
    Glossary user = s.userGlossary();
    out.println("user glossary: " + (g == null ? "none" : g + (user == null ? " (not there)"
        : " (" + user.size() + (user.size() == 1 ? " group)" : " groups)"))));
    out.println();
    int width = 0;
    int names = 0;
    for (Settings.Key k : Settings.Key.values()) {
      width = Math.max(width, Math.max(k.configName().length(), shown(k, s.get(k)).length()));
      names = Math.max(names, k.configName().length() + 1);
    }
    for (Settings.Key k : Settings.Key.values()) {
      Settings.Value v = s.get(k);
      out.println(pad(k.configName(), names) + pad(shown(k, v), Math.min(width, 40)) + "  " + source(k, v));
    }
    out.flush();
    String exposed = s.exposedSecretWarning();
    if (exposed != null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tpsearch: warning: " + exposed);
      err.flush();
    }
    return ExitCodes.OK;
  }

  private String source(Settings.Key k, Settings.Value v) {
    if (k == Settings.Key.INDEX && "default".equals(v.source())) {
      return "default: your default index if you made one (" + main.context().defaultIndex() + "), else the embedded sample index";
    }
    return v.source();
  }

  private static String shown(Settings.Key k, Settings.Value v) {
    if (v.value() == null) {
      return "-";
    }
    if (k.secret() && !v.value().isEmpty()) {
      return "***";
    }
    return v.value().isEmpty() ? "\"\"" : v.value();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
