package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.StepFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot: note the source's power state, stop it, save it (the strategy follows the server: volume upload
 * with a quota check, or createImage), follow progress, then put the server back as it was. While this runs,
 * the source's ConohaServer sees the image in phase Stopping/Saving and leaves the server alone.
 */
final class ImageSnapshot {
  static final String SAVE_IMAGE = "SaveImage";
  private static final Set<ServerPhase> BUSY = Set.of(ServerPhase.Archiving, ServerPhase.Archived, ServerPhase.Deleting);

  private final ImageRun run;
  private final ConohaImageStatus status;

  ImageSnapshot(ImageRun run) {
    this.run = run;
    this.status = run.status();
  }

  void step() {
    if (!run.observed(Listing.SERVERS, Listing.IMAGES)) {
      return;
    }
    if (status.getImageId() == null) {
      beforeSave();
    } else {
      afterSave();
    }
  }

  private void beforeSave() {
    if (adoptLostSave()) {
      afterSave();
      return;
    }
    run.repeatFailureOfThisGeneration(Reasons.SAVE_FAILED, Reasons.QUOTA_EXCEEDED);
    Server server = sourceServer();
    status.setSourceServerId(server.id());
    run.watch(server.id());
    if (status.getRestoredServerState() == null) {
      status.setRestoredServerState(server.status() == ServerStatus.SHUTOFF ? "Stopped" : "Running");
    }
    if (server.status() == ServerStatus.ACTIVE && server.taskState() == null) {
      stop(server);
    } else if (server.status() == ServerStatus.SHUTOFF && server.taskState() == null) {
      save(server);
    } else {
      run.phase(ImagePhase.Stopping);
      run.progressing(Reasons.STOPPING, "waiting for server " + server.id() + " (" + server.status() + ")");
    }
  }

  /**
   * After a lost answer, the image is found by ownership (owner tag and intent, or a same-named image that is
   * nobody else's and was not there before the save) instead of saving twice.
   */
  private boolean adoptLostSave() {
    if (!run.intentPending(SAVE_IMAGE)) {
      return false;
    }
    List<Image> named = LostSaves.candidates(run.snapshot(), run.uid(), run.status().getPendingOperation(),
        run.imageName());
    if (named.size() > 1) {
      throw StepFailure.userMustFix(Reasons.DUPLICATE_IMAGES, "several images are named " + run.imageName() + ": "
          + named.stream().map(Image::id).toList());
    }
    if (named.isEmpty()) {
      return false;
    }
    run.intentFulfilled(SAVE_IMAGE);
    status.setImageId(named.get(0).id());
    return true;
  }

  private void stop(Server server) {
    run.phase(ImagePhase.Stopping);
    if (!run.ops().actions().listingPredatesLastAction(run.uid(), run.snapshot().serversAt())) {
      client(() -> run.account().client().compute().stop(server.id(), false));
      run.ops().actions().acted(run.uid(), run.ops().clock().instant());
      run.ops().events().normal(run.resource(), "Stopping", "stopping server " + server.id() + " to save it");
    }
    run.progressing(Reasons.STOPPING, "stopping server " + server.id() + " before saving it");
  }

  private void save(Server server) {
    run.phase(ImagePhase.Saving);
    run.progressing(Reasons.SAVING, "saving server " + server.id() + " as image " + run.imageName());
    run.createOnce(SAVE_IMAGE, Listing.IMAGES, LostSaves.existing(run.snapshot(), run.imageName()),
        token -> DiskStrategy.forServer(server)
            .startSave(run.account().client(), server, run.imageName(), Map.of(Tags.OWNER, run.uid(), Tags.INTENT, token)))
        .ifPresent(id -> {
          status.setImageId(id);
          status.setProgress(0);
          run.ops().events().normal(run.resource(), "Saving", "saving server " + server.id() + " as image " + run.imageName());
        });
  }

  private void afterSave() {
    Optional<Image> image = run.imageById(status.getImageId());
    if (image.isEmpty()) {
      boolean wasAvailable = status.getPhase() == ImagePhase.Available;
      status.setPhase(ImagePhase.Failed);
      throw StepFailure.userMustFix(wasAvailable ? Reasons.IMAGE_NOT_FOUND : Reasons.SAVE_FAILED, "image "
          + status.getImageId() + (wasAvailable ? " was deleted outside the operator"
              : " disappeared while saving (ConoHa saves nothing when the image storage quota is full)"));
    }
    boolean finishedBefore = status.getPhase() == ImagePhase.Available || status.getPhase() == ImagePhase.Failed;
    run.report(image.get());
    if (image.get().status().isInProgress()) {
      run.progressing(Reasons.SAVING, "saving image " + image.get().name() + ": " + status.getProgress() + "%");
      return;
    }
    // The server is put back once, right after the save; later its own spec (or its user) governs it.
    boolean serverBack = finishedBefore || restoreServer();
    if (image.get().status().isFailed()) {
      throw StepFailure.userMustFix(Reasons.SAVE_FAILED, "ConoHa could not save image " + image.get().name()
          + " (" + image.get().status() + ")");
    }
    if (serverBack) {
      run.ready("image " + image.get().name() + " is active");
    } else {
      run.phase(ImagePhase.Saving);
      run.progressing(Reasons.SAVING, "image saved; starting server " + status.getSourceServerId() + " again");
    }
  }

  /** Puts the source back in the power state it had. True once it is there (or gone). */
  private boolean restoreServer() {
    if (!"Running".equals(status.getRestoredServerState()) || status.getSourceServerId() == null) {
      return true;
    }
    Optional<Server> server = run.snapshot().server(status.getSourceServerId());
    if (server.isEmpty() || server.get().status() == ServerStatus.ACTIVE) {
      return true;
    }
    run.watch(server.get().id());
    if (server.get().status() == ServerStatus.SHUTOFF && server.get().taskState() == null
        && !run.ops().actions().listingPredatesLastAction(run.uid(), run.snapshot().serversAt())) {
      client(() -> run.account().client().compute().start(server.get().id()));
      run.ops().actions().acted(run.uid(), run.ops().clock().instant());
    }
    return false;
  }

  /**
   * The server to save: a ConohaServer's current server, or a server of the account by id. A server by id that a
   * ConohaServer manages is coordinated with it exactly as a serverRef is; one managed from another namespace is
   * left alone.
   */
  private Server sourceServer() {
    var source = run.resource().getSpec().getSource();
    String serverId = source.getServerId();
    if (source.getServerRef() != null) {
      serverId = referencedServerId(source.getServerRef().getName());
    }
    String id = serverId;
    Server server = run.listedOrFetched(run.snapshot().server(id), () -> run.account().client().compute().getServer(id))
        .orElseThrow(() -> StepFailure.userMustFix(Reasons.SOURCE_NOT_FOUND,
            "server " + id + " does not exist on this ConoHa account"));
    String owner = server.metadata().get(Tags.OWNER);
    if (source.getServerRef() == null && owner != null) {
      ConohaServer manager = run.serversInNamespace().filter(s -> owner.equals(s.getMetadata().getUid())).findFirst()
          .orElseThrow(() -> StepFailure.userMustFix(Reasons.OWNED_BY_ANOTHER, "server " + id + " is managed by"
              + " ConohaServer " + server.metadata().getOrDefault(Tags.RESOURCE, owner) + " outside this namespace;"
              + " snapshot it from there (source.serverRef)"));
      referencedServerId(manager.getMetadata().getName());
    }
    return server;
  }

  private String referencedServerId(String name) {
    ConohaServer server = run.serversInNamespace().filter(s -> name.equals(s.getMetadata().getName())).findFirst()
        .orElseThrow(() -> StepFailure.userMustFix(Reasons.SOURCE_NOT_FOUND, "ConohaServer " + name
            + " does not exist in namespace " + run.resource().getMetadata().getNamespace()));
    if (server.getMetadata().getDeletionTimestamp() != null
        || server.getStatus() != null && BUSY.contains(server.getStatus().getPhase())) {
      throw StepFailure.transientFailure(Reasons.SOURCE_BUSY, "ConohaServer " + name + " is being archived or"
          + " deleted; a snapshot waits until it has a running or stopped server");
    }
    if (server.getStatus() == null || server.getStatus().getServerId() == null) {
      throw StepFailure.transientFailure(Reasons.SOURCE_BUSY, "ConohaServer " + name + " has no ConoHa server yet");
    }
    return server.getStatus().getServerId();
  }


  /** A power action that ConoHa refuses with 409 is already under way: not an error. */
  private static void client(Runnable call) {
    try {
      call.run();
    } catch (ConohaException e) {
      if (e.kind() != ConohaException.Kind.CONFLICT) {
        throw e;
      }
    }
  }
}
