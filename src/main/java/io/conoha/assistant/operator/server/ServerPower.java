package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.BootVolumeSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ComputeService;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.support.StepFailure;
import java.time.Duration;
import java.time.Instant;

/** Brings an existing server to the asked plan and power state: resize, start, stop. */
final class ServerPower {
  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerPower(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  void converge(Server server) {
    boolean running = run.resource().getSpec().getState() == ServerState.Running;
    if (server.status() == ServerStatus.VERIFY_RESIZE) {
      compute().confirmResize(server.id());
      resizing("confirming the new plan");
      return;
    }
    if (server.status().isTransitional() || server.taskState() != null) {
      busy(server, running);
      return;
    }
    Flavor wanted = run.flavor();
    status.setFlavorId(server.flavorId());
    if (!wanted.id().equals(server.flavorId())) {
      compute().resize(server.id(), wanted.id());
      run.ops().events().normal(run.resource(), "Resizing", "resizing to plan " + wanted.name());
      resizing("resizing to plan " + wanted.name());
      return;
    }
    if (running) {
      toward(server, ServerStatus.ACTIVE, ServerPhase.Running, ServerPhase.Starting, Reasons.STARTING);
    } else {
      toward(server, ServerStatus.SHUTOFF, ServerPhase.Stopped, ServerPhase.Stopping, Reasons.STOPPING);
    }
    refuseImageChange();
    refuseBootVolumeChange();
  }

  private void toward(Server server, ServerStatus target, ServerPhase settled, ServerPhase moving, String reason) {
    if (server.status() == target) {
      run.phase(settled);
      run.ready("server " + server.id() + " is " + settled.name().toLowerCase());
      new ServerArchive(run).pruneAfterRestore();
      recordRestoreDuration();
      return;
    }
    if (server.status() != ServerStatus.ACTIVE && server.status() != ServerStatus.SHUTOFF) {
      busy(server, target == ServerStatus.ACTIVE);
      return;
    }
    if (target == ServerStatus.ACTIVE) {
      compute().start(server.id());
    } else {
      compute().stop(server.id(), false);
    }
    run.acted();
    run.phase(moving);
    run.progressing(reason, moving.name().toLowerCase() + " server " + server.id());
  }

  private void busy(Server server, boolean running) {
    run.phase(running ? ServerPhase.Starting : ServerPhase.Stopping);
    run.progressing(Reasons.WAITING, "ConoHa is busy with server " + server.id() + " (" + server.status()
        + (server.taskState() == null ? "" : ", " + server.taskState()) + ")");
  }

  private void resizing(String message) {
    run.acted();
    run.phase(ServerPhase.Resizing);
    run.progressing(Reasons.RESIZING, message);
  }

  /** The image a server was made from cannot change in place: say so instead of acting. */
  private void refuseImageChange() {
    if (status.getArchive() != null || status.getImageId() == null) {
      return;
    }
    String asked = run.specImageId();
    if (!asked.equals(status.getImageId())) {
      throw StepFailure.userMustFix(Reasons.IMMUTABLE_FIELD_CHANGED, "the server was created from image "
          + status.getImageId() + " but the spec now asks for " + asked + "; ConoHa cannot change a server's image"
          + " in place (archive it and delete the resource, or create a new resource)");
    }
  }

  /**
   * A boot volume's size or type cannot change in place either. The volume is read only when the spec changed
   * (a new generation), so a settled server costs no call; the finding then holds for that generation.
   */
  private void refuseBootVolumeChange() {
    BootVolumeSpec wanted = run.resource().getSpec().getBootVolume();
    if (wanted == null || status.getBootVolumeId() == null) {
      return;
    }
    run.repeatFailureOfThisGeneration(Reasons.IMMUTABLE_FIELD_CHANGED);
    if (status.getObservedGeneration() != null && status.getObservedGeneration() == run.generation()) {
      return;
    }
    run.volumeById(status.getBootVolumeId()).ifPresent(volume -> {
      boolean size = wanted.getSize() != null && wanted.getSize() != volume.sizeGB();
      boolean type = wanted.getType() != null && !wanted.getType().equals(volume.volumeType());
      if (size || type) {
        throw StepFailure.userMustFix(Reasons.IMMUTABLE_FIELD_CHANGED, "the boot volume is " + volume.sizeGB() + " GB "
            + volume.volumeType() + " but the spec asks for " + wanted.getSize() + " GB " + wanted.getType()
            + "; a boot volume cannot change in place (it applies to the next server made from an archive)");
      }
    });
  }

  private void recordRestoreDuration() {
    Instant began = run.ops().actions().end(run.uid(), "restore");
    if (began != null) {
      run.ops().metrics().restored(Duration.between(began, run.now()));
    }
  }

  private ComputeService compute() {
    return run.account().client().compute();
  }
}
