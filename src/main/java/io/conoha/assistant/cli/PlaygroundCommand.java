package io.conoha.assistant.cli;

import io.conoha.assistant.demo.LocalStack;
import io.conoha.assistant.demo.PlaygroundRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The step after the demo: the same embedded stack, left running for kubectl. */
@Command(name = "playground", mixinStandardHelpOptions = true,
    description = {"Run ConoHa simulators (v2, v3), an in-process Kubernetes API with the CRDs and the operator until"
        + " Ctrl-C, and write a kubeconfig so kubectl works against it.",
        "Secrets conoha-v3 and conoha-v2 in namespace default hold the simulators' credentials, so"
            + " `kubectl apply -f deploy/examples/server-v3.yaml` works unchanged."})
public final class PlaygroundCommand implements Callable<Integer> {
  @Option(names = "--kubeconfig", defaultValue = "playground.kubeconfig",
      description = "Kubeconfig to write, for kubectl and for `operator --kubeconfig` (default ./playground.kubeconfig).")
  Path kubeconfig;

  @Option(names = "--env-file", description = "Also write shell lines to source: KUBECONFIG, CONOHA_SIM_V3,"
      + " CONOHA_SIM_V2 (simulator base URLs; admin API under /admin) and CONOHA_METRICS (not with --no-operator).")
  Path envFile;

  @Option(names = "--time-scale", defaultValue = "0.05",
      description = "Simulator durations relative to real ConoHa (default 0.05: a 60 s image save takes 3 s).")
  double timeScale;

  @Option(names = "--sim-config", description = "Simulator config file (JSON, as for `sim --config`) for both"
      + " simulators; each keeps its own generation, region and a free port.")
  Path simConfig;

  @Option(names = "--no-operator", description = "Do not run the operator here: run `operator --kubeconfig FILE`"
      + " yourself (a second terminal, an IDE).")
  boolean noOperator;

  @Option(names = "--api-port", defaultValue = "0", description = "Port of the Kubernetes API (default: a free one).")
  int apiPort;

  @Option(names = "--metrics-port", defaultValue = "0", description = "Port of the operator's /metrics (default: a free one).")
  int metricsPort;

  @Option(names = "--verbose", description = "Also print the operator's log lines.")
  boolean verbose;

  @Override
  public Integer call() throws InterruptedException {
    if (!verbose) {
      DemoCommand.quietOperatorLogs();
    }
    LocalStack.Options stack = new LocalStack.Options(timeScale, Optional.ofNullable(simConfig), !noOperator,
        metricsPort);
    PlaygroundRun playground = new PlaygroundRun(
        new PlaygroundRun.Options(stack, kubeconfig, envFile, apiPort, Duration.ofSeconds(60)), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      System.out.println("playground stopping");
      playground.close();
      stopped.countDown();
    }, "playground-shutdown");
    try {
      playground.start();
    } catch (RuntimeException e) {
      playground.close();
      System.err.println("playground: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    return 0;
  }
}
