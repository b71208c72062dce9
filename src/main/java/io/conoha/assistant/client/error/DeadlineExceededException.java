package io.conoha.assistant.client.error;

import io.conoha.assistant.client.WaitDeadlines.Stage;
import java.time.Duration;

/**
 * A wait on the cloud ran past its deadline. Its kind is {@link Kind#TIMEOUT}, or {@link Kind#QUOTA_EXCEEDED}
 * when the reason is known to be a full quota (an image save that never finishes while the image storage is
 * full: ConoHa accepts such a save and produces nothing).
 */
public class DeadlineExceededException extends ConohaException {
  private final Stage stage;
  private final Duration deadline;
  private final String lastSeen;

  public DeadlineExceededException(Kind kind, Stage stage, Duration deadline, String what, String lastSeen,
      String why) {
    super(kind, "wait." + stage.name().toLowerCase(java.util.Locale.ROOT), 0, "gave up waiting for " + what
        + " after " + human(deadline) + " (the " + stage.name().toLowerCase(java.util.Locale.ROOT)
        + " deadline; last seen: " + lastSeen + ")" + (why == null ? "" : ": " + why));
    this.stage = stage;
    this.deadline = deadline;
    this.lastSeen = lastSeen;
  }

  public Stage stage() {
    return stage;
  }

  public Duration deadline() {
    return deadline;
  }

  public String lastSeen() {
    return lastSeen;
  }

  static String human(Duration d) {
    if (d.toMillis() < 1000) {
      return d.toMillis() + " ms";
    }
    return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }
}
