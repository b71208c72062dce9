package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plans and image names change rarely, so their resolution is cached per account for {@code ttl}: a thousand
 * servers on one plan cost one flavor lookup, not a thousand.
 */
public final class Catalog {
  private final ConohaClient client;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached<Flavor>> flavors = new ConcurrentHashMap<>();
  private final Map<String, Cached<Image>> images = new ConcurrentHashMap<>();

  private record Cached<T>(T value, Instant until) {}

  public Catalog(ConohaClient client, Duration ttl, Clock clock) {
    this.client = client;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Throws the client's NOT_FOUND (which names the nearest plans) for an unknown plan. */
  public Flavor flavor(String nameOrId) {
    return cached(flavors, nameOrId, () -> client.compute().findFlavor(nameOrId));
  }

  /** Throws NOT_FOUND for an unknown image, CONFLICT for an ambiguous name. */
  public Image image(String nameOrId) {
    return cached(images, nameOrId, () -> client.images().findImage(nameOrId));
  }

  /** One lookup per key however many reconciles ask at once (they wait for it instead of asking too). */
  private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> lookup) {
    Instant now = clock.instant();
    Cached<T> hit = cache.get(key);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.value();
    }
    return cache.compute(key, (k, old) -> old != null && old.until().isAfter(now) ? old
        : new Cached<>(lookup.get(), now.plus(ttl))).value();
  }
}
