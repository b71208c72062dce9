package io.conoha.assistant.sim;

import java.util.List;
import java.util.Optional;

/** An immutable snapshot of everything the simulated account holds (public images included). */
public record SimState(List<SimServer> servers, List<SimVolume> volumes, List<SimImage> images) {
  public SimState {
    servers = List.copyOf(servers);
    volumes = List.copyOf(volumes);
    images = List.copyOf(images);
  }

  public Optional<SimServer> server(String id) {
    return servers.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<SimVolume> volume(String id) {
    return volumes.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  public Optional<SimImage> image(String id) {
    return images.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /** The images users saved (what counts against the image quota), without ConoHa's public ones. */
  public List<SimImage> privateImages() {
    return images.stream().filter(i -> "private".equals(i.visibility())).toList();
  }
}
