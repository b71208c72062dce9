package io.conoha.assistant.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER replaced by its issue. */
@Command(name = "demo", description = "Run the demo")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("demo: not built yet");
    return 2;
  }
}
