package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.operator.Reasons;

/** Turns a failed ConoHa call into the condition reason a user can act on. */
public final class ApiFailures {
  private ApiFailures() {}

  /**
   * @param notFoundReason the reason to use when the call says "not found" (FlavorNotFound, ImageNotFound, ...)
   */
  public static StepFailure classify(ConohaException e, String notFoundReason) {
    String message = e.getMessage();
    return switch (e.kind()) {
      case UNAUTHORIZED, FORBIDDEN, CONFIGURATION -> StepFailure.userMustFix(Reasons.CREDENTIALS_INVALID, message);
      case NOT_FOUND -> StepFailure.userMustFix(notFoundReason, message);
      case BAD_REQUEST -> StepFailure.userMustFix(Reasons.INVALID_SPEC, message);
      case QUOTA_EXCEEDED -> StepFailure.userMustFix(Reasons.QUOTA_EXCEEDED, message);
      case RATE_LIMITED -> StepFailure.transientFailure(Reasons.RATE_LIMITED, message);
      case CONFLICT -> StepFailure.transientFailure(Reasons.WAITING, message);
      case SERVER_ERROR, TIMEOUT, TRANSPORT -> StepFailure.transientFailure(Reasons.API_UNAVAILABLE, message);
    };
  }
}
