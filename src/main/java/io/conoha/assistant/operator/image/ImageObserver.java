package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.StepFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gathers an {@link ImageView}: listings, lookups on own URLs, and the source server's coordination. */
final class ImageObserver {
  private static final Set<ServerPhase> BUSY = Set.of(ServerPhase.Archiving, ServerPhase.Archived, ServerPhase.Deleting);

  private final ImageRun run;
  private final ConohaImageStatus status;

  ImageObserver(ImageRun run) {
    this.run = run;
    this.status = run.status();
  }

  Optional<ImageView> observe() {
    boolean importing = run.resource().getSpec().getImportImage() != null;
    if (!(importing ? run.observed(Listing.IMAGES) : run.observed(Listing.SERVERS, Listing.IMAGES))) {
      return Optional.empty();
    }
    boolean beforeSave = !importing && status.getImageId() == null;
    return Optional.of(new ImageView(run.uid(), run.generation(), run.resource().getSpec(), status,
        importing ? imported() : List.of(),
        beforeSave ? Resolved.lookup(this::sourceServer, Reasons.SOURCE_NOT_FOUND) : Resolved.notNeeded(),
        status.getImageId() == null || importing ? Optional.empty() : run.imageById(status.getImageId()),
        beforeSave && run.intents().pending(ImageDecider.SAVE_IMAGE)
            ? LostSaves.candidates(run.snapshot(), run.uid(), status.getPendingOperation(), run.imageName()) : List.of(),
        status.getSourceServerId() == null ? Optional.empty() : run.snapshot().server(status.getSourceServerId()),
        run.listingPredatesLastAction(),
        run.intents().lostAnswerSettled(Listing.IMAGES), run.waited(), run.ops().settings().deadlines()));
  }

  private List<Image> imported() {
    var wanted = run.resource().getSpec().getImportImage();
    if (wanted.getId() != null) {
      return run.imageById(wanted.getId()).map(List::of).orElse(List.of());
    }
    return run.snapshot().imagesNamed(wanted.getName());
  }

  /**
   * The server to save: a ConohaServer's current server, or a server of the account by id. A server by id that a
   * ConohaServer manages is coordinated with it exactly as a serverRef is; one managed from another namespace is
   * left alone.
   */
  private Server sourceServer() {
    var source = run.resource().getSpec().getSource();
    String id = source.getServerRef() != null ? referencedServerId(source.getServerRef().getName()) : source.getServerId();
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
    ServerState effective = server.getStatus() != null && server.getStatus().getEffectiveState() != null
        ? server.getStatus().getEffectiveState() : server.getSpec() == null ? null : server.getSpec().getState();
    if (server.getMetadata().getDeletionTimestamp() == null && effective == ServerState.Archived) {
      throw StepFailure.userMustFix(Reasons.SOURCE_UNAVAILABLE, "ConohaServer " + name + " is archived (no server"
          + " to snapshot); set it Running or Stopped to snapshot it");
    }
    var stuck = server.getStatus() == null ? Optional.<io.fabric8.kubernetes.api.model.Condition>empty()
        : server.getStatus().condition("Synced").filter(c -> "False".equals(c.getStatus())
            && Reasons.USER_MUST_FIX.contains(c.getReason())
            && java.util.Objects.equals(c.getObservedGeneration(), server.getMetadata().getGeneration()));
    if (server.getMetadata().getDeletionTimestamp() == null && stuck.isPresent()
        && (server.getStatus().getServerId() == null || BUSY.contains(server.getStatus().getPhase()))) {
      throw StepFailure.userMustFix(Reasons.SOURCE_UNAVAILABLE, "ConohaServer " + name + " is stuck ("
          + stuck.get().getReason() + ": " + stuck.get().getMessage() + "); fix it first");
    }
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

}
