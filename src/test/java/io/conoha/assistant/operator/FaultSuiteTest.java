package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.Resources.snapshotOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimImage;
import io.conoha.assistant.sim.SimServer;
import io.conoha.assistant.sim.SimTimings;
import io.conoha.assistant.sim.SimVolume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Many server lifecycles (create, stop, snapshot, archive, restore, delete) while ConoHa misbehaves in every
 * way the simulator knows and the operator is killed and restarted at random moments. Afterwards the ledger must
 * show every resource reached its state, no duplicate and no leak, and a bounded number of calls.
 * {@code -Dfaults.servers=N} runs a longer suite.
 */
class FaultSuiteTest {
  private static final int SERVERS = Integer.getInteger("faults.servers", 4);
  /** Faults and restarts may cost retries and lookups, but never more than this many times the fault-free calls. */
  private static final double CALL_BUDGET = 4.0;

  @Test
  void lifecyclesUnderFaultsAndRestartsLeaveNoDuplicateNoLeakAndStayWithinBudget() throws Exception {
    long faultFree = runLifecycles(false);
    long faulty = runLifecycles(true);
    System.out.printf("fault suite: %d servers, %d calls fault-free, %d calls with faults (budget %.1fx)%n",
        SERVERS, faultFree, faulty, CALL_BUDGET);
    assertThat(faulty).isLessThanOrEqualTo((long) (faultFree * CALL_BUDGET));
  }

  /** Runs the lifecycles and returns the ConoHa calls they took. */
  private long runLifecycles(boolean withFaults) throws Exception {
    // Room for every snapshot and archive: the default 50 GB quota holds about 16 saved images.
    SimConfig config = SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()).withSeed(42)
        .withImageQuotaBytes(1L << 40);
    try (Testbed bed = Testbed.start(config)) {
      ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
      if (withFaults) {
        injectFaults(bed);
        Random random = new Random(7);
        chaos.scheduleWithFixedDelay(() -> bed.restartOperator(), 1500 + random.nextInt(1000), 2500 + random.nextInt(1500),
            TimeUnit.MILLISECONDS);
        chaos.schedule(() -> bed.sim.faults().revokeTokens(), 3, TimeUnit.SECONDS);
      }
      List<CompletableFuture<Void>> lifecycles = IntStream.range(0, SERVERS)
          .mapToObj(i -> CompletableFuture.runAsync(() -> lifecycle(bed, "s" + i))).toList();
      try {
        CompletableFuture.allOf(lifecycles.toArray(CompletableFuture[]::new)).get(170, TimeUnit.SECONDS);
        checkNoDuplicates(bed);
      } finally {
        chaos.shutdownNow();
        chaos.awaitTermination(10, TimeUnit.SECONDS);
      }
      if (withFaults) {
        System.out.println("injected: " + bed.sim.faults().describe());
      }
      assertNothingLeaked(bed);
      System.out.println((withFaults ? "with faults" : "fault-free") + " calls: " + bed.sim.ledger().countsByOperation());
      return bed.sim.ledger().total();
    }
  }

  private static void injectFaults(Testbed bed) {
    var faults = bed.sim.faults();
    for (String op : List.of("servers.list", "servers.get", "images.list", "volumes.list", "servers.action.os-stop")) {
      faults.errorRate(op, 503, 0.05);
      faults.errorRate(op, 500, 0.03);
      faults.rateLimitRate(op, 0.03, Duration.ofSeconds(1));
    }
    faults.hangNext("servers.list", 1);
    faults.hangNext("servers.create", 1);
    faults.createThenFail("servers.create", 2);
    faults.createThenFail("volumes.create", 1);
    faults.createThenFail("servers.action.createImage", 1);
    faults.listLag(Duration.ofMillis(500));
  }

  private static void lifecycle(Testbed bed, String name) {
    bed.apply(server(name, V3_PLAN, UBUNTU, ServerState.Running));
    awaitServer(bed, name, ServerPhase.Running);
    setState(bed, name, ServerState.Stopped);
    awaitServer(bed, name, ServerPhase.Stopped);
    bed.apply(snapshotOf(name + "-snap", name));
    bed.awaitImage(name + "-snap", "snapshot of " + name,
        i -> i.getStatus() != null && i.getStatus().getPhase() == ImagePhase.Available && i.getStatus().isReady());
    setState(bed, name, ServerState.Archived);
    awaitServer(bed, name, ServerPhase.Archived);
    setState(bed, name, ServerState.Running);
    awaitServer(bed, name, ServerPhase.Running);
    bed.deleteServer(name);
    bed.awaitServerGone(name);
  }

  private static void setState(Testbed bed, String name, ServerState state) {
    bed.editServer(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  private static ConohaServer awaitServer(Testbed bed, String name, ServerPhase phase) {
    return bed.awaitServer(name, name + " " + phase, s -> ServerScenariosTest.ready(s) && ServerScenariosTest.phase(s, phase));
  }

  private static void checkNoDuplicates(Testbed bed) {
    var state = bed.sim.ledger().state();
    assertThat(countBy(state.servers(), s -> s.metadata().get(Tags.OWNER))).allSatisfy((owner, n) -> assertThat(n).isLessThanOrEqualTo(1));
    assertThat(countBy(state.volumes(), v -> v.metadata().get(Tags.OWNER))).allSatisfy((owner, n) -> assertThat(n).isLessThanOrEqualTo(1));
  }

  /** After every server resource is deleted: no server, no volume, and only the Retain snapshots remain. */
  private static void assertNothingLeaked(Testbed bed) {
    var state = bed.sim.ledger().state();
    assertThat(state.servers()).extracting(SimServer::id).isEmpty();
    assertThat(state.volumes()).extracting(SimVolume::id).isEmpty();
    List<SimImage> saved = state.images().stream().filter(i -> "private".equals(i.visibility())).toList();
    List<String> snapshots = new ArrayList<>();
    for (int i = 0; i < SERVERS; i++) {
      ConohaImage snap = bed.image("s" + i + "-snap");
      snapshots.add(snap.getStatus().getImageId());
    }
    assertThat(saved).extracting(SimImage::id).as("exactly the snapshots (Retain); archives deleted with their servers")
        .containsExactlyInAnyOrderElementsOf(snapshots);
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    return items.stream().filter(i -> key.apply(i) != null).collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
