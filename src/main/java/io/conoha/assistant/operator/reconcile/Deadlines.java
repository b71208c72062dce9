package io.conoha.assistant.operator.reconcile;

import java.time.Duration;

/**
 * How long each kind of wait on ConoHa may last before the resource reports it (see {@link WaitKind}). Generous
 * by default: a 100 GB image save can take an hour on ConoHa.
 */
public record Deadlines(Duration save, Duration volume, Duration build, Duration task) {
  public static Deadlines defaults() {
    return new Deadlines(Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(30));
  }

  /** Every deadline the same (tests, the simulator's fast timings). */
  public static Deadlines all(Duration d) {
    return new Deadlines(d, d, d, d);
  }

  /** The deadline of a wait, or null when the wait has none of its own. */
  public Duration of(WaitKind kind) {
    return switch (kind) {
      case SAVE -> save;
      case VOLUME_CREATE, VOLUME_DELETE -> volume;
      case BUILD -> build;
      case SERVER_TASK -> task;
      case LOST_ANSWER -> null;
    };
  }

  /**
   * The failure message when a wait of this kind has lasted past its deadline: what is being waited for, for how
   * long, and what to check. Empty while within the deadline (or for waits without one).
   */
  public java.util.Optional<String> exceeded(WaitKind kind, java.util.Map<WaitKind, Duration> waited, String waitMessage) {
    Duration deadline = kind == null || kind.timeoutReason() == null ? null : of(kind);
    if (deadline == null || waited.getOrDefault(kind, Duration.ZERO).compareTo(deadline) < 0) {
      return java.util.Optional.empty();
    }
    String took = deadline.toMinutes() >= 120 ? deadline.toHours() + " h"
        : deadline.toMinutes() >= 1 ? deadline.toMinutes() + " min" : deadline.toSeconds() + " s";
    return java.util.Optional.of(waitMessage + " for over " + took + ": " + kind.timeoutAdvice()
        + "; the operator keeps looking and goes on when ConoHa does");
  }
}
