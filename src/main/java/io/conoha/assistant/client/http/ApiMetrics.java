package io.conoha.assistant.client.http;

import io.conoha.assistant.client.error.ConohaException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * The client's meters. Tags carry only api, operation, status, kind and result: never ids, names,
 * tokens or anything from a request body, so cardinality stays small and nothing secret is exported.
 * Prometheus names: conoha_assistant_api_requests_total, conoha_assistant_api_request_duration_seconds,
 * conoha_assistant_api_errors_total, conoha_assistant_auth_requests_total,
 * conoha_assistant_api_ratelimit_wait_seconds.
 */
public final class ApiMetrics {
  public static final String REQUESTS = "conoha_assistant.api.requests";
  public static final String DURATION = "conoha_assistant.api.request.duration";
  public static final String ERRORS = "conoha_assistant.api.errors";
  public static final String AUTH = "conoha_assistant.auth.requests";
  public static final String RATE_LIMIT_WAIT = "conoha_assistant.api.ratelimit.wait";

  /**
   * The label naming the ConoHa API (identity, compute, image, volume). Not "service": Prometheus Operator sets
   * a "service" target label (the scraped Service), which would overwrite it.
   */
  public static final String API = "api";

  private final MeterRegistry registry;

  public ApiMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Both results exist from the start, at zero: an alert on increase() then sees the very first failure.
    authCounter(true);
    authCounter(false);
  }

  /** One HTTP exchange; {@code status} is the HTTP code, or "timeout"/"transport" when no answer came. */
  public void exchange(ApiService service, String operation, String status, Duration took) {
    Counter.builder(REQUESTS)
        .description("ConoHa API requests sent, by answer")
        .tags(API, service.tag(), "operation", operation, "status", status)
        .register(registry)
        .increment();
    Timer.builder(DURATION)
        .description("ConoHa API request duration")
        .tags(API, service.tag(), "operation", operation)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** One failed exchange, by the kind of failure. */
  public void error(ApiService service, String operation, ConohaException.Kind kind) {
    Counter.builder(ERRORS)
        .description("ConoHa API requests that failed, by kind")
        .tags(API, service.tag(), "operation", operation, "kind", kind.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** How long a call waited in its lane of the account's rate limit. */
  public void rateLimitWait(CallPriority priority, Duration waited) {
    Timer.builder(RATE_LIMIT_WAIT)
        .description("Time a ConoHa call waited for the account's rate limit, by lane")
        .tag("priority", priority.name().toLowerCase(Locale.ROOT))
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(waited);
  }

  public void authentication(boolean success) {
    authCounter(success).increment();
  }

  private Counter authCounter(boolean success) {
    return Counter.builder(AUTH)
        .description("Keystone authentications")
        .tag("result", success ? "success" : "failure")
        .register(registry);
  }
}
