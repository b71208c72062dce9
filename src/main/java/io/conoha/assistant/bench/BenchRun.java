package io.conoha.assistant.bench;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.operator.ConohaOperator;
import io.conoha.assistant.operator.OperatorSettings;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The benchmark: N ConohaServers on one v3 account, run by the real operator against the simulator and an
 * in-process Kubernetes API, all in this JVM. Measures convergence, API cost, steady-state polling, reaction
 * time and memory; then archives and restores a sample.
 */
public final class BenchRun implements AutoCloseable {
  static final String NS = "bench";
  static final String PLAN = "g2l-t-c1m512";
  static final String IMAGE = "vmi-ubuntu-24.04-amd64";
  static final int PROBES = 20;

  /** Bench parameters. */
  public record Options(int servers, long latencyMs, double timeScale, double rateLimit, int idlePolls, int sample,
      Duration fastPoll, Duration slowPoll, Duration timeout) {}

  private final Options options;
  private final PrintStream out;
  private final Map<String, Long> createdAtMillis = new ConcurrentHashMap<>();
  private ConohaSimulator sim;
  private EmbeddedKubernetes kubernetes;
  private KubernetesClient client;
  private ConohaOperator operator;
  private PrometheusMeterRegistry registry;
  private SimTimings timings;

  public BenchRun(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public BenchResult run() {
    start();
    long began = System.nanoTime();
    createServers();
    awaitAllRunning();
    double converge = (System.nanoTime() - began) / 1e9;
    List<Long> reactions = reactionTimes();
    long kubernetesRequests = kubernetes.requests();
    Map<String, Long> convergeCalls = new TreeMap<>(sim.ledger().countsByOperation());
    long convergeTotal = sim.ledger().total();
    out.printf("converged: %d servers in %.1f s, %d ConoHa calls%n", options.servers(), converge, convergeTotal);

    double[] steady = idle();
    List<Long> idleReactions = probeReactions();
    double archiveRestore = archiveAndRestoreSample();
    Map<String, Long> allCalls = new TreeMap<>(convergeCalls);
    sim.ledger().countsByOperation().forEach((op, n) -> allCalls.merge(op, n, Long::sum));
    long heap = usedHeapAfterGc();
    return new BenchResult(options.servers(), round(converge), round(boundSeconds()), allCalls,
        round((double) convergeTotal / options.servers()), round(steady[0]), (long) steady[1], authCalls(allCalls),
        percentile(idleReactions, 50), percentile(idleReactions, 99), percentile(reactions, 50),
        percentile(reactions, 99), kubernetesRequests, round((double) kubernetesRequests / options.servers()),
        round(archiveRestore), sampleSize(), heap, rssMiB(), options.rateLimit(),
        options.latencyMs());
  }

  private void start() {
    timings = SimTimings.realistic().scaled(options.timeScale());
    SimConfig config = SimConfig.defaults(ApiGeneration.V3).withTimings(timings)
        .withImageQuotaBytes(1L << 50);
    sim = ConohaSimulator.start(config);
    if (options.latencyMs() > 0) {
      sim.faults().latency(Duration.ofMillis(options.latencyMs()), Duration.ofMillis(options.latencyMs()));
    }
    kubernetes = EmbeddedKubernetes.start();
    kubernetes.createNamespace(NS);
    client = kubernetes.client();
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("conoha").endMetadata()
        .withStringData(sim.credentialKeys()).build()).create();
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorSettings settings = OperatorSettings.defaults().withPolls(options.fastPoll(), options.slowPoll())
        .withRateLimit(options.rateLimit()).withCreateGrace(options.slowPoll().multipliedBy(2));
    operator = new ConohaOperator(kubernetes.newClient(), settings, registry, Optional.empty());
    operator.start();
  }

  private void createServers() {
    for (int i = 0; i < options.servers(); i++) {
      createServer(String.format("bench-%04d", i));
    }
  }

  /**
   * Reaction with the operator otherwise idle: new servers created one at a time, each measured from its
   * creation to the first ConoHa call made for it (the create intent carries the call's time).
   */
  private List<Long> probeReactions() {
    List<String> probes = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      String name = String.format("probe-%02d", i);
      probes.add(name);
      createServer(name);
      sleep(Duration.ofMillis(300));
    }
    awaitUntil("probes reached ConoHa", () -> reactionTimes(probes).size() == PROBES);
    List<Long> reactions = reactionTimes(probes);
    probes.forEach(n -> client.resources(ConohaServer.class).inNamespace(NS).withName(n).delete());
    awaitUntil("probes deleted", () -> probes.stream()
        .allMatch(n -> client.resources(ConohaServer.class).inNamespace(NS).withName(n).get() == null));
    out.printf("idle reaction: p50 %d ms, p99 %d ms over %d probes%n", percentile(reactions, 50),
        percentile(reactions, 99), reactions.size());
    return reactions;
  }

  private void createServer(String name) {
    ConohaServer server = new ConohaServer();
    server.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setCredentialsSecretRef(new ResourceRef("conoha"));
    spec.setFlavor(PLAN);
    spec.setImage(IMAGE);
    spec.setState(ServerState.Running);
    server.setSpec(spec);
    long before = System.currentTimeMillis();
    String uid = client.resource(server).create().getMetadata().getUid();
    createdAtMillis.put(uid, before);
  }

  /** Resource created → first ConoHa call for it: the intent token on its boot volume carries the call's time. */
  private List<Long> reactionTimes() {
    return reactionTimes(null);
  }

  /** As above, for the named resources only (null: all). */
  private List<Long> reactionTimes(List<String> names) {
    List<Long> reactions = new ArrayList<>();
    sim.ledger().state().volumes().forEach(v -> {
      if (names != null && !names.contains(v.metadata().getOrDefault(Tags.RESOURCE, "").replace(NS + ".", ""))) {
        return;
      }
      String owner = v.metadata().get(Tags.OWNER);
      String intent = v.metadata().get(Tags.INTENT);
      Long created = owner == null ? null : createdAtMillis.get(owner);
      if (created != null && intent != null && intent.contains(".")) {
        reactions.add(Long.parseLong(intent.substring(intent.lastIndexOf('.') + 1)) - created);
      }
    });
    reactions.sort(Long::compare);
    return reactions;
  }

  /** Lets everything idle for some slow polls; returns {calls per poll, polls}. */
  private double[] idle() {
    sim.ledger().reset();
    double pollsBefore = polls();
    sleep(options.slowPoll().multipliedBy(options.idlePolls()).plusMillis(200));
    double polls = polls() - pollsBefore;
    long calls = sim.ledger().total();
    out.printf("idle: %d ConoHa calls over %.0f polls%n", calls, polls);
    return new double[] {polls == 0 ? calls : calls / polls, polls};
  }

  private double archiveAndRestoreSample() {
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < sampleSize(); i++) {
      sample.add(String.format("bench-%04d", i));
    }
    long began = System.nanoTime();
    sample.forEach(n -> setState(n, ServerState.Archived));
    awaitNamed(sample, "sample Archived", s -> ready(s, ServerPhase.Archived));
    sample.forEach(n -> setState(n, ServerState.Running));
    awaitNamed(sample, "sample restored", s -> ready(s, ServerPhase.Running));
    double took = (System.nanoTime() - began) / 1e9;
    out.printf("archived and restored %d servers in %.1f s%n", sample.size(), took);
    return took;
  }

  private int sampleSize() {
    return Math.min(options.sample(), options.servers());
  }

  private void setState(String name, ServerState state) {
    SpecEdits.edit(client.resources(ConohaServer.class).inNamespace(NS).withName(name), s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  /**
   * The best any operator could do: the rate limit spaces the two creates per server (boot volume, server),
   * and the last server still needs its volume made and its build done.
   */
  private double boundSeconds() {
    double rateBound = 2.0 * options.servers() / options.rateLimit();
    return rateBound + (timings.volumeCreate().toMillis() + timings.build().toMillis()) / 1000.0;
  }

  private static long authCalls(Map<String, Long> calls) {
    return calls.getOrDefault("identity.tokens", 0L);
  }

  private double polls() {
    Counter ok = registry.find("conoha_assistant.account.polls").tag("result", "success").counter();
    return ok == null ? 0 : ok.count();
  }

  private static boolean ready(ConohaServer s, ServerPhase phase) {
    return s.getStatus() != null && s.getStatus().getPhase() == phase && s.getStatus().isReady();
  }

  /**
   * Waits until the operator's own gauges count N servers Running and Ready: listing 1000 resources from the
   * in-process API server several times a second would load it as much as the operator does and skew the result.
   * The final check reads every resource once.
   */
  private void awaitAllRunning() {
    awaitUntil("all Ready", () -> gauge("conoha_assistant.resources", "phase", "Running") >= options.servers()
        && gauge("conoha_assistant.resources.ready", null, null) >= options.servers());
    List<ConohaServer> all = client.resources(ConohaServer.class).inNamespace(NS).list().getItems();
    if (all.size() != options.servers() || !all.stream().allMatch(s -> ready(s, ServerPhase.Running))) {
      throw new IllegalStateException("bench: the gauges said Ready but the resources disagree");
    }
  }

  private double gauge(String name, String tag, String value) {
    var search = registry.find(name).tag("kind", "ConohaServer");
    if (tag != null) {
      search = search.tag(tag, value);
    }
    var gauge = search.gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private void awaitNamed(List<String> names, String what, Predicate<ConohaServer> condition) {
    awaitUntil(what, () -> names.stream()
        .map(n -> client.resources(ConohaServer.class).inNamespace(NS).withName(n).get())
        .allMatch(s -> s != null && condition.test(s)));
  }

  private void awaitUntil(String what, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("bench: not reached within " + options.timeout().toSeconds() + " s: " + what);
      }
      sleep(Duration.ofMillis(100));
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(Duration.ofMillis(200));
    }
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }

  private static long rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: reported as -1
    }
    return -1;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (operator != null) {
      operator.close();
    }
    if (kubernetes != null) {
      kubernetes.close();
    }
    if (sim != null) {
      sim.close();
    }
  }
}
