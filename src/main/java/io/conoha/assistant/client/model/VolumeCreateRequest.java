package io.conoha.assistant.client.model;

import java.util.Map;

/** What POST /v3/{project}/volumes needs to make a boot volume from an image. */
public record VolumeCreateRequest(String name, int sizeGB, String volumeType, String imageRef, Map<String, String> metadata) {}
