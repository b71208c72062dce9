package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.UsageRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts the seconds a resource spends as a billed server and as an archive. The state that held since the last
 * count is the one status showed at the start of a reconcile (status changes only in reconciles), so each
 * interval is counted once, in the state it was spent in. Counts are written at most once a {@link #GRAIN} unless
 * the state changed, so counting adds no status write to most reconciles.
 */
final class UsageCount {
  static final Duration GRAIN = Duration.ofSeconds(60);

  /** What the resource was, as far as billing goes. */
  enum Billing { SERVER, ARCHIVED, NOTHING }

  private UsageCount() {}

  /**
   * The usage after an interval spent as {@code since} up to {@code now}; the same record when nothing needs
   * writing yet ({@code changed} false and less than a grain passed).
   */
  static UsageRecord counted(UsageRecord previous, Billing since, boolean changed, Instant now) {
    if (previous == null || previous.getCountedAt() == null) {
      UsageRecord fresh = previous == null ? new UsageRecord() : previous;
      fresh.setCountedAt(now.toString());
      return fresh;
    }
    Duration elapsed = Duration.between(Instant.parse(previous.getCountedAt()), now);
    if (elapsed.isNegative()) {
      // The calendar was set back: nothing is counted twice, counting starts again from now.
      previous.setCountedAt(now.toString());
      return previous;
    }
    if (!changed && elapsed.compareTo(GRAIN) < 0) {
      return previous;
    }
    switch (since) {
      case SERVER -> previous.setBilledSeconds(previous.getBilledSeconds() + elapsed.toSeconds());
      case ARCHIVED -> previous.setArchivedSeconds(previous.getArchivedSeconds() + elapsed.toSeconds());
      case NOTHING -> { }
    }
    // Only whole seconds are counted; the rest stays for the next count.
    previous.setCountedAt(Instant.parse(previous.getCountedAt()).plusSeconds(elapsed.toSeconds()).toString());
    return previous;
  }
}
