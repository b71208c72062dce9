package io.conoha.assistant.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The data-safety score the {@link Ledger} shows beside its request counts: every server deletion with whether the
 * server's disk was saved, every owner tag rewritten, and the owners whose deletions the user asked for.
 *
 * <p>"Saved" is the operator's archive rule: an {@code active} image of the server that was saved while the
 * server was stopped and after it last started (its creation counts as a start). Starts and saves are ordered by
 * a counter, not the clock, so two events in the same millisecond still come in order. Everything but the reads
 * runs under the world lock.
 */
final class Scorebook {
  /** The operator's owner tag: the Kubernetes UID of the resource an object belongs to. */
  static final String OWNER_TAG = "conoha-assistant:owner";

  private final SimWorld world;
  private final Set<String> expectedOwners = ConcurrentHashMap.newKeySet();
  private final List<ServerDeletion> deletions = new CopyOnWriteArrayList<>();
  private final List<OwnerChange> ownerChanges = new CopyOnWriteArrayList<>();
  private long events;

  Scorebook(SimWorld world) {
    this.world = world;
  }

  /** The server starts running (created, started, rebooted or forced into a running state): older saves are stale. */
  void started(ServerRecord server) {
    server.lastStartEvent = ++events;
  }

  /** An image of {@code source} (null for a volume without a server) begins to save. */
  void saveStarted(ImageRecord image, ServerRecord source) {
    image.saveEvent = ++events;
    if (source != null) {
      image.savedWhileStopped = "stopped".equals(source.vmState);
      image.sourceOwner = source.metadata.get(OWNER_TAG);
    }
  }

  /** Called when a deletion is accepted, before the server goes; {@code via} is "api" or "admin". */
  void serverDeleted(ServerRecord server, String via) {
    ImageRecord saved = savedImageOf(server);
    String owner = server.metadata.get(OWNER_TAG);
    boolean userAsked = "admin".equals(via) || owner != null && expectedOwners.contains(owner);
    deletions.add(new ServerDeletion(server.id, owner, world.now(), saved != null, saved == null ? null : saved.id,
        userAsked, via));
  }

  private ImageRecord savedImageOf(ServerRecord server) {
    for (ImageRecord image : world.images.values()) {
      if (server.id.equals(image.sourceServerId) && "active".equals(image.status) && image.savedWhileStopped
          && image.saveEvent > server.lastStartEvent) {
        return image;
      }
    }
    return null;
  }

  /** A metadata write went from {@code before} to {@code after}; only a change of an existing owner counts. */
  void ownerTagWritten(ServerRecord server, String before, String after) {
    if (before != null && !before.equals(after)) {
      ownerChanges.add(new OwnerChange(server.id, before, after, world.now()));
    }
  }

  void expectDeletion(String owner) {
    expectedOwners.add(owner);
  }

  List<ServerDeletion> deletions() {
    return List.copyOf(deletions);
  }

  List<OwnerChange> ownerChanges() {
    return List.copyOf(ownerChanges);
  }

  /** The score starts again; expected owners stay (the resources they name are still being deleted). */
  void reset() {
    deletions.clear();
    ownerChanges.clear();
  }

  /** Servers, volumes and images that exist now, by owner tag; untagged objects are left out. */
  Map<String, OwnedObjects> ownedObjects() {
    synchronized (world) {
      Map<String, Owned> byOwner = new TreeMap<>();
      world.servers.values().forEach(s -> add(byOwner, s.metadata.get(OWNER_TAG), Owned::servers, s.id));
      world.volumes.values().forEach(v -> add(byOwner, v.metadata.get(OWNER_TAG), Owned::volumes, v.id));
      world.images.values().forEach(i -> add(byOwner, imageOwner(i), Owned::images, i.id));
      Map<String, OwnedObjects> out = new TreeMap<>();
      byOwner.forEach((owner, o) -> out.put(owner, new OwnedObjects(o.servers(), o.volumes(), o.images())));
      return out;
    }
  }

  /** The image's own tag (v2 createImage carries metadata) or that of the server it was saved from (v3 upload). */
  private static String imageOwner(ImageRecord image) {
    String tagged = image.properties.get(OWNER_TAG);
    return tagged != null ? tagged : image.sourceOwner;
  }

  private record Owned(List<String> servers, List<String> volumes, List<String> images) {}

  private static void add(Map<String, Owned> byOwner, String owner, Function<Owned, List<String>> kind, String id) {
    if (owner != null) {
      kind.apply(byOwner.computeIfAbsent(owner, k -> new Owned(new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>()))).add(id);
    }
  }
}
