package io.conoha.assistant.cli;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/**
 * {@code sim}: runs the ConoHa simulator until Ctrl-C. Standard output carries only the openrc block (comments and
 * {@code export} lines), so {@code eval "$(...)"}-style use and redirecting it to a file both work.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = {"Run the ConoHa simulator (Keystone, Nova, Glance, Cinder on one port) until Ctrl-C.",
        "Prints an openrc block (export OS_...=...) for the conoha command and the openstack CLI."})
public final class SimCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--port", description = "TCP port; 0 picks a free one (default: the config file's, else 0)")
  Integer port;

  @Option(names = "--host", description = "Address to bind (default 127.0.0.1)")
  String host;

  @Option(names = "--generation", description = "ConoHa API generation: v2 (tyo1) or v3 (c3j1); default v3")
  String generation;

  @Option(names = "--config", description = "JSON config file (account, timings, quota, seed, faults)")
  Path config;

  @Option(names = "--timings", description = "realistic, fast, or a factor scaling the realistic timings (0.1)")
  String timings;

  @Option(names = "--seed", description = "Seed for ids, addresses and fault draws")
  Long seed;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimConfig simConfig;
    try {
      simConfig = configure();
    } catch (RuntimeException e) {
      err.println("sim: " + e.getMessage());
      err.flush();
      return 2;
    }
    PrintStream standardOut = System.out;
    Runnable restoreLogging = keepStandardOutputForTheOpenrc();
    try {
      return runUntilStopped(simConfig, out, err);
    } finally {
      restoreLogging.run();
      System.setOut(standardOut);
    }
  }

  private static int runUntilStopped(SimConfig simConfig, PrintWriter out, PrintWriter err) {
    ConohaSimulator sim;
    try {
      sim = ConohaSimulator.start(simConfig);
    } catch (RuntimeException e) {
      err.println("sim: " + e.getMessage());
      err.flush();
      return 1;
    }
    Thread hook = new Thread(sim::close, "conoha-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("# ConoHa simulator " + simConfig.generation() + " (region " + simConfig.region() + ") at "
        + sim.baseUrl() + "; admin API at " + sim.baseUrl() + "/admin; Ctrl-C stops it");
    out.print(sim.openrc());
    out.flush();
    try {
      new CountDownLatch(1).await(); // until Ctrl-C (the shutdown hook closes the simulator) or an interrupt
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      sim.close();
      return 0;
    }
  }

  /**
   * Log lines must not reach standard output, or {@code eval "$(... sim)"} would run them. Console appenders
   * write through System.out when they log, so send that to standard error (picocli's writer keeps the real
   * standard output). Unconfigured logback logs at DEBUG; turn that down to INFO. Returns what undoes the level
   * change (the caller restores System.out).
   */
  private static Runnable keepStandardOutputForTheOpenrc() {
    System.setOut(System.err);
    if (SimCommand.class.getResource("/logback.xml") == null
        && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      Level before = root.getLevel();
      root.setLevel(Level.INFO);
      return () -> root.setLevel(before);
    }
    return () -> { };
  }

  private SimConfig configure() {
    SimConfig c = config != null ? SimConfig.fromFile(config)
        : SimConfig.defaults(generation == null ? ApiGeneration.V3 : SimConfig.generation(generation));
    if (config != null && generation != null) {
      ApiGeneration g = SimConfig.generation(generation);
      c = c.withGeneration(g).withRegion(SimConfig.defaults(g).region());
    }
    if (port != null) {
      c = c.withPort(port);
    }
    if (host != null) {
      c = c.withHost(host);
    }
    if (timings != null) {
      c = c.withTimings(SimTimings.parse(timings));
    }
    if (seed != null) {
      c = c.withSeed(seed);
    }
    return c;
  }
}
