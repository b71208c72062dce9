package io.conoha.assistant.client.http;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import java.time.Duration;
import java.util.Optional;

/**
 * When a failed call is tried again, and after how long. Only idempotent requests (GET, DELETE) are retried,
 * only for failures that may pass (5xx, rate limit, timeout, transport), and at most {@code maxRetries} times.
 * A Retry-After longer than the backoff ceiling is not waited out here: the error goes back to the caller,
 * which can reschedule (an operator should not hold a worker thread for minutes).
 */
public record RetryPolicy(int maxRetries, Backoff backoff) {

  /** The wait before retry number {@code retry}, or empty when this failure must go back to the caller. */
  public Optional<Duration> delayBefore(int retry, ApiRequest request, ConohaException failure) {
    if (!request.idempotent() || retry > maxRetries || !mayPass(failure.kind())) {
      return Optional.empty();
    }
    Optional<Duration> asked = failure.retryAfter();
    if (asked.isPresent()) {
      return asked.get().compareTo(backoff.max()) <= 0 ? asked : Optional.empty();
    }
    return Optional.of(backoff.delay(retry));
  }

  private static boolean mayPass(Kind kind) {
    return switch (kind) {
      case SERVER_ERROR, RATE_LIMITED, TIMEOUT, TRANSPORT -> true;
      default -> false;
    };
  }
}
