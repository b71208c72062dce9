package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.operator.reconcile.SaveRefusals;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.ResourceRun;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.image.ImageStep.*;
import java.util.Map;

/** Carries out the step {@link ImageDecider} chose, and records what it means for status and events. */
final class ImageActor {
  private final ImageRun run;
  private final ConohaImageStatus status;

  ImageActor(ImageRun run) {
    this.run = run;
    this.status = run.status();
  }

  void act(ImageStep step) {
    if (step instanceof Wait w) {
      run.phase(w.phase());
      run.progressing(w.reason(), w.message());
    } else if (step instanceof Available a) {
      run.phase(ImagePhase.Available);
      run.ready(a.message());
    } else if (step instanceof AwaitListing a) {
      run.phase(a.phase());
      run.awaitListing();
    } else if (step instanceof Fail f) {
      if (f.failed()) {
        run.phase(ImagePhase.Failed);
      }
      throw StepFailure.userMustFix(f.reason(), f.message());
    } else if (step instanceof Retry r) {
      throw StepFailure.transientFailure(r.reason(), r.message());
    } else if (step instanceof Stop s) {
      stop(s.server());
    } else if (step instanceof Save s) {
      save(s.server());
    } else if (step instanceof Start s) {
      power(() -> run.account().client().compute().start(s.server().id()));
      run.phase(ImagePhase.Saving);
      run.progressing(Reasons.SAVING, "image saved; starting server " + s.server().id() + " again");
    } else {
      throw new IllegalStateException("bookkeeping is recorded, not acted: " + step);
    }
  }

  private void stop(Server server) {
    power(() -> run.account().client().compute().stop(server.id(), false));
    run.ops().events().normal(run.resource(), "Stopping", "stopping server " + server.id() + " to save it");
    run.phase(ImagePhase.Stopping);
    run.progressing(Reasons.STOPPING, "stopping server " + server.id() + " before saving it");
  }

  /**
   * Saving holds the source server (its ConohaServer waits) only while a save is really under way: a save ConoHa
   * refuses leaves the image Pending, reported as SaveFailed for this generation (not retried until the spec changes).
   */
  private void save(Server server) {
    try {
      run.intents().create(ImageDecider.SAVE_IMAGE, Listing.IMAGES, LostSaves.existing(run.snapshot(), run.imageName()),
              token -> DiskStrategy.forServer(server).startSave(run.account().client(), server, run.imageName(),
                  Map.of(Tags.OWNER, run.uid(), Tags.INTENT, token)))
          .ifPresent(id -> {
            status.setImageId(id);
            status.setProgress(0);
            run.ops().events().normal(run.resource(), "Saving", "saving server " + server.id() + " as image " + run.imageName());
          });
    } catch (ConohaException e) {
      run.phase(ImagePhase.Pending);
      throw SaveRefusals.classify(e, "server " + server.id());
    }
    run.phase(ImagePhase.Saving);
    run.progressing(Reasons.SAVING, "saving server " + server.id() + " as image " + run.imageName());
  }

  private void power(Runnable call) {
    ResourceRun.tolerateConflict(call);
    run.ops().actions().acted(run.uid(), run.ops().clock().instant());
  }

}
