package io.conoha.assistant.client.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Outbound rate limit of one account: {@code burst} requests at once, then {@code ratePerSecond}, with two
 * lanes. A caller that finds a token goes at once; the others queue in their {@link CallPriority}'s lane and
 * are let through one token at a time, urgent first, but never more than {@link #URGENT_RUN} urgent calls in a
 * row while bulk calls wait: a flood of urgent work slows bulk work to a quarter of the rate, it cannot stop
 * it. Within a lane the order is first come, first served. A rate of 0 or less means unlimited.
 */
public final class TokenBucket {
  /** Urgent calls let through in a row while bulk calls wait (bulk keeps at least 1 token in URGENT_RUN + 1). */
  public static final int URGENT_RUN = 3;
  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratePerSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final ArrayDeque<Promise<Void>> urgent = new ArrayDeque<>();
  private final ArrayDeque<Promise<Void>> bulk = new ArrayDeque<>();
  private double tokens;
  private long lastRefill;
  private int urgentInARow;
  private boolean drainScheduled;

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

  /** Completes when this caller may send. */
  public Future<Void> acquire(Vertx vertx, CallPriority priority) {
    Promise<Void> waiting = Promise.promise();
    long waitNanos;
    synchronized (this) {
      if (tryTakeAtOnce()) {
        return Future.succeededFuture();
      }
      enqueue(priority, waiting);
      if (drainScheduled) {
        return waiting.future();
      }
      drainScheduled = true;
      waitNanos = nanosUntilToken();
    }
    schedule(vertx, waitNanos);
    return waiting.future();
  }

  private void schedule(Vertx vertx, long waitNanos) {
    vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos)), id -> drain(vertx));
  }

  private void drain(Vertx vertx) {
    List<Promise<Void>> granted;
    long waitNanos;
    synchronized (this) {
      granted = grant();
      drainScheduled = waiting() > 0;
      waitNanos = drainScheduled ? nanosUntilToken() : 0;
    }
    if (drainScheduled) {
      schedule(vertx, waitNanos);
    }
    granted.forEach(Promise::complete);
  }

  // ---- the accounting, without timers (tests drive it with a clock of their own)

  /** Takes a token for a caller that arrives when nobody waits and a token is there. */
  synchronized boolean tryTakeAtOnce() {
    if (ratePerSecond <= 0) {
      return true;
    }
    refill();
    if (waiting() == 0 && tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  synchronized void enqueue(CallPriority priority, Promise<Void> caller) {
    (priority == CallPriority.URGENT ? urgent : bulk).add(caller);
  }

  /** Lets through as many waiting callers as there are tokens, in lane order. */
  synchronized List<Promise<Void>> grant() {
    refill();
    List<Promise<Void>> granted = new ArrayList<>();
    while (tokens >= 1 && waiting() > 0) {
      tokens -= 1;
      granted.add(next());
    }
    return granted;
  }

  synchronized int waiting() {
    return urgent.size() + bulk.size();
  }

  synchronized long nanosUntilToken() {
    refill();
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerSecond * NANOS_PER_SECOND);
  }

  private Promise<Void> next() {
    boolean takeUrgent = !urgent.isEmpty() && (bulk.isEmpty() || urgentInARow < URGENT_RUN);
    if (takeUrgent) {
      urgentInARow++;
      return urgent.poll();
    }
    urgentInARow = 0;
    return bulk.poll();
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastRefill) / NANOS_PER_SECOND * ratePerSecond);
    lastRefill = now;
  }
}
