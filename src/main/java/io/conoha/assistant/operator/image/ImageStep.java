package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.operator.reconcile.WaitKind;

/** The one thing a reconcile of a ConohaImage does, as {@link ImageDecider} chose it. */
sealed interface ImageStep {
  record Wait(ImagePhase phase, String reason, String message, WaitKind kind) implements ImageStep {}

  record Available(String message) implements ImageStep {}

  record AwaitListing(ImagePhase phase) implements ImageStep {}

  /** {@code failed}: the image itself failed (phase Failed), not just this attempt. */
  record Fail(String reason, String message, boolean failed) implements ImageStep {}

  record Retry(String reason, String message) implements ImageStep {}

  /** Stop the source before saving it (its power state was noted to be restored after). */
  record Stop(Server server) implements ImageStep {}

  record Save(Server server) implements ImageStep {}

  /** Put the source back in the power state it had before the snapshot. */
  record Start(Server server) implements ImageStep {}

  // ---- status only

  sealed interface Bookkeeping extends ImageStep {}

  /** The image of a save whose answer was lost was found by ownership. */
  record FoundLostSave(Image image) implements Bookkeeping {}
}
