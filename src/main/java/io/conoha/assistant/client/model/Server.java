package io.conoha.assistant.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A server as Nova reports it. {@code imageId} is null for volume-backed servers (Nova reports image "").
 * {@code attachedVolumeIds} comes from {@code os-extended-volumes:volumes_attached}.
 */
public record Server(
    String id,
    String name,
    ServerStatus status,
    String taskState,
    String flavorId,
    String imageId,
    Map<String, String> metadata,
    List<String> ipv4,
    List<String> ipv6,
    List<String> attachedVolumeIds,
    Instant created,
    Instant updated) {

  public String nameTag() {
    return metadata.getOrDefault("instance_name_tag", name);
  }

  public boolean isVolumeBacked() {
    return (imageId == null || imageId.isEmpty()) && !attachedVolumeIds.isEmpty();
  }
}
