package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER replaced by its issue. */
@Command(name = "conoha", description = "ConoHa command line")
public final class ConohaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("conoha: not built yet");
    return 2;
  }
}
