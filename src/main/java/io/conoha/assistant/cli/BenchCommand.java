package io.conoha.assistant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.conoha.assistant.bench.BenchResult;
import io.conoha.assistant.bench.BenchRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scale, API cost, latency and memory, measured on this machine with numbers anyone can reproduce. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark the operator: N ConohaServers on one simulated v3 account.")
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--servers", defaultValue = "100", description = "How many ConohaServers (default 100).")
  int servers;

  @Option(names = "--latency-ms", defaultValue = "0", description = "Added latency of every simulated ConoHa call.")
  long latencyMs;

  @Option(names = "--out", description = "Write the results as JSON to this file.")
  Path out;

  @Option(names = "--time-scale", defaultValue = "0.05",
      description = "Simulator durations relative to real ConoHa (default 0.05: a 30 s build takes 1.5 s).")
  double timeScale;

  @Option(names = "--rate-limit", defaultValue = "10",
      description = "ConoHa requests per second per account (default 10, the operator's own default).")
  double rateLimit;

  @Option(names = "--idle-polls", defaultValue = "3", description = "Slow polls to idle through (default 3).")
  int idlePolls;

  @Option(names = "--sample", defaultValue = "5", description = "Servers archived and restored (default 5).")
  int sample;

  @Option(names = "--fast-poll", defaultValue = "500ms", converter = DurationConverter.class,
      description = "The operator's poll interval while a resource is changing, as its --fast-poll (default 500ms).")
  Duration fastPoll;

  @Option(names = "--slow-poll", defaultValue = "5s", converter = DurationConverter.class,
      description = "The operator's poll interval when everything is settled, as its --slow-poll (default 5s).")
  Duration slowPoll;

  @Option(names = "--timeout", defaultValue = "15m", converter = DurationConverter.class,
      description = "Give up on a phase after this long.")
  Duration timeout;

  @Option(names = "--restore-from-edge", description = "Instead: measure restore latency from a schedule window's edge"
      + " to ACTIVE with DNS updated (--sample days; JSON key restoreFromEdge).")
  boolean restoreFromEdge;

  @Option(names = "--operator-process",
      description = "Run the operator command in a JVM of its own (from --operator-jar, with the container's JVM"
          + " flags) and measure that process: RSS, heap after GC, CPU seconds, threads, time to /readyz 200.")
  boolean operatorProcess;

  @Option(names = "--operator-jar", defaultValue = "target/conoha-assistant-operator.jar",
      description = "The jar the operator process runs (default target/conoha-assistant-operator.jar, the operator-only"
          + " jar the container image carries).")
  Path operatorJar;

  @Option(names = "--operator-memory", defaultValue = "512m",
      description = "Memory the operator process's JVM sizes itself for, as in a container with this limit"
          + " (default 512m, the chart's limit).")
  String operatorMemory;

  @Option(names = "--operator-class-data", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Train a class-data archive first and start the measured operator with it, as the image does"
          + " (default; --no-operator-class-data: without).")
  boolean operatorClassData;

  @Option(names = "--operator-jvm-options", split = " ",
      description = "JVM flags of the operator process instead of the container's (jvm.options), space-separated.")
  List<String> operatorJvmOptions;

  @Override
  public Integer call() throws IOException {
    if (restoreFromEdge) {
      return restoreFromEdge();
    }
    BenchResult result;
    var launch = operatorProcess ? BenchRun.operatorLaunch(operatorJar, operatorMemory,
        operatorJvmOptions != null ? operatorJvmOptions : BenchRun.containerJvmOptions(), operatorClassData) : null;
    try (BenchRun bench = new BenchRun(new BenchRun.Options(servers, latencyMs, timeScale, rateLimit, idlePolls, sample,
        fastPoll, slowPoll, timeout, launch), System.out)) {
      result = bench.run();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    System.out.println(BenchTable.render(result));
    if (out != null) {
      json.writeValue(out.toFile(), result);
      System.out.println("written to " + out);
    }
    return 0;
  }

  private int restoreFromEdge() throws IOException {
    io.conoha.assistant.bench.RestoreFromEdgeBench.Result result;
    try (var bench = new io.conoha.assistant.bench.RestoreFromEdgeBench(options(), System.out)) {
      result = bench.run();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return 1;
    }
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(java.util.Map.of("restoreFromEdge", result));
    System.out.println(json);
    if (out != null) {
      java.nio.file.Files.writeString(out, json);
      System.out.println("written to " + out);
    }
    return 0;
  }

  /** Options of a bench in this JVM only (no operator process). */
  private BenchRun.Options options() {
    return new BenchRun.Options(servers, latencyMs, timeScale, rateLimit, idlePolls, sample, fastPoll, slowPoll, timeout,
        null);
  }
}
