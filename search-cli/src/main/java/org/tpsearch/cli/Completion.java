package org.tpsearch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Shell completion scripts made from the picocli model of every command: bash and zsh by picocli's
 * generator (its script serves both shells), fish by walking the same model here.
 */
public final class Completion {
  /** Shells with a completion script. */
  public enum Shell {
    bash,
    zsh,
    fish
  }

  private Completion() {}

  /** The script for a shell, for the command line {@code cl} (which must hold every subcommand). */
  public static String script(Shell shell, CommandLine cl) {
    return switch (shell) {
      // picocli's script loads bashcompinit under zsh, so one script serves both shells.
      case bash -> AutoComplete.bash("tpsearch", cl);
      case zsh -> "#compdef tpsearch\n# zsh completion for tpsearch: picocli's bash script, which runs under zsh's bashcompinit.\n"
          + AutoComplete.bash("tpsearch", cl);
      case fish -> fish(cl);
    };
  }

  /** A fish script: subcommands with their descriptions, then each command's options and values. */
  static String fish(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    sb.append("# fish completion for tpsearch, made from its command model by 'tpsearch completion fish'.\n");
    sb.append("complete -c tpsearch -f\n");
    fishCommand(sb, cl, List.of());
    return sb.toString();
  }

  private static void fishCommand(StringBuilder sb, CommandLine cl, List<String> path) {
    CommandSpec spec = cl.getCommandSpec();
    List<String> children = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (!e.getValue().getCommandSpec().usageMessage().hidden() && e.getKey().equals(e.getValue().getCommandName())) {
        children.add(e.getKey());
      }
    }
    String here = condition(path, children);
    for (String child : children) {
      CommandLine sub = cl.getSubcommands().get(child);
      sb.append("complete -c tpsearch -n ").append(quote(here)).append(" -a ").append(quote(child))
          .append(" -d ").append(quote(firstLine(sub.getCommandSpec().usageMessage().description()))).append('\n');
    }
    String inCommand = condition(path, List.of());
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      sb.append("complete -c tpsearch");
      if (!inCommand.isEmpty()) {
        sb.append(" -n ").append(quote(inCommand));
      }
      for (String name : o.names()) {
        if (name.startsWith("--")) {
          sb.append(" -l ").append(name.substring(2));
        } else if (name.length() == 2) {
          sb.append(" -s ").append(name.substring(1));
        } else {
          sb.append(" -o ").append(name.substring(1));
        }
      }
      if (o.arity().max() > 0) {
        List<String> values = candidates(o.completionCandidates());
        if (!values.isEmpty()) {
          sb.append(" -x -a ").append(quote(String.join(" ", values)));
        } else if (o.type() == Path.class || o.type() == java.io.File.class) {
          sb.append(" -r -F");
        } else {
          sb.append(" -x");
        }
      }
      sb.append(" -d ").append(quote(firstLine(o.description()))).append('\n');
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      List<String> values = candidates(p.completionCandidates());
      if (p.type() == Path.class || p.type() == java.io.File.class) {
        sb.append("complete -c tpsearch -n ").append(quote(inCommand)).append(" -F\n");
      } else if (!values.isEmpty()) {
        sb.append("complete -c tpsearch -n ").append(quote(inCommand)).append(" -a ")
            .append(quote(String.join(" ", values))).append('\n');
      }
    }
    for (String child : children) {
      List<String> childPath = new ArrayList<>(path);
      childPath.add(child);
      fishCommand(sb, cl.getSubcommands().get(child), childPath);
    }
  }

  /** The fish condition: the words of {@code path} seen, and none of {@code notYet}. */
  private static String condition(List<String> path, List<String> notYet) {
    List<String> parts = new ArrayList<>();
    if (path.isEmpty() && !notYet.isEmpty()) {
      parts.add("__fish_use_subcommand");
    }
    for (String word : path) {
      parts.add("__fish_seen_subcommand_from " + word);
    }
    if (!path.isEmpty() && !notYet.isEmpty()) {
      parts.add("not __fish_seen_subcommand_from " + String.join(" ", notYet));
    }
    return String.join("; and ", parts);
  }

  private static List<String> candidates(Iterable<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(out::add);
    }
    return out;
  }

  private static String firstLine(String[] description) {
    if (description.length == 0) {
      return "";
    }
    String s = description[0].replace("%n", " ").replaceAll("\\$\\{[A-Z-]+}", "…").strip();
    int dot = s.indexOf(". ");
    s = dot > 0 ? s.substring(0, dot) : s;
    s = s.endsWith(".") && !s.endsWith("...") ? s.substring(0, s.length() - 1) : s;
    // fish shows descriptions beside candidates: a short first sentence reads best there.
    return s.length() > 100 ? s.substring(0, 99) + "…" : s;
  }

  /** Single-quoted for fish, where only \ and ' are special inside single quotes. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
