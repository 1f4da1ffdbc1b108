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
 * they load and link are in the cache the launcher passes to later runs. With the argument
 * {@code index}: an index run over the sample reports, for the indexing cache (its classes, and the
 * method profiles JDK 25 keeps). Used by the build and the launcher.
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

  /**
   * A search and {@code tpsearch config} with a config.toml and a user glossary, so that reading
   * them (tomlj and its ANTLR runtime, otherwise some 400 ms of class loading) is in the cache too.
   */
  private static void trainWithConfig() throws IOException {
    Path xdg = Files.createTempDirectory("tpsearch-aot-config");
    Path dir = Files.createDirectories(xdg.resolve("tpsearch"));
    Path toml = Files.writeString(dir.resolve("config.toml"),
        "limit = 10\nformat = \"text\"\ncolor = \"auto\"\npager = \"\"\ndaemon-idle = \"15m\"\n");
    Path glossary = Files.writeString(dir.resolve("glossary.tsv"), "energy\t光伏|photovoltaic power\n");
    try {
      for (List<String> command : List.of(List.of("search", "绿色电力 交易"), List.of("config"))) {
        Context ctx = new Context(Map.of("XDG_CONFIG_HOME", xdg.toString()), false);
        CommandLine cl = Main.newCommandLine(ctx, command.get(0));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(command.toArray(new String[0]));
        if (code != ExitCodes.OK) {
          throw new IllegalStateException("training command " + command + " with a config failed with exit code " + code);
        }
      }
    } finally {
      Files.delete(toml);
      Files.delete(glossary);
      Files.delete(dir);
      Files.delete(xdg);
    }
  }

  /**
   * The training run of the indexing cache ({@code lib/tpsearch-index.aot}, made with the flags the
   * launcher gives {@code tpsearch index}): the sample reports, shipped in the sample-index jar,
   * copied to a temporary folder and indexed three ways (a new index, a re-index with nothing
   * changed, a {@code --full} one), as {@code tpsearch index} runs them.
   */
  private static void trainIndexing() throws IOException {
    Path work = Files.createTempDirectory("tpsearch-aot-index");
    try {
      Path reports = Files.createDirectories(work.resolve("reports"));
      int copied = copySampleReports(reports);
      Context ctx = new Context(Map.of(), false);
      String index = work.resolve("index").toString();
      for (List<String> command : List.of(
          List.of("index", reports.toString(), "--index", index),
          List.of("index", reports.toString(), "--index", index),
          List.of("index", reports.toString(), "--index", index, "--full"))) {
        CommandLine cl = Main.newCommandLine(ctx, "index");
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute(command.toArray(new String[0]));
        if (code != ExitCodes.OK) {
          throw new IllegalStateException("training command " + command + " failed with exit code " + code);
        }
      }
      System.out.println("AOT training: indexed " + copied + " sample reports three ways");
    } finally {
      try (var walk = Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Copies the sample reports from the class path (a jar or, in tests, a folder) to {@code to}. */
  private static int copySampleReports(Path to) throws IOException {
    java.net.URL url = AotTraining.class.getResource("/org/tpsearch/samplereports");
    if (url == null) {
      throw new IOException("the sample reports are missing from the class path");
    }
    try {
      java.net.URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
          return copyTree(jar.getPath("/org/tpsearch/samplereports"), to);
        }
      }
      return copyTree(Path.of(uri), to);
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static int copyTree(Path from, Path to) throws IOException {
    int n = 0;
    try (var walk = Files.walk(from)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
        n++;
      }
    }
    return n;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("index")) {
      trainIndexing();
      return;
    }
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
    trainWithConfig();
    System.out.println("AOT training: ran " + COMMANDS.size() + " commands on the embedded index and on a folder");
  }
}
