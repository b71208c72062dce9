package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.api.ConditionedStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;

/**
 * A failure ConoHa reported for the current generation (a failed save, a full quota) is reported again instead
 * of retried: trying once more needs a spec change (a new generation).
 */
public final class StickyFailures {
  private StickyFailures() {}

  public static Optional<Condition> of(ConditionedStatus status, long generation, String... reasons) {
    return status.condition(Conditions.SYNCED)
        .filter(c -> "False".equals(c.getStatus()) && c.getObservedGeneration() != null
            && c.getObservedGeneration() == generation && List.of(reasons).contains(c.getReason()));
  }
}
