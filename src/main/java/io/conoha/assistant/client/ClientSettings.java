package io.conoha.assistant.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, the outbound rate limit (token bucket per account: {@code burst} at once, then
 * {@code requestsPerSecond}; 0 disables it), bounded retries of idempotent calls (jittered exponential backoff
 * from {@code retryBaseDelay} up to {@code retryMaxDelay}; a Retry-After longer than {@code retryMaxDelay} is
 * handed back to the caller), and how early a token is refreshed before it expires.
 */
public record ClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    double requestsPerSecond,
    int burst,
    int maxRetries,
    Duration retryBaseDelay,
    Duration retryMaxDelay,
    Duration tokenRefreshMargin) {

  public ClientSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(retryBaseDelay, "retryBaseDelay");
    requirePositive(retryMaxDelay, "retryMaxDelay");
    Objects.requireNonNull(tokenRefreshMargin, "tokenRefreshMargin");
    if (burst < 1 || maxRetries < 0 || requestsPerSecond < 0) {
      throw new IllegalArgumentException("burst must be >= 1, maxRetries and requestsPerSecond >= 0");
    }
  }

  public static ClientSettings defaults() {
    return new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 20, 4,
        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
  }

  public ClientSettings withTimeouts(Duration connect, Duration request) {
    return new ClientSettings(connect, request, requestsPerSecond, burst, maxRetries, retryBaseDelay,
        retryMaxDelay, tokenRefreshMargin);
  }

  public ClientSettings withRateLimit(double perSecond, int burstSize) {
    return new ClientSettings(connectTimeout, requestTimeout, perSecond, burstSize, maxRetries, retryBaseDelay,
        retryMaxDelay, tokenRefreshMargin);
  }

  public ClientSettings withRetries(int retries, Duration baseDelay, Duration maxDelay) {
    return new ClientSettings(connectTimeout, requestTimeout, requestsPerSecond, burst, retries, baseDelay,
        maxDelay, tokenRefreshMargin);
  }

  public ClientSettings withTokenRefreshMargin(Duration margin) {
    return new ClientSettings(connectTimeout, requestTimeout, requestsPerSecond, burst, maxRetries, retryBaseDelay,
        retryMaxDelay, margin);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration");
    }
  }
}
