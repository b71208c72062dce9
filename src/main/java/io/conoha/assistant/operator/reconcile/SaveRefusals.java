package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.operator.Reasons;

/**
 * A save ConoHa refuses outright (400: a volume in error, a server that is not really stopped) is SaveFailed for
 * this generation, reported and not retried until the spec changes; anything else keeps its own classification.
 */
public final class SaveRefusals {
  private SaveRefusals() {}

  public static RuntimeException classify(ConohaException e, String what) {
    if (e.kind() == ConohaException.Kind.BAD_REQUEST) {
      return StepFailure.userMustFix(Reasons.SAVE_FAILED, "ConoHa refused to save " + what + ": " + e.getMessage());
    }
    return e;
  }
}
