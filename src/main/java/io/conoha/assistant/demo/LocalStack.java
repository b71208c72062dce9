package io.conoha.assistant.demo;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.metrics.OperatorHttpServer;
import io.conoha.assistant.operator.ConohaOperator;
import io.conoha.assistant.operator.OperatorSettings;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What {@code demo} and {@code playground} run on this machine: a ConoHa simulator per API generation (v2, v3), the
 * in-process Kubernetes API with the CRDs installed and, unless left out, the operator with its metrics endpoint.
 */
public final class LocalStack implements AutoCloseable {
  /**
   * {@code timeScale} multiplies the simulators' realistic durations (and the operator's poll interval);
   * {@code simConfig} is a simulator config file for both simulators (its generation, region and port are set per
   * simulator); without {@code withOperator} the operator is left for another process.
   */
  public record Options(double timeScale, Optional<Path> simConfig, boolean withOperator, int metricsPort) {}

  private final Map<ApiGeneration, ConohaSimulator> sims = new EnumMap<>(ApiGeneration.class);
  private EmbeddedKubernetes kubernetes;
  private ConohaOperator operator;
  private OperatorHttpServer http;

  private LocalStack() {}

  public static LocalStack start(Options options) {
    LocalStack stack = new LocalStack();
    try {
      stack.startAll(options);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(Options options) {
    for (ApiGeneration generation : ApiGeneration.values()) {
      sims.put(generation, ConohaSimulator.start(simConfig(options, generation)));
    }
    kubernetes = EmbeddedKubernetes.start();
    if (options.withOperator()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Duration fast = Duration.ofMillis(Math.max(100, (long) (5000 * options.timeScale())));
      OperatorSettings settings = OperatorSettings.defaults().withPolls(fast, fast.multipliedBy(10))
          .withCreateGrace(fast.multipliedBy(12)).withRateLimit(50);
      operator = new ConohaOperator(kubernetes.newClient(), settings, registry, Optional.empty());
      http = OperatorHttpServer.start("127.0.0.1", options.metricsPort(), registry, () -> true, operator::ready);
      operator.start();
    }
  }

  private static SimConfig simConfig(Options options, ApiGeneration generation) {
    SimTimings timings = SimTimings.realistic().scaled(options.timeScale());
    if (options.simConfig().isEmpty()) {
      return SimConfig.defaults(generation).withTimings(timings);
    }
    // One file for both simulators: each keeps its own generation and region, and a free port.
    return SimConfig.fromFile(options.simConfig().get()).withGeneration(generation)
        .withRegion(SimConfig.defaults(generation).region()).withPort(0);
  }

  /**
   * Creates or replaces an example object in its namespace. An example Secret is a template: its keys are replaced
   * by the credentials of the simulator of the same API generation.
   */
  public void apply(HasMetadata object, String namespace) {
    object.getMetadata().setNamespace(namespace);
    if (object instanceof Secret secret) {
      secret.setData(null);
      secret.setStringData(simulator(generationOf(secret)).credentialKeys());
    }
    client().resource(object).createOr(r -> r.update());
  }

  private static ApiGeneration generationOf(Secret secret) {
    Map<String, String> keys = new TreeMap<>();
    if (secret.getStringData() != null) {
      keys.putAll(secret.getStringData());
    }
    String url = keys.getOrDefault("identityUrl", keys.getOrDefault("OS_AUTH_URL", ""));
    return url.contains("/v2.0") ? ApiGeneration.V2 : ApiGeneration.V3;
  }

  public ConohaSimulator simulator(ApiGeneration generation) {
    return sims.get(generation);
  }

  public Map<ApiGeneration, ConohaSimulator> simulators() {
    return sims;
  }

  public EmbeddedKubernetes kubernetes() {
    return kubernetes;
  }

  public KubernetesClient client() {
    return kubernetes.client();
  }

  /** The operator's /metrics port; empty when the operator runs elsewhere. */
  public OptionalInt metricsPort() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
  }

  /** True once the operator (if it runs here) has started its controllers. */
  public boolean operatorReady() {
    return operator == null || operator.ready();
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.close();
    }
    if (http != null) {
      http.close();
    }
    if (kubernetes != null) {
      kubernetes.close();
    }
    sims.values().forEach(ConohaSimulator::close);
  }
}
