package io.conoha.assistant.operator;

import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.CustomResource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The real operator against the in-process Kubernetes API and the ConoHa simulator (fast timings), as the
 * scenario tests use it. Namespace {@code default}, credentials Secret {@code conoha}.
 */
public final class Testbed implements AutoCloseable {
  public static final String NS = "default";
  public static final String SECRET = "conoha";
  public static final Duration WAIT = Duration.ofSeconds(30);
  /** How long a wait may take against a real cloud (the live suite), where a build or a save takes minutes. */
  public static final Duration LIVE_WAIT = Duration.ofMinutes(10);

  public final EmbeddedKubernetes kubernetes;
  public final KubernetesClient client;
  public final ConohaSimulator sim;
  private final OperatorSettings settings;
  private final Duration wait;
  /** The clock schedules are read on: the wall clock, or a test's {@link ScaledClock}. */
  private final java.time.Clock calendar;
  private ConohaOperator operator;
  private PrometheusMeterRegistry registry;

  private Testbed(ApiGeneration generation, SimConfig simConfig, OperatorSettings settings, java.time.Clock calendar) {
    this(ConohaSimulator.start(simConfig), null, settings, calendar);
  }

  /** @param sim null when the operator talks to a real cloud with {@code credentialKeys} */
  private Testbed(ConohaSimulator sim, java.util.Map<String, String> credentialKeys, OperatorSettings settings,
      java.time.Clock calendar) {
    this.calendar = calendar;
    this.sim = sim;
    this.kubernetes = EmbeddedKubernetes.start();
    this.client = kubernetes.client();
    this.settings = settings;
    this.wait = sim != null ? WAIT : LIVE_WAIT;
    writeCredentials(SECRET, sim != null ? sim.credentialKeys() : credentialKeys);
    startOperator();
  }

  /** The real operator and the in-process Kubernetes API against a real cloud (the live suite): no simulator. */
  public static Testbed againstCloud(java.util.Map<String, String> credentialKeys, OperatorSettings settings) {
    return new Testbed(null, credentialKeys, settings, java.time.Clock.systemUTC());
  }

  public static Testbed start(ApiGeneration generation) {
    return start(SimConfig.defaults(generation).withTimings(SimTimings.fast()));
  }

  public static Testbed start(SimConfig config) {
    return new Testbed(config.generation(), config, fastSettings(), java.time.Clock.systemUTC());
  }

  /** With schedules read on {@code calendar} (which the test moves), the rest on the wall clock. */
  public static Testbed start(SimConfig config, ScaledClock calendar) {
    return new Testbed(config.generation(), config, fastSettings(), calendar);
  }

  public static Testbed start(SimConfig config, OperatorSettings settings) {
    return new Testbed(config.generation(), config, settings, java.time.Clock.systemUTC());
  }

  /** The simulator's fast timings with a slower image save, so progress can be watched. */
  public static SimTimings fastWithImageSave(Duration save) {
    SimTimings f = SimTimings.fast();
    return new SimTimings(f.build(), f.volumeCreate(), f.stop(), f.start(), f.reboot(), f.resize(), save,
        f.serverDelete(), f.volumeDelete());
  }

  public static OperatorSettings fastSettings() {
    return OperatorSettings.defaults().withPolls(Duration.ofMillis(100), Duration.ofMillis(1000))
        .withCreateGrace(Duration.ofSeconds(2)).withRequestTimeout(Duration.ofSeconds(3)).withRateLimit(200);
  }

  public void startOperator() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = new ConohaOperator(kubernetes.newClient(), settings, registry, Optional.empty(), calendar);
    operator.start();
  }

  /** Stops the operator as a crash would leave things: nothing is cleaned up on ConoHa or in Kubernetes. */
  public void stopOperator() {
    operator.close();
  }

  public void restartOperator() {
    stopOperator();
    startOperator();
  }

  public ConohaOperator operator() {
    return operator;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void writeCredentials(String name, java.util.Map<String, String> keys) {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
        .withStringData(keys).build()).createOr(r -> r.update());
  }

  public <T extends CustomResource<?, ?>> T apply(T resource) {
    resource.getMetadata().setNamespace(NS);
    return client.resource(resource).create();
  }

  public ConohaServer server(String name) {
    return client.resources(ConohaServer.class).inNamespace(NS).withName(name).get();
  }

  public ConohaImage image(String name) {
    return client.resources(ConohaImage.class).inNamespace(NS).withName(name).get();
  }

  /** Edits the spec as kubectl would: a conflict with the operator's status write is read again and retried. */
  public ConohaServer editServer(String name, UnaryOperator<ConohaServer> change) {
    return SpecEdits.edit(client.resources(ConohaServer.class).inNamespace(NS).withName(name), change);
  }

  public ConohaImage editImage(String name, UnaryOperator<ConohaImage> change) {
    return SpecEdits.edit(client.resources(ConohaImage.class).inNamespace(NS).withName(name), change);
  }

  public void deleteServer(String name) {
    client.resources(ConohaServer.class).inNamespace(NS).withName(name).delete();
  }

  public void deleteImage(String name) {
    client.resources(ConohaImage.class).inNamespace(NS).withName(name).delete();
  }

  public ConohaServer awaitServer(String name, String what, Predicate<ConohaServer> condition) {
    return explained(() -> await(what).atMost(wait).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
        .until(() -> server(name), s -> s != null && condition.test(s)), () -> server(name));
  }

  public ConohaImage awaitImage(String name, String what, Predicate<ConohaImage> condition) {
    return explained(() -> await(what).atMost(wait).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
        .until(() -> image(name), i -> i != null && condition.test(i)), () -> image(name));
  }

  /** A timed-out wait says what the resource looked like and what ConoHa held, not just "false". */
  private <T> T explained(java.util.concurrent.Callable<T> wait, java.util.function.Supplier<Object> current) {
    try {
      return wait.call();
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage().replaceAll(" for input of .*", "") + "\nresource:\n"
          + client.getKubernetesSerialization().asYaml(current.get())
          + (sim == null ? "" : "\nConoHa: " + sim.ledger().state() + "\ncalls: " + sim.ledger().countsByOperation()), e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** For a server read through another client (another operator process's view of the same API server). */
  public static void awaitReadyInPhase(io.fabric8.kubernetes.client.dsl.Resource<ConohaServer> resource,
      io.conoha.assistant.api.ServerPhase phase) {
    await(resource + " " + phase).atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
      ConohaServer s = resource.get();
      return s != null && s.getStatus() != null && s.getStatus().getPhase() == phase && s.getStatus().isReady();
    });
  }

  public void awaitServerGone(String name) {
    await(name + " deleted").atMost(wait).pollInterval(Duration.ofMillis(50)).until(() -> server(name) == null);
  }

  public void awaitImageGone(String name) {
    await(name + " deleted").atMost(wait).pollInterval(Duration.ofMillis(50)).until(() -> image(name) == null);
  }

  /** Events about an object, oldest first. */
  public List<Event> events(String name) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  public boolean hasEvent(String name, String reason) {
    return events(name).stream().anyMatch(e -> reason.equals(e.getReason()));
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    try {
      operator.close();
    } finally {
      kubernetes.close();
      if (sim != null) {
        sim.close();
      }
    }
  }
}
