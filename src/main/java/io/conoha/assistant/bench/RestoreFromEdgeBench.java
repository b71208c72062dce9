package io.conoha.assistant.bench;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.DnsSpec;
import io.conoha.assistant.api.DnsWhileArchived;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ScheduleSpec;
import io.conoha.assistant.api.ScheduleWindow;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.Weekday;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.operator.ConohaOperator;
import io.conoha.assistant.operator.OperatorSettings;
import io.conoha.assistant.operator.ScaledClock;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimDns;
import io.conoha.assistant.sim.SimServer;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Restore latency from a window's edge: an archived ConohaServer whose schedule window opens, measured from the
 * edge (on the operator's calendar) until ConoHa answers ACTIVE for the restored server and its DNS A record
 * points at the new address. Repeated over several days' windows; compared with the simulator's own bound (a
 * boot volume from the archive, then a build), the part no operator can take away.
 */
public final class RestoreFromEdgeBench implements AutoCloseable {
  /** A Monday 18:00 UTC: each sample is one day's window (18:00 to 02:00). */
  static final Instant FIRST_EDGE = Instant.parse("2026-11-30T18:00:00Z");
  /**
   * The calendar runs an hour a second, so a day's archive and restore take 24 s; the latency is measured on the wall
   * clock from the instant the calendar passes the edge, and the operator is never told the calendar moved.
   */
  static final double CALENDAR_SCALE = 3600;

  /** What was measured. */
  public record Result(int samples, double p50Seconds, double maxSeconds, double boundSeconds, double timeScale,
      double calendarScale) {}

  private final BenchRun.Options options;
  private final PrintStream out;
  private final ScaledClock calendar = new ScaledClock(java.time.Clock.systemUTC(), FIRST_EDGE.minus(Duration.ofHours(5)),
      CALENDAR_SCALE);
  private ConohaSimulator sim;
  private EmbeddedKubernetes kubernetes;
  private ConohaOperator operator;
  private SimTimings timings;

  public RestoreFromEdgeBench(BenchRun.Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public Result run() {
    start();
    calendar.advance(Duration.between(calendar.instant(), FIRST_EDGE.minus(Duration.ofHours(3))));
    kubernetes.client().resource(gameServer()).create();
    // The first window creates the server from its image; only restores from an archive are measured.
    awaitUntil("the first window's server", this::activeWithDns);
    awaitArchived();
    List<Double> seconds = new ArrayList<>();
    for (int day = 0; day < Math.max(1, options.sample()); day++) {
      Instant edge = nextEdge();
      long edgeNanos = System.nanoTime() + calendar.wallUntil(edge).toNanos();
      awaitUntil("ACTIVE with DNS updated after the window's edge " + edge, this::activeWithDns);
      double took = (System.nanoTime() - edgeNanos) / 1e9;
      seconds.add(took);
      out.printf("window %s: ACTIVE with DNS %.2f s after its edge%n", edge, took);
      awaitArchived(); // at 02:00 on the calendar
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double bound = (timings.volumeCreate().toMillis() + timings.build().toMillis()) / 1000.0;
    return new Result(sorted.length, round(sorted[(sorted.length - 1) / 2]), round(sorted[sorted.length - 1]),
        round(bound), options.timeScale(), CALENDAR_SCALE);
  }

  /** The next 18:00 on the calendar. */
  private Instant nextEdge() {
    Instant edge = FIRST_EDGE;
    while (!edge.isAfter(calendar.instant())) {
      edge = edge.plus(Duration.ofDays(1));
    }
    return edge;
  }

  private void start() {
    timings = SimTimings.realistic().scaled(options.timeScale());
    sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(timings).withImageQuotaBytes(1L << 50));
    kubernetes = EmbeddedKubernetes.start();
    kubernetes.createNamespace(BenchRun.NS);
    kubernetes.client().secrets().inNamespace(BenchRun.NS).resource(new SecretBuilder().withNewMetadata()
        .withName("conoha").endMetadata().withStringData(sim.credentialKeys()).build()).create();
    OperatorSettings settings = OperatorSettings.defaults().withPolls(options.fastPoll(), options.slowPoll())
        .withRateLimit(options.rateLimit()).withCreateGrace(options.slowPoll().multipliedBy(2));
    operator = new ConohaOperator(kubernetes.newClient(), settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        Optional.empty(), calendar);
    operator.start();
  }

  private ConohaServer gameServer() {
    ConohaServer server = new ConohaServer();
    server.setMetadata(new ObjectMetaBuilder().withName("mc").withNamespace(BenchRun.NS).build());
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setCredentialsSecretRef(new ResourceRef("conoha"));
    spec.setFlavor(BenchRun.PLAN);
    spec.setImage(BenchRun.IMAGE);
    spec.setState(ServerState.Archived);
    spec.setSchedule(new ScheduleSpec("UTC", List.of(new ScheduleWindow("evenings", Arrays.asList(Weekday.values()),
        "18:00", "02:00", ServerState.Running))));
    spec.setDns(new DnsSpec(SimDns.SEED_ZONE, "mc", 60, DnsWhileArchived.Keep));
    server.setSpec(spec);
    return server;
  }

  private boolean activeWithDns() {
    List<SimServer> servers = sim.ledger().state().servers();
    if (servers.size() != 1 || !"ACTIVE".equals(servers.get(0).status())) {
      return false;
    }
    List<String> ipv4 = servers.get(0).ipv4();
    return sim.dns().records(SimDns.SEED_ZONE).stream()
        .anyMatch(r -> r.type().equals("A") && r.name().equals("mc." + SimDns.SEED_ZONE) && ipv4.contains(r.data()));
  }

  private void awaitArchived() {
    awaitUntil("archived", () -> {
      ConohaServer s = kubernetes.client().resources(ConohaServer.class).inNamespace(BenchRun.NS).withName("mc").get();
      return s != null && s.getStatus() != null && s.getStatus().getPhase() == ServerPhase.Archived
          && s.getStatus().isReady() && sim.ledger().state().servers().isEmpty();
    });
  }

  private void awaitUntil(String what, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("restore bench: gave up waiting for " + what + " after " + options.timeout());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
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
