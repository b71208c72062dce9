package io.conoha.assistant.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each wait that depends on the cloud may take before it fails with a
 * {@link io.conoha.assistant.client.error.DeadlineExceededException}, and how often it looks. A cloud that
 * accepts a request and then never finishes it (ConoHa's image save over the quota; a Glance image left
 * {@code queued}) must not hold a caller forever.
 */
public record WaitDeadlines(Duration build, Duration power, Duration resize, Duration volumeCreate,
    Duration imageSave, Duration delete, Duration pollInterval) {

  /** What each wait is. */
  public enum Stage { BUILD, POWER, RESIZE, VOLUME_CREATE, IMAGE_SAVE, DELETE }

  public WaitDeadlines {
    for (Duration d : new Duration[] {build, power, resize, volumeCreate, imageSave, delete, pollInterval}) {
      Objects.requireNonNull(d, "every deadline must be set");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("deadlines and the poll interval must be positive, got " + d);
      }
    }
  }

  /**
   * Generous against ConoHa's own timings (build ~30 s, a 100 GB boot volume ~10 s, saving an image minutes):
   * 15 min to build, 10 min for a stop or start, 30 min for a resize, 15 min for a volume, 2 h for an image
   * save, 15 min for a delete; a look every 5 s.
   */
  public static WaitDeadlines defaults() {
    return new WaitDeadlines(Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofMinutes(30),
        Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofMinutes(15), Duration.ofSeconds(5));
  }

  /** The same deadline for every wait (what {@code conoha --timeout} sets). */
  public static WaitDeadlines all(Duration deadline, Duration pollInterval) {
    return new WaitDeadlines(deadline, deadline, deadline, deadline, deadline, deadline, pollInterval);
  }

  public Duration of(Stage stage) {
    return switch (stage) {
      case BUILD -> build;
      case POWER -> power;
      case RESIZE -> resize;
      case VOLUME_CREATE -> volumeCreate;
      case IMAGE_SAVE -> imageSave;
      case DELETE -> delete;
    };
  }

  public WaitDeadlines withImageSave(Duration d) {
    return new WaitDeadlines(build, power, resize, volumeCreate, d, delete, pollInterval);
  }

  public WaitDeadlines withPollInterval(Duration d) {
    return new WaitDeadlines(build, power, resize, volumeCreate, imageSave, delete, d);
  }
}
