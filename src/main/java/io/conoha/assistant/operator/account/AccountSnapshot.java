package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one poll saw of an account. A listing that was not fetched in this poll is carried over from the
 * previous snapshot with its own time, so readers can tell how fresh each part is.
 */
public record AccountSnapshot(
    List<Server> servers, Instant serversAt,
    List<Image> images, Instant imagesAt,
    List<Volume> volumes, Instant volumesAt) {

  public static final AccountSnapshot EMPTY = new AccountSnapshot(List.of(), null, List.of(), null, List.of(), null);

  public Optional<Server> server(String id) {
    return find(servers, Server::id, id);
  }

  public Optional<Image> image(String id) {
    return find(images, Image::id, id);
  }

  public Optional<Volume> volume(String id) {
    return find(volumes, Volume::id, id);
  }

  /** Live servers (not DELETED) whose metadata has {@code key=value}. */
  public List<Server> serversTagged(String key, String value) {
    return servers.stream()
        .filter(s -> s.status() != ServerStatus.DELETED && value.equals(s.metadata().get(key)))
        .toList();
  }

  public List<Volume> volumesTagged(String key, String value) {
    return volumes.stream().filter(v -> value.equals(v.metadata().get(key))).toList();
  }

  public List<Image> imagesNamed(String name) {
    return images.stream().filter(i -> name.equals(i.name())).toList();
  }

  /** When the given listing was last fetched, or null if never. */
  public Instant fetchedAt(Listing listing) {
    return switch (listing) {
      case SERVERS -> serversAt;
      case IMAGES -> imagesAt;
      case VOLUMES -> volumesAt;
    };
  }

  /** Whether every listing in {@code needed} was fetched after {@code time}. */
  public boolean covers(Set<Listing> needed, Instant time) {
    return needed.stream().allMatch(l -> fetchedAt(l) != null && !fetchedAt(l).isBefore(time));
  }

  /** The objects (by id or owner tag) a resource cares about, for change detection between polls. */
  public int fingerprint(Set<String> ids, String ownerKey, String ownerValue) {
    Map<String, Object> seen = new java.util.TreeMap<>();
    servers.stream().filter(s -> ids.contains(s.id()) || ownerValue.equals(s.metadata().get(ownerKey)))
        .forEach(s -> seen.put("s" + s.id(), s));
    volumes.stream().filter(v -> ids.contains(v.id()) || ownerValue.equals(v.metadata().get(ownerKey)))
        .forEach(v -> seen.put("v" + v.id(), v));
    images.stream().filter(i -> ids.contains(i.id()) || ownerValue.equals(i.properties().get(ownerKey)))
        .forEach(i -> seen.put("i" + i.id(), i));
    return seen.hashCode();
  }

  private static <T> Optional<T> find(List<T> items, Function<T, String> id, String wanted) {
    if (wanted == null) {
      return Optional.empty();
    }
    return items.stream().filter(i -> wanted.equals(id.apply(i))).findFirst();
  }

  AccountSnapshot with(Listing listing, List<?> items, Instant at) {
    @SuppressWarnings("unchecked")
    AccountSnapshot next = switch (listing) {
      case SERVERS -> new AccountSnapshot((List<Server>) items, at, images, imagesAt, volumes, volumesAt);
      case IMAGES -> new AccountSnapshot(servers, serversAt, (List<Image>) items, at, volumes, volumesAt);
      case VOLUMES -> new AccountSnapshot(servers, serversAt, images, imagesAt, (List<Volume>) items, at);
    };
    return next;
  }

}
