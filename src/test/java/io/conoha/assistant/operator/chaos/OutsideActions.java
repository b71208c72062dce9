package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.sim.FaultInjector;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What happens around the resources: the Secret rotated, broken, deleted; the ConoHa control panel deleting and
 * locking servers; ConoHa failing saves, breaking volumes, erring, throttling, hanging, lagging, revoking tokens;
 * the operator's pod restarting.
 */
final class OutsideActions {
  private OutsideActions() {}

  // ---- the credentials Secret

  record RotateSecret() implements Action {
    @Override
    public String run(ChaosWorld world) {
      Map<String, String> keys = world.rotatedCredentials();
      world.writeCredentials(keys);
      return "keys " + keys.keySet();
    }
  }

  record BreakPassword() implements Action {
    @Override
    public String run(ChaosWorld world) {
      Map<String, String> keys = new java.util.LinkedHashMap<>(world.goodCredentials());
      keys.put("password", ChaosWorld.WRONG_PASSWORD);
      world.writeCredentials(keys);
      return "";
    }
  }

  record DeleteSecret() implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.deleteCredentials();
      return "";
    }
  }

  /** The user repairs the Secret: the right password again, or the deleted Secret back. */
  record RestoreSecret(String why) implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.writeCredentials(world.goodCredentials());
      return "";
    }
  }

  // ---- the ConoHa control panel

  /**
   * The user deletes a resource's server in the control panel, which refuses while the server is delete-locked or
   * an image of it is being saved (as ConoHa's API does).
   */
  record PanelDeleteServer(String slot) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Optional<String> id = world.serverIdOf(slot);
      if (id.isEmpty()) {
        return "skipped: " + slot + " has no server now";
      }
      if (world.locked.contains(id.get())) {
        return "refused by the panel: " + id.get() + " is delete-locked";
      }
      if (world.bed.sim.ledger().state().images().stream().anyMatch(i -> id.get().equals(i.sourceServerId())
          && ("queued".equals(i.status()) || "saving".equals(i.status())))) {
        return "refused by the panel: an image of " + id.get() + " is being saved";
      }
      world.bed.sim.admin().deleteServer(id.get());
      return id.get();
    }
  }

  record PanelLock(String slot, boolean lock) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Optional<String> id = world.serverIdOf(slot);
      if (id.isEmpty()) {
        return "skipped: " + slot + " has no server now";
      }
      world.bed.sim.admin().putServerMetadata(id.get(), "IsDeleteLocked", lock ? "True" : "False");
      if (lock) {
        world.locked.add(id.get());
      } else {
        world.locked.remove(id.get());
      }
      return id.get();
    }
  }

  /** The next image save, whoever starts it, ends killed (Glance) / ERROR (Nova). */
  record FailNextSave() implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.bed.sim.admin().failNextImageSave();
      return "";
    }
  }

  /** A resource's boot volume goes to error (v3 only: v2 servers have local disks). */
  record VolumeError(String slot) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Optional<String> volume = Optional.ofNullable(world.current(slot)).flatMap(world::bootVolumeOf);
      if (volume.isEmpty()) {
        return "skipped: " + slot + " has no boot volume now";
      }
      world.bed.sim.admin().setVolumeStatus(volume.get(), "error");
      return volume.get();
    }
  }

  // ---- ConoHa misbehaving

  enum FaultKind { HTTP_500, HTTP_503, RATE_LIMITED, HANG, CREATE_THEN_FAIL }

  record Fault(FaultKind kind, String operation) implements Action {
    @Override
    public String run(ChaosWorld world) {
      FaultInjector faults = world.bed.sim.faults();
      switch (kind) {
        case HTTP_500 -> faults.failNext(operation, 500, 2);
        case HTTP_503 -> faults.failNext(operation, 503, 2);
        case RATE_LIMITED -> faults.rateLimitNext(operation, 2, Duration.ofSeconds(1));
        case HANG -> faults.hangNext(operation, 1);
        case CREATE_THEN_FAIL -> faults.createThenFail(operation, 1);
      }
      return "";
    }
  }

  record ListLag(long millis) implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.bed.sim.faults().listLag(Duration.ofMillis(millis));
      return "";
    }
  }

  record RevokeTokens() implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.bed.sim.faults().revokeTokens();
      return "";
    }
  }

  record ClearFaults() implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.bed.sim.faults().clear();
      return "";
    }
  }

  // ---- the cluster

  /** The operator's pod dies and a new one starts: nothing is cleaned up in between. */
  record RestartOperator() implements Action {
    @Override
    public String run(ChaosWorld world) {
      world.bed.restartOperator();
      return "";
    }
  }
}
