package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER replaced by its issue. */
@Command(name = "sim", description = "Run the ConoHa simulator")
public final class SimCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("sim: not built yet");
    return 2;
  }
}
