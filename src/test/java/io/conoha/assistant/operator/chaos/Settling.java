package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.ConditionedStatus;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.operator.Reasons;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The end of a run's chaos: faults cleared, the Secret restored, delete locks lifted; then every resource must
 * reach its desired state or show a reason the user must fix. Reasons the driver has just fixed (the Secret, the
 * locks) are not accepted as an end state: the operator has to notice the fix.
 */
final class Settling {
  /** Must-fix reasons whose cause {@link #undoChaos} removes. */
  private static final Set<String> FIXED_BY_SETTLING = Set.of(Reasons.SECRET_NOT_FOUND,
      Reasons.CREDENTIALS_INVALID, Reasons.DELETE_LOCKED);

  private Settling() {}

  static void undoChaos(ChaosWorld world) {
    world.bed.sim.faults().clear();
    world.writeCredentials(world.goodCredentials());
    for (String id : Set.copyOf(world.locked)) {
      if (world.bed.sim.ledger().state().server(id).isPresent()) {
        world.bed.sim.admin().putServerMetadata(id, "IsDeleteLocked", "False");
      }
      world.locked.remove(id);
    }
  }

  /** Waits until every live resource is settled; returns those that are not, described. */
  static Map<Live, String> await(ChaosWorld world, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<Live, String> unsettled;
    do {
      unsettled = unsettled(world);
      if (unsettled.isEmpty()) {
        return unsettled;
      }
      sleep(100);
    } while (System.nanoTime() < deadline);
    return unsettled;
  }

  private static Map<Live, String> unsettled(ChaosWorld world) {
    Map<Live, String> out = new LinkedHashMap<>();
    for (Live live : world.incarnations()) {
      if (!live.deleted) {
        describeUnsettled(world, live).ifPresent(why -> out.put(live, why));
      }
    }
    return out;
  }

  /** Empty when settled; else what the resource shows. */
  static Optional<String> describeUnsettled(ChaosWorld world, Live live) {
    CustomResource<?, ? extends ConditionedStatus> resource = live.kind == Live.Kind.SERVER
        ? world.bed.server(live.name) : world.bed.image(live.name);
    if (resource == null || !live.uid.equals(resource.getMetadata().getUid())) {
      return Optional.of("the resource is gone");
    }
    ConditionedStatus status = resource.getStatus();
    if (status == null) {
      return Optional.of("no status yet");
    }
    String shown = status.getPhaseName() + ", " + conditions(status);
    if (!resource.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
      return Optional.of("status is of generation " + status.getObservedGeneration() + ", spec of "
          + resource.getMetadata().getGeneration() + ": " + shown);
    }
    if (status.isReady() && atDesiredPhase(live, resource)) {
      return Optional.empty();
    }
    if (mustFixReason(status, live.broken).isPresent()) {
      return Optional.empty();
    }
    return Optional.of("wants " + desired(live) + ", shows " + shown);
  }

  /**
   * A Synced or Ready condition that is False for a reason only the user can fix. A spec broken on purpose may
   * end in any of them (a missing Secret key is SecretNotFound too); the others not in one settling fixed.
   */
  static Optional<String> mustFixReason(ConditionedStatus status, boolean brokenOnPurpose) {
    return status.getConditions().stream()
        .filter(c -> "False".equals(c.getStatus()) && Reasons.USER_MUST_FIX.contains(c.getReason())
            && (brokenOnPurpose || !FIXED_BY_SETTLING.contains(c.getReason())))
        .map(c -> c.getType() + "=" + c.getReason()).findFirst();
  }

  private static boolean atDesiredPhase(Live live, CustomResource<?, ?> resource) {
    if (resource instanceof ConohaServer server) {
      return server.getStatus().getPhase() == ServerPhase.valueOf(live.desired.name());
    }
    return ((ConohaImage) resource).getStatus().getPhase() == ImagePhase.Available;
  }

  private static String desired(Live live) {
    return live.kind == Live.Kind.SERVER ? live.desired.name() : ImagePhase.Available.name();
  }

  static String conditions(ConditionedStatus status) {
    return status.getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()
            + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"))
        .collect(Collectors.joining(", "));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
