package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.operator.Reasons;

/**
 * What a resource is waiting for on ConoHa. Every such wait has a deadline ({@code OperatorSettings.deadlines});
 * past it the resource reports {@link #timeoutReason()} with a warning event and backs off, and goes on by
 * itself if ConoHa finishes later.
 */
public enum WaitKind {
  /** An image save (archive or snapshot). ConoHa saves nothing over the image quota, and says nothing. */
  SAVE(Reasons.SAVE_TIMED_OUT, "the image save has not finished; ConoHa silently saves nothing when the image"
      + " storage quota is full, so check the quota (conoha check) and delete old images"),
  /** A boot volume being created. */
  VOLUME_CREATE(Reasons.VOLUME_TIMED_OUT, "the boot volume is still not available"),
  /** A boot volume being deleted. */
  VOLUME_DELETE(Reasons.VOLUME_TIMED_OUT, "the boot volume is still not deleted"),
  /** A server in BUILD. */
  BUILD(Reasons.BUILD_TIMED_OUT, "ConoHa is still building the server"),
  /** A server busy with a task (stopping, starting, resizing, deleting). */
  SERVER_TASK(Reasons.TASK_TIMED_OUT, "ConoHa is still busy with the server"),
  /** An unanswered create: looking for what it may have made before creating again (the grace period). */
  LOST_ANSWER(null, null);

  private final String timeoutReason;
  private final String timeoutAdvice;

  WaitKind(String timeoutReason, String timeoutAdvice) {
    this.timeoutReason = timeoutReason;
    this.timeoutAdvice = timeoutAdvice;
  }

  /** Null for waits whose length is set by the grace period itself. */
  public String timeoutReason() { return timeoutReason; }

  public String timeoutAdvice() { return timeoutAdvice; }
}
