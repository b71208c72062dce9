package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.reconcile.StickyFailures;
import io.conoha.assistant.operator.reconcile.WaitKind;
import io.conoha.assistant.operator.image.ImageStep.*;
import java.util.Optional;

/**
 * The decision core of a ConohaImage, a pure function of {@link ImageView}: an import is only watched; a snapshot
 * notes its source's power state, stops it, saves it, follows the save, then gives the server its power state
 * back once. Table tests: {@code ImageDeciderTest}.
 */
final class ImageDecider {
  static final String SAVE_IMAGE = "SaveImage";

  private ImageDecider() {}

  static ImageStep decide(ImageView v) {
    ImageStep step = v.importing() ? imported(v) : v.status().getImageId() == null ? beforeSave(v) : afterSave(v);
    return deadlineOf(v, step);
  }

  private static ImageStep deadlineOf(ImageView v, ImageStep step) {
    if (!(step instanceof Wait w)) {
      return step;
    }
    return v.deadlines().exceeded(w.kind(), v.waited(), w.message())
        .<ImageStep>map(message -> new Fail(w.kind().timeoutReason(), message, false)).orElse(step);
  }

  private static ImageStep imported(ImageView v) {
    var wanted = v.spec().getImportImage();
    String what = wanted.getId() != null ? "image " + wanted.getId() : "image " + wanted.getName();
    if (v.imported().isEmpty()) {
      return new Fail(Reasons.IMAGE_NOT_FOUND, what + " does not exist on this ConoHa account", false);
    }
    if (v.imported().size() > 1) {
      return new Fail(Reasons.DUPLICATE_IMAGES, "several images are named " + wanted.getName() + ": "
          + v.imported().stream().map(Image::id).toList() + "; import one by id", false);
    }
    Image image = v.imported().get(0);
    if (image.status().isInProgress()) {
      return new Wait(ImagePhase.Saving, Reasons.SAVING, "image " + image.name() + " is still " + image.status(), null);
    }
    if (image.status().isFailed()) {
      return new Fail(Reasons.SAVE_FAILED, "image " + image.name() + " is " + image.status(), true);
    }
    return new Available("imported image " + image.name() + " is active");
  }

  private static ImageStep beforeSave(ImageView v) {
    if (v.intentPending(SAVE_IMAGE)) {
      if (v.lostSaves().size() > 1) {
        return new Fail(Reasons.DUPLICATE_IMAGES, "several images may be the result of an unanswered save: "
            + v.lostSaves().stream().map(Image::id).toList() + "; delete the extra ones", false);
      }
      if (v.lostSaves().size() == 1) {
        return new FoundLostSave(v.lostSaves().get(0));
      }
      if (!v.lostAnswerSettled()) {
        return new Wait(ImagePhase.Saving, Reasons.SAVING, "looking for the image of a save that got no answer"
            + " before saving again", WaitKind.LOST_ANSWER);
      }
    }
    Optional<ImageStep> sticky = stickyFailure(v, Reasons.SAVE_FAILED, Reasons.QUOTA_EXCEEDED);
    if (sticky.isPresent()) {
      return sticky.get();
    }
    if (!v.source().ok()) {
      StepFailure f = v.source().failure();
      return f.userMustFix() ? new Fail(f.reason(), f.getMessage(), false) : new Retry(f.reason(), f.getMessage());
    }
    Server server = v.source().value();
    if (v.awaitingListing()) {
      return new AwaitListing(ImagePhase.Stopping);
    }
    if (server.status() == ServerStatus.ACTIVE && server.taskState() == null) {
      return new Stop(server);
    }
    if (server.status() == ServerStatus.SHUTOFF && server.taskState() == null) {
      return new Save(server);
    }
    return new Wait(ImagePhase.Stopping, Reasons.STOPPING, "waiting for server " + server.id() + " ("
        + server.status() + ")", WaitKind.SERVER_TASK);
  }

  private static ImageStep afterSave(ImageView v) {
    if (v.image().isEmpty()) {
      boolean wasAvailable = v.status().getPhase() == ImagePhase.Available;
      return new Fail(wasAvailable ? Reasons.IMAGE_NOT_FOUND : Reasons.SAVE_FAILED, "image " + v.status().getImageId()
          + (wasAvailable ? " was deleted outside the operator"
              : " disappeared while saving (ConoHa saves nothing when the image storage quota is full)"), true);
    }
    Image image = v.image().get();
    if (image.status().isInProgress()) {
      return new Wait(ImagePhase.Saving, Reasons.SAVING, "saving image " + image.name() + ": "
          + v.status().getProgress() + "%", WaitKind.SAVE);
    }
    // The server is given back its power state once, right after the save; later its own spec governs it.
    boolean finishedBefore = v.status().getPhase() == ImagePhase.Available || v.status().getPhase() == ImagePhase.Failed;
    if (!finishedBefore) {
      Optional<ImageStep> giveBack = givePowerBack(v);
      if (giveBack.isPresent()) {
        return giveBack.get();
      }
    }
    if (image.status().isFailed()) {
      return new Fail(Reasons.SAVE_FAILED, "ConoHa could not save image " + image.name() + " (" + image.status() + ")",
          true);
    }
    return new Available("image " + image.name() + " is active");
  }

  private static Optional<ImageStep> givePowerBack(ImageView v) {
    if (!"Running".equals(v.status().getRestoredServerState()) || v.current().isEmpty()
        || v.current().get().status() == ServerStatus.ACTIVE) {
      return Optional.empty();
    }
    Server server = v.current().get();
    if (server.status() == ServerStatus.SHUTOFF && server.taskState() == null && !v.awaitingListing()) {
      return Optional.of(new Start(server));
    }
    return Optional.of(new Wait(ImagePhase.Saving, Reasons.SAVING, "image saved; starting server " + server.id()
        + " again", WaitKind.SERVER_TASK));
  }

  private static Optional<ImageStep> stickyFailure(ImageView v, String... reasons) {
    return StickyFailures.of(v.status(), v.generation(), reasons).map(c -> new Fail(c.getReason(), c.getMessage(), false));
  }
}
