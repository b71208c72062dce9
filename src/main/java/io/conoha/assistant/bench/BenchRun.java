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
 * in-process Kubernetes API, all in this JVM, or with {@code operatorProcess} the operator in a JVM of its own
 * ({@link OperatorProcess}). Measures convergence, API cost, steady-state polling, reaction time (idle, and for
 * fresh resources while the N converge) and memory; then archives and restores a sample. The operator is watched
 * through its metrics text in both modes.
 */
public final class BenchRun implements AutoCloseable {
  static final String NS = "bench";
  static final String PLAN = "g2l-t-c1m512";
  static final String IMAGE = "vmi-ubuntu-24.04-amd64";
  static final int PROBES = 20;
  /** Below this many servers convergence is too short to create probes during it. */
  static final int LOADED_PROBES_FROM = 100;

  /** Bench parameters; {@code operatorProcess} null runs the operator in this JVM. */
  public record Options(int servers, long latencyMs, double timeScale, double rateLimit, int idlePolls, int sample,
      Duration fastPoll, Duration slowPoll, Duration timeout, OperatorProcess.Launch operatorProcess) {}

  /** Where the container's JVM flags are, on the classpath (and below src/main/resources for the image). */
  public static final String JVM_OPTIONS_RESOURCE = OperatorProcess.JVM_OPTIONS;
  /** The chart's default jvmOptions, which the operator process gets as JAVA_TOOL_OPTIONS. */
  public static final String CHART_JAVA_TOOL_OPTIONS = OperatorProcess.CHART_JAVA_TOOL_OPTIONS;

  /** The container's JVM flags, from jvm.options (what the image runs the operator with). */
  public static List<String> containerJvmOptions() {
    return OperatorProcess.containerJvmOptions();
  }

  /** How the operator process is started: the jar, the container's memory limit, JVM flags, extra arguments. */
  public static OperatorProcess.Launch operatorLaunch(Path jar, String memoryLimit, List<String> jvmOptions,
      boolean classData) {
    return new OperatorProcess.Launch(jar, memoryLimit, jvmOptions, List.of(), classData);
  }

  private final Options options;
  private final PrintStream out;
  private final Map<String, Long> createdAtMillis = new ConcurrentHashMap<>();
  private ConohaSimulator sim;
  private EmbeddedKubernetes kubernetes;
  private KubernetesClient client;
  private ConohaOperator operator;
  private OperatorProcess process;
  /** The operator process's JVM flags as started (with the trained class-data archive, if any). */
  private List<String> measuredJvmOptions = List.of();
  private PrometheusMeterRegistry registry;
  private SimTimings timings;
  private final List<String> loadedProbes = new ArrayList<>();

  public BenchRun(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public BenchResult run() throws IOException {
    start();
    long began = System.nanoTime();
    createServers();
    createLoadedProbes();
    awaitAllRunning();
    double converge = (System.nanoTime() - began) / 1e9;
    List<Long> bulkReactions = reactionTimes(name -> name.startsWith("bench-"));
    List<Long> loadedReactions = reactionTimes(loadedProbes::contains);
    long kubernetesRequests = kubernetes.requests();
    Map<String, Long> kubernetesByKind = kubernetes.requestsByKind();
    String convergeMetrics = metricsText();
    Map<String, Long> convergeCalls = new TreeMap<>(sim.ledger().countsByOperation());
    long convergeTotal = sim.ledger().total();
    out.printf("converged: %d servers in %.1f s, %d ConoHa calls%n", converged(), converge, convergeTotal);
    out.printf("fresh resources while converging: first call p50 %d ms, p99 %d ms over %d probes%n",
        percentile(loadedReactions, 50), percentile(loadedReactions, 99), loadedReactions.size());
    convergeMetrics.lines().filter(l -> l.startsWith("conoha_assistant_status_writes_total{"))
        .forEach(l -> out.println("status writes: " + l));

    double[] steady = idle();
    List<Long> idleReactions = probeReactions();
    double archiveRestore = archiveAndRestoreSample();
    Map<String, Long> allCalls = new TreeMap<>(convergeCalls);
    sim.ledger().countsByOperation().forEach((op, n) -> allCalls.merge(op, n, Long::sum));
    long heap = usedHeapAfterGc();
    BenchResult.OperatorProcessFigures processFigures = process == null ? null : processFigures();
    return new BenchResult(options.servers(), loadedProbes.size(), round(converge), round(boundSeconds()),
        round(converge / boundSeconds()), allCalls,
        round((double) convergeTotal / converged()), round(steady[0]), (long) steady[1], authCalls(allCalls),
        percentile(idleReactions, 50), percentile(idleReactions, 99), percentile(loadedReactions, 50),
        percentile(loadedReactions, 99), percentile(bulkReactions, 50), percentile(bulkReactions, 99),
        waitMillis(convergeMetrics, "urgent"), waitMillis(convergeMetrics, "bulk"),
        kubernetesRequests, round((double) kubernetesRequests / converged()),
        round((double) operatorRequests(kubernetesRequests, kubernetesByKind) / converged()), kubernetesByKind,
        round(archiveRestore), sampleSize(), heap, rssMiB(), options.rateLimit(),
        options.latencyMs(), processFigures);
  }

  /**
   * The operator's share of the Kubernetes requests: all of them less the bench's own (the set-up, one create per
   * server, and the one listing that checks convergence).
   */
  private static long operatorRequests(long all, Map<String, Long> byKind) {
    long bench = 1;
    for (String own : List.of("POST conohaservers", "POST customresourcedefinitions", "POST namespaces",
        "POST secrets")) {
      bench += byKind.getOrDefault(own, 0L);
    }
    return all - bench;
  }

  private int converged() {
    return options.servers() + loadedProbes.size();
  }

  /**
   * Fresh resources while the N converge: once the N exist and are no longer fresh themselves (the operator's fresh
   * window has passed since they were created), one new server every 500 ms, each measured from its creation to its
   * first ConoHa call.
   */
  private void createLoadedProbes() {
    if (options.servers() < LOADED_PROBES_FROM) {
      return;
    }
    sleep(OperatorSettings.FRESH_WINDOW.plusSeconds(1)); // creation times have whole seconds
    for (int i = 0; i < PROBES; i++) {
      String name = String.format("loaded-%02d", i);
      loadedProbes.add(name);
      createServer(name);
      sleep(Duration.ofMillis(500));
    }
  }

  /** Longest wait of a call in a lane of the rate limit until convergence, in ms (-1: no call in that lane). */
  private static long waitMillis(String metrics, String lane) {
    double max = MetricsText.sum(metrics, "conoha_assistant_api_ratelimit_wait_seconds_max", Map.of("priority", lane));
    double count = MetricsText.sum(metrics, "conoha_assistant_api_ratelimit_wait_seconds_count",
        Map.of("priority", lane));
    return count == 0 ? -1 : Math.round(max * 1000);
  }

  private BenchResult.OperatorProcessFigures processFigures() {
    long heap = process.heapAfterGcMiB();
    return new BenchResult.OperatorProcessFigures(process.rssMiB(), heap, round(process.cpuSeconds()),
        process.threads(), process.readyMillis(), measuredJvmOptions,
        options.operatorProcess().memoryLimit());
  }

  private String metricsText() {
    return process != null ? process.scrape() : registry.scrape();
  }

  private void start() throws IOException {
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
    Duration createGrace = options.slowPoll().multipliedBy(2);
    if (options.operatorProcess() != null) {
      OperatorProcess.Launch launch = options.operatorProcess();
      List<String> args = List.of("--fast-poll", millis(options.fastPoll()), "--slow-poll", millis(options.slowPoll()),
          "--rate-limit", Double.toString(options.rateLimit()), "--create-grace", millis(createGrace));
      OperatorProcess.Launch measured = new OperatorProcess.Launch(launch.jar(), launch.memoryLimit(),
          launch.jvmOptions(), args, launch.classData());
      if (launch.classData()) {
        Path archive = OperatorProcess.trainClassData(measured, kubernetes.url(), Duration.ofMinutes(2));
        measured = measured.withJvmOption("-XX:SharedArchiveFile=" + archive);
      }
      process = OperatorProcess.start(measured, kubernetes.url(), Duration.ofMinutes(2));
      measuredJvmOptions = measured.jvmOptions();
      out.printf("operator process %d ready in %d ms (%s)%n", process.pid(), process.readyMillis(),
          String.join(" ", measuredJvmOptions));
      return;
    }
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OperatorSettings settings = OperatorSettings.defaults().withPolls(options.fastPoll(), options.slowPoll())
        .withRateLimit(options.rateLimit()).withCreateGrace(createGrace);
    operator = new ConohaOperator(kubernetes.newClient(), settings, registry, Optional.empty());
    operator.start();
  }

  private static String millis(Duration d) {
    return d.toMillis() + "ms";
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
    awaitUntil("probes reached ConoHa", () -> reactionTimes(probes::contains).size() == PROBES);
    List<Long> reactions = reactionTimes(probes::contains);
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

  /**
   * Resource created → first ConoHa call for it, for the resources whose names pass {@code named}: the intent token
   * on its boot volume carries the time the reconcile that made the call began.
   */
  private List<Long> reactionTimes(Predicate<String> named) {
    List<Long> reactions = new ArrayList<>();
    sim.ledger().state().volumes().forEach(v -> {
      if (!named.test(v.metadata().getOrDefault(Tags.RESOURCE, "").replace(NS + ".", ""))) {
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
    double rateBound = 2.0 * converged() / options.rateLimit();
    return rateBound + (timings.volumeCreate().toMillis() + timings.build().toMillis()) / 1000.0;
  }

  private static long authCalls(Map<String, Long> calls) {
    return calls.getOrDefault("identity.tokens", 0L);
  }

  private double polls() {
    return MetricsText.sum(metricsText(), "conoha_assistant_account_polls_total", Map.of("result", "success"));
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
    awaitUntil("all Ready", () -> runningAndReady() >= converged());
    List<ConohaServer> all = client.resources(ConohaServer.class).inNamespace(NS).list().getItems();
    if (all.size() != converged() || !all.stream().allMatch(s -> ready(s, ServerPhase.Running))) {
      throw new IllegalStateException("bench: the gauges said Ready but the resources disagree");
    }
  }

  /**
   * The fewer of the operator's Running and Ready server gauges. In this JVM they are read from the registry: its
   * text holds every resource's own series, and rendering ten thousand of them each second was a quarter of the
   * bench's CPU at N = 10 000.
   */
  private double runningAndReady() {
    if (process == null) {
      return Math.min(registryGauge("conoha_assistant.resources", "phase", "Running"),
          registryGauge("conoha_assistant.resources.ready"));
    }
    String metrics = metricsText();
    return Math.min(gauge(metrics, "conoha_assistant_resources", Map.of("phase", "Running")),
        gauge(metrics, "conoha_assistant_resources_ready", Map.of()));
  }

  private double registryGauge(String name, String... tags) {
    var gauge = registry.find(name).tags("kind", "ConohaServer").tags(tags).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private static double gauge(String metrics, String name, Map<String, String> labels) {
    Map<String, String> wanted = new TreeMap<>(labels);
    wanted.put("kind", "ConohaServer");
    return MetricsText.sum(metrics, name, wanted);
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
      // Watching 10 000 resources' metrics ten times a second would cost the operator more than it costs itself.
      sleep(Duration.ofMillis(options.servers() > 1000 ? 1000 : 100));
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
    if (process != null) {
      process.close();
    }
    if (kubernetes != null) {
      kubernetes.close();
    }
    if (sim != null) {
      sim.close();
    }
  }
}
