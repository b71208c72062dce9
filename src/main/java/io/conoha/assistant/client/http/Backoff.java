package io.conoha.assistant.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential backoff: attempt n waits a random time between half and all of
 * {@code base * 2^(n-1)}, capped at {@code max}. The jitter keeps many callers that failed together from
 * coming back together.
 */
public record Backoff(Duration base, Duration max) {

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delay(int retry) {
    long baseMs = Math.max(1, base.toMillis());
    int shift = Math.min(30, Math.max(0, retry - 1));
    long ceiling = Math.min(max.toMillis(), baseMs << shift);
    long floor = ceiling / 2;
    return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
  }
}
