package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.BootVolumeSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.support.StepFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Creates the server (or restores it from its archive image), exactly once: disk-0 plans first get a boot
 * volume made from the image, then the server boots from it; plans with a disk boot from the image.
 */
final class ServerBoot {
  static final String CREATE_BOOT_VOLUME = "CreateBootVolume";
  static final int MAX_USER_DATA_BYTES = 16 * 1024;

  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerBoot(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  void boot() {
    Flavor flavor = run.flavor();
    status.setFlavorId(flavor.id());
    boolean restoring = status.getArchive() != null;
    String imageId = restoring ? status.getArchive().getImageId() : run.specImageId();
    if (!restoring) {
      status.setImageId(imageId);
    } else {
      run.ops().actions().begin(run.uid(), "restore", run.now());
    }
    DiskStrategy disk = DiskStrategy.forFlavor(flavor);
    String volumeId = null;
    if (disk.needsBootVolume()) {
      if (!run.observed(Listing.SERVERS, Listing.VOLUMES)) {
        return;
      }
      Optional<Volume> volume = bootVolume(flavor, imageId, disk);
      if (volume.isEmpty()) {
        return;
      }
      volumeId = volume.get().id();
    }
    createServer(flavor, imageId, volumeId);
  }

  private Optional<Volume> bootVolume(Flavor flavor, String imageId, DiskStrategy disk) {
    Optional<Volume> volume = knownBootVolume();
    if (volume.isEmpty()) {
      volume = taggedBootVolume();
    }
    if (volume.isEmpty()) {
      createBootVolume(flavor, imageId, disk);
      return Optional.empty();
    }
    Volume v = volume.get();
    run.watch(v.id());
    if (v.isError()) {
      throw StepFailure.userMustFix(Reasons.SERVER_ERROR, "boot volume " + v.id() + " is in state " + v.status()
          + "; delete it in ConoHa to let the operator make a new one");
    }
    if (!v.isAvailable()) {
      run.creating("creating the boot volume");
      return Optional.empty();
    }
    return volume;
  }

  /** The boot volume recorded in status (kept after an outside deletion so the disk's data is reused). */
  private Optional<Volume> knownBootVolume() {
    String id = status.getBootVolumeId();
    if (id == null) {
      return Optional.empty();
    }
    Optional<Volume> volume = run.volumeById(id);
    if (volume.isEmpty()) {
      status.setBootVolumeId(null);
    }
    return volume;
  }

  private Optional<Volume> taggedBootVolume() {
    List<Volume> tagged = run.snapshot().volumesTagged(Tags.OWNER, run.uid()).stream()
        .filter(v -> !v.status().startsWith("deleting") && !v.isInUse()).toList();
    if (tagged.size() > 1) {
      throw StepFailure.userMustFix(Reasons.DUPLICATE_SERVERS, "several boot volumes carry this resource's tag: "
          + tagged.stream().map(Volume::id).toList() + "; delete the extra ones, nothing is done until then");
    }
    if (tagged.isEmpty()) {
      return Optional.empty();
    }
    run.intentFulfilled(CREATE_BOOT_VOLUME);
    status.setBootVolumeId(tagged.get(0).id());
    return Optional.of(tagged.get(0));
  }

  private void createBootVolume(Flavor flavor, String imageId, DiskStrategy disk) {
    BootVolumeSpec spec = run.resource().getSpec().getBootVolume();
    Integer size = spec == null ? null : spec.getSize();
    String type = spec == null ? null : spec.getType();
    run.creating("creating the boot volume");
    run.createOnce(CREATE_BOOT_VOLUME, Listing.VOLUMES, token -> client().volumes()
            .createVolume(disk.bootVolume(flavor, imageId, size, type, run.nameTag() + "-boot", run.tags(token))).id())
        .ifPresent(id -> {
          status.setBootVolumeId(id);
          run.watch(id);
        });
  }

  private void createServer(Flavor flavor, String imageId, String volumeId) {
    String namespace = run.resource().getMetadata().getNamespace();
    var spec = run.resource().getSpec();
    String adminPass = run.ops().secrets().value(namespace, spec.getAdminPasswordSecretRef());
    String userData = run.ops().secrets().value(namespace, spec.getUserDataSecretRef());
    if (userData != null && userData.getBytes(StandardCharsets.UTF_8).length > MAX_USER_DATA_BYTES) {
      throw StepFailure.userMustFix(Reasons.INVALID_SPEC, "user data is "
          + userData.getBytes(StandardCharsets.UTF_8).length + " bytes; ConoHa accepts at most 16 KiB");
    }
    run.creating("creating the server");
    run.createOnce(ServerRun.CREATE_SERVER, Listing.SERVERS, token -> client().compute().createServer(
            new ServerCreateRequest(flavor.id(), volumeId == null ? imageId : null, volumeId, adminPass,
                spec.getKeyName(), spec.getSecurityGroups(), userData, run.tags(token))))
        .ifPresent(id -> {
          status.setServerId(id);
          status.setServerCreatedAt(run.now().toString());
          run.watch(id);
          run.ops().events().normal(run.resource(), status.getArchive() != null ? "Restoring" : "Creating",
              "created server " + id + (status.getArchive() != null
                  ? " from archive image " + status.getArchive().getImageName() : ""));
        });
  }

  private ConohaClient client() {
    return run.account().client();
  }
}
