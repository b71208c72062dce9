package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.operator.Resources;
import java.util.Optional;

/** What a user does with ConohaImages: snapshots by serverRef or serverId, imports, deletions. */
final class ImageActions {
  private ImageActions() {}

  record SnapshotByRef(String slot, String server, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      if (!world.nameFree(Live.Kind.IMAGE, slot)) {
        return "skipped: " + slot + " is still being deleted";
      }
      ConohaImage resource = Resources.snapshotOf(slot, server);
      resource.getSpec().setDeletionPolicy(policy);
      return "uid " + world.createImage(slot, resource).uid;
    }
  }

  /** A snapshot naming the server by ConoHa id: a managed server's, or (server null) a control-panel one. */
  record SnapshotById(String slot, String server, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Optional<String> serverId = server == null ? Optional.of(world.panelServer())
          : Optional.ofNullable(world.current(server)).flatMap(world::serverIdOf);
      if (serverId.isEmpty()) {
        return "skipped: " + server + " has no server now";
      }
      if (!world.nameFree(Live.Kind.IMAGE, slot)) {
        return "skipped: " + slot + " is still being deleted";
      }
      ConohaImage resource = Resources.snapshotOf(slot, "unused");
      resource.getSpec().getSource().setServerRef(null);
      resource.getSpec().getSource().setServerId(serverId.get());
      resource.getSpec().setDeletionPolicy(policy);
      return "server " + serverId.get() + ", uid " + world.createImage(slot, resource).uid;
    }
  }

  /** Imports a public image or an old backup made outside the operator: observed, never deleted. */
  record ImportImage(String slot, boolean privateImage, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      if (!world.nameFree(Live.Kind.IMAGE, slot)) {
        return "skipped: " + slot + " is still being deleted";
      }
      String name = privateImage ? world.panelImage() : Resources.UBUNTU;
      ConohaImage resource = Resources.importOf(slot, name);
      resource.getSpec().setDeletionPolicy(policy);
      return name + ", uid " + world.createImage(slot, resource).uid;
    }
  }

  record DeleteImage(String slot) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Live live = world.current(slot);
      if (live == null) {
        return "skipped: no " + slot;
      }
      world.delete(live);
      return live + " (" + live.policy + ")";
    }
  }
}
