package io.conoha.assistant.sim;

import java.util.List;

/**
 * The billed objects of one owner tag, by id: servers and volumes carrying the {@code conoha-assistant:owner}
 * metadata, images carrying it as a property or, when the save could not carry tags (v3's
 * {@code os-volume_upload_image}), saved from a server that carried it at the time.
 */
public record OwnedObjects(List<String> servers, List<String> volumes, List<String> images) {
  public OwnedObjects {
    servers = List.copyOf(servers);
    volumes = List.copyOf(volumes);
    images = List.copyOf(images);
  }

  /** How many objects in all. */
  public int count() {
    return servers.size() + volumes.size() + images.size();
  }
}
