package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.api.SecretKeyRef;
import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.error.CredentialsException;
import io.conoha.assistant.operator.Reasons;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Secrets a resource refers to, always in the resource's own namespace (a reference can never reach
 * another namespace). A Secret read is reused for {@link #TTL}, so a thousand resources sharing one credentials
 * Secret cost one read, and a rotated password still takes effect within seconds, without a restart. A missing
 * Secret is not remembered: creating it is noticed at the next try.
 */
public final class SecretReader {
  public static final Duration TTL = Duration.ofSeconds(10);

  private record Cached(Map<String, String> keys, Instant until) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public SecretReader(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public Credentials credentials(String namespace, String secretName) {
    Map<String, String> keys = read(namespace, secretName);
    try {
      return Credentials.fromMap(keys);
    } catch (CredentialsException e) {
      throw StepFailure.userMustFix(Reasons.CREDENTIALS_INVALID,
          "Secret " + secretName + ": " + e.getMessage());
    }
  }

  /** The value of one key, or null when {@code ref} is null. */
  public String value(String namespace, SecretKeyRef ref) {
    if (ref == null) {
      return null;
    }
    String value = read(namespace, ref.getName()).get(ref.getKey());
    if (value == null) {
      throw StepFailure.userMustFix(Reasons.SECRET_NOT_FOUND,
          "Secret " + ref.getName() + " has no key " + ref.getKey());
    }
    return value;
  }

  private Map<String, String> read(String namespace, String name) {
    String key = namespace + "/" + name;
    Cached hit = cache.get(key);
    if (hit != null && hit.until().isAfter(clock.instant())) {
      return hit.keys();
    }
    // One read per Secret when it expires, however many reconciles miss it at that moment.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Instant now = clock.instant();
      hit = cache.get(key);
      if (hit != null && hit.until().isAfter(now)) {
        return hit.keys();
      }
      // Expired entries go on every miss: the keys (passwords) of a Secret nobody reads any more do not linger.
      cache.values().removeIf(c -> !c.until().isAfter(now));
      Map<String, String> keys = fetch(namespace, name);
      cache.put(key, new Cached(keys, now.plus(TTL)));
      return keys;
    }
  }

  private Map<String, String> fetch(String namespace, String name) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw StepFailure.userMustFix(Reasons.SECRET_NOT_FOUND,
          "Secret " + name + " not found in namespace " + namespace);
    }
    Map<String, String> keys = new HashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> keys.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      keys.putAll(secret.getStringData());
    }
    return Map.copyOf(keys);
  }
}
