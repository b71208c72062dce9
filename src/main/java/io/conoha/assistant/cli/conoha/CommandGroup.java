package io.conoha.assistant.cli.conoha;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: given alone, it shows its usage on stderr and exits 2. */
public abstract class CommandGroup implements Callable<Integer> {
  @Spec
  protected CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
