package io.conoha.assistant.live;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.WaitDeadlines;
import io.conoha.assistant.client.Waits;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict cleanup of one live run: everything recorded, plus anything found carrying the run's tag (what an
 * operator made, or what a failed step left), is deleted: servers first (waiting until they are gone, since a
 * boot volume is freed only then), then volumes, then images. Whatever is still there afterwards fails the run.
 */
public final class LiveCleanup implements AutoCloseable {
  private final ConohaClient client;
  private final Waits waits;
  private final Set<String> servers = new LinkedHashSet<>();
  private final Set<String> volumes = new LinkedHashSet<>();
  private final Set<String> images = new LinkedHashSet<>();

  public LiveCleanup(ConohaClient client) {
    this.client = client;
    this.waits = client.waits(WaitDeadlines.all(Duration.ofMinutes(10), Duration.ofSeconds(2)));
  }

  public String server(String id) {
    servers.add(id);
    return id;
  }

  public String volume(String id) {
    volumes.add(id);
    return id;
  }

  public String image(String id) {
    images.add(id);
    return id;
  }

  @Override
  public void close() {
    List<String> failures = new ArrayList<>();
    sweepTagged();
    for (String id : servers) {
      attempt(failures, "server " + id, () -> {
        ignoreGone(() -> client.compute().deleteServer(id));
        waits.untilServerGone(id);
      });
    }
    for (String id : volumes) {
      attempt(failures, "volume " + id, () -> {
        ignoreGone(() -> client.volumes().deleteVolume(id));
        waits.untilVolumeGone(id);
      });
    }
    for (String id : images) {
      attempt(failures, "image " + id, () -> ignoreGone(() -> client.images().deleteImage(id)));
    }
    List<String> left = tagged();
    if (!failures.isEmpty() || !left.isEmpty()) {
      throw new AssertionError("live cleanup incomplete for run " + LiveCloud.RUN_TAG + ": failures " + failures
          + ", still there " + left + " (clean with: conoha cleanup --tag " + LiveCloud.RUN_TAG + ")");
    }
  }

  /** Adds whatever carries the run's tag to what is deleted. */
  private void sweepTagged() {
    for (Server s : client.compute().listServers()) {
      if (isTagged(s)) {
        servers.add(s.id());
      }
    }
    if (client.identity().endpoints().volume() != null) {
      client.volumes().listVolumes().stream().filter(v -> startsWithTag(v.name())).map(Volume::id)
          .forEach(volumes::add);
    }
    client.images().listImages(ImageQuery.privateImages()).stream().filter(i -> startsWithTag(i.name()))
        .map(Image::id).forEach(images::add);
  }

  private List<String> tagged() {
    List<String> left = new ArrayList<>();
    client.compute().listServers().stream().filter(LiveCleanup::isTagged)
        .forEach(s -> left.add("server " + s.id() + " (" + s.status() + ")"));
    if (client.identity().endpoints().volume() != null) {
      client.volumes().listVolumes().stream().filter(v -> startsWithTag(v.name()))
          .forEach(v -> left.add("volume " + v.id()));
    }
    client.images().listImages(ImageQuery.privateImages()).stream().filter(i -> startsWithTag(i.name()))
        .forEach(i -> left.add("image " + i.id()));
    return left;
  }

  private static boolean isTagged(Server s) {
    return LiveCloud.RUN_TAG.equals(s.metadata().get(LiveCloud.RUN_KEY)) || startsWithTag(s.nameTag())
        || startsWithTag(s.name());
  }

  private static boolean startsWithTag(String name) {
    return name != null && name.startsWith(LiveCloud.RUN_TAG);
  }

  private static void attempt(List<String> failures, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      failures.add(what + ": " + e.getMessage());
    }
  }

  private static void ignoreGone(Runnable delete) {
    try {
      delete.run();
    } catch (ConohaException e) {
      if (e.kind() != ConohaException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }
}
