package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The names a person reads next to ids (a server's flavor and image, a volume's server). Each kind is listed
 * once per command, and only when a printed column needs it.
 */
public final class Names {
  private final ConohaClient client;
  private Map<String, Flavor> flavors;
  private Map<String, Image> images;
  private Map<String, Volume> volumes;
  private Map<String, Server> servers;

  Names(ConohaClient client) {
    this.client = client;
  }

  public String flavor(String id) {
    flavors = loaded(flavors, () -> client.compute().listFlavors(), Flavor::id);
    return Optional.ofNullable(flavors.get(id)).map(Flavor::name).orElse(null);
  }

  public String image(String id) {
    if (id == null) {
      return null;
    }
    images = loaded(images, () -> client.images().listImages(ImageQuery.all()), Image::id);
    return Optional.ofNullable(images.get(id)).map(Image::name).orElse(null);
  }

  public String serverNameTag(String id) {
    servers = loaded(servers, () -> client.compute().listServers(), Server::id);
    return Optional.ofNullable(servers.get(id)).map(Server::nameTag).orElse(null);
  }

  public Optional<Volume> volume(String id) {
    volumes = loaded(volumes, () -> client.volumes().listVolumes(), Volume::id);
    return Optional.ofNullable(volumes.get(id));
  }

  /** A volume-backed server's boot volume: the bootable one of its volumes, else the first. */
  public Optional<Volume> bootVolume(Server server) {
    if (!server.isVolumeBacked()) {
      return Optional.empty();
    }
    List<Volume> attached = server.attachedVolumeIds().stream().map(this::volume).flatMap(Optional::stream).toList();
    return attached.stream().filter(Volume::bootable).findFirst().or(() -> attached.stream().findFirst());
  }

  /** The image a server was made from: its imageRef, or its boot volume's source image. */
  public String imageIdOf(Server server) {
    return server.isVolumeBacked() ? bootVolume(server).map(Volume::sourceImageId).orElse(null) : server.imageId();
  }

  private static <T> Map<String, T> loaded(Map<String, T> cache, Supplier<List<T>> list, Function<T, String> id) {
    return cache != null ? cache : list.get().stream().collect(Collectors.toMap(id, t -> t, (a, b) -> a));
  }
}
