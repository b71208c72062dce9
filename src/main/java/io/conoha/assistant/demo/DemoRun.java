package io.conoha.assistant.demo;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaImageSpec;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImageSource;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.SpecEdits;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The embedded default: ConoHa simulators (v2 and v3), an in-process Kubernetes API and the real operator.
 * Applies {@code deploy/examples/}, then walks the v3 example server through Running, Stopped, a snapshot,
 * Archived and back to Running, printing a live table and, at the end, the ConoHa API calls it took.
 */
public final class DemoRun implements AutoCloseable {
  public static final String NAMESPACE = "default";

  /**
   * What to run. {@code examples} is a folder of manifests, or null for the ones inside the jar; {@code timeScale}
   * multiplies the simulator's realistic durations.
   */
  public record Options(Path examples, double timeScale, Duration stepTimeout, boolean keepRunning, int metricsPort) {}

  private final Options options;
  private final PrintStream out;
  private LocalStack stack;
  private KubernetesClient client;
  private LiveTable table;

  public DemoRun(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs the demo; returns normally when every step reached its state, throws when one did not in time. */
  public void run() throws InterruptedException {
    List<HasMetadata> examples = ExampleManifests.load(options.examples());
    Instant began = Instant.now();
    start();
    try (LiveTable live = new LiveTable(client, NAMESPACE, out)) {
      table = live;
      examples.forEach(this::apply);
      ConohaServer server = firstV3Server(examples);
      String name = server.getMetadata().getName();
      awaitServer(name, "Running", s -> settled(s, ServerPhase.Running));
      setState(name, ServerState.Stopped);
      awaitServer(name, "Stopped", s -> settled(s, ServerPhase.Stopped));
      snapshot(name);
      setState(name, ServerState.Archived);
      awaitServer(name, "Archived", s -> settled(s, ServerPhase.Archived));
      setState(name, ServerState.Running);
      awaitServer(name, "Running (restored from its archive)", s -> settled(s, ServerPhase.Running));
      awaitAllReady();
    }
    summary(Duration.between(began, Instant.now()));
    if (options.keepRunning()) {
      out.printf("%nStill running. Metrics: curl http://127.0.0.1:%d/metrics   (Ctrl-C to stop)%n",
          stack.metricsPort().getAsInt());
      Thread.currentThread().join();
    }
  }

  private void start() {
    stack = LocalStack.start(new LocalStack.Options(options.timeScale(), Optional.empty(), true, options.metricsPort()));
    client = stack.client();
    out.printf("ConoHa simulators: v2 %s, v3 %s%nKubernetes API (in-process): %s%nOperator metrics: http://127.0.0.1:%d/metrics%n%n",
        stack.simulator(ApiGeneration.V2).identityUrl(), stack.simulator(ApiGeneration.V3).identityUrl(),
        stack.kubernetes().url(), stack.metricsPort().getAsInt());
  }

  private void apply(HasMetadata object) {
    stack.apply(object, NAMESPACE);
  }

  private static ConohaServer firstV3Server(List<HasMetadata> examples) {
    return examples.stream().filter(ConohaServer.class::isInstance).map(ConohaServer.class::cast)
        .filter(s -> s.getSpec().getFlavor().startsWith("g2") && s.getSpec().getImage() != null).findFirst()
        .orElseThrow(() -> new IllegalStateException("the examples have no ConohaServer on a v3 (g2*) plan"
            + " made from a ConoHa image"));
  }

  private void snapshot(String serverName) {
    ConohaImage image = new ConohaImage();
    image.setMetadata(new ObjectMetaBuilder().withName(serverName + "-demo-snapshot").withNamespace(NAMESPACE).build());
    ConohaImageSpec spec = new ConohaImageSpec();
    spec.setCredentialsSecretRef(client.resources(ConohaServer.class).inNamespace(NAMESPACE).withName(serverName).get()
        .getSpec().getCredentialsSecretRef());
    ImageSource source = new ImageSource();
    source.setServerRef(new ResourceRef(serverName));
    spec.setSource(source);
    image.setSpec(spec);
    client.resource(image).create();
    await("snapshot " + image.getMetadata().getName() + " Available", () -> {
      ConohaImage i = client.resources(ConohaImage.class).inNamespace(NAMESPACE).withName(image.getMetadata().getName()).get();
      return i != null && i.getStatus() != null && i.getStatus().isReady();
    });
  }

  private void setState(String name, ServerState state) {
    edit(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  private void edit(String name, UnaryOperator<ConohaServer> change) {
    SpecEdits.edit(client.resources(ConohaServer.class).inNamespace(NAMESPACE).withName(name), change);
  }

  private static boolean settled(ConohaServer s, ServerPhase phase) {
    return s.getStatus() != null && s.getStatus().getPhase() == phase && s.getStatus().isReady()
        && s.getMetadata().getGeneration().equals(s.getStatus().getObservedGeneration());
  }

  private void awaitServer(String name, String what, Predicate<ConohaServer> condition) {
    await(name + " " + what, () -> {
      ConohaServer s = client.resources(ConohaServer.class).inNamespace(NAMESPACE).withName(name).get();
      return s != null && condition.test(s);
    });
  }

  private void awaitAllReady() {
    await("every example Ready", () -> client.resources(ConohaServer.class).inNamespace(NAMESPACE).list().getItems()
        .stream().allMatch(s -> s.getStatus() != null && s.getStatus().isReady())
        && client.resources(ConohaImage.class).inNamespace(NAMESPACE).list().getItems()
        .stream().allMatch(i -> i.getStatus() != null && i.getStatus().isReady()));
  }

  private void await(String what, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + options.stepTimeout().toNanos();
    while (!reached(done)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("demo step did not finish within " + options.stepTimeout().toSeconds()
            + "s: " + what);
      }
      try {
        MILLISECONDS.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  /** Checks a milestone; when reached, the table prints it before the demo moves on. */
  private boolean reached(java.util.function.BooleanSupplier done) {
    if (!done.getAsBoolean()) {
      return false;
    }
    table.refresh();
    return true;
  }

  private void summary(Duration took) {
    out.printf("%nDone in %.1f s. ConoHa API calls:%n", took.toMillis() / 1000.0);
    stack.simulators().forEach((generation, sim) -> {
      out.printf("  %s (%d calls):%n", generation, sim.ledger().total());
      new TreeMap<>(sim.ledger().countsByOperation()).forEach((op, n) -> out.printf("    %-42s %5d%n", op, n));
    });
  }

  @Override
  public void close() {
    if (stack != null) {
      stack.close();
    }
  }
}
