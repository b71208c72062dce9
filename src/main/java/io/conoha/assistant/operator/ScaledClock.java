package io.conoha.assistant.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The calendar schedules are read on when it is not the wall clock: it starts at a chosen instant, runs
 * {@code scale} times as fast as the wall clock, and can be moved forward. The demo and the playground use it to
 * watch a week of windows in minutes; tests use it (scale 1) to stand just before a window's edge. Only
 * schedule-related time uses it (effective state, wake-ups at edges, usage counts); deadlines and polls stay on
 * the wall clock, so a fast calendar never makes a wait time out.
 */
public final class ScaledClock extends Clock {
  private final Clock wall;
  private final double scale;
  private final Instant wallOrigin;
  private volatile Instant origin;

  public ScaledClock(Clock wall, Instant start, double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("time scale must be a positive number, not " + scale);
    }
    this.wall = wall;
    this.scale = scale;
    this.wallOrigin = wall.instant();
    this.origin = start;
  }

  /** Starts at {@code start} and runs at the wall clock's pace. */
  public static ScaledClock startingAt(Instant start) {
    return new ScaledClock(Clock.systemUTC(), start, 1);
  }

  public double scale() {
    return scale;
  }

  /** Moves this clock forward (or back, with a negative duration), as if that much time had passed at once. */
  public void advance(Duration by) {
    origin = origin.plus(by);
  }

  @Override
  public Instant instant() {
    long wallNanos = Duration.between(wallOrigin, wall.instant()).toNanos();
    return origin.plusNanos((long) (wallNanos * scale));
  }

  /** How long the wall clock takes for {@code calendar} of this clock. */
  public Duration toWall(Duration calendar) {
    return Duration.ofNanos((long) (calendar.toNanos() / scale));
  }

  /** How long on the wall clock until this clock shows {@code t} (negative once it has). */
  public Duration wallUntil(Instant t) {
    return toWall(Duration.between(instant(), t));
  }

  /** How long the wall clock takes for {@code calendar} of {@code clock} (the same, for any other clock). */
  public static Duration wallDelay(Clock clock, Duration calendar) {
    return clock instanceof ScaledClock scaled ? scaled.toWall(calendar) : calendar;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
