package io.conoha.assistant.operator.chaos;

import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.Resources;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.OwnedObjects;
import io.conoha.assistant.sim.SimServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the actions of a chaos run act on: the test bed (real operator, in-process Kubernetes API, simulator) and
 * the driver's own model of what the user created: one {@link Live} per resource incarnation, the servers it
 * delete-locked in the control panel, the images that must survive.
 */
final class ChaosWorld {
  /** A Secret of user data and passwords, some of them broken on purpose. */
  static final String EXTRAS = "extras";
  static final String WRONG_PASSWORD = "Wrong-Passw0rd!";
  private static final Duration FREE_NAME_WAIT = Duration.ofSeconds(5);

  final Testbed bed;
  final ApiGeneration generation;
  /** Control-panel delete locks the driver set and has not lifted. */
  final Set<String> locked = ConcurrentHashMap.newKeySet();
  /** Images the user made outside the operator and only imported: nothing may delete them. */
  final Set<String> mustSurvive = ConcurrentHashMap.newKeySet();
  private final Map<String, Live> current = new ConcurrentHashMap<>();
  private final List<Live> incarnations = new CopyOnWriteArrayList<>();
  private int panelObjects;
  private int rotations;

  ChaosWorld(Testbed bed) {
    this.bed = bed;
    this.generation = bed.sim.config().generation();
    bed.writeCredentials(EXTRAS, Map.of(
        "user-data", "#cloud-config\npackages: [htop]\n",
        "no-header", "apt-get install -y htop\n",
        "root-password", "Chaos-Passw0rd!42",
        "weak-password", "abc"));
  }

  String plan() {
    return generation == ApiGeneration.V2 ? Resources.V2_PLAN : Resources.V3_PLAN;
  }

  /** The plan a flavor change goes to (and back from): same disk, so a resize is allowed on both generations. */
  String otherPlan(String flavor) {
    String bigger = generation == ApiGeneration.V2 ? "g-c4m4d100" : "g2l-t-c4m4";
    return bigger.equals(flavor) ? plan() : bigger;
  }

  /** The live (not deleted) incarnation of a name, or null. */
  Live current(String name) {
    return current.get(name);
  }

  List<Live> incarnations() {
    return List.copyOf(incarnations);
  }

  Optional<Live> byUid(String uid) {
    return incarnations.stream().filter(l -> l.uid.equals(uid)).findFirst();
  }

  /**
   * Whether a resource of this name can be created: none exists, or the one deleted before goes within a few
   * seconds (its finalizer may still be cleaning up ConoHa).
   */
  boolean nameFree(Live.Kind kind, String name) {
    try {
      await().atMost(FREE_NAME_WAIT).pollInterval(Duration.ofMillis(50))
          .until(() -> (kind == Live.Kind.SERVER ? bed.server(name) : bed.image(name)) == null);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  Live createServer(String name, ConohaServer resource, boolean broken) {
    ConohaServer created = bed.apply(resource);
    return register(Live.server(name, nextIncarnation(name), created.getMetadata().getUid(),
        resource.getSpec().getDeletionPolicy(), resource.getSpec().getState(), broken));
  }

  Live createImage(String name, ConohaImage resource) {
    ConohaImage created = bed.apply(resource);
    boolean imported = resource.getSpec().getImportImage() != null;
    String imageName = imported ? null
        : resource.getSpec().getImageName() != null ? resource.getSpec().getImageName() : Testbed.NS + "-" + name;
    return register(Live.image(name, nextIncarnation(name), created.getMetadata().getUid(),
        resource.getSpec().getDeletionPolicy(), imageName, imported));
  }

  private int nextIncarnation(String name) {
    return (int) incarnations.stream().filter(l -> l.name.equals(name)).count() + 1;
  }

  private Live register(Live live) {
    incarnations.add(live);
    current.put(live.name, live);
    return live;
  }

  /**
   * Deletes the resource as {@code kubectl delete} would. Deleting a server resource whose policy is Delete is the
   * user asking for its server to go: the simulator's ledger is told, so that deletion is not scored as data lost.
   */
  void delete(Live live) {
    live.deletedAt = java.time.Instant.now();
    if (live.kind == Live.Kind.SERVER) {
      if (live.policy == DeletionPolicy.Delete) {
        bed.sim.admin().expectDeletion(live.uid);
      }
      bed.deleteServer(live.name);
    } else {
      bed.deleteImage(live.name);
    }
    live.deleted = true;
    current.remove(live.name, live);
  }

  /** The ConoHa server of the resource that holds this name now, if it has one. */
  Optional<String> serverIdOf(String name) {
    return Optional.ofNullable(current(name)).flatMap(this::serverIdOf);
  }

  /** The ConoHa server of a server resource: from its status, else by its owner tag. */
  Optional<String> serverIdOf(Live live) {
    ConohaServer resource = bed.server(live.name);
    if (resource != null && live.uid.equals(resource.getMetadata().getUid()) && resource.getStatus() != null
        && resource.getStatus().getServerId() != null
        && bed.sim.ledger().state().server(resource.getStatus().getServerId()).isPresent()) {
      return Optional.of(resource.getStatus().getServerId());
    }
    OwnedObjects owned = bed.sim.ledger().ownedObjects().get(live.uid);
    return owned == null || owned.servers().isEmpty() ? Optional.empty() : Optional.of(owned.servers().get(0));
  }

  /** The boot volume of a server resource's ConoHa server (v3), if it has one now. */
  Optional<String> bootVolumeOf(Live live) {
    return serverIdOf(live).flatMap(id -> bed.sim.ledger().state().server(id))
        .map(SimServer::volumeIds).filter(ids -> !ids.isEmpty()).map(ids -> ids.get(0));
  }

  /** A server made in the control panel, owned by no resource. */
  String panelServer() {
    return bed.sim.admin().createServer("panel-" + ++panelObjects, plan(), Resources.UBUNTU, Map.of());
  }

  /** An image made outside the operator (an old backup): returns its name. */
  String panelImage() {
    String name = "panel-backup-" + ++panelObjects;
    mustSurvive.add(bed.sim.admin().createPrivateImage(name, Map.of()));
    return name;
  }

  /** The account's credentials, as the simulator gives them. */
  Map<String, String> goodCredentials() {
    return bed.sim.credentialKeys();
  }

  /** The same credentials under the other spelling: the operator must read both, and a rewrite is a rotation. */
  Map<String, String> rotatedCredentials() {
    if (++rotations % 2 == 0) {
      return goodCredentials();
    }
    Map<String, String> keys = goodCredentials();
    Map<String, String> openrc = new LinkedHashMap<>();
    openrc.put("OS_AUTH_URL", keys.get("identityUrl"));
    if (keys.containsKey("userId")) {
      openrc.put("OS_USER_ID", keys.get("userId"));
    } else {
      openrc.put("OS_USERNAME", keys.get("username"));
    }
    openrc.put("OS_PASSWORD", keys.get("password"));
    openrc.put("OS_PROJECT_ID", keys.get("tenantId"));
    openrc.put("OS_REGION_NAME", keys.get("region"));
    return openrc;
  }

  void writeCredentials(Map<String, String> keys) {
    bed.writeCredentials(Testbed.SECRET, keys);
  }

  void deleteCredentials() {
    bed.client.secrets().inNamespace(Testbed.NS).withName(Testbed.SECRET).delete();
  }
}
