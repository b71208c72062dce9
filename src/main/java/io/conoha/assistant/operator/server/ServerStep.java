package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.operator.reconcile.WaitKind;
import java.util.List;

/**
 * The one thing a reconcile of a ConohaServer does, as {@link ServerDecider} chose it. Steps that call ConoHa
 * are carried out by {@link ServerActor}; {@link Bookkeeping} steps only change status, after which the
 * decision is taken again on the updated view (no ConoHa call, no extra reconcile).
 */
sealed interface ServerStep {

  // ---- outcomes without a ConoHa call

  /** Nothing to do until ConoHa moves; {@code kind} gives the wait a deadline (null: waits on the user). */
  record Wait(ServerPhase phase, String reason, String message, WaitKind kind) implements ServerStep {}

  /** The server is as the spec asks. */
  record Settled(ServerPhase phase, String message) implements ServerStep {}

  /** The listing predates the last action: decide nothing, keep Ready as it was. */
  record AwaitListing() implements ServerStep {}

  /** Only the user can unblock this (spec, Secret, ConoHa account); reported, then backed off slowly. */
  record Fail(String reason, String message) implements ServerStep {}

  /** Cannot go on right now, but will by itself (a referenced image still saving, say). */
  record Retry(String reason, String message) implements ServerStep {}

  // ---- ConoHa calls

  /** Write this resource's owner tag on a free server named by spec.serverId. */
  record Adopt(Server server) implements ServerStep {}

  record CreateBootVolume(Flavor flavor, String imageId, BootInputs inputs) implements ServerStep {}

  record CreateServer(Flavor flavor, String imageId, String volumeId, BootInputs inputs) implements ServerStep {}

  record Start(Server server) implements ServerStep {}

  /** {@code archiving}: the stop is the first step of an archive. */
  record Stop(Server server, boolean archiving) implements ServerStep {}

  record Resize(Server server, Flavor flavor) implements ServerStep {}

  record ConfirmResize(Server server) implements ServerStep {}

  /** Save a stopped server as the next archive image. */
  record SaveArchive(Server server) implements ServerStep {}

  /** Delete the server whose archive image is active; only ever decided when {@link ArchiveSafety} allows it. */
  record DeleteArchivedServer(Server server, ArchiveRecord saved) implements ServerStep {}

  record DeleteBootVolume(String volumeId) implements ServerStep {}

  /** Delete the image of a failed save, forget the pending archive, then report {@code failure} (or an event). */
  record DiscardFailedSave(String imageId, Fail failure, String event) implements ServerStep {}

  /** Delete archive images beyond spec.archive.keep. */
  record PruneArchives(List<ArchiveRecord> keep, List<ArchiveRecord> drop) implements ServerStep {}

  // ---- status only

  /** A status change decided from what was observed; the decision is taken again after it. */
  sealed interface Bookkeeping extends ServerStep {}

  /** The image of a save whose answer was lost was found. */
  record FoundPendingImage(String imageId) implements Bookkeeping {}

  /**
   * A finished save becomes the newest archive. {@code serverGone}: the archive is complete (the server was
   * deleted), so it is reported as Archived.
   */
  record KeepArchive(boolean serverGone) implements Bookkeeping {}

  /** A save that produced nothing (or failed) is forgotten; {@code failure} is then reported, if any. */
  record DropPendingArchive(Fail failure, String event) implements Bookkeeping {}

  /** The recorded server is gone (404 on its own URL). */
  record ForgetServer(boolean deletedOutside) implements Bookkeeping {}
}
