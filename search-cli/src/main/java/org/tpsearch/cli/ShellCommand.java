package org.tpsearch.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tpsearch.search.SearchBackend;
import picocli.CommandLine.Command;

/** {@code tpsearch shell}: an interactive prompt over a warm index, with history and drill-down. */
@Command(name = "shell", description = {"An interactive prompt: the same queries and options as 'search', "
    + "answered warm (the index stays open); facet values are numbered and ':N' drills down.",
    "History (arrow keys, Ctrl-R) is kept in $XDG_STATE_HOME/tpsearch/shell_history."})
final class ShellCommand extends IndexReadingCommand {

  @Override
  boolean longRunning() {
    return true;
  }

  @Override
  int run(SearchBackend backend) throws Exception {
    if (main.context().terminal()) {
      try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("tpsearch")
            .variable(LineReader.HISTORY_FILE, historyFile())
            .completer(Shell.completer())
            .build();
        PrintWriter out = terminal.writer();
        new Shell(backend, main.context(), out).run(prompt -> {
          while (true) {
            try {
              return reader.readLine(prompt);
            } catch (UserInterruptException e) {
              // Ctrl-C clears the line, as in any shell; Ctrl-D leaves.
            } catch (EndOfFileException e) {
              return null;
            }
          }
        });
        reader.getHistory().save();
      }
    } else {
      // Not a terminal (a pipe, a test): plain lines, no prompt echo games.
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      PrintWriter out = spec.commandLine().getOut();
      new Shell(backend, main.context(), out).run(prompt -> in.readLine());
    }
    return ExitCodes.OK;
  }

  private Path historyFile() {
    String state = main.context().env().get("XDG_STATE_HOME");
    Path base = state != null && !state.isBlank() ? Path.of(state)
        : Path.of(main.context().env().getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
    return base.resolve("tpsearch").resolve("shell_history");
  }
}
