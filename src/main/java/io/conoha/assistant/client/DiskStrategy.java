package io.conoha.assistant.client;

import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import java.util.Map;

/**
 * How a server's disk is made and saved; follows the resource, not a version flag.
 * A disk-0 plan boots from a new volume made from the image; a plan with a disk boots with imageRef.
 * A volume-backed server is saved with os-volume_upload_image after a quota check (ConoHa silently saves
 * nothing over quota); a local-disk server with createImage.
 */
public interface DiskStrategy {
  static DiskStrategy forFlavor(Flavor flavor) {
    return flavor.needsBootVolume() ? VolumeDiskStrategy.INSTANCE : LocalDiskStrategy.INSTANCE;
  }

  static DiskStrategy forServer(Server server) {
    return server.isVolumeBacked() ? VolumeDiskStrategy.INSTANCE : LocalDiskStrategy.INSTANCE;
  }

  boolean needsBootVolume();

  /**
   * The boot volume to create first (only when {@link #needsBootVolume()}). A null size means ConoHa's: 30 GB
   * for 512 MB plans, 100 GB otherwise. A null type is chosen at create time from the types the account offers
   * ({@link BootVolumeTypes}); an explicit one is checked against them.
   */
  VolumeCreateRequest bootVolume(Flavor flavor, String imageId, Integer sizeGB, String volumeType, String name,
      Map<String, String> metadata);

  /**
   * Starts saving a stopped server as an image and returns the new image id. Tags go into image metadata where
   * the API allows it. Throws QUOTA_EXCEEDED (with the numbers) before a volume upload that would not fit.
   */
  String startSave(ConohaClient client, Server server, String imageName, Map<String, String> tags);
}
