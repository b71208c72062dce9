package io.conoha.assistant.sim;

import java.util.Map;

/** A Cinder volume; {@code status} is Cinder's (creating, available, in-use, uploading, deleting, error). */
public record SimVolume(
    String id,
    String name,
    String status,
    int sizeGB,
    String volumeType,
    String imageId,
    String attachedServerId,
    Map<String, String> metadata) {
  public SimVolume {
    metadata = Map.copyOf(metadata);
  }
}
