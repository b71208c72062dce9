package io.conoha.assistant.sim;

import java.util.Map;

/**
 * An image; {@code status} is Glance's lower-case one (queued, saving, active, killed), {@code sizeBytes} is 0
 * until a save completes, {@code sourceServerId} is the server it was saved from (null for public images).
 */
public record SimImage(
    String id,
    String name,
    String status,
    int progress,
    String visibility,
    long sizeBytes,
    String sourceServerId,
    Map<String, String> properties) {
  public SimImage {
    properties = Map.copyOf(properties);
  }
}
