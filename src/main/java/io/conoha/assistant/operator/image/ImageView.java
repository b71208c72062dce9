package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImageSpec;
import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.WaitKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one reconcile of a ConohaImage knows, gathered before deciding ({@link ImageDecider} is a pure function
 * of it). As for servers, an image is absent only when its own URL answered 404.
 *
 * @param imported        for an import: the images matching spec.import (by id: at most one; by name: all)
 * @param source          for a snapshot: the server to save, with a ConohaServer's coordination already applied
 * @param image           the image in status, looked up by id (empty: 404, or no id yet)
 * @param lostSaves       images a save whose answer was lost may have made, matched by ownership
 * @param current         the source server as listed now (for giving back its power state after the save)
 */
record ImageView(
    String uid,
    long generation,
    ConohaImageSpec spec,
    ConohaImageStatus status,
    List<Image> imported,
    Resolved<Server> source,
    Optional<Image> image,
    List<Image> lostSaves,
    Optional<Server> current,
    boolean awaitingListing,
    boolean lostAnswerSettled,
    Map<WaitKind, Duration> waited,
    Deadlines deadlines) {

  boolean importing() {
    return spec.getImportImage() != null;
  }

  boolean intentPending(String operation) {
    return status.getPendingOperation() != null && operation.equals(status.getPendingOperation().getOperation());
  }

  ImageView withStatus(ConohaImageStatus next, Optional<Image> nextImage) {
    return new ImageView(uid, generation, spec, next, imported, source, nextImage, lostSaves, current,
        awaitingListing, lostAnswerSettled, waited, deadlines);
  }
}
