package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ComputeService;
import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.VolumeService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import java.util.function.Supplier;

/** The states `conoha --wait` waits for. */
final class ServerWaits {
  private ServerWaits() {}

  /** Until the server has {@code status} and no task is running; ERROR ends the wait. */
  static Server status(Waiter waiter, ComputeService compute, String id, ServerStatus status) {
    return waiter.until("server " + id + " to be " + status, () -> compute.getServer(id),
        s -> s.status() == status && s.taskState() == null,
        s -> s.status() == ServerStatus.ERROR,
        s -> s.status() + (s.taskState() == null ? "" : " (" + s.taskState() + ")"));
  }

  /** Until the server is gone (404) or DELETED. */
  static void gone(Waiter waiter, ComputeService compute, String id) {
    waiter.until("server " + id + " to be deleted", orNullIfGone(() -> compute.getServer(id)),
        s -> s == null || s.status() == ServerStatus.DELETED,
        s -> s != null && s.status() == ServerStatus.ERROR,
        s -> s == null ? "gone" : s.status().toString());
  }

  /** Until the volume is available; a boot volume must be before a server can use it. */
  static Volume available(Waiter waiter, VolumeService volumes, String id) {
    return waiter.until("volume " + id + " to be available", () -> volumes.getVolume(id),
        Volume::isAvailable, Volume::isError, Volume::status);
  }

  /** Until a volume its server no longer holds is free to delete (available or error); null when it is gone. */
  static Volume detached(Waiter waiter, VolumeService volumes, String id) {
    return waiter.until("volume " + id + " to be detached", orNullIfGone(() -> volumes.getVolume(id)),
        v -> v == null || v.isAvailable() || v.isError(), v -> false, v -> v == null ? "gone" : v.status());
  }

  /** Until the volume is gone (404); error_deleting ends the wait. */
  static void volumeGone(Waiter waiter, VolumeService volumes, String id) {
    waiter.until("volume " + id + " to be deleted", orNullIfGone(() -> volumes.getVolume(id)),
        v -> v == null, v -> v != null && v.isError(), v -> v == null ? "gone" : v.status());
  }

  /** Until the image is active; a killed or deleted image ends the wait. A 404 just after the save is "not yet". */
  static Image active(Waiter waiter, ImageService images, String id) {
    return waiter.until("image " + id + " to be active", orNullIfGone(() -> images.getImage(id)),
        i -> i != null && i.status() == ImageStatus.ACTIVE,
        i -> i != null && i.status().isFailed(),
        i -> i == null ? "not visible yet" : i.status() + (i.progress() == null ? "" : " " + i.progress() + "%"));
  }

  private static <T> Supplier<T> orNullIfGone(Supplier<T> probe) {
    return () -> {
      try {
        return probe.get();
      } catch (ConohaException e) {
        if (e.kind() == ConohaException.Kind.NOT_FOUND) {
          return null;
        }
        throw e;
      }
    };
  }

  static boolean isStopped(Server server) {
    return server.status() == ServerStatus.SHUTOFF && server.taskState() == null;
  }
}
