package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.SimState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks at ConoHa and the resources every 100 ms while a run goes on: no owner may hold two servers or two boot
 * volumes at any sampled moment (the first time each owner breaks it is kept), and every id a resource's status
 * names is remembered for the checks at the end.
 */
final class Sampler implements AutoCloseable {
  private final ChaosWorld world;
  private final Clock clock;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "chaos-sampler");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, String> duplicates = new ConcurrentHashMap<>();
  private final AtomicInteger samples = new AtomicInteger();

  /** Milliseconds since the run started, for messages. */
  interface Clock {
    long millis();
  }

  Sampler(ChaosWorld world, Clock clock) {
    this.world = world;
    this.clock = clock;
    executor.scheduleWithFixedDelay(this::sampleQuietly, 0, 100, TimeUnit.MILLISECONDS);
  }

  /** "s0#1 held 2 servers [...] at +1234 ms", once per owner and kind. */
  List<String> duplicates() {
    return new ArrayList<>(duplicates.values());
  }

  int samples() {
    return samples.get();
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      // a sample may fail while the operator restarts or the API server is busy; the next one comes in 100 ms
    }
  }

  private void sample() {
    SimState state = world.bed.sim.ledger().state();
    long at = clock.millis();
    check("servers", at, groupByOwner(state.servers(), s -> s.metadata().get(Tags.OWNER), s -> s.id()));
    check("boot volumes", at, groupByOwner(state.volumes().stream()
        .filter(v -> v.imageId() != null && !"deleting".equals(v.status())).toList(),
        v -> v.metadata().get(Tags.OWNER), v -> v.id()));
    recordStatuses();
    samples.incrementAndGet();
  }

  private void check(String what, long at, Map<String, List<String>> byOwner) {
    byOwner.forEach((owner, ids) -> {
      if (ids.size() > 1) {
        String who = world.byUid(owner).map(Live::toString).orElse("owner " + owner);
        duplicates.putIfAbsent(what + owner, who + " held " + ids.size() + " " + what + " " + ids + " at +" + at
            + " ms");
      }
    });
  }

  private static <T> Map<String, List<String>> groupByOwner(List<T> objects, Function<T, String> owner,
      Function<T, String> id) {
    return objects.stream().filter(o -> owner.apply(o) != null)
        .collect(Collectors.groupingBy(owner, Collectors.mapping(id, Collectors.toList())));
  }

  private void recordStatuses() {
    for (ConohaServer s : world.bed.client.resources(ConohaServer.class).inNamespace(Testbed.NS).list().getItems()) {
      world.byUid(s.getMetadata().getUid()).filter(l -> s.getStatus() != null).ifPresent(live -> {
        addIfSet(live, s.getStatus().getServerId());
        addIfSet(live, s.getStatus().getBootVolumeId());
        addArchive(live, s.getStatus().getArchive());
        addArchive(live, s.getStatus().getPendingArchive());
        s.getStatus().getPreviousArchives().forEach(a -> addArchive(live, a));
      });
    }
    for (ConohaImage i : world.bed.client.resources(ConohaImage.class).inNamespace(Testbed.NS).list().getItems()) {
      world.byUid(i.getMetadata().getUid()).filter(l -> i.getStatus() != null).ifPresent(live -> {
        addIfSet(live, i.getStatus().getImageId());
        if (i.getStatus().getPhase() == ImagePhase.Available && i.getStatus().getImageId() != null) {
          live.seenAvailable.add(i.getStatus().getImageId());
        }
      });
    }
  }

  private static void addArchive(Live live, ArchiveRecord archive) {
    if (archive != null) {
      addIfSet(live, archive.getImageId());
    }
  }

  private static void addIfSet(Live live, String id) {
    if (id != null) {
      live.recorded.add(id);
    }
  }

  /** Takes one last sample, then stops. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampleQuietly();
  }
}
