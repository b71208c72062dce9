package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.support.ResourceRun;
import io.conoha.assistant.operator.support.StepFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The money saver: stop the server, save it as an image, delete the server (and its boot volume), and
 * remember the image; after a restore, prune archive images beyond {@code spec.archive.keep}.
 */
final class ServerArchive {
  static final String SAVE_IMAGE = "SaveImage";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerArchive(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  /** One step of archiving an existing server. */
  void archive(Server server) {
    run.phase(ServerPhase.Archiving);
    if (!run.observed(Listing.SERVERS, Listing.IMAGES)) {
      return;
    }
    run.repeatFailureOfThisGeneration(Reasons.SAVE_FAILED, Reasons.QUOTA_EXCEEDED);
    if ("True".equalsIgnoreCase(server.metadata().get(Tags.DELETE_LOCK))) {
      throw StepFailure.userMustFix(Reasons.DELETE_LOCKED, "server " + server.id() + " is delete-locked in the"
          + " ConoHa control panel (IsDeleteLocked=True); unlock it to archive");
    }
    run.ops().actions().begin(run.uid(), "archive", run.now());
    ArchiveRecord pending = status.getPendingArchive();
    if (pending == null) {
      stopThenSave(server);
    } else if (pending.getImageId() == null) {
      findOrRetrySave(server, pending);
    } else {
      followSave(server, pending);
    }
  }

  private void stopThenSave(Server server) {
    if (run.actedOnAlready()) {
      return;
    }
    if (server.status() == ServerStatus.ACTIVE) {
      client().compute().stop(server.id(), false);
      run.acted();
      run.ops().events().normal(run.resource(), "Archiving", "stopping server " + server.id() + " to save it");
      run.progressing(Reasons.ARCHIVING, "stopping the server before saving it");
    } else if (server.status() == ServerStatus.SHUTOFF && server.taskState() == null) {
      status.setPendingArchive(new ArchiveRecord(null, run.nameTag() + "-archive-" + STAMP.format(run.now()), null));
      startSave(server, status.getPendingArchive());
    } else {
      run.progressing(Reasons.ARCHIVING, "waiting for the server to stop (" + server.status() + ")");
    }
  }

  private void startSave(Server server, ArchiveRecord pending) {
    run.progressing(Reasons.ARCHIVING, "saving image " + pending.getImageName());
    try {
      run.createOnce(SAVE_IMAGE, Listing.IMAGES, token -> DiskStrategy.forServer(server)
              .startSave(client(), server, pending.getImageName(), Map.of(Tags.OWNER, run.uid(), Tags.INTENT, token)))
          .ifPresent(id -> {
            pending.setImageId(id);
            run.watch(id);
          });
    } catch (ConohaException e) {
      status.setPendingArchive(null);
      throw e;
    }
    run.acted();
  }

  /** The save's answer was lost: the image is found by its unique name, or the save is tried again after grace. */
  private void findOrRetrySave(Server server, ArchiveRecord pending) {
    List<Image> named = run.snapshot().imagesNamed(pending.getImageName());
    if (named.size() > 1) {
      throw StepFailure.userMustFix(Reasons.DUPLICATE_IMAGES, "several images are named " + pending.getImageName());
    }
    if (named.size() == 1) {
      run.intentFulfilled(SAVE_IMAGE);
      pending.setImageId(named.get(0).id());
      run.progressing(Reasons.ARCHIVING, "saving image " + pending.getImageName());
      return;
    }
    if (!run.intentPending(SAVE_IMAGE)) {
      status.setPendingArchive(null);
      return;
    }
    startSave(server, pending);
  }

  private void followSave(Server server, ArchiveRecord pending) {
    run.watch(pending.getImageId());
    Image image = savedImage(pending);
    if (image.status().isInProgress()) {
      run.progressing(Reasons.ARCHIVING, "saving image " + pending.getImageName()
          + (image.progress() == null ? "" : ": " + image.progress() + "%"));
    } else if (image.status().isFailed()) {
      status.setPendingArchive(null);
      throw StepFailure.userMustFix(Reasons.SAVE_FAILED, "ConoHa could not save image " + pending.getImageName()
          + " (" + image.status() + "); the server stays stopped");
    } else if (!run.actedOnAlready()) {
      run.refuseIfDeleteLocked(server.id());
      client().compute().deleteServer(server.id());
      run.acted();
      run.progressing(Reasons.ARCHIVING, "image saved; deleting the server");
    }
  }

  /** A saved image missing from listing and URL means ConoHa saved nothing (it does so silently over quota). */
  private Image savedImage(ArchiveRecord pending) {
    return run.listedOrFetched(run.snapshot().image(pending.getImageId()),
        () -> client().images().getImage(pending.getImageId())).orElseThrow(() -> {
          status.setPendingArchive(null);
          return StepFailure.userMustFix(Reasons.SAVE_FAILED, "image " + pending.getImageName() + " disappeared while"
              + " saving (ConoHa saves nothing when the image storage quota is full)");
        });
  }


  /** The server is gone and Archived is asked: finish the archive and keep watching its image. */
  void settleArchived() {
    run.phase(ServerPhase.Archiving);
    if (!finishPendingArchive() || !deleteLeftoverBootVolume()) {
      return;
    }
    run.phase(ServerPhase.Archived);
    ArchiveRecord archive = status.getArchive();
    if (archive == null) {
      run.ready("no server exists on ConoHa, so nothing is billed");
      return;
    }
    if (!run.observed(Listing.SERVERS, Listing.IMAGES)) {
      return;
    }
    if (run.snapshot().image(archive.getImageId()).isEmpty()) {
      throw StepFailure.userMustFix(Reasons.IMAGE_NOT_FOUND, "archive image " + archive.getImageName()
          + " no longer exists on ConoHa (unused images may be purged after 90 days)");
    }
    run.watch(archive.getImageId());
    run.ready("archived as image " + archive.getImageName());
  }

  /**
   * Records a finished save as the newest archive once its server is gone. False while something still has to
   * happen first.
   */
  boolean finishPendingArchive() {
    ArchiveRecord pending = status.getPendingArchive();
    if (pending == null) {
      return true;
    }
    if (pending.getImageId() == null) {
      status.setPendingArchive(null);
      return true;
    }
    if (!deleteLeftoverBootVolume()) {
      return false;
    }
    pending.setSavedAt(run.now().toString());
    rotateInto(pending);
    status.setServerId(null);
    status.setAddresses(null);
    status.setServerCreatedAt(null);
    run.ops().events().normal(run.resource(), "Archived", "saved as image " + pending.getImageName()
        + " and deleted the server; it is no longer billed");
    Instant began = run.ops().actions().end(run.uid(), "archive");
    if (began != null) {
      run.ops().metrics().archived(Duration.between(began, run.now()));
    }
    return true;
  }

  /**
   * Archived was asked and then taken back before the server was deleted: a finished image is kept as an
   * archive; a running save is waited for. False while waiting.
   */
  boolean abandonPendingArchive() {
    ArchiveRecord pending = status.getPendingArchive();
    if (pending.getImageId() == null) {
      status.setPendingArchive(null);
      return true;
    }
    Optional<Image> image = run.snapshot().image(pending.getImageId());
    if (image.isPresent() && image.get().status().isInProgress()) {
      run.phase(ServerPhase.Archiving);
      run.progressing(Reasons.ARCHIVING, "waiting for image " + pending.getImageName() + " before going on");
      return false;
    }
    if (image.isPresent() && !image.get().status().isFailed()) {
      pending.setSavedAt(run.now().toString());
      rotateInto(pending);
    } else {
      status.setPendingArchive(null);
    }
    return true;
  }

  private void rotateInto(ArchiveRecord finished) {
    if (status.getArchive() != null) {
      status.getPreviousArchives().add(0, status.getArchive());
    }
    status.setArchive(finished);
    status.setPendingArchive(null);
  }

  /** The v3 boot volume outlives its server: delete it once it is free. True when none is left. */
  private boolean deleteLeftoverBootVolume() {
    String id = status.getBootVolumeId();
    if (id == null) {
      return true;
    }
    if (!run.observed(Listing.SERVERS, Listing.VOLUMES)) {
      return false;
    }
    Optional<Volume> volume = run.volumeById(id);
    if (volume.isEmpty()) {
      status.setBootVolumeId(null);
      return true;
    }
    run.watch(id);
    if (volume.get().isAvailable() && !run.actedOnAlready()) {
      client().volumes().deleteVolume(id);
      run.acted();
    }
    run.progressing(Reasons.ARCHIVING, "deleting boot volume " + id + " (" + volume.get().status() + ")");
    return false;
  }

  /** After a restore, keeps the newest {@code spec.archive.keep} archive images and deletes the rest. */
  void pruneAfterRestore() {
    int keep = run.resource().getSpec().getArchive() == null || run.resource().getSpec().getArchive().getKeep() == null
        ? 1 : run.resource().getSpec().getArchive().getKeep();
    List<ArchiveRecord> all = new ArrayList<>();
    if (status.getArchive() != null) {
      all.add(status.getArchive());
    }
    all.addAll(status.getPreviousArchives());
    if (all.size() <= keep) {
      return;
    }
    for (ArchiveRecord old : all.subList(keep, all.size())) {
      ResourceRun.deleteIfPresent(() -> client().images().deleteImage(old.getImageId()));
      run.ops().events().normal(run.resource(), "PrunedArchive", "deleted old archive image " + old.getImageName());
    }
    status.setArchive(keep >= 1 ? all.get(0) : null);
    status.setPreviousArchives(new ArrayList<>(all.subList(Math.min(1, keep), keep)));
  }


  private ConohaClient client() {
    return run.account().client();
  }
}
