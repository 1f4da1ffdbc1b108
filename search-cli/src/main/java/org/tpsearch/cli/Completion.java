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
      case bash -> bash(cl);
      case zsh -> "#compdef tpsearch\n# zsh completion for tpsearch: picocli's bash script, which runs under zsh's bashcompinit.\n"
          + bash(cl);
      case fish -> fish(cl);
    };
  }

  /**
   * Point ids for {@code show}, asked of tpsearch itself as the line typed it (the command, its
   * {@code --index} or {@code --engine}): {@code tpsearch show --complete -- PREFIX}.
   */
  private static final String BASH_SHOW_IDS = """

      # Point ids for 'tpsearch show': asked of tpsearch itself (the daemon answers in a few ms), from
      # the index the line names with --index or --engine, else the one 'show' would read.
      function _tpsearch_show_ids() {
        local -a where=()
        local i
        for (( i = 1; i < ${#COMP_WORDS[@]} - 1; i++ )); do
          case ${COMP_WORDS[i]} in
            --index|--engine) where+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
          esac
        done
        "${COMP_WORDS[0]}" show --complete "${where[@]}" -- "$1" 2>/dev/null
      }
      """;

  /** The fish function that lists point ids for {@code show}, as {@link #BASH_SHOW_IDS}. */
  private static final String FISH_SHOW_IDS = """
      function __tpsearch_show_ids
          set -l words (commandline -opc)
          set -l where
          for i in (seq 2 (math (count $words) - 1))
              if contains -- $words[$i] --index --engine
                  set -a where $words[$i] $words[(math $i + 1)]
              end
          end
          $words[1] show --complete $where -- (commandline -ct) 2>/dev/null
      end
      """;

  /** picocli's bash script, its {@code show} completing point ids. */
  static String bash(CommandLine cl) {
    String script = AutoComplete.bash("tpsearch", cl);
    int show = script.indexOf("function _picocli_tpsearch_show() {");
    String empty = "    local positionals=\"\"\n";
    int at = show < 0 ? -1 : script.indexOf(empty, show);
    if (at < 0) {
      throw new IllegalStateException("picocli's bash script has no positional completion for show");
    }
    return script.substring(0, at) + "    local positionals=$(_tpsearch_show_ids \"${curr_word}\")\n"
        + script.substring(at + empty.length()) + BASH_SHOW_IDS;
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
    if (path.equals(List.of("show"))) {
      // Point ids, asked of tpsearch itself (with the line's --index or --engine): see FISH_SHOW_IDS.
      sb.append(FISH_SHOW_IDS).append("complete -c tpsearch -n ").append(quote(inCommand))
          .append(" -a '(__tpsearch_show_ids)'\n");
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
