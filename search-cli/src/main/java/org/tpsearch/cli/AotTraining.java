package org.tpsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tpsearch.search.IndexHandle;
import picocli.CommandLine;

/**
 * The training run for the JDK's ahead-of-time cache (JDK 25+: {@code -XX:AOTCacheOutput}): runs
 * the commands people run most against the embedded sample index, in one process, so the classes
 * they load and link are in the cache the launcher passes to later runs. Used by the build only.
 */
public final class AotTraining {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("search", "绿色电力 交易"),
      List.of("search", "碳达峰", "--facets", "--format", "json"),
      List.of("search", "光伏", "--region", "新疆", "--year", "2021..2023", "--min-confidence", "0.6", "--type", "Event"),
      List.of("search", "\"green power\" -industry", "--sort", "date", "--format", "jsonl"),
      List.of("search", "--sector", "工业", "--status", "found"),
      List.of("search", "no-such-word-anywhere"),
      List.of("show", "xinjiang/industry/2022-03-01/event"),
      List.of("show", "xinjiang/industry/2022-03-01/event", "--format", "json"),
      List.of("facets", "--region", "Xinjiang"),
      List.of("stats"));

  private AotTraining() {}

  public static void main(String[] args) throws IOException {
    // An empty environment: the embedded sample index answers, whatever the builder's settings.
    Context ctx = new Context(Map.of(), false);
    // The same commands on a copy of it in a folder: users search folders (a different Directory).
    Path folder = Files.createTempDirectory("tpsearch-aot");
    try {
      IndexHandle.copyEmbedded(folder);
      for (List<String> command : COMMANDS) {
        List<String> onFolder = new ArrayList<>(command);
        onFolder.addAll(List.of("--index", folder.toString()));
        for (List<String> args2 : List.of(command, onFolder)) {
          for (String only : new String[] {command.get(0), null}) {
            CommandLine cl = Main.newCommandLine(ctx, only);
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(new StringWriter()));
            int code = cl.execute(args2.toArray(new String[0]));
            if (code > ExitCodes.NO_HITS) {
              throw new IllegalStateException("training command " + args2 + " failed with exit code " + code);
            }
          }
        }
      }
    } finally {
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
    }
    System.out.println("AOT training: ran " + COMMANDS.size() + " commands on the embedded index and on a folder");
  }
}
