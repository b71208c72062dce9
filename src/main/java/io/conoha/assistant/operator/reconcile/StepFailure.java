package io.conoha.assistant.operator.reconcile;

/**
 * A reconcile step that cannot go on, with the condition reason that tells the user why.
 * {@code userMustFix} failures back off slowly (no hot loop); the others retry with a short backoff.
 */
public final class StepFailure extends RuntimeException {
  private final String reason;
  private final boolean userMustFix;

  public StepFailure(String reason, String message, boolean userMustFix) {
    super(message);
    this.reason = reason;
    this.userMustFix = userMustFix;
  }

  public static StepFailure userMustFix(String reason, String message) {
    return new StepFailure(reason, message, true);
  }

  public static StepFailure transientFailure(String reason, String message) {
    return new StepFailure(reason, message, false);
  }

  public String reason() { return reason; }

  public boolean userMustFix() { return userMustFix; }
}
