package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.Addresses;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.Transition;
import io.conoha.assistant.operator.schedule.EffectiveState;
import io.conoha.assistant.operator.schedule.InvalidSchedule;
import java.time.Instant;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.operator.reconcile.ApiFailures;
import io.conoha.assistant.operator.reconcile.ResourceRun;
import io.conoha.assistant.operator.reconcile.StepFailure;
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
  static final String CREATE_SERVER = ServerDecider.CREATE_SERVER;

  private EffectiveState effective;

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

  /**
   * Found again by the owner tag: the server (and its address, creation time) and its boot volume. Not where ConoHa
   * drops custom metadata (conservative mode): nothing is found again by tag there, so an id is written at once.
   */
  @Override
  protected java.util.Set<String> recoverableFields() {
    if (account() != null && account().client().capabilities().customMetadataKept()
        == io.conoha.assistant.client.Finding.NO) {
      return java.util.Set.of();
    }
    return java.util.Set.of("serverId", "serverCreatedAt", "addresses", "bootVolumeId");
  }

  /** Usage is counted from the state status showed at the start of a reconcile and the count written last. */
  @Override
  protected java.util.Set<String> recountedFields() {
    return java.util.Set.of("usage");
  }

  /**
   * observe → decide → act → record: the view is gathered once, the decision is a pure function of it, and
   * status-only decisions (bookkeeping) are recorded and decided again on the new status without another call.
   */
  @Override
  protected void step() {
    ServerSpecValidator.validate(resource);
    connect(resource.getSpec().getCredentialsSecretRef().getName());
    UsageCount.Billing before = billing();
    try {
      followSchedule();
      if (observeDecideAct()) {
        new DnsKeeper(this).keep(false);
      }
    } finally {
      UsageCount.Billing after = billing();
      status.setUsage(UsageCount.counted(status.getUsage(), before, before != after, ops.calendar().instant()));
    }
  }

  private UsageCount.Billing billing() {
    return status.getServerId() != null ? UsageCount.Billing.SERVER
        : status.getArchive() != null ? UsageCount.Billing.ARCHIVED : UsageCount.Billing.NOTHING;
  }

  /**
   * The state to work toward now, from the spec, the schedule, the run-until annotation and the calendar; shown in
   * status, with an event when a window (or the annotation) changed it, and a wake-up at the next edge.
   */
  private void followSchedule() {
    try {
      effective = EffectiveState.of(resource.getSpec(), resource.getMetadata().getAnnotations(), ops.calendar().instant());
    } catch (InvalidSchedule e) {
      throw StepFailure.userMustFix(Reasons.INVALID_SPEC, e.getMessage());
    }
    ServerState was = status.getEffectiveState();
    if (was != null && was != effective.state()) {
      ops.events().normal(resource, "ScheduledChange", effective.source() + " asks for " + effective.state()
          + " (was " + was + " from " + status.getEffectiveStateSource() + ")");
    }
    status.setEffectiveState(effective.state());
    status.setEffectiveStateSource(effective.source());
    status.setRunUntil(effective.runUntil().map(Instant::toString).orElse(null));
    status.setNextTransition(effective.next()
        .map(c -> new Transition(c.at().toString(), c.state(), c.source())).orElse(null));
    effective.next().ifPresent(c -> wakeAt(c.at()));
  }

  /** The state this reconcile works toward (spec.state, a window's, or Running under run-until). */
  ServerState desired() {
    return effective.state();
  }

  /** One step toward the effective state; false when nothing could be observed yet. */
  private boolean observeDecideAct() {
    Optional<ServerView> observed = new ServerObserver(this).observe();
    if (observed.isEmpty()) {
      phase(ServerPhase.Pending);
      return false;
    }
    ServerView view = observed.get();
    remember(view);
    for (int i = 0; i < MAX_BOOKKEEPING; i++) {
      ServerStep step = ServerDecider.decide(view);
      if (!(step instanceof ServerStep.Bookkeeping b)) {
        timeWait(step instanceof ServerStep.Wait w ? w.kind() : null,
        !(step instanceof ServerStep.AwaitListing) && !(step instanceof ServerStep.Fail));
        new ServerActor(this).act(step);
        return true;
      }
      view = new ServerRecorder(this).record(view, b);
    }
    throw new IllegalStateException("status bookkeeping did not settle after " + MAX_BOOKKEEPING + " steps");
  }

  private static final int MAX_BOOKKEEPING = 6;



  /** What was observed of this resource's own objects goes into status before deciding. */
  private void remember(ServerView view) {
    view.server().filter(s -> uid().equals(s.metadata().get(Tags.OWNER)) || s.id().equals(status.getServerId()))
        .ifPresent(s -> {
          remember(s);
          intents().fulfilled(CREATE_SERVER);
        });
    view.bootVolume().ifPresent(v -> {
      if (status.getBootVolumeId() == null) {
        status.setBootVolumeId(v.id());
        intents().fulfilled(ServerDecider.CREATE_BOOT_VOLUME);
      }
      watch(v.id());
    });
    view.images().keySet().forEach(this::watch);
    status.setHeldBy(view.heldBy().orElse(null));
  }





  /** An image read from its own URL; empty only on 404. */
  Optional<Image> fetchImage(String id) {
    return listedOrFetched(Optional.empty(), () -> account().client().images().getImage(id));
  }

  /** An image by id: listed, else by its own URL (a listing may lag); empty only on 404. */
  Optional<Image> imageById(String id) {
    return listedOrFetched(snapshot().image(id), () -> account().client().images().getImage(id));
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

  /** True (and waiting) while the listing cannot show the last action yet. */
  boolean actedOnAlready() {
    if (listingPredatesLastAction()) {
      awaitListing();
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
      throw StepFailure.userMustFix(Reasons.DELETE_LOCKED, ServerDecider.deleteLockedFailure(serverId, deleting()).message());
    }
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
