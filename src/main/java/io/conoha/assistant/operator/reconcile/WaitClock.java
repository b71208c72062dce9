package io.conoha.assistant.operator.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long something has been going on, measured by this process's clock only. A wait this process did not see
 * begin (after a restart or a leader change) starts when this process first sees it: a deadline or a grace period
 * is never computed from a time another replica wrote, so a clock skew between two replicas can neither cut a
 * grace period short (and create twice) nor fire a deadline early.
 *
 * <p>Keys are per resource and purpose ({@code uid|wait}, {@code uid|intent}); each key tracks one thing at a time.
 */
public final class WaitClock {
  /** What is being waited for, and since when. */
  public record Since(String what, Instant at) {}

  private final Clock clock;
  private final Map<String, Since> waits = new ConcurrentHashMap<>();

  public WaitClock(Clock clock) {
    this.clock = clock;
  }

  /** When this process first saw {@code key} waiting for {@code what} (now, if the wait just began). */
  public Instant since(String key, String what) {
    return waits.compute(key, (k, v) -> v != null && v.what().equals(what) ? v : new Since(what, clock.instant())).at();
  }

  /** The current wait of {@code key}, if any, without starting one. */
  public Optional<Since> current(String key) {
    return Optional.ofNullable(waits.get(key));
  }

  public Duration elapsed(Since since) {
    return Duration.between(since.at(), clock.instant());
  }

  public void clear(String key) {
    waits.remove(key);
  }

  /** Forgets every wait of a resource (it was deleted). */
  public void forget(String uid) {
    waits.keySet().removeIf(k -> k.startsWith(uid + "|"));
  }
}
