package org.tpsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tpsearch completion SHELL}: prints a completion script for bash, zsh or fish. */
@Command(name = "completion",
    description = {"Print a shell completion script: commands, options and their values (regions, sectors, "
        + "types, statuses, sort orders, formats)."},
    footer = {"", "Examples:",
        "  source <(tpsearch completion bash)                       # bash, this session; add it to ~/.bashrc",
        "  tpsearch completion zsh > \"${fpath[1]}/_tpsearch\"        # zsh",
        "  tpsearch completion fish > ~/.config/fish/completions/tpsearch.fish",
        "",
        "The installer (install.sh) puts the three scripts where each shell looks."})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
  Completion.Shell shell;

  @Override
  public Integer call() {
    // The full model: a run of `tpsearch completion` builds only this subcommand.
    spec.commandLine().getOut().print(Completion.script(shell, Main.newCommandLine(main.context())));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
