package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER replaced by its issue. */
@Command(name = "bench", description = "Run the benchmark")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("bench: not built yet");
    return 2;
  }
}
