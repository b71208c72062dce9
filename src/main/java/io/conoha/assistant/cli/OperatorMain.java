package io.conoha.assistant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of the operator-only jar (target/conoha-assistant-operator.jar, the container image's
 * content): the same {@code operator} command as {@link Main}, without the demo, simulator, benchmark and
 * ConoHa CLI, whose classes (and the in-process Kubernetes API they use) that jar leaves out.
 */
@Command(
    name = "conoha-assistant",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kubernetes operator for ConoHa VPS servers and images (operator only).",
    subcommands = {OperatorCommand.class})
public final class OperatorMain implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorMain()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
