package io.conoha.assistant.client;

import io.conoha.assistant.client.WaitDeadlines.Stage;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.error.DeadlineExceededException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuota;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The waits a caller needs between calls (build, power, resize, boot volume, image save, delete), each bounded
 * by its {@link WaitDeadlines} deadline. Blocking: call from worker threads. A deadline past is a
 * {@link DeadlineExceededException} that says what was last seen; a terminal state (ERROR, killed, error) ends
 * the wait early with {@link Kind#SERVER_ERROR}.
 */
public final class Waits {
  private static final long GIB = 1024L * 1024 * 1024;

  private final ConohaClient client;
  private final WaitDeadlines deadlines;

  Waits(ConohaClient client, WaitDeadlines deadlines) {
    this.client = client;
    this.deadlines = deadlines;
  }

  public WaitDeadlines deadlines() {
    return deadlines;
  }

  /** Until the server is ACTIVE with no task (after a create: the build deadline). */
  public Server untilActive(String serverId) {
    return untilStatus(serverId, ServerStatus.ACTIVE, Stage.BUILD);
  }

  /** Until the server is SHUTOFF with no task (the power deadline). */
  public Server untilStopped(String serverId) {
    return untilStatus(serverId, ServerStatus.SHUTOFF, Stage.POWER);
  }

  public Server untilStatus(String serverId, ServerStatus status, Stage stage) {
    return until(stage, "server " + serverId + " to be " + status, () -> client.compute().getServer(serverId),
        s -> s.status() == status && s.taskState() == null,
        s -> s.status() == ServerStatus.ERROR,
        Waits::describe, null);
  }

  /** Until GET answers 404 (or DELETED). */
  public void untilServerGone(String serverId) {
    until(Stage.DELETE, "server " + serverId + " to be deleted", orNullIfGone(() -> client.compute().getServer(serverId)),
        s -> s == null || s.status() == ServerStatus.DELETED,
        s -> s != null && s.status() == ServerStatus.ERROR,
        s -> s == null ? "gone" : describe(s), null);
  }

  /** Until a new volume is available (a boot volume must be before a server can use it). */
  public Volume untilVolumeAvailable(String volumeId) {
    return until(Stage.VOLUME_CREATE, "volume " + volumeId + " to be available",
        () -> client.volumes().getVolume(volumeId), Volume::isAvailable, Volume::isError, Volume::status, null);
  }

  public void untilVolumeGone(String volumeId) {
    until(Stage.DELETE, "volume " + volumeId + " to be deleted", orNullIfGone(() -> client.volumes().getVolume(volumeId)),
        v -> v == null, v -> v != null && "error_deleting".equals(v.status()),
        v -> v == null ? "gone" : v.status(), null);
  }

  /**
   * Until a saved image is active. A 404 just after the save is "not visible yet". Past the deadline the image
   * quota decides the reason: {@link Kind#QUOTA_EXCEEDED} when the storage is full, else {@link Kind#TIMEOUT}.
   */
  public Image untilImageActive(String imageId) {
    return until(Stage.IMAGE_SAVE, "image " + imageId + " to be active", orNullIfGone(() -> client.images().getImage(imageId)),
        i -> i != null && i.status() == ImageStatus.ACTIVE,
        i -> i != null && i.status().isFailed(),
        i -> i == null ? "not visible yet" : i.status() + (i.progress() == null ? "" : " " + i.progress() + "%"),
        seen -> saveOverdue(imageId, seen));
  }

  /**
   * For callers that poll on their own (the operator): the error for a save that is past its deadline, with
   * the reason the quota gives. {@code lastSeen} is how the image looked ("queued", "not visible yet").
   */
  public DeadlineExceededException saveOverdue(String imageId, String lastSeen) {
    String what = "image " + imageId + " to be active";
    Duration deadline = deadlines.imageSave();
    ImageQuota quota;
    try {
      quota = client.images().quota();
    } catch (ConohaException e) {
      return new DeadlineExceededException(Kind.TIMEOUT, Stage.IMAGE_SAVE, deadline, what, lastSeen,
          "the cloud never finished the save, and the image quota cannot be read (" + e.getMessage() + ")");
    }
    if (quota.freeBytes() < GIB) {
      return new DeadlineExceededException(Kind.QUOTA_EXCEEDED, Stage.IMAGE_SAVE, deadline, what, lastSeen,
          "the image storage is full (" + VolumeDiskStrategy.gb(quota.usedBytes()) + " used of "
              + VolumeDiskStrategy.gb(quota.limitBytes()) + "); the cloud accepted the save but produces nothing");
    }
    return new DeadlineExceededException(Kind.TIMEOUT, Stage.IMAGE_SAVE, deadline, what, lastSeen,
        "the cloud never finished the save (" + VolumeDiskStrategy.gb(quota.freeBytes()) + " of the image quota free)");
  }

  /**
   * Resizes and comes back in the same power state. A running server is resized as it is unless this cloud is
   * known to refuse that; when it refuses (409 while ACTIVE), the server is stopped first, resized, confirmed
   * and started again, and the account remembers to stop first next time.
   */
  public Server resizeKeepingPower(String serverId, String flavorId) {
    AccountProbes probes = client.probes();
    Server before = client.compute().getServer(serverId);
    if (flavorId.equals(before.flavorId())) {
      return before;
    }
    boolean wasRunning = before.status() == ServerStatus.ACTIVE && before.taskState() == null;
    boolean stopped = false;
    if (wasRunning && probes.resizeNeedsStop() == Finding.YES) {
      stop(serverId);
      stopped = true;
    }
    try {
      client.compute().resize(serverId, flavorId);
      if (wasRunning && !stopped) {
        probes.learnResizeNeedsStop(false);
      }
    } catch (ConohaException e) {
      if (e.kind() != Kind.CONFLICT || !wasRunning || stopped) {
        throw e;
      }
      probes.learnResizeNeedsStop(true);
      stop(serverId);
      client.compute().resize(serverId, flavorId);
    }
    Server resized = until(Stage.RESIZE, "server " + serverId + " to be resized", () -> client.compute().getServer(serverId),
        s -> s.taskState() == null && (s.status() == ServerStatus.VERIFY_RESIZE
            || (flavorId.equals(s.flavorId()) && (s.status() == ServerStatus.ACTIVE || s.status() == ServerStatus.SHUTOFF))),
        s -> s.status() == ServerStatus.ERROR, Waits::describe, null);
    if (resized.status() == ServerStatus.VERIFY_RESIZE) {
      client.compute().confirmResize(serverId);
      resized = until(Stage.RESIZE, "server " + serverId + " to settle on the new plan",
          () -> client.compute().getServer(serverId),
          s -> s.taskState() == null && (s.status() == ServerStatus.ACTIVE || s.status() == ServerStatus.SHUTOFF),
          s -> s.status() == ServerStatus.ERROR, Waits::describe, null);
    }
    if (wasRunning && resized.status() == ServerStatus.SHUTOFF) {
      client.compute().start(serverId);
      resized = untilStatus(serverId, ServerStatus.ACTIVE, Stage.POWER);
    }
    return resized;
  }

  private void stop(String serverId) {
    client.compute().stop(serverId, false);
    untilStopped(serverId);
  }

  private <T> T until(Stage stage, String what, Supplier<T> probe, Predicate<T> done, Predicate<T> failed,
      Function<T, String> describe, Function<String, ConohaException> overdue) {
    Duration deadline = deadlines.of(stage);
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      T seen = probe.get();
      if (done.test(seen)) {
        return seen;
      }
      if (failed.test(seen)) {
        throw new ConohaException(Kind.SERVER_ERROR, "wait." + stage.name().toLowerCase(java.util.Locale.ROOT), 0,
            "gave up waiting for " + what + ": it is " + describe.apply(seen));
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        String last = describe.apply(seen);
        throw overdue != null ? overdue.apply(last)
            : new DeadlineExceededException(Kind.TIMEOUT, stage, deadline, what, last, null);
      }
      pause(Math.min(left, deadlines.pollInterval().toNanos()));
    }
  }

  private static void pause(long nanos) {
    try {
      Thread.sleep(Math.max(1, nanos / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConohaException(Kind.TIMEOUT, "wait", 0, "interrupted while waiting");
    }
  }

  private static String describe(Server s) {
    return s.status() + (s.taskState() == null ? "" : " (" + s.taskState() + ")");
  }

  private static <T> Supplier<T> orNullIfGone(Supplier<T> probe) {
    return () -> {
      try {
        return probe.get();
      } catch (ConohaException e) {
        if (e.kind() == Kind.NOT_FOUND) {
          return null;
        }
        throw e;
      }
    };
  }
}
