package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tpsearch.client.DaemonClient;
import org.tpsearch.client.DaemonFolder;
import org.tpsearch.client.DaemonProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch daemon status|stop}: what the search daemon is doing, and stopping it. */
@Command(name = "daemon",
    description = {"Show or stop the search daemon: the background process that keeps indexes open so that "
        + "search, facets, show and stats answer fast. The first of these commands starts it; it stops by itself "
        + "after daemon-idle (default 15m) without a command. --no-daemon or TPSEARCH_DAEMON=0 keeps a command "
        + "in-process."},
    footer = {"", "Its socket is in $XDG_RUNTIME_DIR/tpsearch (else /tmp/tpsearch-UID), a folder of mode 0700 that "
        + "tpsearch refuses to use when another user owns it or others may write into it."})
final class DaemonCommand implements Callable<Integer> {
  /** What to do. */
  enum Action {
    status,
    stop
  }

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ACTION", description = "status (exit 0 when one runs, 1 when none) or stop (every daemon of yours).")
  Action action;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = DaemonFolder.of(main.context().env());
    if (!Files.exists(folder)) {
      out.println("no daemon running (socket folder " + folder + " not made yet)");
      out.flush();
      return action == Action.status ? ExitCodes.NO_HITS : ExitCodes.OK;
    }
    try {
      DaemonFolder.check(folder);
    } catch (IOException e) {
      spec.commandLine().getErr().println("tpsearch: " + TerminalText.line(e.getMessage()));
      spec.commandLine().getErr().flush();
      return ExitCodes.INPUT;
    }
    int found = 0;
    try (DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, "*.sock")) {
      for (Path socket : sockets) {
        String name = socket.getFileName().toString();
        String build = name.substring(0, name.length() - ".sock".length());
        DaemonProtocol.Request r = DaemonProtocol.Request.control(
            action == Action.status ? DaemonProtocol.Kind.STATUS : DaemonProtocol.Kind.STOP, build);
        try {
          DaemonProtocol.Response answer = DaemonClient.ask(socket, r);
          found++;
          if (action == Action.status) {
            out.print(new String(answer.out(), StandardCharsets.UTF_8));
          } else {
            out.println("stopped the daemon for build " + build);
          }
        } catch (IOException e) {
          // A stale socket (a daemon killed with -9): the next daemon of that build removes it.
        }
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("tpsearch: cannot read " + folder + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return ExitCodes.INPUT;
    }
    if (found == 0) {
      out.println("no daemon running (socket folder " + folder + ")");
    } else if (action == Action.status) {
      out.println("socket folder: " + folder);
    }
    out.flush();
    return found == 0 && action == Action.status ? ExitCodes.NO_HITS : ExitCodes.OK;
  }
}
