import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tpsearch.cli.Completion;
import org.tpsearch.cli.Context;
import org.tpsearch.cli.Main;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step: from the picocli model of every command, writes the man pages as AsciiDoc (picocli's
 * ManPageGenerator; the build turns them into troff) and the bash, zsh and fish completion scripts.
 * Usage: java -cp CLASSPATH GenerateDocs.java ADOC_DIR COMPLETION_DIR
 */
public class GenerateDocs {
  public static void main(String[] args) throws Exception {
    Path adoc = Path.of(args[0]);
    Path completion = Path.of(args[1]);
    // An empty environment: nothing of the builder's machine ends up in the pages.
    CommandLine cl = Main.newCommandLine(new Context(Map.of(), false));
    Files.createDirectories(adoc);
    int code = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, cl.getCommandSpec());
    if (code != 0) {
      System.exit(code);
    }
    Files.createDirectories(completion);
    Files.writeString(completion.resolve("tpsearch.bash"), Completion.script(Completion.Shell.bash, cl), StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("_tpsearch"), Completion.script(Completion.Shell.zsh, cl), StandardCharsets.UTF_8);
    Files.writeString(completion.resolve("tpsearch.fish"), Completion.script(Completion.Shell.fish, cl), StandardCharsets.UTF_8);
  }
}
