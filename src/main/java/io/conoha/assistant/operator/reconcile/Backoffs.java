package io.conoha.assistant.operator.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-resource retry delays after a failed reconcile: transient failures start at the fast poll, failures the
 * user must fix start at the slow poll; both double up to ten times the slow poll. A success resets.
 */
public final class Backoffs {
  private final Duration fast;
  private final Duration slow;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public Backoffs(Duration fast, Duration slow) {
    this.fast = fast;
    this.slow = slow;
  }

  /**
   * A failure fixed in a Secret (which the operator does not watch: that would need list/watch on every Secret)
   * is looked at again every slow poll, so a fixed password or a created Secret is noticed within a minute.
   */
  public Duration nextForSecret(String uid) {
    failures.merge(uid, 1, Integer::sum);
    return slow;
  }

  public Duration next(String uid, boolean userMustFix) {
    int n = failures.merge(uid, 1, Integer::sum);
    Duration base = userMustFix ? slow : fast;
    Duration delay = base.multipliedBy(1L << Math.min(n - 1, 10));
    Duration max = slow.multipliedBy(10);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  public void reset(String uid) {
    failures.remove(uid);
  }
}
