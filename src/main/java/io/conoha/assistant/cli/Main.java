package io.conoha.assistant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code java -jar target/conoha-assistant.jar <subcommand>}. */
@Command(
    name = "conoha-assistant",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kubernetes operator for ConoHa VPS servers and images.",
    subcommands = {OperatorCommand.class, DemoCommand.class, PlaygroundCommand.class, SimCommand.class, ConohaCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
