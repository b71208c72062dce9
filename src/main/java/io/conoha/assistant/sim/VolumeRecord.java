package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A volume's mutable state inside the simulator; guarded by the {@link SimWorld} lock. */
final class VolumeRecord {
  final String id;
  final String name;
  final String description;
  final int sizeGB;
  final SeedCatalog.VolumeType type;
  final String imageId;
  /** Cinder's volume_image_metadata: the source image's properties, copied when the volume is made. */
  final Map<String, String> imageMetadata;
  final Map<String, String> metadata = new LinkedHashMap<>();
  final Instant created;

  String status = "creating";
  String attachedServerId;
  String attachmentId;
  Instant attachedAt;
  Instant updated;
  /** available or in-use: where an upload returns to. */
  String statusBeforeUpload;
  int epoch;

  VolumeRecord(String id, String name, String description, int sizeGB, SeedCatalog.VolumeType type, String imageId,
      Map<String, String> imageMetadata, Instant created) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.sizeGB = sizeGB;
    this.type = type;
    this.imageId = imageId;
    this.imageMetadata = imageMetadata;
    this.created = created;
    this.updated = created;
  }

  void setStatus(String newStatus, Instant now) {
    status = newStatus;
    updated = now;
    epoch++;
  }

  void attach(String serverId, String attachment, Instant now) {
    attachedServerId = serverId;
    attachmentId = attachment;
    attachedAt = now;
    setStatus("in-use", now);
  }

  void detach(Instant now) {
    attachedServerId = null;
    attachmentId = null;
    attachedAt = null;
    setStatus("available", now);
  }

  boolean bootable() {
    return imageId != null;
  }

  SimVolume snapshot() {
    return new SimVolume(id, name, status, sizeGB, type.name(), imageId, attachedServerId, metadata);
  }
}
