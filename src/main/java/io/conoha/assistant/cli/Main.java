package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one executable: {@code java -jar target/conoha-assistant.jar <subcommand>}. */
@Command(
    name = "conoha-assistant",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kubernetes operator for ConoHa VPS servers and images.",
    subcommands = {OperatorCommand.class, DemoCommand.class, PlaygroundCommand.class, SimCommand.class,
        ConohaCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  /** No subcommand is a usage error: the help goes to stderr and the exit code is 2, as for `conoha` alone. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
