package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER replaced by its issue. */
@Command(name = "operator", description = "Run the operator")
public final class OperatorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("operator: not built yet");
    return 2;
  }
}
