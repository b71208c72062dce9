package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.client.error.ConohaException;
import java.util.function.Supplier;

/**
 * A value an observation looked up that a decision may or may not need (a plan, an image id, a Secret's keys):
 * either the value or the reason it could not be had. The failure is reported only if the decision needs it, so
 * a settled server is not failed for a Secret it no longer needs.
 */
public record Resolved<T>(T value, StepFailure failure) {
  public static <T> Resolved<T> of(T value) {
    return new Resolved<>(value, null);
  }

  public static <T> Resolved<T> failed(StepFailure failure) {
    return new Resolved<>(null, failure);
  }

  /** Not looked up, because no decision from this view needs it (a decision that does is a bug, said so). */
  public static <T> Resolved<T> notNeeded() {
    return failed(StepFailure.transientFailure(io.conoha.assistant.operator.Reasons.WAITING, "not looked up"));
  }

  /** Runs the lookup; a ConoHa failure is classified with {@code notFoundReason}. */
  public static <T> Resolved<T> lookup(Supplier<T> lookup, String notFoundReason) {
    try {
      return of(lookup.get());
    } catch (StepFailure f) {
      return failed(f);
    } catch (ConohaException e) {
      return failed(ApiFailures.classify(e, notFoundReason));
    }
  }

  public boolean ok() {
    return failure == null;
  }
}
