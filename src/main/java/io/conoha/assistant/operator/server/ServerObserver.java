package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.Finding;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.Resolved;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers a {@link ServerView}: the account's listings, plus a lookup on an object's own URL wherever a listing
 * does not show something status names (a listing's silence is never taken as "gone"), plus what Secrets and the
 * plan catalog say. Reads only; what it finds reaches status through the run.
 */
final class ServerObserver {
  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerObserver(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  /** The view, or empty while a listing it needs has not been fetched yet (the run then shows Pending). */
  Optional<ServerView> observe() {
    if (!run.observed(neededListings().toArray(Listing[]::new))) {
      return Optional.empty();
    }
    var snapshot = run.snapshot();
    String uid = run.uid();
    List<Server> tagged = snapshot.serversTagged(Tags.OWNER, uid);
    Optional<Server> server = status.getServerId() != null ? run.byId(status.getServerId())
        : tagged.size() == 1 ? Optional.of(tagged.get(0)) : Optional.empty();
    Optional<Server> adoptTarget = server.isEmpty() && run.resource().getSpec().getServerId() != null
        && status.getServerId() == null ? run.byId(run.resource().getSpec().getServerId()) : Optional.empty();
    boolean restoring = server.isEmpty() && status.getArchive() != null;
    boolean creating = server.isEmpty() && wantsServer();
    boolean conservative = run.account().client().capabilities().customMetadataKept() == Finding.NO;
    return Optional.of(new ServerView(uid, run.generation(), run.resource().getSpec(), run.desired(), status,
        run.account().client().generation(), server, tagged.stream().map(Server::id).toList(), adoptTarget,
        bootVolume(), taggedFreeVolumes().stream().map(Volume::id).toList(), images(server.isEmpty()), lostSave(),
        heldBy(server),
        server.isPresent() || creating ? Resolved.lookup(run::flavor, Reasons.FLAVOR_NOT_FOUND)
            : Resolved.notNeeded(),
        !restoring && (creating || status.getImageId() != null && status.getArchive() == null)
            ? Resolved.lookup(run::specImageId, Reasons.IMAGE_NOT_FOUND) : Resolved.notNeeded(),
        creating ? Resolved.lookup(this::bootInputs, Reasons.SECRET_NOT_FOUND) : Resolved.notNeeded(),
        run.listingPredatesLastAction(), run.intents().lostAnswerSettled(lostAnswerListing()), run.waited(),
        run.ops().settings().deadlines(), conservative ? untaggedCandidates() : List.of(), conservative));
  }

  /** Servers nobody tagged that carry this resource's name tag: where a lost create went if tags are dropped. */
  private List<Server> untaggedCandidates() {
    String nameTag = run.nameTag();
    return run.snapshot().servers().stream()
        .filter(s -> s.metadata().get(Tags.OWNER) == null && nameTag.equals(s.nameTag()))
        .toList();
  }

  private boolean wantsServer() {
    return run.desired() != ServerState.Archived && status.getPendingArchive() == null;
  }

  private Set<Listing> neededListings() {
    Set<Listing> needed = EnumSet.of(Listing.SERVERS);
    if (status.getPendingArchive() != null || status.getArchive() != null) {
      needed.add(Listing.IMAGES);
    }
    if (status.getBootVolumeId() != null || bootVolumePlan()) {
      needed.add(Listing.VOLUMES);
    }
    return needed;
  }

  /** Whether the plan needs a boot volume; an unknown plan counts as no (its failure is reported when needed). */
  private boolean bootVolumePlan() {
    if (run.desired() == ServerState.Archived) {
      return false;
    }
    Resolved<io.conoha.assistant.client.model.Flavor> flavor = Resolved.lookup(run::flavor, Reasons.FLAVOR_NOT_FOUND);
    return flavor.ok() && flavor.value().needsBootVolume();
  }

  private Optional<Volume> bootVolume() {
    if (status.getBootVolumeId() != null) {
      return run.volumeById(status.getBootVolumeId());
    }
    List<Volume> free = taggedFreeVolumes();
    return free.size() == 1 ? Optional.of(free.get(0)) : Optional.empty();
  }

  private List<Volume> taggedFreeVolumes() {
    return run.snapshot().volumesTagged(Tags.OWNER, run.uid()).stream()
        .filter(v -> !v.status().startsWith("deleting") && !v.isInUse()).toList();
  }

  /**
   * The pending archive's image, and the current archive's when there is no server. A restore reads its image
   * from the image's own URL, not the listing: a server is never created from an image deleted since the poll.
   */
  private Map<String, Optional<Image>> images(boolean noServer) {
    Map<String, Optional<Image>> found = new HashMap<>();
    ArchiveRecord pending = status.getPendingArchive();
    if (pending != null && pending.getImageId() != null) {
      found.put(pending.getImageId(), run.imageById(pending.getImageId()));
    }
    ArchiveRecord archive = status.getArchive();
    if (noServer && archive != null && archive.getImageId() != null) {
      boolean restoring = run.desired() != ServerState.Archived;
      found.put(archive.getImageId(), restoring ? run.fetchImage(archive.getImageId()) : run.imageById(archive.getImageId()));
    }
    return found;
  }

  private Optional<Image> lostSave() {
    ArchiveRecord pending = status.getPendingArchive();
    if (pending == null || pending.getImageId() != null || !run.intents().pending(ServerDecider.SAVE_IMAGE)) {
      return Optional.empty();
    }
    List<Image> found = LostSaves.candidates(run.snapshot(), run.uid(), status.getPendingOperation(),
        pending.getImageName());
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private Listing lostAnswerListing() {
    var pending = status.getPendingOperation();
    return pending == null ? Listing.SERVERS : listingShowing(pending.getOperation());
  }

  /** The listing in which the object a create operation makes shows up. */
  static Listing listingShowing(String operation) {
    return switch (operation) {
      case ServerDecider.CREATE_BOOT_VOLUME -> Listing.VOLUMES;
      case ServerDecider.SAVE_IMAGE -> Listing.IMAGES;
      default -> Listing.SERVERS;
    };
  }

  /**
   * A ConohaImage of this namespace stopping or saving this server right now, named by serverRef or by the
   * server's id: both coordinate the same way.
   */
  private Optional<String> heldBy(Optional<Server> server) {
    String name = run.resource().getMetadata().getName();
    String serverId = server.map(Server::id).orElse(null);
    return run.imagesInNamespace()
        .filter(i -> i.getSpec() != null && i.getSpec().getSource() != null)
        .filter(i -> i.getSpec().getSource().getServerRef() != null
            ? name.equals(i.getSpec().getSource().getServerRef().getName())
            : serverId != null && serverId.equals(i.getSpec().getSource().getServerId()))
        .filter(i -> i.getStatus() != null
            && (i.getStatus().getPhase() == ImagePhase.Stopping || i.getStatus().getPhase() == ImagePhase.Saving))
        .map(ConohaImage::getMetadata).map(m -> m.getName()).findFirst();
  }

  private BootInputs bootInputs() {
    String namespace = run.resource().getMetadata().getNamespace();
    var spec = run.resource().getSpec();
    return new BootInputs(run.ops().secrets().value(namespace, spec.getAdminPasswordSecretRef()),
        run.ops().secrets().value(namespace, spec.getUserDataSecretRef()))
        .checked(run.account().client().generation());
  }

}
