package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.ConditionedStatus;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.Ledger;
import io.conoha.assistant.sim.SimConfig;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chaos run: the seed's actions against the real operator, then settling, then deleting everything, with the
 * invariants checked from the simulator's ledger. The result carries the trace that replays it.
 */
final class ChaosRun {
  private static final Duration SETTLE = Duration.ofSeconds(15);
  private static final Duration DELETE = Duration.ofSeconds(15);
  /** Saves take 600 ms instead of the fast 300 ms, so that more flips land while a save is running. */
  private static final Duration IMAGE_SAVE = Duration.ofMillis(600);
  /**
   * The call budget, besides listings (which the poll interval bounds, not the actions): BASE for the account's
   * first token, plans, images, quota; PER_ACTION for what one action can cost at most in the worst case the run
   * allows: an archive or a restore is about 8 calls (stop, quota, save, image lookups, delete server, delete
   * volume, create volume, create server), a fault or a revoked token adds its retries and a new token, a restart
   * re-reads everything once; the rest is headroom for lookups after uncertain answers. A loop (two resources
   * fighting over one server, a retry without back-off) blows through it within seconds.
   */
  static final int BASE_CALLS = 30;
  static final int CALLS_PER_ACTION = 15;

  record Result(long seed, ApiGeneration generation, List<String> trace, List<String> broken, String summary) {
    String report() {
      StringBuilder sb = new StringBuilder();
      sb.append("chaos seed ").append(seed).append(" (").append(generation).append(") broke ")
          .append(broken.size()).append(broken.size() == 1 ? " promise" : " promises").append('\n');
      broken.forEach(b -> sb.append("  - ").append(b).append('\n'));
      sb.append("replay: mvn -B test -Dtest=ChaosTest -Dchaos.seed=").append(seed).append('\n');
      sb.append("trace (planned ms, actual ms, action -> what it resolved):\n");
      trace.forEach(t -> sb.append("  ").append(t).append('\n'));
      sb.append(summary).append('\n');
      return sb.toString();
    }
  }

  private ChaosRun() {}

  static Result run(long seed) {
    List<Step> steps = ScenarioGenerator.generate(seed);
    ApiGeneration generation = ScenarioGenerator.generationOf(seed);
    SimConfig config = SimConfig.defaults(generation).withTimings(Testbed.fastWithImageSave(IMAGE_SAVE))
        .withSeed(seed).withImageQuotaBytes(1L << 40);
    List<String> trace = new ArrayList<>();
    try (Testbed bed = Testbed.start(config)) {
      ChaosWorld world = new ChaosWorld(bed);
      Invariants invariants = new Invariants(world);
      long start = System.nanoTime();
      Sampler.Clock clock = () -> (System.nanoTime() - start) / 1_000_000;
      Sampler sampler = new Sampler(world, clock);
      try {
        long planned = 0;
        for (Step step : steps) {
          planned += step.pauseMillis();
          Settling.sleep(step.pauseMillis());
          long at = clock.millis();
          String note = runQuietly(step.action(), world);
          trace.add(String.format("%6d %6d  %s%s", planned, at, step.action(), note.isEmpty() ? "" : "  -> " + note));
        }
        trace.add(String.format("%13d  settle: faults cleared, Secret restored, delete locks lifted", clock.millis()));
        Settling.undoChaos(world);
        invariants.settled(Settling.await(world, SETTLE));
        trace.add(String.format("%13d  delete every resource", clock.millis()));
        for (Live live : world.incarnations()) {
          if (!live.deleted) {
            world.delete(live);
          }
        }
        invariants.allDeleted(awaitDeleted(world), DELETE);
        trace.add(String.format("%13d  done", clock.millis()));
      } finally {
        sampler.close();
      }
      invariants.noDuplicates(sampler.duplicates());
      invariants.noUnexpectedUnsavedDeletion();
      invariants.noOwnerTakenOver();
      invariants.nothingLeft();
      invariants.backupsKept();
      long calls = callsBesidesListings(bed.sim.ledger());
      long budget = BASE_CALLS + (long) CALLS_PER_ACTION * steps.size();
      invariants.withinBudget(calls, budget, BASE_CALLS + " + " + CALLS_PER_ACTION + " x " + steps.size()
          + " actions");
      String summary = String.format("seed %d (%s): %d actions in %d ms, %d samples; ConoHa calls %s; "
              + "deletions %d (%d unsaved, %d unexpected)", seed, generation, steps.size(), clock.millis(),
          sampler.samples(), bed.sim.ledger().countsByOperation(), bed.sim.ledger().serverDeletions().size(),
          bed.sim.ledger().unsavedDeletions(), bed.sim.ledger().unexpectedUnsavedDeletions());
      return new Result(seed, generation, trace, invariants.broken(), summary);
    }
  }

  /** An action that throws (the Kubernetes API refusing an edit, say) is noted in the trace; the run goes on. */
  private static String runQuietly(Action action, ChaosWorld world) {
    try {
      return action.run(world);
    } catch (RuntimeException e) {
      return "error: " + e;
    }
  }

  /** Waits until every resource is gone from Kubernetes; returns those still there, with what they show. */
  private static Map<Live, String> awaitDeleted(ChaosWorld world) {
    long deadline = System.nanoTime() + DELETE.toNanos();
    Map<Live, String> remaining;
    do {
      remaining = new LinkedHashMap<>();
      for (Live live : world.incarnations()) {
        CustomResource<?, ? extends ConditionedStatus> resource = live.kind == Live.Kind.SERVER
            ? world.bed.server(live.name) : world.bed.image(live.name);
        if (resource != null && live.uid.equals(resource.getMetadata().getUid())) {
          ConditionedStatus status = resource.getStatus();
          remaining.put(live, status == null ? "no status" : status.getPhaseName() + ", "
              + Settling.conditions(status));
        }
      }
      if (remaining.isEmpty()) {
        return remaining;
      }
      Settling.sleep(100);
    } while (System.nanoTime() < deadline);
    return remaining;
  }

  /** Listings cost per poll, not per action; admin calls are the test's own. */
  static long callsBesidesListings(Ledger ledger) {
    return ledger.countsByOperation().entrySet().stream()
        .filter(e -> !e.getKey().endsWith(".list") && !e.getKey().equals("admin"))
        .mapToLong(Map.Entry::getValue).sum();
  }
}
