package io.conoha.assistant.client.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Outbound rate limit of one account: {@code burst} requests at once, then {@code ratePerSecond}.
 * Reservation style: a caller that finds the bucket empty takes a token "on credit" and is told how long
 * to wait, so waiting callers keep their order and never spin. A rate of 0 or less means unlimited.
 */
public final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratePerSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
    this.ratePerSecond = ratePerSecond;
    this.burst = Math.max(1, burst);
    this.nanoClock = nanoClock;
    this.tokens = this.burst;
    this.lastRefill = nanoClock.getAsLong();
  }

  public TokenBucket(double ratePerSecond, int burst) {
    this(ratePerSecond, burst, System::nanoTime);
  }

  /** Takes one token and returns how many nanoseconds the caller must wait before sending. */
  public synchronized long reserve() {
    if (ratePerSecond <= 0) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastRefill) / NANOS_PER_SECOND * ratePerSecond);
    lastRefill = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerSecond * NANOS_PER_SECOND);
  }

  /** Completes when this caller may send. */
  public Future<Void> acquire(Vertx vertx) {
    long waitNanos = reserve();
    if (waitNanos <= 0) {
      return Future.succeededFuture();
    }
    return vertx.timer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), TimeUnit.MILLISECONDS).mapEmpty();
  }
}
