package io.conoha.assistant.sim;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The simulated account: servers, volumes and images in insertion-ordered maps, and the timers that move them
 * through ConoHa's states. One lock (this object) guards everything: request handlers, timers and the Java admin
 * API all hold it, so each request sees and leaves a consistent world. Per-request work is a map lookup or one
 * pass over a list.
 */
final class SimWorld {
  /** When ConoHa's public images were "uploaded": long before any list lag. */
  private static final Instant PUBLIC_IMAGES_CREATED = Instant.parse("2025-04-01T00:00:00Z");

  final SimConfig config;
  final SeedCatalog catalog;
  final IdSource ids;
  final Clock clock;
  final Map<String, ServerRecord> servers = new LinkedHashMap<>();
  final Map<String, VolumeRecord> volumes = new LinkedHashMap<>();
  final Map<String, ImageRecord> images = new LinkedHashMap<>();
  final Scorebook score = new Scorebook(this);

  private final Vertx vertx;
  private final Set<Long> timers = new HashSet<>();
  private final Supplier<Duration> listLag;
  private long imageQuotaBytes;
  private boolean failNextSave;
  private boolean closed;

  SimWorld(SimConfig config, Vertx vertx, Clock clock, IdSource ids, Supplier<Duration> listLag) {
    this.config = config;
    this.vertx = vertx;
    this.clock = clock;
    this.ids = ids;
    this.listLag = listLag;
    this.catalog = new SeedCatalog(config.generation(), config.region(), config.quirks().volumeTypes());
    this.imageQuotaBytes = config.imageQuotaBytes();
    seedPublicImages();
  }

  private void seedPublicImages() {
    for (SeedCatalog.PublicImage p : catalog.publicImages()) {
      ImageRecord image = new ImageRecord(IdSource.stableUuid("image:" + p.name()), p.name(), "public",
          "conoha", PUBLIC_IMAGES_CREATED, p.minDiskGiB(), null, "active");
      image.sizeBytes = p.sizeBytes();
      image.diskFormat = "qcow2";
      image.containerFormat = "bare";
      image.checksum = Integer.toHexString(p.name().hashCode()) + "0123456789abcdef0123456789";
      image.properties.putAll(p.properties());
      images.put(image.id, image);
    }
  }

  /** ConoHa documents these metadata keys; the {@code dropUnknownMetadata} quirk keeps only them. */
  static final Set<String> DOCUMENTED_METADATA = Set.of(ServerRecord.NAME_TAG, "IsDeleteLocked");

  /** The metadata a create or update keeps: all of it, or only the documented keys with dropUnknownMetadata. */
  Map<String, String> keptMetadata(Map<String, String> metadata) {
    if (metadata == null || !config.quirks().dropUnknownMetadata()) {
      return metadata == null ? Map.of() : metadata;
    }
    Map<String, String> kept = new LinkedHashMap<>(metadata);
    kept.keySet().retainAll(DOCUMENTED_METADATA);
    return kept;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Runs {@code action} under the world lock after {@code delay} on the Vert.x timer wheel (no thread per
   * resource). Callers guard against stale transitions with the resource's epoch.
   */
  synchronized void after(Duration delay, Runnable action) {
    if (closed) {
      return;
    }
    long id = vertx.setTimer(Math.max(1, delay.toMillis()), timerId -> {
      synchronized (SimWorld.this) {
        timers.remove(timerId);
        if (!closed) {
          action.run();
        }
      }
    });
    timers.add(id);
  }

  synchronized void close() {
    closed = true;
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  ServerRecord server(String id) {
    ServerRecord s = servers.get(id);
    if (s == null) {
      throw ApiError.notFound("Instance " + id + " could not be found.");
    }
    return s;
  }

  VolumeRecord volume(String id) {
    VolumeRecord v = volumes.get(id);
    if (v == null) {
      throw ApiError.notFound("Volume " + id + " could not be found.");
    }
    return v;
  }

  Optional<ImageRecord> image(String id) {
    return Optional.ofNullable(images.get(id));
  }

  /** Servers as lists show them: newest first, without those younger than the list lag. */
  List<ServerRecord> listedServers() {
    return newestFirst(servers.values(), s -> s.created);
  }

  List<VolumeRecord> listedVolumes() {
    return newestFirst(volumes.values(), v -> v.created);
  }

  List<ImageRecord> listedImages() {
    return newestFirst(images.values(), i -> i.created);
  }

  private <T> List<T> newestFirst(Iterable<T> all, java.util.function.Function<T, Instant> created) {
    Duration lag = listLag.get();
    Instant cutoff = now().minus(lag);
    Predicate<T> visible = lag.isZero() ? t -> true : t -> !created.apply(t).isAfter(cutoff);
    List<T> out = new ArrayList<>();
    for (T t : all) {
      if (visible.test(t)) {
        out.add(t);
      }
    }
    Collections.reverse(out);
    return out;
  }

  long imageQuotaBytes() {
    return imageQuotaBytes;
  }

  void imageQuotaBytes(long bytes) {
    imageQuotaBytes = bytes;
  }

  /** What /v2/images/total reports: the sizes of the private images that exist. */
  long imageUsageBytes() {
    long sum = 0;
    for (ImageRecord i : images.values()) {
      if (i.isPrivate() && i.sizeBytes != null) {
        sum += i.sizeBytes;
      }
    }
    return sum;
  }

  /** Usage plus what the running saves will add: a new save must fit beside both. */
  long imageCommittedBytes() {
    long sum = imageUsageBytes();
    for (ImageRecord i : images.values()) {
      if (i.inProgress()) {
        sum += i.pendingBytes;
      }
    }
    return sum;
  }

  void failNextSave() {
    failNextSave = true;
  }

  boolean takeFailNextSave() {
    boolean fail = failNextSave;
    failNextSave = false;
    return fail;
  }

  synchronized SimState snapshot() {
    Instant now = now();
    return new SimState(
        servers.values().stream().map(ServerRecord::snapshot).toList(),
        volumes.values().stream().map(VolumeRecord::snapshot).toList(),
        images.values().stream().map(i -> i.snapshot(now)).toList());
  }
}
