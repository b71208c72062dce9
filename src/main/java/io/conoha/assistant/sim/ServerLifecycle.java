package io.conoha.assistant.sim;

import io.conoha.assistant.client.ApiGeneration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Nova's server life cycle as ConoHa runs it: BUILD → ACTIVE, stop/start, reboot, resize with VERIFY_RESIZE,
 * createImage on stopped servers only, delete refused while an image of the server is being saved, boot volumes
 * left behind on delete. Callers hold the world lock.
 */
final class ServerLifecycle {
  /** A validated create request; exactly one of imageRef and bootVolumeId is normally set. */
  record CreateRequest(String name, String flavorRef, String imageRef, String bootVolumeId, String adminPass,
      String keyName, List<String> securityGroups, Map<String, String> metadata) {}

  record Created(ServerRecord server, String adminPass) {}

  private final SimWorld world;
  private final ImageSaves saves;
  private int instanceCounter = 0x2400;

  ServerLifecycle(SimWorld world, ImageSaves saves) {
    this.world = world;
    this.saves = saves;
  }

  Created create(CreateRequest request) {
    SeedCatalog.Flavor flavor = world.catalog.flavor(request.flavorRef())
        .orElseThrow(() -> ApiError.badRequest("Flavor " + request.flavorRef() + " could not be found."));
    ImageRecord image = request.imageRef() == null || request.imageRef().isEmpty() ? null
        : bootableImage(request.imageRef());
    VolumeRecord volume = request.bootVolumeId() == null ? null : attachableVolume(request.bootVolumeId());
    if (volume == null) {
      if (flavor.diskGiB() == 0) {
        throw ApiError.badRequest("Only volume-backed servers are allowed for flavors with zero disk.");
      }
      if (image == null) {
        throw ApiError.badRequest("Missing imageRef attribute");
      }
      if (image.minDisk > flavor.diskGiB()) {
        throw ApiError.badRequest("Flavor's disk is too small for requested image. Flavor disk is "
            + flavor.diskGiB() * Units.GIB + " bytes, image is " + image.minDisk * Units.GIB + " bytes.");
      }
    }
    List<String> groups = new ArrayList<>();
    for (String g : request.securityGroups().isEmpty() ? List.of("default") : request.securityGroups()) {
      groups.add(world.catalog.securityGroup(g).orElseThrow(() -> ApiError.badRequest(
          "Security group " + g + " not found for project " + world.config.tenantId() + ".")).name());
    }
    Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata();
    Validation.metadataCount(metadata.size() + (metadata.containsKey(ServerRecord.NAME_TAG) ? 0 : 1));

    ServerRecord server = newServer(flavor, volume == null ? image.id : null, request.keyName(), groups);
    server.metadata.putAll(world.keptMetadata(metadata));
    // ConoHa names the server after its address; the name a client asked for becomes the name tag
    server.metadata.putIfAbsent(ServerRecord.NAME_TAG, request.name() == null || request.name().isEmpty()
        ? server.name : request.name());
    server.vmState = "building";
    server.taskState = "spawning";
    if (volume != null) {
      attach(server, volume);
    }
    world.servers.put(server.id, server);
    transition(server, world.config.timings().build(), s -> s.settle("active", world.now()));
    boolean privateSource = image != null ? image.isPrivate() : volume != null && isPrivateImage(volume.imageId);
    // ConoHa keeps the saved image's password for private images and then answers adminPass ""
    String pass = request.adminPass() != null ? request.adminPass() : privateSource ? "" : world.ids.password();
    return new Created(server, pass);
  }

  /** A server that is ACTIVE at once (the admin API's "created outside the operator"). */
  ServerRecord createActive(SeedCatalog.Flavor flavor, ImageRecord image, Map<String, String> metadata,
      VolumeLifecycle volumes) {
    VolumeRecord volume = null;
    if (flavor.diskGiB() == 0) {
      volume = volumes.createReady(image, flavor.ramMiB() <= 512 ? 30 : 100, flavor.ramMiB() <= 512);
    }
    ServerRecord server = newServer(flavor, volume == null ? image.id : null, null, List.of("default"));
    server.metadata.putAll(metadata);
    server.metadata.putIfAbsent(ServerRecord.NAME_TAG, server.name);
    if (volume != null) {
      attach(server, volume);
    }
    server.settle("active", world.now());
    world.servers.put(server.id, server);
    return server;
  }

  private ServerRecord newServer(SeedCatalog.Flavor flavor, String imageId, String keyName, List<String> groups) {
    boolean v2 = world.config.generation() == ApiGeneration.V2;
    String ipv4 = world.ids.ipv4(v2 ? "133.130" : "160.251");
    String ipv6 = (v2 ? "2400:8500:1302:814:" : "2400:8500:1801:418:") + ipv4.replace('.', ':');
    String hostId = (world.ids.hex32() + world.ids.hex32()).substring(0, 56);
    String instanceName = world.config.region() + "-" + String.format("%08x", instanceCounter++);
    ServerRecord server = new ServerRecord(world.ids.uuid(), ipv4, ipv6, world.ids.mac(), hostId, instanceName,
        world.now(), flavor, imageId, keyName, groups);
    world.score.started(server);
    return server;
  }

  private ImageRecord bootableImage(String ref) {
    String id = SeedCatalog.lastSegment(ref);
    ImageRecord image = world.image(id).orElseThrow(() -> ApiError.badRequest("Can not find requested image"));
    if (!"active".equals(image.status)) {
      throw ApiError.badRequest("Image " + id + " is not active.");
    }
    return image;
  }

  private VolumeRecord attachableVolume(String id) {
    VolumeRecord volume = world.volumes.get(id);
    if (volume == null) {
      throw ApiError.badRequest("Block Device Mapping is Invalid: failed to get volume " + id + ".");
    }
    if (!"available".equals(volume.status)) {
      throw ApiError.badRequest("Invalid volume: volume '" + id + "' status must be 'available'. Currently in '"
          + volume.status + "'");
    }
    return volume;
  }

  private boolean isPrivateImage(String imageId) {
    return imageId != null && world.image(imageId).map(ImageRecord::isPrivate).orElse(false);
  }

  private void attach(ServerRecord server, VolumeRecord volume) {
    volume.attach(server.id, world.ids.uuid(), world.now());
    server.volumeIds.add(volume.id);
  }

  /** Runs {@code done} after {@code delay} unless the server changed or went away in between. */
  private void transition(ServerRecord server, Duration delay, Consumer<ServerRecord> done) {
    int epoch = server.epoch;
    world.after(delay, () -> {
      if (world.servers.get(server.id) == server && server.epoch == epoch) {
        done.accept(server);
      }
    });
  }

  void delete(String id) {
    ServerRecord server = world.server(id);
    if ("deleting".equals(server.taskState)) {
      return;
    }
    for (ImageRecord image : world.images.values()) {
      if (image.inProgress() && id.equals(image.sourceServerId)) {
        // ConoHa answers 409 until the image of the server is saved (seen by asagao-for-minecraft)
        throw ApiError.conflict("Cannot 'delete' instance " + id + " while its image " + image.id
            + " is being saved");
      }
    }
    world.score.serverDeleted(server, "api");
    server.startTask("deleting", world.now());
    transition(server, world.config.timings().serverDelete(), this::removeNow);
  }

  /** Deleted in the control panel: gone at once (scored unless an API delete of it is already under way). */
  void removeByAdmin(String id) {
    ServerRecord server = world.server(id);
    if (!"deleting".equals(server.taskState)) {
      world.score.serverDeleted(server, "admin");
    }
    removeNow(server);
  }

  /** The server is gone; its volumes stay behind, detached and available (ConoHa v3 keeps boot volumes). */
  void removeNow(ServerRecord server) {
    world.servers.remove(server.id);
    Instant now = world.now();
    for (String volumeId : server.volumeIds) {
      VolumeRecord volume = world.volumes.get(volumeId);
      if (volume != null && server.id.equals(volume.attachedServerId)) {
        volume.detach(now);
      }
    }
  }

  void stop(String id, boolean force) {
    ServerRecord server = world.server(id);
    requireState(server, "stop", "active", "error");
    server.startTask("powering-off", world.now());
    Duration delay = world.config.timings().stop();
    transition(server, force ? delay.dividedBy(5) : delay, s -> s.settle("stopped", world.now()));
  }

  void start(String id) {
    ServerRecord server = world.server(id);
    requireState(server, "start", "stopped");
    world.score.started(server);
    server.startTask("powering-on", world.now());
    transition(server, world.config.timings().start(), s -> s.settle("active", world.now()));
  }

  void reboot(String id, boolean hard) {
    ServerRecord server = world.server(id);
    if (hard) {
      requireState(server, "reboot", "active", "stopped", "error");
      server.vmState = "active";
    } else {
      requireState(server, "reboot", "active");
    }
    world.score.started(server);
    server.startTask(hard ? "rebooting_hard" : "rebooting", world.now());
    transition(server, world.config.timings().reboot(), s -> s.settle("active", world.now()));
  }

  void resize(String id, String flavorRef) {
    ServerRecord server = world.server(id);
    requireState(server, "resize", "active", "stopped");
    if (world.config.quirks().refuseRunningResize() && "active".equals(server.vmState)) {
      throw ApiError.invalidState("resize", server.id, "vm_state", "active");
    }
    SeedCatalog.Flavor target = world.catalog.flavor(flavorRef)
        .orElseThrow(() -> ApiError.badRequest("Unable to locate requested flavor."));
    if (target.id().equals(server.flavor.id())) {
      throw ApiError.badRequest("When resizing, instances must change flavor!");
    }
    if (!server.isVolumeBacked()) {
      if (target.diskGiB() == 0) {
        throw ApiError.badRequest("Only volume-backed servers are allowed for flavors with zero disk.");
      }
      if (target.diskGiB() < server.flavor.diskGiB()) {
        throw ApiError.badRequest("Resize error: Unable to resize disk down.");
      }
    }
    server.vmStateBeforeResize = server.vmState;
    server.startTask("resize_prep", world.now());
    transition(server, world.config.timings().resize(), s -> {
      s.previousFlavor = s.flavor;
      s.flavor = target;
      s.settle("resized", world.now());
    });
  }

  void confirmResize(String id) {
    ServerRecord server = world.server(id);
    requireState(server, "confirmResize", "resized");
    server.previousFlavor = null;
    server.settle(server.vmStateBeforeResize, world.now());
  }

  void revertResize(String id) {
    ServerRecord server = world.server(id);
    requireState(server, "revertResize", "resized");
    server.flavor = server.previousFlavor;
    server.previousFlavor = null;
    server.settle(server.vmStateBeforeResize, world.now());
  }

  /** Nova createImage; ConoHa requires a stopped server. Refused with 403 when the image would not fit the quota. */
  ImageRecord createImage(String id, String name, Map<String, String> metadata) {
    ServerRecord server = world.server(id);
    requireState(server, "createImage", "stopped");
    if (!saves.fitsQuota()) {
      throw ApiError.forbidden(saves.quotaMessage());
    }
    Map<String, String> properties = new LinkedHashMap<>(sourceImageProperties(server));
    properties.put("instance_uuid", server.id);
    properties.put("image_type", "snapshot");
    properties.put("base_image_ref", server.imageId == null ? "" : server.imageId);
    properties.put("owner_project_name", world.config.tenantName());
    properties.put("owner_user_name", world.config.username());
    properties.put("user_id", world.config.userId());
    properties.putAll(metadata);
    server.startTask("image_snapshot", world.now());
    int minDisk = server.flavor.diskGiB() > 0 ? server.flavor.diskGiB() : bootVolumeSize(server);
    return saves.start(name, minDisk, properties, server.id, "qcow2", "bare", () -> {
      if (world.servers.get(server.id) == server && "image_snapshot".equals(server.taskState)) {
        server.taskState = null;
        server.updated = world.now();
      }
    });
  }

  private Map<String, String> sourceImageProperties(ServerRecord server) {
    if (server.imageId != null) {
      return world.image(server.imageId).map(i -> i.properties).orElse(Map.of());
    }
    return server.volumeIds.isEmpty() ? Map.of() : world.volumes.get(server.volumeIds.get(0)).imageMetadata;
  }

  private int bootVolumeSize(ServerRecord server) {
    return server.volumeIds.isEmpty() ? 0 : world.volumes.get(server.volumeIds.get(0)).sizeGB;
  }

  /** The admin API's way to put a server into any settled state, e.g. ERROR. */
  void forceStatus(String id, String status) {
    ServerRecord server = world.server(id);
    String vmState = switch (status) {
      case "ACTIVE" -> "active";
      case "SHUTOFF" -> "stopped";
      case "ERROR" -> "error";
      case "BUILD" -> "building";
      case "VERIFY_RESIZE" -> "resized";
      default -> throw new IllegalArgumentException(
          "status must be ACTIVE, SHUTOFF, ERROR, BUILD or VERIFY_RESIZE, got " + status);
    };
    if ("resized".equals(vmState)) {
      server.vmStateBeforeResize = server.vmState;
      server.previousFlavor = server.flavor;
    }
    server.faultMessage = "error".equals(vmState) ? "Set to ERROR by the simulator's admin API" : null;
    if (!"stopped".equals(vmState)) {
      world.score.started(server); // it may have run meanwhile: older saves no longer hold all of its disk
    }
    server.settle(vmState, world.now());
  }

  /** Nova's check_instance_state: the vm_state must be one of {@code allowed} and no task may be running. */
  private static void requireState(ServerRecord server, String action, String... allowed) {
    if (!List.of(allowed).contains(server.vmState)) {
      throw ApiError.invalidState(action, server.id, "vm_state", server.vmState);
    }
    if (server.taskState != null) {
      throw ApiError.invalidState(action, server.id, "task_state", server.taskState);
    }
  }

  Map<String, String> metadata(String id) {
    return world.server(id).metadata;
  }

  /** POST /metadata merges; PUT /metadata replaces. */
  Map<String, String> updateMetadata(String id, Map<String, String> changes, boolean replace) {
    ServerRecord server = world.server(id);
    Map<String, String> result = new LinkedHashMap<>(replace ? Map.of() : server.metadata);
    result.putAll(world.keptMetadata(changes));
    Validation.metadataCount(result.size());
    world.score.ownerTagWritten(server, server.metadata.get(Scorebook.OWNER_TAG), result.get(Scorebook.OWNER_TAG));
    server.metadata.clear();
    server.metadata.putAll(result);
    server.updated = world.now();
    return server.metadata;
  }

  void deleteMetadataItem(String id, String key) {
    ServerRecord server = world.server(id);
    String owner = server.metadata.get(Scorebook.OWNER_TAG);
    if (server.metadata.remove(key) == null) {
      throw ApiError.notFound("Metadata item was not found");
    }
    world.score.ownerTagWritten(server, owner, server.metadata.get(Scorebook.OWNER_TAG));
    server.updated = world.now();
  }
}
