package io.conoha.assistant.client.model;

import java.util.List;
import java.util.Map;

/**
 * What POST /servers needs. Exactly one of {@code imageRef} (local-disk plans) and {@code bootVolumeId}
 * (disk-0 plans, sent as block_device_mapping_v2) is set. {@code adminPass} and {@code userData} (plain text;
 * the client base64-encodes it) are secrets: never logged.
 */
public record ServerCreateRequest(
    String flavorId,
    String imageRef,
    String bootVolumeId,
    String adminPass,
    String keyName,
    List<String> securityGroups,
    String userData,
    Map<String, String> metadata) {

  @Override
  public String toString() {
    return "ServerCreateRequest[flavorId=" + flavorId + ", imageRef=" + imageRef + ", bootVolumeId=" + bootVolumeId
        + ", keyName=" + keyName + ", securityGroups=" + securityGroups + ", metadata=" + metadata + "]";
  }
}
