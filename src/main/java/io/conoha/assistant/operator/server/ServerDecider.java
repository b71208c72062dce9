package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.BootVolumeSpec;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.reconcile.StickyFailures;
import io.conoha.assistant.operator.reconcile.WaitKind;
import io.conoha.assistant.operator.server.ServerStep.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decision core of a ConohaServer: a pure function from what was observed ({@link ServerView}) to the one
 * step to take. No I/O, no clock, no mutation: the same view always gives the same step, so every case is a
 * table test ({@code ServerDeciderTest}). The order of the checks is the order of priority: a spec that can never
 * work, then what would lose data (a save in flight), then what would steal (another resource's server), then
 * the user's wish.
 */
final class ServerDecider {
  static final String CREATE_SERVER = "CreateServer";
  static final String CREATE_BOOT_VOLUME = "CreateBootVolume";
  static final String SAVE_IMAGE = "SaveImage";

  private ServerDecider() {}

  static ServerStep decide(ServerView v) {
    if (v.awaitingListing() && v.status().getPendingOperation() == null) {
      return new AwaitListing();
    }
    if (v.taggedServerIds().size() > 1) {
      return new Fail(Reasons.DUPLICATE_SERVERS, "several ConoHa servers carry this resource's tag: "
          + v.taggedServerIds() + "; delete the extra ones, nothing is done until then");
    }
    ServerStep step = v.server().isPresent() ? withServer(v, v.server().get()) : withoutServer(v);
    return deadlineOf(v, step);
  }

  /** A wait past its deadline is reported as the wait's own timeout reason (and backs off). */
  private static ServerStep deadlineOf(ServerView v, ServerStep step) {
    if (!(step instanceof Wait w)) {
      return step;
    }
    return v.deadlines().exceeded(w.kind(), v.waited(), w.message())
        .<ServerStep>map(message -> new Fail(w.kind().timeoutReason(), message)).orElse(step);
  }

  // ---- a server exists

  private static ServerStep withServer(ServerView v, Server s) {
    String owner = s.metadata().get(Tags.OWNER);
    if (owner != null && !owner.equals(v.uid())) {
      return ownedByAnother("server " + s.id(), s.metadata());
    }
    if (s.status() == ServerStatus.ERROR) {
      return new Fail(Reasons.SERVER_ERROR, "ConoHa reports server " + s.id() + " in ERROR; nothing is done"
          + " automatically (delete it in ConoHa, or delete this resource)");
    }
    if (s.status() == ServerStatus.BUILD) {
      return creating(v, "ConoHa is building server " + s.id(), WaitKind.BUILD);
    }
    ArchiveRecord pending = v.status().getPendingArchive();
    if (pending != null) {
      return withPendingArchive(v, s, pending);
    }
    if (v.heldBy().isPresent()) {
      return new Wait(ServerPhase.Snapshotting, Reasons.SNAPSHOTTING, "ConohaImage " + v.heldBy().get()
          + " is saving this server; it is left alone until the save ends", null);
    }
    if (v.desired() == ServerState.Archived) {
      return startArchive(v, s);
    }
    return power(v, s);
  }

  /**
   * A save for an archive is in flight or done, the server still there. Whatever the spec says now, nothing
   * starts or deletes the server while the save runs; once it is done the server is deleted only if the archive
   * safety rule holds, else the image is kept as an archive and the spec is followed.
   */
  private static ServerStep withPendingArchive(ServerView v, Server s, ArchiveRecord pending) {
    boolean archiving = v.desired() == ServerState.Archived;
    if (pending.getImageId() == null) {
      return lostSave(v, archiving);
    }
    Optional<Image> image = v.image(pending.getImageId());
    if (image.isEmpty()) {
      return new DropPendingArchive(archiving ? saveVanished(pending) : null, null);
    }
    if (image.get().status().isInProgress()) {
      return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING, "saving image " + pending.getImageName()
          + (image.get().progress() == null ? "" : ": " + image.get().progress() + "%")
          + (archiving ? "" : "; the server is started again once the save ends, and the image kept as an archive"),
          WaitKind.SAVE);
    }
    if (image.get().status().isFailed()) {
      return discardFailedSave(pending, image.get(), archiving);
    }
    if (!archiving) {
      return new KeepArchive(false);
    }
    if (deleteLocked(s)) {
      return deleteLockedFailure(s, false);
    }
    if (s.id().equals(pending.getServerId()) && s.status() == ServerStatus.SHUTOFF && s.taskState() != null) {
      // Still finishing the save (a listing older than the image's): wait, do not save again.
      return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING, "image " + pending.getImageName() + " saved; waiting"
          + " for the server to finish (" + s.taskState() + ")", WaitKind.SERVER_TASK);
    }
    if (!ArchiveSafety.mayDelete(s, pending, image)) {
      // The server was started (or replaced) since the save: that image does not hold its data. Keep it as an
      // archive and save again.
      return new KeepArchive(false);
    }
    return new DeleteArchivedServer(s, pending);
  }

  private static ServerStep lostSave(ServerView v, boolean archiving) {
    if (v.lostSave().isPresent()) {
      return new FoundPendingImage(v.lostSave().get().id());
    }
    if (v.intentPending(SAVE_IMAGE) && !v.lostAnswerSettled()) {
      return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING,
          "looking for the image of a save that got no answer before saving again", WaitKind.LOST_ANSWER);
    }
    return new DropPendingArchive(null, null);
  }

  private static ServerStep startArchive(ServerView v, Server s) {
    Optional<ServerStep> sticky = stickyFailure(v, Reasons.SAVE_FAILED, Reasons.QUOTA_EXCEEDED);
    if (sticky.isPresent()) {
      return sticky.get();
    }
    if (deleteLocked(s)) {
      return deleteLockedFailure(s, false);
    }
    if (s.status() == ServerStatus.ACTIVE && s.taskState() == null) {
      return new Stop(s, true);
    }
    if (s.status() == ServerStatus.SHUTOFF && s.taskState() == null) {
      return new SaveArchive(s);
    }
    return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING, "waiting for the server to stop (" + s.status()
        + (s.taskState() == null ? "" : ", " + s.taskState()) + ")", WaitKind.SERVER_TASK);
  }

  /** Plan, then power state; the image and boot volume cannot change in place. */
  private static ServerStep power(ServerView v, Server s) {
    boolean running = v.desired() == ServerState.Running;
    if (s.status() == ServerStatus.VERIFY_RESIZE) {
      return new ConfirmResize(s);
    }
    if (s.status().isTransitional() || s.taskState() != null) {
      return busy(s, running);
    }
    if (!v.flavor().ok()) {
      return fail(v.flavor().failure());
    }
    Flavor wanted = v.flavor().value();
    if (!wanted.id().equals(s.flavorId())) {
      return new Resize(s, wanted);
    }
    ServerStatus target = running ? ServerStatus.ACTIVE : ServerStatus.SHUTOFF;
    if (s.status() != target) {
      if (s.status() != ServerStatus.ACTIVE && s.status() != ServerStatus.SHUTOFF) {
        return busy(s, running);
      }
      return running ? new Start(s) : new Stop(s, false);
    }
    Optional<ServerStep> immutable = immutableFieldChanged(v);
    if (immutable.isPresent()) {
      return immutable.get();
    }
    Optional<ServerStep> prune = prune(v);
    if (prune.isPresent()) {
      return prune.get();
    }
    ServerPhase settled = running ? ServerPhase.Running : ServerPhase.Stopped;
    return new Settled(settled, "server " + s.id() + " is " + settled.name().toLowerCase());
  }

  private static ServerStep busy(Server s, boolean running) {
    return new Wait(running ? ServerPhase.Starting : ServerPhase.Stopping, Reasons.WAITING, "ConoHa is busy with"
        + " server " + s.id() + " (" + s.status() + (s.taskState() == null ? "" : ", " + s.taskState()) + ")",
        WaitKind.SERVER_TASK);
  }

  private static Optional<ServerStep> immutableFieldChanged(ServerView v) {
    if (v.status().getArchive() == null && v.status().getImageId() != null && v.specImageId().ok()
        && !v.specImageId().value().equals(v.status().getImageId())) {
      return Optional.of(new Fail(Reasons.IMMUTABLE_FIELD_CHANGED, "the server was created from image "
          + v.status().getImageId() + " but the spec now asks for " + v.specImageId().value() + "; ConoHa cannot"
          + " change a server's image in place (archive it and delete the resource, or create a new resource)"));
    }
    BootVolumeSpec wanted = v.spec().getBootVolume();
    if (wanted == null || v.bootVolume().isEmpty()) {
      return Optional.empty();
    }
    Volume volume = v.bootVolume().get();
    boolean size = wanted.getSize() != null && wanted.getSize() != volume.sizeGB();
    boolean type = wanted.getType() != null && !wanted.getType().equals(volume.volumeType());
    if (!size && !type) {
      return Optional.empty();
    }
    return Optional.of(new Fail(Reasons.IMMUTABLE_FIELD_CHANGED, "the boot volume is " + volume.sizeGB() + " GB "
        + volume.volumeType() + " but the spec asks for " + wanted.getSize() + " GB " + wanted.getType()
        + "; a boot volume cannot change in place (it applies to the next server made from an archive)"));
  }

  /** Archive images beyond spec.archive.keep, newest first, once the server runs from the newest. */
  private static Optional<ServerStep> prune(ServerView v) {
    List<ArchiveRecord> all = new ArrayList<>();
    if (v.status().getArchive() != null) {
      all.add(v.status().getArchive());
    }
    all.addAll(v.status().getPreviousArchives());
    int keep = v.archiveKeep();
    if (all.size() <= keep) {
      return Optional.empty();
    }
    return Optional.of(new PruneArchives(List.copyOf(all.subList(0, keep)), List.copyOf(all.subList(keep, all.size()))));
  }

  // ---- no server (yet, or any more)

  private static ServerStep withoutServer(ServerView v) {
    ArchiveRecord pending = v.status().getPendingArchive();
    boolean archived = v.desired() == ServerState.Archived;
    if (pending != null) {
      if (pending.getImageId() == null) {
        return lostSave(v, archived);
      }
      Optional<Image> image = v.image(pending.getImageId());
      if (image.isPresent() && image.get().status().isInProgress()) {
        return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING, "saving image " + pending.getImageName(),
            WaitKind.SAVE);
      }
      if (image.isPresent() && image.get().status().isFailed()) {
        return discardFailedSave(pending, image.get(), true);
      }
      if (image.isPresent()) {
        return new KeepArchive(true);
      }
      return new DropPendingArchive(saveVanished(pending), null);
    }
    if (v.status().getServerId() != null) {
      return new ForgetServer(true);
    }
    return archived ? archivedWithoutServer(v) : boot(v);
  }

  private static ServerStep archivedWithoutServer(ServerView v) {
    if (v.status().getBootVolumeId() != null && v.bootVolume().isPresent()) {
      Volume volume = v.bootVolume().get();
      if (volume.isAvailable() || volume.isError()) {
        return new DeleteBootVolume(volume.id());
      }
      return new Wait(ServerPhase.Archiving, Reasons.ARCHIVING, "deleting boot volume " + volume.id() + " ("
          + volume.status() + ")", WaitKind.VOLUME_DELETE);
    }
    ArchiveRecord archive = v.status().getArchive();
    if (archive == null) {
      return new Settled(ServerPhase.Archived, "no server exists on ConoHa, so nothing is billed");
    }
    if (v.image(archive.getImageId()).isEmpty()) {
      return archiveImageGone(archive);
    }
    return new Settled(ServerPhase.Archived, "archived as image " + archive.getImageName());
  }

  private static ServerStep boot(ServerView v) {
    boolean restoring = v.status().getArchive() != null;
    if (v.intentPending(CREATE_SERVER) && !v.lostAnswerSettled()) {
      return creating(v, "looking for the server of a create that got no answer before creating again",
          WaitKind.LOST_ANSWER);
    }
    if (v.intentPending(CREATE_SERVER) && v.conservative()) {
      return uncertainCreate(v);
    }
    if (adoptionApplies(v)) {
      return adopt(v);
    }
    if (restoring && v.image(v.status().getArchive().getImageId()).isEmpty()) {
      return archiveImageGone(v.status().getArchive());
    }
    // Everything checkable here is checked before anything billed is created.
    for (Resolved<?> needed : List.of(v.flavor(), v.inputs())) {
      if (!needed.ok()) {
        return fail(needed.failure());
      }
    }
    String imageId;
    if (restoring) {
      imageId = v.status().getArchive().getImageId();
    } else if (v.specImageId().ok()) {
      imageId = v.specImageId().value();
    } else {
      return fail(v.specImageId().failure());
    }
    Flavor flavor = v.flavor().value();
    if (!flavor.needsBootVolume()) {
      return new CreateServer(flavor, imageId, null, v.inputs().value());
    }
    if (v.taggedFreeVolumeIds().size() > 1) {
      return new Fail(Reasons.DUPLICATE_SERVERS, "several boot volumes carry this resource's tag: "
          + v.taggedFreeVolumeIds() + "; delete the extra ones, nothing is done until then");
    }
    if (v.bootVolume().isEmpty()) {
      if (v.intentPending(CREATE_BOOT_VOLUME) && !v.lostAnswerSettled()) {
        return creating(v, "looking for the boot volume of a create that got no answer", WaitKind.LOST_ANSWER);
      }
      return new CreateBootVolume(flavor, imageId, v.inputs().value());
    }
    Volume volume = v.bootVolume().get();
    if (volume.isError()) {
      return new Fail(Reasons.VOLUME_ERROR, "boot volume " + volume.id() + " is in state " + volume.status()
          + "; delete it in ConoHa (conoha volume delete " + volume.id() + ") to let the operator make a new one");
    }
    if (!volume.isAvailable()) {
      return creating(v, "creating the boot volume (" + volume.status() + ")", WaitKind.VOLUME_CREATE);
    }
    return new CreateServer(flavor, imageId, volume.id(), v.inputs().value());
  }

  /**
   * Conservative mode (the cloud drops custom metadata, so owner tags cannot find what a lost create made): a
   * create is never repeated on uncertainty. Exactly one untagged server with this resource's name tag is the
   * create's result and is adopted; none or several stop with CreateUncertain, naming them, for a person to decide.
   */
  private static ServerStep uncertainCreate(ServerView v) {
    if (v.untaggedCandidates().size() == 1) {
      return new Adopt(v.untaggedCandidates().get(0));
    }
    return new Fail(Reasons.CREATE_UNCERTAIN, "a server create got no clear answer, and this cloud drops custom"
        + " metadata, so the operator cannot tell what it made; candidates with this name tag: "
        + v.untaggedCandidates().stream().map(Server::id).toList() + ". Delete the extra servers (or set"
        + " spec.serverId to the right one); nothing is created again until then");
  }

  /** spec.serverId is taken over only by a resource that never had a server of its own. */
  private static boolean adoptionApplies(ServerView v) {
    return v.spec().getServerId() != null && v.status().getArchive() == null
        && v.status().getServerCreatedAt() == null && v.status().getImageId() == null;
  }

  private static ServerStep adopt(ServerView v) {
    if (v.adoptTarget().isEmpty()) {
      return new Fail(Reasons.INVALID_SPEC, "spec.serverId " + v.spec().getServerId()
          + " does not exist on this ConoHa account");
    }
    Server target = v.adoptTarget().get();
    String owner = target.metadata().get(Tags.OWNER);
    if (owner != null && !owner.equals(v.uid())) {
      return ownedByAnother("spec.serverId " + target.id(), target.metadata());
    }
    return new Adopt(target);
  }

  // ---- shared pieces

  private static Wait creating(ServerView v, String message, WaitKind kind) {
    boolean restoring = v.status().getArchive() != null;
    return new Wait(restoring ? ServerPhase.Restoring : ServerPhase.Creating,
        restoring ? Reasons.RESTORING : Reasons.CREATING, message, kind);
  }

  static boolean deleteLocked(Server s) {
    return "True".equalsIgnoreCase(s.metadata().get(Tags.DELETE_LOCK));
  }

  static Fail deleteLockedFailure(Server s, boolean deleting) {
    return deleteLockedFailure(s.id(), deleting);
  }

  static Fail deleteLockedFailure(String serverId, boolean deleting) {
    return new Fail(Reasons.DELETE_LOCKED, "server " + serverId + " is delete-locked in the ConoHa control panel"
        + " (IsDeleteLocked=True); unlock it" + (deleting ? ", or set deletionPolicy: Retain to keep it" : " to archive"));
  }

  static Fail ownedByAnother(String what, java.util.Map<String, String> metadata) {
    String owner = metadata.getOrDefault(Tags.RESOURCE, metadata.get(Tags.OWNER));
    return new Fail(Reasons.OWNED_BY_ANOTHER, what + " is managed by ConohaServer " + owner
        + " (its owner tag); this resource leaves it alone. Point spec.serverId elsewhere, or delete the other"
        + " resource with deletionPolicy: Retain first");
  }

  /** A failed save's image holds nothing: it is deleted (not left behind on ConoHa) and the failure reported. */
  private static ServerStep discardFailedSave(ArchiveRecord pending, Image image, boolean archiving) {
    Fail failure = new Fail(Reasons.SAVE_FAILED, "ConoHa could not save image " + pending.getImageName() + " ("
        + image.status() + "); the server stays");
    return new DiscardFailedSave(image.id(), archiving ? failure : null, archiving ? null : failure.message());
  }

  private static Fail saveVanished(ArchiveRecord pending) {
    return new Fail(Reasons.SAVE_FAILED, "image " + pending.getImageName() + " disappeared while saving (ConoHa"
        + " saves nothing when the image storage quota is full); the server stays");
  }

  private static Fail archiveImageGone(ArchiveRecord archive) {
    return new Fail(Reasons.IMAGE_NOT_FOUND, "archive image " + archive.getImageName() + " (" + archive.getImageId()
        + ") no longer exists on ConoHa, so the server cannot be restored from it; its data is gone. To start over"
        + " from spec.image, delete this resource and create it again");
  }

  private static Optional<ServerStep> stickyFailure(ServerView v, String... reasons) {
    return StickyFailures.of(v.status(), v.generation(), reasons).map(c -> new Fail(c.getReason(), c.getMessage()));
  }

  private static ServerStep fail(StepFailure f) {
    return f.userMustFix() ? new Fail(f.reason(), f.getMessage()) : new Retry(f.reason(), f.getMessage());
  }
}
