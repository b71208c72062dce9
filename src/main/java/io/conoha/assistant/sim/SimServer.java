package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server as the simulator holds it. {@code status} is Nova's (ACTIVE, BUILD, SHUTOFF, ...); {@code imageId} is
 * null for volume-backed servers; {@code volumeIds} are the attached volumes.
 */
public record SimServer(
    String id,
    String nameTag,
    String status,
    String flavorId,
    String flavorName,
    String imageId,
    List<String> volumeIds,
    Map<String, String> metadata,
    List<String> ipv4,
    Instant created) {
  public SimServer {
    volumeIds = List.copyOf(volumeIds);
    metadata = Map.copyOf(metadata);
    ipv4 = List.copyOf(ipv4);
  }
}
