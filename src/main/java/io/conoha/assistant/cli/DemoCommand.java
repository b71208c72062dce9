package io.conoha.assistant.cli;

import io.conoha.assistant.demo.DemoRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The README's first command: the whole thing on this machine, no cluster and no ConoHa account needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the operator on an embedded ConoHa simulator and Kubernetes API, apply deploy/examples/, "
        + "and walk a server through Running, Stopped, a snapshot, Archived and Running.")
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--examples", description = "Folder of example manifests (default: the deploy/examples/ copy inside"
      + " the jar).")
  Path examples;

  @Option(names = "--time-scale", defaultValue = "0.05",
      description = "Simulator durations relative to real ConoHa (default 0.05: a 60 s image save takes 3 s).")
  double timeScale;

  @Option(names = "--step-timeout", defaultValue = "120s", converter = DurationConverter.class,
      description = "How long one step may take before the demo fails.")
  Duration stepTimeout;

  @Option(names = "--keep-running", description = "Keep running after the walk-through (metrics stay scrapeable).")
  boolean keepRunning;

  @Option(names = "--metrics-port", defaultValue = "0", description = "Port of /metrics (default: a free one).")
  int metricsPort;

  @Option(names = "--verbose", description = "Also print the operator's log lines (events, decisions).")
  boolean verbose;

  /** The command's own output is what a user reads; the operator's INFO lines would interleave with it. */
  static void quietOperatorLogs() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.conoha"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!verbose) {
      quietOperatorLogs();
    }
    try (DemoRun demo = new DemoRun(new DemoRun.Options(examples, timeScale, stepTimeout, keepRunning, metricsPort),
        System.out)) {
      demo.run();
      return 0;
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("demo: " + e.getMessage());
      return 1;
    }
  }
}
