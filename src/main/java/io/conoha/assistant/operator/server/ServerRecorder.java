package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.server.ServerStep.*;
import java.time.Duration;
import java.time.Instant;

/**
 * Records a bookkeeping decision: the status change (and its event) that follows from what was observed, and
 * the view the next decision is taken on. No ConoHa call.
 */
final class ServerRecorder {
  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerRecorder(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  ServerView record(ServerView view, Bookkeeping step) {
    if (step instanceof FoundPendingImage f) {
      status.getPendingArchive().setImageId(f.imageId());
      run.intents().fulfilled(ServerDecider.SAVE_IMAGE);
      run.watch(f.imageId());
      // The next decision must see the found image as it is, not as "never looked up" (which reads as a 404).
      return view.withStatus(status).withImage(view.lostSave().orElseThrow());
    }
    if (step instanceof KeepArchive k) {
      keepArchive(k.serverGone());
      return k.serverGone() ? view.withoutServer(status) : view.withStatus(status);
    }
    if (step instanceof DropPendingArchive d) {
      dropPendingArchive(d.failure(), d.event());
      return view.withStatus(status);
    }
    ForgetServer forget = (ForgetServer) step;
    if (forget.deletedOutside() && !run.deleting()) {
      run.ops().events().warning(run.resource(), "ServerDeletedExternally", "server " + status.getServerId()
          + " was deleted outside the operator; it will be created again"
          + (status.getArchive() != null ? " from archive image " + status.getArchive().getImageName() : ""));
    }
    clearServer();
    return view.withoutServer(status);
  }

  /** Forgets a save that produced nothing usable; reports {@code failure} (throws) or warns with {@code event}. */
  void dropPendingArchive(Fail failure, String event) {
    status.setPendingArchive(null);
    run.intents().fulfilled(ServerDecider.SAVE_IMAGE);
    if (event != null) {
      run.ops().events().warning(run.resource(), "SaveFailed", event);
    }
    if (failure != null) {
      throw StepFailure.userMustFix(failure.reason(), failure.message());
    }
  }

  /** A finished save becomes the newest archive; with the server gone, the archive is complete. */
  private void keepArchive(boolean serverGone) {
    ArchiveRecord finished = status.getPendingArchive();
    finished.setSavedAt(run.now().toString());
    if (status.getArchive() != null) {
      status.getPreviousArchives().add(0, status.getArchive());
    }
    status.setArchive(finished);
    status.setPendingArchive(null);
    if (!serverGone) {
      run.ops().events().normal(run.resource(), "ArchiveKept", "kept image " + finished.getImageName()
          + " as an archive; the server stays as the spec now asks");
      return;
    }
    clearServer();
    run.ops().events().normal(run.resource(), "Archived", "saved as image " + finished.getImageName()
        + " and deleted the server; it is no longer billed");
    Instant began = run.ops().actions().end(run.uid(), "archive");
    if (began != null) {
      run.ops().metrics().archived(Duration.between(began, run.now()));
    }
  }

  private void clearServer() {
    status.setServerId(null);
    status.setAddresses(null);
    status.setServerCreatedAt(null);
  }
}
