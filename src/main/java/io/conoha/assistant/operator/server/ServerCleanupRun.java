package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deleting a ConohaServer: with {@code Retain} nothing on ConoHa is touched; with {@code Delete} the server
 * goes first (never a delete-locked one), then its boot volume once free, then its archive images. The
 * finalizer stays until ConoHa shows everything gone, so nothing leaks.
 */
final class ServerCleanupRun extends ServerRun {
  ServerCleanupRun(ConohaServer resource, Context<ConohaServer> ctx, OperatorContext ops) {
    super(resource, ctx, ops);
  }

  @Override
  protected void step() {
    phase(ServerPhase.Deleting);
    notReady(Reasons.DELETING, "deleting");
    if (resource.getSpec() == null || resource.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      retain();
      return;
    }
    connectForCleanup();
    boolean v3 = account().client().generation() == ApiGeneration.V3;
    if (!(v3 ? observed(Listing.SERVERS, Listing.VOLUMES) : observed(Listing.SERVERS))) {
      return;
    }
    if (new DnsKeeper(this).keep(true) && deleteServers() && awaitLostCreates() && (!v3 || deleteVolumes())) {
      deleteArchiveImages();
      ops.events().normal(resource, "Deleted", "deleted the server and everything it left on ConoHa");
      release();
    }
  }

  /**
   * Deleting with policy Delete needs the account: without its Secret nothing can be deleted, and the finalizer
   * stays so nothing billed is forgotten. The message says the ways out.
   */
  private void connectForCleanup() {
    try {
      connect(resource.getSpec().getCredentialsSecretRef().getName());
    } catch (StepFailure f) {
      throw StepFailure.userMustFix(f.reason(), f.getMessage() + "; deletionPolicy Delete needs it to delete the"
          + " server, its boot volume and archive images. Restore the Secret, or set spec.deletionPolicy: Retain to"
          + " let the resource go and leave them on ConoHa (still billed)");
    }
  }

  private void retain() {
    ops.events().normal(resource, "Retained", "deletionPolicy Retain: left on ConoHa: server "
        + Objects.requireNonNullElse(status.getServerId(), "-") + ", boot volume "
        + Objects.requireNonNullElse(status.getBootVolumeId(), "-") + ", archive images " + archiveImageIds());
    release();
  }

  /**
   * True when no server of this resource is left. A server that carries another resource's owner tag is never
   * deleted on behalf of this one, even if status names it.
   */
  private boolean deleteServers() {
    Set<Server> servers = new LinkedHashSet<>(snapshot().serversTagged(Tags.OWNER, uid()));
    if (status.getServerId() != null) {
      byId(status.getServerId()).ifPresent(s -> {
        if (ownedByAnother(s.metadata())) {
          ops.events().warning(resource, Reasons.OWNED_BY_ANOTHER, "server " + s.id() + " belongs to "
              + s.metadata().getOrDefault(Tags.RESOURCE, s.metadata().get(Tags.OWNER)) + "; left alone");
        } else {
          servers.add(s);
        }
      });
    }
    if (servers.isEmpty()) {
      return true;
    }
    for (Server server : servers) {
      watch(server.id());
      if (!actedOnAlready()) {
        deleteUnlessLocked(server.id());
        acted();
      }
    }
    progressing(Reasons.DELETING, "deleting server " + servers.stream().map(Server::id).toList());
    return false;
  }

  /**
   * A server still in the listing may have been deleted since: a 404 from its own URL (the lock check or the delete)
   * says it is gone, which is what the cleanup wants, not a failure; the next listing confirms it.
   */
  private void deleteUnlessLocked(String serverId) {
    try {
      refuseIfDeleteLocked(serverId);
      account().client().compute().deleteServer(serverId);
    } catch (ConohaException e) {
      if (e.kind() != ConohaException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  /** A create whose answer was lost may still show up: wait out the grace period before letting go. */
  private boolean awaitLostCreates() {
    var pending = status.getPendingOperation();
    if (pending == null) {
      return true;
    }
    Listing listing = ServerObserver.listingShowing(pending.getOperation());
    alsoList(listing);
    if (!intents().lostAnswerSettled(listing)) {
      progressing(Reasons.DELETING, "waiting to be sure an unanswered " + pending.getOperation() + " left nothing");
      return false;
    }
    ArchiveRecord unsaved = status.getPendingArchive();
    if (unsaved != null && unsaved.getImageId() == null && intents().pending(ServerDecider.SAVE_IMAGE)) {
      LostSaves.candidates(snapshot(), uid(), pending, unsaved.getImageName()).forEach(i -> unsaved.setImageId(i.id()));
    }
    status.setPendingOperation(null);
    return true;
  }

  /** True when no boot volume of this resource is left; deletes the free ones. */
  private boolean deleteVolumes() {
    List<Volume> volumes = new ArrayList<>(snapshot().volumesTagged(Tags.OWNER, uid()));
    if (status.getBootVolumeId() != null && volumes.stream().noneMatch(v -> v.id().equals(status.getBootVolumeId()))) {
      volumeById(status.getBootVolumeId()).filter(v -> !ownedByAnother(v.metadata())).ifPresent(volumes::add);
    }
    if (volumes.isEmpty()) {
      status.setBootVolumeId(null);
      return true;
    }
    for (Volume v : volumes) {
      watch(v.id());
      if (v.isAvailable() || v.isError()) {
        deleteIfPresent(() -> account().client().volumes().deleteVolume(v.id()));
      }
    }
    progressing(Reasons.DELETING, "deleting boot volume " + volumes.stream().map(Volume::id).toList());
    changing = true;
    return false;
  }

  private boolean ownedByAnother(java.util.Map<String, String> metadata) {
    String owner = metadata.get(Tags.OWNER);
    return owner != null && !owner.equals(uid());
  }

  private void deleteArchiveImages() {
    for (String imageId : archiveImageIds()) {
      deleteIfPresent(() -> account().client().images().deleteImage(imageId));
    }
    status.setArchive(null);
    status.setPendingArchive(null);
    status.getPreviousArchives().clear();
  }

  private List<String> archiveImageIds() {
    return Stream.concat(Stream.of(status.getArchive(), status.getPendingArchive()), status.getPreviousArchives().stream())
        .filter(Objects::nonNull).map(ArchiveRecord::getImageId).filter(Objects::nonNull).toList();
  }

}
