package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Saving an image, shared by Nova's createImage (v2, local disks) and Cinder's os-volume_upload_image (v3): a
 * private image in progress for {@link SimTimings#imageSave()}, then active (or killed when
 * {@link SimAdmin#failNextImageSave()} was called). When the save ends, or the image is deleted first, the source
 * (server task state, volume status) is released by the finisher given at the start.
 */
final class ImageSaves {
  private final SimWorld world;
  private final Map<String, Runnable> finishers = new HashMap<>();

  ImageSaves(SimWorld world) {
    this.world = world;
  }

  /** Whether one more saved image fits the image quota beside what is stored and being saved. */
  boolean fitsQuota() {
    return world.imageCommittedBytes() + world.config.savedImageBytes() <= world.imageQuotaBytes();
  }

  String quotaMessage() {
    return "Quota exceeded for image storage: saving needs " + Units.gigabytes(world.config.savedImageBytes())
        + ", " + Units.gigabytes(world.imageCommittedBytes()) + " of " + Units.gigabytes(world.imageQuotaBytes())
        + " are used";
  }

  ImageRecord start(String name, int minDisk, Map<String, String> properties, String sourceServerId,
      String diskFormat, String containerFormat, Runnable onFinish) {
    Instant now = world.now();
    ImageRecord image = new ImageRecord(world.ids.uuid(), name, "private", world.config.tenantId(), now, minDisk,
        sourceServerId, "saving");
    image.saveStarted = now;
    image.saveDuration = world.config.timings().imageSave();
    image.pendingBytes = world.config.savedImageBytes();
    image.diskFormat = diskFormat;
    image.containerFormat = containerFormat;
    image.properties.putAll(properties);
    world.score.saveStarted(image, sourceServerId == null ? null : world.servers.get(sourceServerId));
    boolean fail = world.takeFailNextSave();
    world.images.put(image.id, image);
    finishers.put(image.id, onFinish);
    world.after(image.saveDuration, () -> complete(image, fail));
    return image;
  }

  /** An upload over quota: accepted, but nothing is stored; the source is released after the save time. */
  void startPhantom(Runnable onFinish) {
    world.after(world.config.timings().imageSave(), onFinish);
  }

  private void complete(ImageRecord image, boolean fail) {
    if (world.images.get(image.id) != image || !image.inProgress()) {
      return;
    }
    Instant now = world.now();
    if (fail) {
      image.status = "killed";
    } else {
      image.status = "active";
      image.sizeBytes = image.pendingBytes;
      image.checksum = Integer.toHexString(image.id.hashCode()) + "5d41402abc4b2a76b9719d91";
    }
    image.pendingBytes = 0;
    image.updated = now;
    release(image.id);
  }

  /** A user's delete: ConoHa's public images are not theirs to delete. */
  void deleteOwned(ImageRecord image) {
    if (!image.isPrivate()) {
      throw ApiError.forbidden("You are not permitted to delete this image.");
    }
    delete(image);
  }

  /** The image goes at once; a save still running is abandoned and its source released. */
  void delete(ImageRecord image) {
    world.images.remove(image.id);
    release(image.id);
  }

  private void release(String imageId) {
    Runnable finisher = finishers.remove(imageId);
    if (finisher != null) {
      finisher.run();
    }
  }
}
