package io.conoha.assistant.metrics;

import io.conoha.assistant.api.ConditionedStatus;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.UsageRecord;
import io.fabric8.kubernetes.client.CustomResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's own meters (the ConoHa client and JOSDK add theirs). Everything is computed from what
 * reconciles observe, so a scrape costs no API call. Names are documented in the README; timers get their
 * buckets from {@link Histograms}.
 */
public final class OperatorMetrics {
  public static final String PREFIX = "conoha_assistant.";

  private record Seen(String kind, String namespace, String name, String phase, boolean ready, Instant serverCreated,
      UsageRecord usage) {}

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Set<String> becameReady = ConcurrentHashMap.newKeySet();
  private final Map<String, Gauge> existenceGauges = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<Gauge>> usageGauges = new ConcurrentHashMap<>();
  private final AtomicInteger leader = new AtomicInteger();

  public OperatorMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    phaseGauges(kindOf(ConohaServer.class), Arrays.stream(ServerPhase.values()).map(Enum::name).toList());
    phaseGauges(kindOf(ConohaImage.class), Arrays.stream(ImagePhase.values()).map(Enum::name).toList());
    Gauge.builder(PREFIX + "servers.building.seconds.max", this, OperatorMetrics::oldestBuildSeconds)
        .description("Age of the oldest server still being created (0 when none)").register(registry);
    Gauge.builder(PREFIX + "leader", leader, AtomicInteger::get)
        .description("1 on the replica that holds the leader lease").register(registry);
    for (String kind : new String[] {"ConohaServer", "ConohaImage"}) {
      timeToReady(kind);
    }
    archiveTimer();
    restoreTimer();
    polls(true);
    polls(false);
  }

  /**
   * Records what a reconcile left in a resource's status ({@code resource}: as written), and its usage counts as this
   * reconcile made them ({@code current}): a recount alone is written only hourly, the usage gauges are current.
   */
  public void observe(String kind, CustomResource<?, ? extends ConditionedStatus> resource, ConditionedStatus current) {
    ConditionedStatus status = resource.getStatus();
    String uid = resource.getMetadata().getUid();
    if (status == null || uid == null) {
      return;
    }
    Instant serverCreated = status instanceof ConohaServerStatus s && s.getServerCreatedAt() != null
        ? Instant.parse(s.getServerCreatedAt()) : null;
    UsageRecord usage = current instanceof ConohaServerStatus c && c.getUsage() != null ? copy(c.getUsage())
        : status instanceof ConohaServerStatus s ? s.getUsage() : null;
    seen.put(uid, new Seen(kind, resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
        status.getPhaseName(), status.isReady(), serverCreated, usage));
    if (usage != null) {
      usageGauges.computeIfAbsent(uid, u -> usageGauges(u, resource));
    }
    if (status.isReady() && becameReady.add(uid)) {
      Instant created = Instant.parse(resource.getMetadata().getCreationTimestamp());
      timeToReady(kind).record(Duration.between(created, clock.instant()));
    }
    if (serverCreated != null) {
      // resource_namespace, not namespace: Prometheus Operator's target label "namespace" (the operator
      // pod's) would otherwise overwrite it, and same-named servers of two namespaces would collapse.
      existenceGauges.computeIfAbsent(uid, u -> Gauge.builder(PREFIX + "server.existence", this,
              m -> m.existenceSeconds(u))
          .description("Seconds the server's current ConoHa instance has existed (it is billed while it exists)")
          .baseUnit("seconds")
          .tags("resource_namespace", resource.getMetadata().getNamespace(),
              "resource_name", resource.getMetadata().getName())
          .register(registry));
    }
  }

  /** A copy: the reconcile's status object is its own and may change after this. */
  private static UsageRecord copy(UsageRecord usage) {
    UsageRecord copy = new UsageRecord();
    copy.setBilledSeconds(usage.getBilledSeconds());
    copy.setArchivedSeconds(usage.getArchivedSeconds());
    copy.setCountedAt(usage.getCountedAt());
    return copy;
  }

  /** Forgets a deleted resource. */
  public void forget(CustomResource<?, ?> resource) {
    String uid = resource.getMetadata().getUid();
    seen.remove(uid);
    becameReady.remove(uid);
    Gauge g = existenceGauges.remove(uid);
    if (g != null) {
      registry.remove(g);
    }
    java.util.List<Gauge> usage = usageGauges.remove(uid);
    if (usage != null) {
      usage.forEach(registry::remove);
    }
  }

  /**
   * Seconds billed as a server and seconds archived, from status (so they survive restarts). Labelled
   * resource_namespace/resource_name: Prometheus' own target labels (namespace, pod, …) are left to it.
   */
  private java.util.List<Gauge> usageGauges(String uid, CustomResource<?, ?> resource) {
    String namespace = resource.getMetadata().getNamespace();
    String name = resource.getMetadata().getName();
    return java.util.List.of(
        Gauge.builder(PREFIX + "server.billed.seconds", this, m -> m.usage(uid, true))
            .description("Seconds a ConoHa server existed for this resource (billed as a server)")
            .tags("resource_namespace", namespace, "resource_name", name).register(registry),
        Gauge.builder(PREFIX + "server.archived.seconds", this, m -> m.usage(uid, false))
            .description("Seconds this resource was archived (no server billed)")
            .tags("resource_namespace", namespace, "resource_name", name).register(registry));
  }

  private double usage(String uid, boolean billed) {
    Seen s = seen.get(uid);
    if (s == null || s.usage() == null) {
      return 0;
    }
    return billed ? s.usage().getBilledSeconds() : s.usage().getArchivedSeconds();
  }

  public void archived(Duration took) {
    archiveTimer().record(took);
  }

  public void restored(Duration took) {
    restoreTimer().record(took);
  }

  /**
   * One status write to the Kubernetes API, by what it carried: {@code intent} (before a create), or the phase it
   * wrote. Shows where a resource's Kubernetes requests go.
   */
  public void statusWritten(String kind, String what) {
    Counter.builder(PREFIX + "status.writes").description("Status writes to the Kubernetes API, by what they carried")
        .tags("kind", kind, "what", what).register(registry).increment();
  }

  public void polled(boolean success) {
    polls(success).increment();
  }

  public void setLeader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  private void phaseGauges(String kind, java.util.List<String> phases) {
    for (String phase : phases) {
      Gauge.builder(PREFIX + "resources", this, m -> m.count(kind, phase))
          .description("Resources by kind and phase").tags("kind", kind, "phase", phase).register(registry);
    }
    Gauge.builder(PREFIX + "resources.ready", this, m -> m.countReady(kind, true))
        .description("Resources with Ready=True").tags("kind", kind).register(registry);
    Gauge.builder(PREFIX + "resources.not.ready", this, m -> m.countReady(kind, false))
        .description("Resources without Ready=True").tags("kind", kind).register(registry);
  }

  private double count(String kind, String phase) {
    return seen.values().stream().filter(s -> s.kind().equals(kind) && phase.equals(s.phase())).count();
  }

  private double countReady(String kind, boolean ready) {
    return seen.values().stream().filter(s -> s.kind().equals(kind) && s.ready() == ready).count();
  }

  private double existenceSeconds(String uid) {
    Seen s = seen.get(uid);
    if (s == null || s.serverCreated() == null) {
      return 0;
    }
    return Duration.between(s.serverCreated(), clock.instant()).toSeconds();
  }

  private double oldestBuildSeconds() {
    Instant now = clock.instant();
    return seen.values().stream()
        .filter(s -> ("Creating".equals(s.phase()) || "Restoring".equals(s.phase())) && s.serverCreated() != null)
        .mapToDouble(s -> Duration.between(s.serverCreated(), now).toSeconds()).max().orElse(0);
  }

  private Timer timeToReady(String kind) {
    return Timer.builder(PREFIX + "time.to.ready").description("Time from resource creation to its first Ready=True")
        .tags("kind", kind).register(registry);
  }

  private Timer archiveTimer() {
    return Timer.builder(PREFIX + "archive.duration").description("Time to archive a server (stop, save, delete)")
        .register(registry);
  }

  private Timer restoreTimer() {
    return Timer.builder(PREFIX + "restore.duration").description("Time to restore an archived server until it runs")
        .register(registry);
  }

  private Counter polls(boolean success) {
    return Counter.builder(PREFIX + "account.polls").description("Account listings polled, by result")
        .tags("result", success ? "success" : "failure").register(registry);
  }

  private static String kindOf(Class<?> type) {
    return type.getSimpleName();
  }
}
