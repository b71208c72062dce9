package io.conoha.assistant.operator.schedule;

/** A schedule or run-until annotation that cannot be followed; the message names what to fix. */
public final class InvalidSchedule extends RuntimeException {
  public InvalidSchedule(String message) {
    super(message, null, false, false);
  }
}
