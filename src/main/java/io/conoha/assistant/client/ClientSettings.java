package io.conoha.assistant.client;

import java.time.Duration;

/**
 * CONTRACT SKELETON (issue 2 implements defaults): timeouts, outbound rate limit (token bucket per account),
 * bounded retries of idempotent calls, and how early a token is refreshed before it expires.
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

  public static ClientSettings defaults() {
    return new ClientSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 10, 20, 4,
        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
  }
}
