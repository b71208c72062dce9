package io.conoha.assistant.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The rules of the transport that need no network: rate limit, backoff, Retry-After, retry decisions, redaction. */
class TransportRulesTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC);

  @Test
  void theBucketLetsABurstThroughThenSpacesCallsAtTheRate() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(10, 2, nanos::get);

    assertThat(bucket.tryTakeAtOnce()).isTrue();
    assertThat(bucket.tryTakeAtOnce()).isTrue();
    assertThat(bucket.tryTakeAtOnce()).as("the burst is spent").isFalse();
    assertThat(bucket.nanosUntilToken()).isEqualTo(100_000_000L);

    nanos.addAndGet(1_000_000_000L);
    assertThat(bucket.tryTakeAtOnce()).as("after a second tokens are back").isTrue();
  }

  @Test
  void urgentCallsGoAheadOfQueuedBulkCallsButBulkKeepsAShare() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(10, 1, nanos::get);
    assertThat(bucket.tryTakeAtOnce()).isTrue();
    java.util.Map<Object, String> names = new java.util.IdentityHashMap<>();
    for (String name : List.of("b1", "b2", "b3", "u1", "u2", "u3", "u4", "u5")) {
      io.vertx.core.Promise<Void> caller = io.vertx.core.Promise.promise();
      names.put(caller, name);
      bucket.enqueue(name.startsWith("u") ? CallPriority.URGENT : CallPriority.BULK, caller);
    }
    assertThat(bucket.tryTakeAtOnce()).as("a newcomer does not pass the queue").isFalse();

    List<String> order = new java.util.ArrayList<>();
    while (bucket.waiting() > 0) {
      nanos.addAndGet(bucket.nanosUntilToken());
      bucket.grant().forEach(p -> order.add(names.get(p)));
    }

    assertThat(order).containsExactly("u1", "u2", "u3", "b1", "u4", "u5", "b2", "b3");
  }

  @Test
  void aRateOfZeroMeansNoLimit() {
    TokenBucket bucket = new TokenBucket(0, 1, () -> 0L);
    for (int i = 0; i < 100; i++) {
      assertThat(bucket.tryTakeAtOnce()).isTrue();
    }
  }

  @RepeatedTest(20)
  void backoffDoublesWithJitterAndStaysUnderTheCeiling() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
    assertThat(backoff.delay(3).toMillis()).isBetween(200L, 400L);
    assertThat(backoff.delay(10).toMillis()).isBetween(500L, 1000L);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Fri, 27 Nov 2026 05:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Fri, 27 Nov 2026 04:00:00 GMT", NOW)).as("a date in the past").isZero();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse(null, NOW)).isNull();
  }

  @Test
  void onlyGetAndDeleteAreRetriedAndOnlyForFailuresThatMayPass() {
    RetryPolicy policy = new RetryPolicy(2, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)));
    ApiRequest get = ApiRequest.get(ApiService.COMPUTE, "servers.get", "/servers/x");
    ApiRequest delete = ApiRequest.delete(ApiService.COMPUTE, "servers.delete", "/servers/x");
    ApiRequest create = ApiRequest.post(ApiService.COMPUTE, "servers.create", "/servers", new JsonObject());

    assertThat(policy.delayBefore(1, get, failure(Kind.SERVER_ERROR, null))).isPresent();
    assertThat(policy.delayBefore(1, delete, failure(Kind.TIMEOUT, null))).isPresent();
    assertThat(policy.delayBefore(1, get, failure(Kind.TRANSPORT, null))).isPresent();
    assertThat(policy.delayBefore(3, get, failure(Kind.SERVER_ERROR, null))).as("past maxRetries").isEmpty();
    assertThat(policy.delayBefore(1, create, failure(Kind.SERVER_ERROR, null))).as("a create may have happened").isEmpty();
    assertThat(policy.delayBefore(1, create, failure(Kind.TIMEOUT, null))).isEmpty();
    assertThat(policy.delayBefore(1, get, failure(Kind.NOT_FOUND, null))).isEmpty();
    assertThat(policy.delayBefore(1, get, failure(Kind.BAD_REQUEST, null))).isEmpty();
  }

  @Test
  void aRetryAfterIsWaitedOutUnlessItIsLongerThanTheBackoffCeiling() {
    RetryPolicy policy = new RetryPolicy(2, new Backoff(Duration.ofMillis(10), Duration.ofSeconds(30)));
    ApiRequest get = ApiRequest.get(ApiService.IMAGE, "images.list", "/v2/images");

    assertThat(policy.delayBefore(1, get, failure(Kind.RATE_LIMITED, Duration.ofSeconds(20))))
        .contains(Duration.ofSeconds(20));
    assertThat(policy.delayBefore(1, get, failure(Kind.RATE_LIMITED, Duration.ofMinutes(5))))
        .as("handed back to the caller to reschedule").isEmpty();
  }

  @Test
  void theRedactorMasksAccountAndRequestSecrets() {
    Redactor redactor = new Redactor();
    redactor.addSecret("account-password-1");

    String text = "Invalid input for adminPass. Value: Admin-Pass-99; auth with account-password-1 failed";

    assertThat(redactor.scrub(text, List.of("Admin-Pass-99")))
        .isEqualTo("Invalid input for adminPass. Value: ***; auth with *** failed");
  }

  @Test
  void aRequestNeverPrintsItsBody() {
    ApiRequest request = ApiRequest.post(ApiService.COMPUTE, "servers.create", "/servers",
        new JsonObject().put("adminPass", "Admin-Pass-99")).withSecrets("Admin-Pass-99");

    assertThat(request.toString()).doesNotContain("Admin-Pass-99").contains("servers.create");
  }

  private static ConohaException failure(Kind kind, Duration retryAfter) {
    return new ConohaException(kind, "op", 0, "op failed", retryAfter, null);
  }
}
