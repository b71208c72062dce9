package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Things that happen "outside the operator", for tests and demos: a server made in the control panel, a server
 * that fails, a delete lock set by hand, a smaller image quota, a failing save. Unknown ids or names throw
 * {@link IllegalArgumentException}.
 */
public final class SimAdmin {
  private final SimWorld world;
  private final ServerLifecycle servers;
  private final VolumeLifecycle volumes;
  private final ImageSaves saves;

  SimAdmin(SimWorld world, ServerLifecycle servers, VolumeLifecycle volumes, ImageSaves saves) {
    this.world = world;
    this.servers = servers;
    this.volumes = volumes;
    this.saves = saves;
  }

  /**
   * A server that is ACTIVE at once, tagged {@code nameTag}. On a disk-0 plan (V3 g2l-/g2w-) it boots from a new
   * volume made from the image, as the control panel does. Returns the server id.
   */
  public String createServer(String nameTag, String flavorName, String imageName, Map<String, String> metadata) {
    return locked(() -> {
      SeedCatalog.Flavor flavor = world.catalog.flavorByName(flavorName).orElseThrow(() ->
          new IllegalArgumentException("no flavor named " + flavorName + "; have " + world.catalog.flavors().stream()
              .map(SeedCatalog.Flavor::name).toList()));
      ImageRecord image = world.images.values().stream().filter(i -> i.name.equals(imageName)
          && "active".equals(i.status)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("no active image named " + imageName));
      Map<String, String> meta = new java.util.LinkedHashMap<>(metadata == null ? Map.of() : metadata);
      meta.put(ServerRecord.NAME_TAG, nameTag);
      return servers.createActive(flavor, image, meta, volumes).id;
    });
  }

  /** ACTIVE, SHUTOFF, ERROR, BUILD or VERIFY_RESIZE; any running transition of the server is abandoned. */
  public void setServerStatus(String serverId, String status) {
    locked(() -> {
      servers.forceStatus(serverId, status);
      return null;
    });
  }

  /**
   * Deleted as in the control panel: gone at once; its volumes stay, detached and available. The ledger scores it
   * as a deletion the user asked for.
   */
  public void deleteServer(String serverId) {
    locked(() -> {
      servers.removeByAdmin(serverId);
      return null;
    });
  }

  /**
   * The user deleted the resource that owns objects tagged {@code owner} (deletionPolicy Delete): from now on the
   * ledger scores deletions of its servers as asked for ({@link ServerDeletion#userAsked()}).
   */
  public void expectDeletion(String owner) {
    if (owner == null || owner.isBlank()) {
      throw new IllegalArgumentException("expected an owner (the resource's UID, as in conoha-assistant:owner)");
    }
    world.score.expectDeletion(owner);
  }

  /** e.g. {@code putServerMetadata(id, "IsDeleteLocked", "True")}, the control panel's (advisory) delete lock. */
  public void putServerMetadata(String serverId, String key, String value) {
    locked(() -> servers.updateMetadata(serverId, Map.of(key, value), false));
  }

  public void setImageQuotaBytes(long bytes) {
    locked(() -> {
      world.imageQuotaBytes(bytes);
      return null;
    });
  }

  public long imageQuotaBytes() {
    return locked(world::imageQuotaBytes);
  }

  /** The next image save (createImage or volume upload) ends killed in Glance, ERROR in the Nova image proxy. */
  public void failNextImageSave() {
    locked(() -> {
      world.failNextSave();
      return null;
    });
  }

  /** Deleted as by ConoHa's 90-day clean-up or the control panel; a running save is abandoned. */
  public void deleteImage(String imageId) {
    locked(() -> {
      saves.delete(world.image(imageId).orElseThrow(() -> new IllegalArgumentException("no image " + imageId)));
      return null;
    });
  }

  /** An active private image, as if saved earlier (e.g. to restore from). Returns its id. */
  public String createPrivateImage(String name, Map<String, String> properties) {
    return locked(() -> {
      Instant now = world.now();
      ImageRecord image = new ImageRecord(world.ids.uuid(), name, "private", world.config.tenantId(), now, 0, null,
          "active");
      image.sizeBytes = world.config.savedImageBytes();
      image.diskFormat = "qcow2";
      image.containerFormat = "bare";
      image.checksum = Integer.toHexString(image.id.hashCode()) + "5d41402abc4b2a76b9719d91";
      image.properties.putAll(properties == null ? Map.of() : properties);
      world.images.put(image.id, image);
      return image.id;
    });
  }

  /** e.g. {@code "error"} to see how a client handles a broken volume. */
  public void setVolumeStatus(String volumeId, String status) {
    locked(() -> {
      world.volume(volumeId).setStatus(status, world.now());
      return null;
    });
  }

  private <T> T locked(Supplier<T> action) {
    synchronized (world) {
      try {
        return action.get();
      } catch (ApiError e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }
  }
}
