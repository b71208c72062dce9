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
      return create(world, Resources.snapshotOf(slot, server), policy);
    }
  }

  /** A snapshot naming the server by ConoHa id: a managed server's, or (server null) a control-panel one. */
  record SnapshotById(String slot, String server, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Optional<String> serverId = server == null ? Optional.of(world.panelServer())
          : world.serverIdOf(server);
      if (serverId.isEmpty()) {
        return "skipped: " + server + " has no server now";
      }
      ConohaImage resource = Resources.snapshotOf(slot, "unused");
      resource.getSpec().getSource().setServerRef(null);
      resource.getSpec().getSource().setServerId(serverId.get());
      return "server " + serverId.get() + ", " + create(world, resource, policy);
    }
  }

  /** Imports a public image or an old backup made outside the operator: observed, never deleted. */
  record ImportImage(String slot, boolean privateImage, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      String name = privateImage ? world.panelImage() : Resources.UBUNTU;
      return name + ", " + create(world, Resources.importOf(slot, name), policy);
    }
  }

  /** Creates it once the name is free (a deleted resource of that name may still be finishing). */
  private static String create(ChaosWorld world, ConohaImage resource, DeletionPolicy policy) {
    String name = resource.getMetadata().getName();
    if (!world.nameFree(Live.Kind.IMAGE, name)) {
      return "skipped: " + name + " is still being deleted";
    }
    resource.getSpec().setDeletionPolicy(policy);
    return "uid " + world.createImage(name, resource).uid;
  }
}
