package io.conoha.assistant.client;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.ImageQuota;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import java.util.Locale;
import java.util.Map;

/**
 * A disk-0 plan (v3 g2l-/g2w-): boots from a volume made from the image, and is saved by uploading that volume
 * as an image. ConoHa silently saves nothing when the image would exceed the account's image storage, so the
 * quota is checked first. os-volume_upload_image takes no metadata, so tags are not carried on this path.
 */
public final class VolumeDiskStrategy implements DiskStrategy {
  static final VolumeDiskStrategy INSTANCE = new VolumeDiskStrategy();
  static final int SMALL_PLAN_BOOT_GB = 30;
  static final int BOOT_GB = 100;
  private static final long GIB = 1024L * 1024 * 1024;

  private VolumeDiskStrategy() {}

  @Override
  public boolean needsBootVolume() {
    return true;
  }

  @Override
  public VolumeCreateRequest bootVolume(Flavor flavor, String imageId, Integer sizeGB, String volumeType,
      String name, Map<String, String> metadata) {
    boolean small = flavor.ramMiB() <= BootVolumeTypes.SMALL_PLAN_RAM_MIB;
    int size = sizeGB != null ? sizeGB : small ? SMALL_PLAN_BOOT_GB : BOOT_GB;
    // the type is checked against, or chosen from, the account's offered types when the volume is created
    return new VolumeCreateRequest(name, size, volumeType, imageId, metadata == null ? Map.of() : Map.copyOf(metadata),
        flavor);
  }

  @Override
  public String startSave(ConohaClient client, Server server, String imageName, Map<String, String> tags) {
    Volume boot = bootVolumeOf(client, server);
    ImageQuota quota = client.images().quota();
    long needed = expectedImageBytes(client, boot);
    if (needed > quota.freeBytes()) {
      throw ConohaException.quotaExceeded("volumes.action.os-volume_upload_image", String.format(Locale.ROOT,
          "image storage would exceed the quota: at least %s needed, %s free of %s (saving server %s, volume %s)",
          gb(needed), gb(quota.freeBytes()), gb(quota.limitBytes()), server.id(), boot.id()));
    }
    return client.volumes().uploadImage(boot.id(), imageName);
  }

  /**
   * A saved image holds the volume's used blocks, not its size (a 100 GB boot volume fits a 50 GB quota), and
   * the API does not say how much is used. The image the volume was made from is the best lower bound there is;
   * at least 1 GB. A save that still does not fit produces no image, which the caller sees and reports.
   */
  private static long expectedImageBytes(ConohaClient client, Volume boot) {
    long atLeast = GIB;
    if (boot.sourceImageId() == null) {
      return atLeast;
    }
    try {
      Long size = client.images().getImage(boot.sourceImageId()).sizeBytes();
      return size == null ? atLeast : Math.max(atLeast, size);
    } catch (ConohaException e) {
      if (e.kind() == ConohaException.Kind.NOT_FOUND) {
        return atLeast;
      }
      throw e;
    }
  }

  /** The bootable one of the attached volumes, else the first (a server normally has just its boot volume). */
  private static Volume bootVolumeOf(ConohaClient client, Server server) {
    if (server.attachedVolumeIds().isEmpty()) {
      throw new IllegalStateException("server " + server.id() + " has no attached volume to save");
    }
    Volume first = null;
    for (String id : server.attachedVolumeIds()) {
      Volume volume = client.volumes().getVolume(id);
      if (volume.bootable()) {
        return volume;
      }
      first = first == null ? volume : first;
    }
    return first;
  }

  /** "100 GB", "12.3 GB". */
  static String gb(long bytes) {
    double value = bytes / (double) GIB;
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%d GB", (long) value)
        : String.format(Locale.ROOT, "%.1f GB", value);
  }

  @Override
  public String toString() {
    return "boot volume (block_device_mapping_v2, os-volume_upload_image)";
  }
}
