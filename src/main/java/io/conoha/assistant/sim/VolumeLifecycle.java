package io.conoha.assistant.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cinder as ConoHa v3 uses it: boot volumes made from an image (creating → available) with ConoHa's fixed sizes,
 * attached by server create, left behind by server delete, refused deletion while attached or uploading, and
 * saved as images with os-volume_upload_image. Callers hold the world lock.
 */
final class VolumeLifecycle {
  record CreateRequest(String name, String description, Integer size, String volumeType, String imageRef,
      Map<String, String> metadata) {}

  /** What os-volume_upload_image answers; {@code imageId} names no image when the upload was over quota. */
  record Upload(VolumeRecord volume, String imageId, String imageName, String diskFormat, String containerFormat) {}

  private static final List<Integer> ADDITIONAL_SIZES = List.of(200, 500, 1000, 5000, 10000);
  /** Keys of volume_image_metadata that describe the image file rather than the system; not copied on upload. */
  private static final Set<String> IMAGE_FILE_KEYS = Set.of("image_id", "image_name", "checksum", "size",
      "min_disk", "min_ram", "disk_format", "container_format");

  private final SimWorld world;
  private final ImageSaves saves;

  VolumeLifecycle(SimWorld world, ImageSaves saves) {
    this.world = world;
    this.saves = saves;
  }

  VolumeRecord create(CreateRequest request) {
    if (request.size() == null || request.size() < 1) {
      throw ApiError.badRequest("Invalid input received: size must be an integer greater than 0");
    }
    boolean fromImage = request.imageRef() != null && !request.imageRef().isEmpty();
    String region = world.config.region();
    String typeName = request.volumeType() != null ? request.volumeType()
        : fromImage ? region + "-ds02-boot" : region + "-ds02-add";
    SeedCatalog.VolumeType type = world.catalog.volumeType(typeName)
        .orElseThrow(() -> ApiError.notFound("Volume type with name " + typeName + " could not be found."));
    checkConohaSize(type, request.size(), fromImage);
    ImageRecord image = null;
    if (fromImage) {
      image = world.image(request.imageRef()).filter(i -> "active".equals(i.status)).orElseThrow(() ->
          ApiError.badRequest("Invalid image identifier or unable to access requested image."));
      if (image.minDisk > request.size()) {
        throw ApiError.badRequest("Invalid input received: Image minDisk size " + image.minDisk
            + " is larger than the volume size " + request.size() + ".");
      }
    }
    VolumeRecord volume = newVolume(request.name(), request.description(), request.size(), type, image);
    if (request.metadata() != null) {
      volume.metadata.putAll(world.keptMetadata(request.metadata()));
    }
    world.volumes.put(volume.id, volume);
    int epoch = volume.epoch;
    world.after(world.config.timings().volumeCreate(), () -> {
      if (world.volumes.get(volume.id) == volume && volume.epoch == epoch) {
        volume.setStatus("available", world.now());
      }
    });
    return volume;
  }

  /**
   * ConoHa's boot volume rules: 30 GB on the 512 MB plan's type, 100 GB on the others, always from an image;
   * additional volumes come in fixed sizes.
   */
  private static void checkConohaSize(SeedCatalog.VolumeType type, int size, boolean fromImage) {
    if (type.name().endsWith("-boot")) {
      List<Integer> allowed = type.name().contains("-as01-") ? List.of(30) : List.of(30, 100);
      if (!fromImage) {
        throw ApiError.badRequest("Invalid input received: a " + type.name() + " volume must be made from an image "
            + "(imageRef)");
      }
      if (!allowed.contains(size)) {
        throw ApiError.badRequest("Invalid input received: a " + type.name() + " volume must be "
            + allowed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" or "))
            + " GB, not " + size);
      }
    } else if (!ADDITIONAL_SIZES.contains(size)) {
      throw ApiError.badRequest("Invalid input received: an additional volume must be one of " + ADDITIONAL_SIZES
          + " GB, not " + size);
    }
  }

  private VolumeRecord newVolume(String name, String description, int size, SeedCatalog.VolumeType type,
      ImageRecord image) {
    Map<String, String> imageMetadata = new LinkedHashMap<>();
    if (image != null) {
      imageMetadata.putAll(image.properties);
      imageMetadata.put("image_id", image.id);
      imageMetadata.put("image_name", image.name);
      imageMetadata.put("min_disk", Integer.toString(image.minDisk));
      imageMetadata.put("disk_format", String.valueOf(image.diskFormat));
      imageMetadata.put("container_format", String.valueOf(image.containerFormat));
    }
    return new VolumeRecord(world.ids.uuid(), name == null ? "" : name, description, size, type,
        image == null ? null : image.id, imageMetadata, world.now());
  }

  /** An available boot volume at once, for servers the admin API creates. */
  VolumeRecord createReady(ImageRecord image, int size, boolean smallPlan) {
    String region = world.config.region();
    SeedCatalog.VolumeType type = world.catalog.volumeType(region + (smallPlan ? "-as01-boot" : "-ds02-boot"))
        .or(() -> world.catalog.volumeTypes().stream().filter(t -> t.name().endsWith("-boot")).findFirst())
        .orElse(world.catalog.volumeTypes().get(0));
    VolumeRecord volume = newVolume("", null, size, type, image);
    volume.setStatus("available", world.now());
    world.volumes.put(volume.id, volume);
    return volume;
  }

  void delete(String id) {
    VolumeRecord volume = world.volume(id);
    if ("deleting".equals(volume.status)) {
      return;
    }
    if (!"available".equals(volume.status) && !volume.status.startsWith("error")) {
      throw ApiError.conflict("Invalid volume: Volume status must be available or error or error_restoring or "
          + "error_extending or error_managing and must not be migrating, attached, belong to a group, have "
          + "snapshots or be disassociated from snapshots after volume transfer. (volume " + id + " is "
          + volume.status + ")");
    }
    volume.setStatus("deleting", world.now());
    int epoch = volume.epoch;
    world.after(world.config.timings().volumeDelete(), () -> {
      if (world.volumes.get(volume.id) == volume && volume.epoch == epoch) {
        world.volumes.remove(volume.id);
      }
    });
  }

  /**
   * os-volume_upload_image. An attached volume needs its server stopped (ConoHa); over the image quota the
   * request is accepted and the volume uploads, but no image comes of it (ConoHa documents exactly this).
   */
  Upload upload(String id, String imageName, String diskFormat, String containerFormat) {
    VolumeRecord volume = world.volume(id);
    if (!"available".equals(volume.status) && !"in-use".equals(volume.status)) {
      throw ApiError.badRequest("Invalid volume: Volume " + id + " status must be available or in-use, but current "
          + "status is: " + volume.status + ".");
    }
    ServerRecord server = volume.attachedServerId == null ? null : world.servers.get(volume.attachedServerId);
    if (server != null && (!"stopped".equals(server.vmState) || server.taskState != null)) {
      throw ApiError.conflict("Volume " + id + " is attached to server " + server.id + ", which must be stopped "
          + "before its volume is saved as an image (it is " + server.status() + ")");
    }
    if (volume.sizeGB >= 1024) {
      throw ApiError.badRequest("Invalid volume: volumes of 1 TB or more cannot be saved as images");
    }
    String disk = diskFormat == null ? "qcow2" : diskFormat;
    String container = containerFormat == null ? "ovf" : containerFormat;
    volume.statusBeforeUpload = volume.status;
    volume.setStatus("uploading", world.now());
    Runnable release = () -> {
      if (world.volumes.get(volume.id) == volume && "uploading".equals(volume.status)) {
        volume.setStatus(volume.statusBeforeUpload, world.now());
      }
    };
    if (!saves.fitsQuota()) {
      saves.startPhantom(release);
      return new Upload(volume, world.ids.uuid(), imageName, disk, container);
    }
    Map<String, String> properties = new LinkedHashMap<>(volume.imageMetadata);
    properties.keySet().removeAll(IMAGE_FILE_KEYS);
    ImageRecord image = saves.start(imageName, volume.sizeGB, properties, volume.attachedServerId, disk, container,
        release);
    return new Upload(volume, image.id, imageName, disk, container);
  }
}
