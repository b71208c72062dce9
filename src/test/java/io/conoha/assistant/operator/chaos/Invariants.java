package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.sim.Ledger;
import io.conoha.assistant.sim.ServerDeletion;
import io.conoha.assistant.sim.SimState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data-safety promises, checked from the simulator's ledger after a run. Each broken promise is one line
 * naming the invariant, so a failing seed says everything it broke, not only the first thing.
 */
final class Invariants {
  private final ChaosWorld world;
  private final List<String> broken = new ArrayList<>();

  Invariants(ChaosWorld world) {
    this.world = world;
  }

  List<String> broken() {
    return List.copyOf(broken);
  }

  void fail(String invariant, String what) {
    broken.add(invariant + ": " + what);
  }

  /**
   * No server deleted without a save, unless the user deleted it (Delete policy, control panel). A server named in
   * the spec.serverId of a Delete resource the user deleted is expected to go even if it was not tagged yet.
   */
  void noUnexpectedUnsavedDeletion() {
    for (ServerDeletion d : ledger().serverDeletions()) {
      boolean adoptedByDeleted = d.owner() == null && world.incarnations().stream().anyMatch(l -> l.deleted
          && l.policy == DeletionPolicy.Delete && d.serverId().equals(l.adopted) && !d.at().isBefore(l.deletedAt));
      if (d.unexpectedUnsaved() && !adoptedByDeleted) {
        fail("unsaved deletion", "server " + d.serverId() + " of " + who(d.owner()) + " deleted (" + d.via()
            + ") with no active image saved since it last ran; nobody asked for it");
      }
    }
  }

  /** No owner tag rewritten: no resource took over another one's server. */
  void noOwnerTakenOver() {
    ledger().ownerChanges().forEach(c -> fail("taken over", "server " + c.serverId() + " of " + who(c.from())
        + " re-tagged as " + who(c.to())));
  }

  void noDuplicates(List<String> duplicates) {
    duplicates.forEach(d -> fail("duplicate", d));
  }

  void settled(Map<Live, String> unsettled) {
    unsettled.forEach((live, why) -> fail("not settled", live + " " + why));
  }

  void allDeleted(Map<Live, String> remaining, java.time.Duration waited) {
    remaining.forEach((live, why) -> fail("not deleted", live + " still exists " + waited.toSeconds()
        + " s after deletion: " + why));
  }

  /**
   * After every resource is deleted, nothing billed is left that a Delete policy covers. An object is claimed by
   * the resources whose owner tag it carries, whose status named it, or (images) whose image name it has; it is a
   * leak when every claimant had policy Delete and none only imported it. Images of a v3 save carry no tag: they
   * are claimed through the server they were saved from.
   */
  void nothingLeft() {
    SimState state = ledger().state();
    Map<String, String> ownerOf = new HashMap<>();
    ledger().ownedObjects().forEach((owner, objects) -> {
      objects.servers().forEach(id -> ownerOf.put(id, owner));
      objects.volumes().forEach(id -> ownerOf.put(id, owner));
      objects.images().forEach(id -> ownerOf.put(id, owner));
    });
    state.servers().forEach(s -> leakIfAllDelete("server", s.id(), claimants(s.id(), null, ownerOf)));
    state.volumes().forEach(v -> leakIfAllDelete("volume", v.id(), claimants(v.id(), null, ownerOf)));
    state.privateImages().forEach(i -> leakIfAllDelete("image", i.id() + " (" + i.name() + ")",
        claimants(i.id(), i.name(), ownerOf)));
  }

  private Set<Live> claimants(String id, String imageName, Map<String, String> ownerOf) {
    Set<Live> claimants = new LinkedHashSet<>();
    for (Live live : world.incarnations()) {
      if (live.recorded.contains(id) || imageName != null && imageName.equals(live.imageName)) {
        claimants.add(live);
      }
    }
    String owner = ownerOf.get(id);
    if (owner != null) {
      world.byUid(owner).ifPresent(claimants::add);
    }
    return claimants;
  }

  private void leakIfAllDelete(String kind, String what, Set<Live> claimants) {
    boolean covered = !claimants.isEmpty()
        && claimants.stream().allMatch(l -> l.policy == DeletionPolicy.Delete && !l.imported);
    if (covered) {
      fail("leak", kind + " " + what + " of " + claimants + " (deletionPolicy Delete) is still billed");
    }
  }

  /** Backups survive: images a Retain snapshot showed Available, and images the user only imported. */
  void backupsKept() {
    SimState state = ledger().state();
    for (Live live : world.incarnations()) {
      if (live.kind == Live.Kind.IMAGE && live.policy == DeletionPolicy.Retain && !live.imported) {
        live.seenAvailable.stream().filter(id -> state.image(id).isEmpty()).forEach(id ->
            fail("backup lost", "image " + id + " that " + live + " (Retain) showed Available was deleted"));
      }
    }
    world.mustSurvive.stream().filter(id -> state.image(id).isEmpty()).forEach(id ->
        fail("backup lost", "image " + id + " made outside the operator and only imported was deleted"));
  }

  /** ConoHa calls other than listings, within {@code budget}. */
  void withinBudget(long calls, long budget, String explanation) {
    if (calls > budget) {
      fail("call budget", calls + " ConoHa calls besides listings, budget " + budget + " (" + explanation + ")");
    }
  }

  private String who(String owner) {
    return owner == null ? "no resource" : world.byUid(owner).map(Live::toString).orElse("owner " + owner);
  }

  private Ledger ledger() {
    return world.bed.sim.ledger();
  }
}
