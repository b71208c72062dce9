package io.conoha.assistant.client.model;

import java.util.List;
import java.util.Map;

/**
 * A Cinder volume. Statuses are Cinder's own strings (creating, available, in-use, uploading, error, ...).
 * {@code sourceImageId} is the image it was made from (volume_image_metadata), or null.
 */
public record Volume(
    String id,
    String name,
    String status,
    int sizeGB,
    String volumeType,
    boolean bootable,
    List<String> attachedServerIds,
    Map<String, String> metadata,
    String sourceImageId) {

  public boolean isAvailable() {
    return "available".equals(status);
  }

  public boolean isInUse() {
    return "in-use".equals(status);
  }

  public boolean isError() {
    return status != null && status.startsWith("error");
  }
}
