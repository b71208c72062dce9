package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.Addresses;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.operator.support.ApiFailures;
import io.conoha.assistant.operator.support.ResourceRun;
import io.conoha.assistant.operator.support.StepFailure;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One reconcile of a ConohaServer: find its ConoHa server, then take the one step that brings it closer to
 * the spec (create, start, stop, resize, archive, restore). Cleanup is {@link ServerCleanupRun}.
 */
class ServerRun extends ResourceRun<ConohaServer, ConohaServerStatus> {
  static final String KIND = "ConohaServer";
  static final String CREATE_SERVER = "CreateServer";

  ServerRun(ConohaServer resource, Context<ConohaServer> ctx, OperatorContext ops) {
    super(resource, ctx, ops);
  }

  @Override
  protected String kind() {
    return KIND;
  }

  @Override
  protected String defaultNotFoundReason() {
    return Reasons.IMAGE_NOT_FOUND;
  }

  @Override
  protected void setPhaseFailed() {
    status.setPhase(ServerPhase.Failed);
  }

  @Override
  protected ConohaServerStatus newStatus() {
    return new ConohaServerStatus();
  }

  @Override
  protected void step() {
    ServerSpecValidator.validate(resource);
    connect(resource.getSpec().getCredentialsSecretRef().getName());
    if (!observed(Listing.SERVERS)) {
      phase(ServerPhase.Pending);
      return;
    }
    if (status.getPendingOperation() == null && actedOnAlready()) {
      // A listing older than the last create or action cannot show it yet: deciding from it would look
      // the new server up one by one (or act twice). The poll that shows it wakes this resource.
      return;
    }
    Optional<Server> server = locate();
    if (server.isPresent()) {
      withServer(server.get());
    } else {
      withoutServer();
    }
  }

  // ---- finding the server

  /**
   * The server this resource owns: by the id in status, else by owner tag (a create whose answer was lost),
   * else the one named for adoption. Several tagged servers stop everything: a human must choose.
   */
  Optional<Server> locate() {
    List<Server> tagged = snapshot().serversTagged(Tags.OWNER, uid());
    if (tagged.size() > 1) {
      throw StepFailure.userMustFix(Reasons.DUPLICATE_SERVERS, "several ConoHa servers carry this resource's tag: "
          + tagged.stream().map(Server::id).toList() + "; delete the extra ones, nothing is done until then");
    }
    if (status.getServerId() != null) {
      Optional<Server> known = byId(status.getServerId());
      if (known.isPresent()) {
        return known;
      }
      serverVanished();
    }
    if (tagged.size() == 1) {
      intentFulfilled(CREATE_SERVER);
      return Optional.of(remember(tagged.get(0)));
    }
    if (resource.getSpec().getServerId() != null && status.getArchive() == null && status.getServerCreatedAt() == null) {
      return Optional.of(adopt(resource.getSpec().getServerId()));
    }
    return Optional.empty();
  }

  /**
   * A server missing from the listing may just not be listed yet (eventual consistency): only a 404 on its
   * own URL means it is gone. A failed lookup is never taken as "absent".
   */
  Optional<Server> byId(String id) {
    return listedOrFetched(snapshot().server(id), () -> account().client().compute().getServer(id))
        .filter(s -> s.status() != ServerStatus.DELETED);
  }

  /**
   * A volume by id: listed, else by its own URL (a new volume may not be listed yet); empty only on a 404, so
   * a lagging listing never makes a volume look deleted.
   */
  Optional<Volume> volumeById(String id) {
    return listedOrFetched(snapshot().volume(id), () -> account().client().volumes().getVolume(id));
  }

  private void serverVanished() {
    boolean archiving = status.getPendingArchive() != null && status.getPendingArchive().getImageId() != null;
    if (!archiving && !deleting()) {
      ops.events().warning(resource, "ServerDeletedExternally", "server " + status.getServerId()
          + " was deleted outside the operator; it will be created again"
          + (status.getArchive() != null ? " from archive image " + status.getArchive().getImageName() : ""));
    }
    status.setServerId(null);
    status.setAddresses(null);
    status.setServerCreatedAt(null);
  }

  private Server adopt(String serverId) {
    Server server = byId(serverId).orElseThrow(() -> StepFailure.userMustFix(Reasons.INVALID_SPEC,
        "spec.serverId " + serverId + " does not exist on this ConoHa account"));
    account().client().compute().updateMetadata(serverId, Map.of(Tags.OWNER, uid(), Tags.RESOURCE, tagName()));
    ops.events().normal(resource, "Adopted", "adopted existing server " + serverId);
    return remember(server);
  }

  Server remember(Server server) {
    status.setServerId(server.id());
    status.setServerCreatedAt(server.created() == null ? now.toString() : server.created().toString());
    status.setAddresses(new Addresses(server.ipv4(), server.ipv6()));
    if (server.isVolumeBacked() && status.getBootVolumeId() == null) {
      status.setBootVolumeId(server.attachedVolumeIds().get(0));
    }
    watch(server.id());
    watch(status.getBootVolumeId());
    return server;
  }

  // ---- acting

  private void withServer(Server server) {
    remember(server);
    intentFulfilled(CREATE_SERVER);
    if (server.status() == ServerStatus.ERROR) {
      throw StepFailure.userMustFix(Reasons.SERVER_ERROR, "ConoHa reports server " + server.id()
          + " in ERROR; nothing is done automatically (delete it in ConoHa or this resource)");
    }
    if (server.status() == ServerStatus.BUILD) {
      creating("ConoHa is building server " + server.id());
      return;
    }
    Optional<ConohaImage> hold = snapshotHold();
    if (hold.isPresent()) {
      phase(ServerPhase.Snapshotting);
      notReady(Reasons.SNAPSHOTTING, "ConohaImage " + hold.get().getMetadata().getName()
          + " is saving this server; it is left alone until the save ends");
      return;
    }
    if (resource.getSpec().getState() == ServerState.Archived) {
      new ServerArchive(this).archive(server);
      return;
    }
    if (status.getPendingArchive() != null) {
      new ServerArchive(this).abandonPendingArchive();
    }
    if (!actedOnAlready()) {
      new ServerPower(this).converge(server);
    }
  }

  private void withoutServer() {
    ServerArchive archive = new ServerArchive(this);
    if (resource.getSpec().getState() == ServerState.Archived) {
      archive.settleArchived();
      return;
    }
    if (!archive.finishPendingArchive()) {
      return;
    }
    new ServerBoot(this).boot();
  }

  /** True (and waiting) while the listing cannot show the last action yet. */
  boolean actedOnAlready() {
    if (ops.actions().listingPredatesLastAction(uid(), snapshot().serversAt())) {
      changing = true;
      keepReadyAsIs();
      return true;
    }
    return false;
  }

  void acted() {
    ops.actions().acted(uid(), ops.clock().instant());
    changing = true;
  }

  void creating(String message) {
    boolean restoring = status.getArchive() != null;
    phase(restoring ? ServerPhase.Restoring : ServerPhase.Creating);
    progressing(restoring ? Reasons.RESTORING : Reasons.CREATING, message);
  }

  /**
   * The control panel's delete lock is checked on the server's own URL right before a delete: a listing may be
   * older than the lock, and a locked server must never be deleted.
   */
  void refuseIfDeleteLocked(String serverId) {
    Map<String, String> metadata = account().client().compute().getMetadata(serverId);
    if ("True".equalsIgnoreCase(metadata.get(Tags.DELETE_LOCK))) {
      throw StepFailure.userMustFix(Reasons.DELETE_LOCKED, "server " + serverId + " is delete-locked in the ConoHa"
          + " control panel (IsDeleteLocked=True); unlock it"
          + (deleting() ? ", or set deletionPolicy: Retain to keep it" : " to archive"));
    }
  }

  /** A ConohaImage in this namespace that is stopping or saving this server right now. */
  Optional<ConohaImage> snapshotHold() {
    return imagesInNamespace()
        .filter(i -> i.getSpec() != null && i.getSpec().getSource() != null
            && i.getSpec().getSource().getServerRef() != null
            && resource.getMetadata().getName().equals(i.getSpec().getSource().getServerRef().getName()))
        .filter(i -> i.getStatus() != null
            && (i.getStatus().getPhase() == ImagePhase.Stopping || i.getStatus().getPhase() == ImagePhase.Saving))
        .findFirst()
        .map(i -> {
          status.setHeldBy(i.getMetadata().getName());
          return i;
        })
        .or(() -> {
          status.setHeldBy(null);
          return Optional.empty();
        });
  }

  /** The plan the spec asks for (cached per account). */
  Flavor flavor() {
    try {
      return account().catalog().flavor(resource.getSpec().getFlavor());
    } catch (ConohaException e) {
      throw ApiFailures.classify(e, Reasons.FLAVOR_NOT_FOUND);
    }
  }

  /** The image id the spec asks for: a ConoHa image by name or id, or an available ConohaImage. */
  String specImageId() {
    if (resource.getSpec().getImageRef() != null) {
      return referencedImageId(resource.getSpec().getImageRef().getName());
    }
    try {
      return account().catalog().image(resource.getSpec().getImage()).id();
    } catch (ConohaException e) {
      throw ApiFailures.classify(e, Reasons.IMAGE_NOT_FOUND);
    }
  }

  private String referencedImageId(String name) {
    ConohaImage image = imagesInNamespace()
        .filter(i -> name.equals(i.getMetadata().getName())).findFirst()
        .orElseThrow(() -> StepFailure.userMustFix(Reasons.IMAGE_NOT_FOUND,
            "ConohaImage " + name + " does not exist in namespace " + resource.getMetadata().getNamespace()));
    if (image.getStatus() == null || image.getStatus().getPhase() != ImagePhase.Available
        || image.getStatus().getImageId() == null) {
      throw StepFailure.transientFailure(Reasons.WAITING, "ConohaImage " + name + " is not available yet");
    }
    return image.getStatus().getImageId();
  }

  /** Tags for a new ConoHa object: display name, owner and intent (Nova-safe keys and values). */
  Map<String, String> tags(String token) {
    return Map.of(Tags.NAME_TAG, nameTag(), Tags.OWNER, uid(), Tags.INTENT, token, Tags.RESOURCE, tagName());
  }

  /** ConohaImages of this namespace, from the informer cache (no API call). */
  @SuppressWarnings("unchecked")
  Stream<ConohaImage> imagesInNamespace() {
    var informer = (InformerEventSource<ConohaImage, ConohaServer>)
        ctx.eventSourceRetriever().getEventSourceFor(ConohaImage.class);
    return informer.list(resource.getMetadata().getNamespace(), i -> true);
  }

  void phase(ServerPhase phase) {
    status.setPhase(phase);
  }

  boolean deleting() {
    return resource.getMetadata().getDeletionTimestamp() != null;
  }

  String nameTag() {
    return ServerSpecValidator.nameTag(resource);
  }

  /** namespace.name, a Nova-safe form for the human-readable resource tag. */
  String tagName() {
    return resource.getMetadata().getNamespace() + "." + resource.getMetadata().getName();
  }
}
