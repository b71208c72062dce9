package io.conoha.assistant.client;

import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import java.util.Map;

/** A plan with its own disk: boots with imageRef, saves with Nova's createImage (tags become image metadata). */
public final class LocalDiskStrategy implements DiskStrategy {
  static final LocalDiskStrategy INSTANCE = new LocalDiskStrategy();

  private LocalDiskStrategy() {}

  @Override
  public boolean needsBootVolume() {
    return false;
  }

  @Override
  public VolumeCreateRequest bootVolume(Flavor flavor, String imageId, Integer sizeGB, String volumeType,
      String name, Map<String, String> metadata) {
    throw new IllegalStateException("plan " + flavor.name() + " has a " + flavor.diskGiB()
        + " GB disk and boots from imageRef; it needs no boot volume");
  }

  @Override
  public String startSave(ConohaClient client, Server server, String imageName, Map<String, String> tags) {
    return client.compute().createImage(server.id(), imageName, tags);
  }

  @Override
  public String toString() {
    return "local disk (imageRef, createImage)";
  }
}
