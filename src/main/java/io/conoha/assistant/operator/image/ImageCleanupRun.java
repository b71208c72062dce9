package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deleting a ConohaImage: imports and {@code Retain} images stay on ConoHa. {@code Delete} waits while a
 * ConohaServer of the namespace boots from the image or keeps it as an archive, then deletes it.
 */
final class ImageCleanupRun extends ImageRun {
  ImageCleanupRun(ConohaImage resource, Context<ConohaImage> ctx, OperatorContext ops) {
    super(resource, ctx, ops);
  }

  @Override
  protected void step() {
    phase(ImagePhase.Deleting);
    notReady(Reasons.DELETING, "deleting");
    var spec = resource.getSpec();
    if (spec == null || spec.getImportImage() != null || spec.getDeletionPolicy() != DeletionPolicy.Delete) {
      if (status.getImageId() != null) {
        ops.events().normal(resource, "Retained", "image " + status.getImageId() + " is kept on ConoHa");
      }
      release();
      return;
    }
    List<String> users = users();
    status.setInUseBy(users);
    if (!users.isEmpty()) {
      progressing(Reasons.IN_USE, "in use by ConohaServer " + String.join(", ", users) + "; deleted once they let go");
      return;
    }
    connect(spec.getCredentialsSecretRef().getName());
    if (!observed(Listing.IMAGES) || !lostSaveSettled()) {
      return;
    }
    if (status.getImageId() != null) {
      deleteIfPresent(() -> account().client().images().deleteImage(status.getImageId()));
      ops.events().normal(resource, "Deleted", "deleted image " + status.getImageId());
    }
    release();
  }

  /** A save whose answer was lost may still produce the image: wait out the grace, then adopt it for deletion. */
  private boolean lostSaveSettled() {
    var pending = status.getPendingOperation();
    if (pending == null || status.getImageId() != null) {
      return true;
    }
    if (!intents().lostAnswerSettled(Listing.IMAGES)) {
      progressing(Reasons.DELETING, "waiting to be sure an unanswered save left no image");
      return false;
    }
    LostSaves.candidates(snapshot(), uid(), pending, imageName()).forEach(i -> status.setImageId(i.id()));
    status.setPendingOperation(null);
    return true;
  }

  /** ConohaServers of the namespace that boot from this image or keep it as an archive. */
  private List<String> users() {
    String imageId = status.getImageId();
    return serversInNamespace().filter(s -> bootsFrom(s) || imageId != null && archives(s, imageId))
        .map(s -> s.getMetadata().getName()).sorted().toList();
  }

  private boolean bootsFrom(ConohaServer server) {
    return server.getSpec() != null && server.getSpec().getImageRef() != null
        && resource.getMetadata().getName().equals(server.getSpec().getImageRef().getName())
        && server.getMetadata().getDeletionTimestamp() == null;
  }

  private static boolean archives(ConohaServer server, String imageId) {
    if (server.getStatus() == null) {
      return false;
    }
    return Stream.concat(Stream.of(server.getStatus().getArchive(), server.getStatus().getPendingArchive()),
            server.getStatus().getPreviousArchives().stream())
        .filter(Objects::nonNull).map(ArchiveRecord::getImageId).anyMatch(imageId::equals);
  }
}
