package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.WaitKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one reconcile of a ConohaServer knows, gathered by {@link ServerObserver} before anything is
 * decided, and never changed by a step: {@link ServerDecider} is a pure function of it. An object that is
 * missing from a listing is not "absent" here: it is absent only when its own URL answered 404 (the observer
 * looks it up), so a lagging listing can never make a save or a server look gone.
 *
 * @param uid                  the resource's UID, the owner tag it writes on what it creates
 * @param generation           metadata.generation
 * @param spec                 the spec as written
 * @param desired              the effective state: spec.state, a schedule window's, or the run-until annotation's
 *                             ({@link io.conoha.assistant.operator.schedule.EffectiveState}); the only state the
 *                             decision reads, so a scheduled Archived takes exactly the path of spec.state Archived
 * @param status               the status as it stands (a copy; bookkeeping steps make a new view)
 * @param apiGeneration        the account's API generation (password rules differ)
 * @param server               this resource's server: the one in status, else the one carrying its owner tag
 * @param taggedServerIds      every live server carrying this resource's owner tag
 * @param adoptTarget          the server spec.serverId names, when adoption applies (empty: 404 or n/a)
 * @param bootVolume           the boot volume: the one in status, else a free one carrying the owner tag
 * @param taggedFreeVolumeIds  free volumes carrying the owner tag (more than one is a duplicate)
 * @param images               images looked up by id (pending and current archive); empty value: 404
 * @param lostSave             the image a save whose answer was lost made, found by owner tag and intent
 * @param heldBy               a ConohaImage saving this server right now
 * @param flavor               the plan the spec asks for
 * @param specImageId          the image the spec asks for
 * @param inputs               root password and user data, checked
 * @param awaitingListing      the listing predates the last action: it cannot show its effect yet
 * @param lostAnswerSettled    a create whose answer was lost has had its grace period in listings
 * @param waited               how long this resource has been in its current wait, by kind
 * @param deadlines            how long each wait may last
 * @param untaggedCandidates   when the cloud drops custom metadata (conservative mode, else empty): untagged servers
 *                             with this resource's name tag, the only possible results of a lost create
 * @param conservative         the cloud was seen to drop custom metadata: owner tags cannot find a lost create
 */
record ServerView(
    String uid,
    long generation,
    ConohaServerSpec spec,
    ServerState desired,
    ConohaServerStatus status,
    ApiGeneration apiGeneration,
    Optional<Server> server,
    List<String> taggedServerIds,
    Optional<Server> adoptTarget,
    Optional<Volume> bootVolume,
    List<String> taggedFreeVolumeIds,
    Map<String, Optional<Image>> images,
    Optional<Image> lostSave,
    Optional<String> heldBy,
    Resolved<Flavor> flavor,
    Resolved<String> specImageId,
    Resolved<BootInputs> inputs,
    boolean awaitingListing,
    boolean lostAnswerSettled,
    Map<WaitKind, Duration> waited,
    Deadlines deadlines,
    List<Server> untaggedCandidates,
    boolean conservative) {

  /** The image with this id as looked up: empty when ConoHa answered 404 (or it was never looked up). */
  Optional<Image> image(String id) {
    return id == null ? Optional.empty() : images.getOrDefault(id, Optional.empty());
  }

  boolean intentPending(String operation) {
    return status.getPendingOperation() != null && operation.equals(status.getPendingOperation().getOperation());
  }

  Duration waitedFor(WaitKind kind) {
    return waited.getOrDefault(kind, Duration.ZERO);
  }

  int archiveKeep() {
    return spec.getArchive() == null || spec.getArchive().getKeep() == null ? 1 : spec.getArchive().getKeep();
  }

  /** The same observation with the status a bookkeeping step produced. */
  ServerView withStatus(ConohaServerStatus next) {
    return new ServerView(uid, generation, spec, desired, next, apiGeneration, server, taggedServerIds,
        adoptTarget, bootVolume, taggedFreeVolumeIds, images, lostSave, heldBy, flavor, specImageId, inputs,
        awaitingListing, lostAnswerSettled, waited, deadlines, untaggedCandidates, conservative);
  }

  /** The same observation knowing one more image (the found result of a save whose answer was lost). */
  ServerView withImage(Image image) {
    Map<String, Optional<Image>> known = new java.util.HashMap<>(images);
    known.put(image.id(), Optional.of(image));
    return new ServerView(uid, generation, spec, desired, status, apiGeneration, server, taggedServerIds, adoptTarget,
        bootVolume, taggedFreeVolumeIds, Map.copyOf(known), lostSave, heldBy, flavor, specImageId, inputs,
        awaitingListing, lostAnswerSettled, waited, deadlines, untaggedCandidates, conservative);
  }

  /** The same observation without the server (bookkeeping forgot it). */
  ServerView withoutServer(ConohaServerStatus next) {
    return new ServerView(uid, generation, spec, desired, next, apiGeneration, Optional.empty(), taggedServerIds,
        adoptTarget, bootVolume, taggedFreeVolumeIds, images, lostSave, heldBy, flavor, specImageId, inputs,
        awaitingListing, lostAnswerSettled, waited, deadlines, untaggedCandidates, conservative);
  }
}
