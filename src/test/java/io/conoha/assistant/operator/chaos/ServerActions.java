package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.SecretKeyRef;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.operator.Resources;
import java.util.Optional;

/** What a user does with ConohaServers: create, adopt, flip the state, change the plan, delete. */
final class ServerActions {
  private ServerActions() {}

  /** Specs that are wrong in a way only the operator can see (no CRD rule catches them). */
  enum Broken { USER_DATA_WITHOUT_HEADER, WEAK_ROOT_PASSWORD, MISSING_SECRET_KEY }

  record CreateServer(String slot, ServerState state, DeletionPolicy policy, boolean otherPlan) implements Action {
    @Override
    public String run(ChaosWorld world) {
      ConohaServer resource = spec(slot, otherPlan ? world.otherPlan(world.plan()) : world.plan(), state, policy);
      resource.getSpec().setUserDataSecretRef(new SecretKeyRef(ChaosWorld.EXTRAS, "user-data"));
      resource.getSpec().setAdminPasswordSecretRef(new SecretKeyRef(ChaosWorld.EXTRAS, "root-password"));
      return create(world, resource, false);
    }
  }

  record CreateBrokenServer(String slot, Broken how, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      ConohaServer resource = spec(slot, world.plan(), ServerState.Running, policy);
      switch (how) {
        case USER_DATA_WITHOUT_HEADER -> resource.getSpec().setUserDataSecretRef(
            new SecretKeyRef(ChaosWorld.EXTRAS, "no-header"));
        case WEAK_ROOT_PASSWORD -> resource.getSpec().setAdminPasswordSecretRef(
            new SecretKeyRef(ChaosWorld.EXTRAS, "weak-password"));
        case MISSING_SECRET_KEY -> resource.getSpec().setUserDataSecretRef(
            new SecretKeyRef(ChaosWorld.EXTRAS, "no-such-key"));
      }
      return create(world, resource, true);
    }
  }

  /** Adopts a server made in the control panel, which no resource owns. */
  record AdoptFreeServer(String slot, ServerState state, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      String serverId = world.panelServer();
      return "server " + serverId + ", " + adopt(world, slot, serverId, state, policy);
    }
  }

  /** Names another resource's server in spec.serverId: it must never be taken over. */
  record AdoptOwnedServer(String slot, String victim, DeletionPolicy policy) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Live owner = world.current(victim);
      Optional<String> serverId = owner == null ? Optional.empty() : world.serverIdOf(owner);
      if (serverId.isEmpty()) {
        return "skipped: " + victim + " has no server now";
      }
      return "server " + serverId.get() + " of " + owner + ", "
          + adopt(world, slot, serverId.get(), ServerState.Running, policy);
    }
  }

  private static String adopt(ChaosWorld world, String slot, String serverId, ServerState state,
      DeletionPolicy policy) {
    ConohaServer resource = spec(slot, world.plan(), state, policy);
    resource.getSpec().setServerId(serverId);
    return create(world, resource, false);
  }

  private static ConohaServer spec(String slot, String plan, ServerState state, DeletionPolicy policy) {
    ConohaServer resource = Resources.server(slot, plan, Resources.UBUNTU, state);
    resource.getSpec().setDeletionPolicy(policy);
    return resource;
  }

  /** Creates it once the name is free (a deleted resource of that name may still be finishing). */
  private static String create(ChaosWorld world, ConohaServer resource, boolean broken) {
    String name = resource.getMetadata().getName();
    if (!world.nameFree(Live.Kind.SERVER, name)) {
      return "skipped: " + name + " is still being deleted";
    }
    Live live = world.createServer(name, resource, broken);
    live.adopted = resource.getSpec().getServerId();
    return "uid " + live.uid;
  }

  record SetState(String slot, ServerState state) implements Action {
    @Override
    public String run(ChaosWorld world) {
      Live live = world.current(slot);
      if (live == null) {
        return "skipped: no " + slot;
      }
      world.bed.editServer(slot, s -> {
        s.getSpec().setState(state);
        return s;
      });
      live.desired = state;
      return "";
    }
  }

  record ChangeFlavor(String slot) implements Action {
    @Override
    public String run(ChaosWorld world) {
      if (world.current(slot) == null) {
        return "skipped: no " + slot;
      }
      String[] to = new String[1];
      world.bed.editServer(slot, s -> {
        to[0] = world.otherPlan(s.getSpec().getFlavor());
        s.getSpec().setFlavor(to[0]);
        return s;
      });
      return "to " + to[0];
    }
  }

}
