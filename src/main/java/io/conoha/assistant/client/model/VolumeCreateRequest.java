package io.conoha.assistant.client.model;

import java.util.Map;

/**
 * What POST /v3/{project}/volumes needs to make a boot volume from an image. {@code bootFor} is the plan a
 * boot volume is for: then the client checks {@code volumeType} against the types the account offers, or,
 * when it is null, chooses one by the plan's size and family (see {@code BootVolumeTypes}). Without
 * {@code bootFor} the request is sent as it is.
 */
public record VolumeCreateRequest(String name, int sizeGB, String volumeType, String imageRef,
    Map<String, String> metadata, Flavor bootFor) {

  public VolumeCreateRequest(String name, int sizeGB, String volumeType, String imageRef, Map<String, String> metadata) {
    this(name, sizeGB, volumeType, imageRef, metadata, null);
  }

  public VolumeCreateRequest withVolumeType(String type) {
    return new VolumeCreateRequest(name, sizeGB, type, imageRef, metadata, bootFor);
  }
}
