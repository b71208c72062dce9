package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ConohaServer as a user lives it: create, stop, start, resize, delete, adopt, drift and crashes. */
class ServerScenariosTest {

  static boolean ready(ConohaServer s) {
    return s.getStatus() != null && s.getStatus().isReady()
        && s.getStatus().getObservedGeneration() != null
        && s.getStatus().getObservedGeneration().equals(s.getMetadata().getGeneration());
  }

  static boolean phase(ConohaServer s, ServerPhase phase) {
    return s.getStatus() != null && s.getStatus().getPhase() == phase;
  }

  static String synced(ConohaServer s) {
    return s.getStatus() == null ? null
        : s.getStatus().condition("Synced").map(c -> c.getStatus() + "/" + c.getReason()).orElse(null);
  }

  @Test
  void aNewServerOnV2BootsFromTheImageAndShowsItsAddress() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("web", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));

      ConohaServer web = bed.awaitServer("web", "web running", s -> ready(s) && phase(s, ServerPhase.Running));

      SimServer onConoha = bed.sim.ledger().state().servers().get(0);
      assertThat(bed.sim.ledger().state().servers()).hasSize(1);
      assertThat(onConoha.id()).isEqualTo(web.getStatus().getServerId());
      assertThat(onConoha.status()).isEqualTo("ACTIVE");
      assertThat(onConoha.nameTag()).isEqualTo("web");
      assertThat(onConoha.volumeIds()).isEmpty();
      assertThat(web.getStatus().getAddresses().getIpv4()).isEqualTo(onConoha.ipv4());
      assertThat(web.getStatus().getBootVolumeId()).isNull();
      assertThat(bed.hasEvent("web", "Creating"))
          .as("a plain create speaks through status, not an event (one Kubernetes request less per server)").isFalse();
    }
  }

  @Test
  void aV3ServerFromCreateToReadyCostsFiveKubernetesRequests() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("lean", V3_PLAN, UBUNTU, ServerState.Running));

      bed.awaitServer("lean", "lean running", s -> ready(s) && phase(s, ServerPhase.Running));

      var requests = bed.kubernetes.requestsByKind();
      assertThat(requests).as("the create").containsEntry("POST conohaservers", 1L);
      assertThat(requests).as("the finalizer").containsEntry("PATCH conohaservers", 1L);
      assertThat(requests).as("two intents (boot volume, server) and Ready")
          .containsEntry("PATCH conohaservers/status", 3L);
      assertThat(requests).as("no event for a plain create").doesNotContainKey("POST events");
    }
  }

  @Test
  void aNewServerOnAV3DiskZeroPlanBootsFromAVolumeMadeFromTheImage() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("game", V3_PLAN, UBUNTU, ServerState.Running));

      ConohaServer game = bed.awaitServer("game", "game running", s -> ready(s) && phase(s, ServerPhase.Running));

      var state = bed.sim.ledger().state();
      assertThat(state.servers()).hasSize(1);
      assertThat(state.volumes()).singleElement().satisfies(v -> {
        assertThat(v.status()).isEqualTo("in-use");
        assertThat(v.sizeGB()).isEqualTo(100);
        assertThat(v.id()).isEqualTo(game.getStatus().getBootVolumeId());
      });
      assertThat(state.servers().get(0).volumeIds()).containsExactly(game.getStatus().getBootVolumeId());
    }
  }

  @Test
  void stoppingAndStartingFollowSpecState() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("dev", V3_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("dev", "running", s -> ready(s) && phase(s, ServerPhase.Running));

      bed.editServer("dev", s -> { s.getSpec().setState(ServerState.Stopped); return s; });
      bed.awaitServer("dev", "stopped", s -> ready(s) && phase(s, ServerPhase.Stopped));
      assertThat(bed.sim.ledger().state().servers().get(0).status()).isEqualTo("SHUTOFF");

      bed.editServer("dev", s -> { s.getSpec().setState(ServerState.Running); return s; });
      bed.awaitServer("dev", "running again", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers().get(0).status()).isEqualTo("ACTIVE");
      assertThat(bed.sim.ledger().count("servers.action.os-stop")).isEqualTo(1);
      assertThat(bed.sim.ledger().count("servers.action.os-start")).isEqualTo(1);
    }
  }

  @Test
  void changingThePlanResizesAndConfirms() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("db", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      bed.awaitServer("db", "running", s -> ready(s) && phase(s, ServerPhase.Running));

      bed.editServer("db", s -> { s.getSpec().setFlavor("g-c4m4d100"); return s; });

      bed.awaitServer("db", "running on the new plan", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.flavorName()).isEqualTo("g-c4m4d100"));
      assertThat(bed.sim.ledger().count("servers.action.resize")).isEqualTo(1);
      assertThat(bed.sim.ledger().count("servers.action.confirmResize")).isEqualTo(1);
    }
  }

  @Test
  void changingTheImageOrTheBootVolumeOfAnExistingServerIsReportedNotApplied() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("fixed", V3_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("fixed", "running", ServerScenariosTest::ready);

      bed.editServer("fixed", s -> {
        var volume = new io.conoha.assistant.api.BootVolumeSpec();
        volume.setSize(200);
        s.getSpec().setBootVolume(volume);
        return s;
      });
      ConohaServer grown = bed.awaitServer("fixed", "boot volume change refused",
          s -> "False/ImmutableFieldChanged".equals(synced(s)));
      assertThat(grown.getStatus().condition("Synced").orElseThrow().getMessage()).contains("100 GB", "200 GB");

      bed.editServer("fixed", s -> {
        s.getSpec().setBootVolume(null);
        s.getSpec().setImage("vmi-debian-12-amd64");
        return s;
      });
      bed.awaitServer("fixed", "image change refused", s -> "False/ImmutableFieldChanged".equals(synced(s))
          && s.getStatus().condition("Synced").orElseThrow().getMessage().contains("image"));
      assertThat(bed.sim.ledger().count("servers.create")).isEqualTo(1);
      assertThat(bed.sim.ledger().state().volumes()).singleElement().satisfies(v -> assertThat(v.sizeGB()).isEqualTo(100));
      assertThat(bed.hasEvent("fixed", "ImmutableFieldChanged")).isTrue();
    }
  }

  @Test
  void deletingWithPolicyDeleteRemovesTheServerAndItsBootVolume() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("tmp", V3_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("tmp", "running", ServerScenariosTest::ready);

      bed.deleteServer("tmp");

      bed.awaitServerGone("tmp");
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
      assertThat(bed.sim.ledger().state().volumes()).isEmpty();
      assertThat(bed.hasEvent("tmp", "Deleted")).isTrue();
    }
  }

  @Test
  void deletingWithPolicyRetainLeavesTheServerOnConoha() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      ConohaServer keep = server("keep", V3_PLAN, UBUNTU, ServerState.Running);
      keep.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
      bed.apply(keep);
      bed.awaitServer("keep", "running", ServerScenariosTest::ready);

      bed.deleteServer("keep");

      bed.awaitServerGone("keep");
      assertThat(bed.sim.ledger().state().servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
      assertThat(bed.sim.ledger().state().volumes()).hasSize(1);
      assertThat(bed.sim.ledger().count("servers.delete")).isZero();
      assertThat(bed.hasEvent("keep", "Retained")).isTrue();
    }
  }

  @Test
  void aDeleteLockedServerIsNeverDeletedUntilUnlocked() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("locked", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String id = bed.awaitServer("locked", "running", ServerScenariosTest::ready).getStatus().getServerId();
      bed.sim.admin().putServerMetadata(id, "IsDeleteLocked", "True");

      bed.deleteServer("locked");

      bed.awaitServer("locked", "DeleteLocked reported", s -> "False/DeleteLocked".equals(synced(s)));
      assertThat(bed.sim.ledger().count("servers.delete")).isZero();
      assertThat(bed.hasEvent("locked", "DeleteLocked")).isTrue();

      bed.sim.admin().putServerMetadata(id, "IsDeleteLocked", "False");
      bed.awaitServerGone("locked");
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
    }
  }

  @Test
  void anExistingServerNamedInSpecIsAdoptedInsteadOfCreated() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      String existing = bed.sim.admin().createServer("legacy", V2_PLAN, "vmi-ubuntu-22.04-amd64", Map.of());
      ConohaServer adopt = server("legacy", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running);
      adopt.getSpec().setServerId(existing);

      bed.apply(adopt);

      ConohaServer legacy = bed.awaitServer("legacy", "adopted", ServerScenariosTest::ready);
      assertThat(legacy.getStatus().getServerId()).isEqualTo(existing);
      assertThat(bed.sim.ledger().count("servers.create")).isZero();
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.metadata()).containsEntry(Tags.OWNER, legacy.getMetadata().getUid()));
      assertThat(bed.hasEvent("legacy", "Adopted")).isTrue();
    }
  }

  @Test
  void aServerDeletedOutsideTheOperatorIsCreatedAgainWithAWarning() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("app", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String first = bed.awaitServer("app", "running", ServerScenariosTest::ready).getStatus().getServerId();

      bed.sim.admin().deleteServer(first);

      ConohaServer app = bed.awaitServer("app", "recreated",
          s -> ready(s) && s.getStatus().getServerId() != null && !first.equals(s.getStatus().getServerId()));
      assertThat(bed.hasEvent("app", "ServerDeletedExternally")).isTrue();
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.id()).isEqualTo(app.getStatus().getServerId()));
    }
  }

  @Test
  void deletingAResourceWhoseServerWasDeletedOutsideSinceTheLastListingFinishesWithoutAFalseFailure() {
    // Slow polls of a minute: the account's listing still shows the server when the resource is deleted.
    var settings = Testbed.fastSettings().withPolls(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(60));
    try (Testbed bed = Testbed.start(io.conoha.assistant.sim.SimConfig.defaults(ApiGeneration.V2)
        .withTimings(io.conoha.assistant.sim.SimTimings.fast()), settings)) {
      bed.apply(server("gone", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String id = bed.awaitServer("gone", "running", ServerScenariosTest::ready).getStatus().getServerId();
      bed.awaitServer("gone", "settled", s -> ready(s) && phase(s, ServerPhase.Running));

      bed.sim.admin().deleteServer(id);
      bed.deleteServer("gone");

      bed.awaitServerGone("gone");
      assertThat(bed.events("gone")).as("the server's own URL answered 404: it is gone, not a missing image")
          .noneMatch(e -> "Warning".equals(e.getType()));
    }
  }

  @Test
  void aServerInErrorIsReportedAndLeftAlone() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("broken", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String id = bed.awaitServer("broken", "running", ServerScenariosTest::ready).getStatus().getServerId();
      long callsBefore = bed.sim.ledger().total();

      bed.sim.admin().setServerStatus(id, "ERROR");

      ConohaServer broken = bed.awaitServer("broken", "ServerError",
          s -> s.getStatus().condition("Ready").map(c -> "ServerError".equals(c.getReason())).orElse(false));
      assertThat(broken.getStatus().getPhase()).isEqualTo(ServerPhase.Failed);
      assertThat(bed.hasEvent("broken", "ServerError")).isTrue();
      long mutating = bed.sim.ledger().countsByOperation().entrySet().stream()
          .filter(e -> e.getKey().startsWith("servers.action") || e.getKey().equals("servers.delete")
              || e.getKey().equals("servers.create"))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(mutating).as("only the original create").isEqualTo(1);
      assertThat(bed.sim.ledger().total()).isGreaterThanOrEqualTo(callsBefore);
    }
  }

  @Test
  void aCrashBetweenTheCreateCallAndTheStatusWriteAdoptsTheServerInsteadOfCreatingAnother() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.stopOperator();
      ConohaServer applied = bed.apply(server("crash", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String uid = applied.getMetadata().getUid();
      // What the crashed operator left: an intent in status and a tagged server on ConoHa, no server id.
      applied.setStatus(new io.conoha.assistant.api.ConohaServerStatus());
      applied.getStatus().setPendingOperation(new PendingOperation("CreateServer", uid + ".1", Instant.now().toString()));
      bed.client.resource(applied).patchStatus();
      String created = bed.sim.admin().createServer("crash", V2_PLAN, "vmi-ubuntu-22.04-amd64",
          Map.of(Tags.OWNER, uid, Tags.INTENT, uid + ".1"));

      bed.startOperator();

      ConohaServer crash = bed.awaitServer("crash", "adopted after restart", ServerScenariosTest::ready);
      assertThat(crash.getStatus().getServerId()).isEqualTo(created);
      assertThat(crash.getStatus().getPendingOperation()).isNull();
      assertThat(bed.sim.ledger().count("servers.create")).isZero();
      assertThat(bed.sim.ledger().state().servers()).hasSize(1);
    }
  }

  @Test
  void aCreateThatAnswers503AfterCreatingLeavesExactlyOneServer() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.sim.faults().createThenFail("servers.create", 1);
      bed.sim.faults().createThenFail("volumes.create", 1);

      bed.apply(server("flaky", V3_PLAN, UBUNTU, ServerState.Running));

      bed.awaitServer("flaky", "running", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers()).hasSize(1);
      assertThat(bed.sim.ledger().state().volumes()).hasSize(1);
      assertThat(bed.sim.ledger().count("servers.create")).isEqualTo(1);
      assertThat(bed.sim.ledger().count("volumes.create")).isEqualTo(1);
      assertThat(bed.hasEvent("flaky", "CreateUncertain")).isTrue();
    }
  }

  @Test
  void twoServersCarryingTheSameOwnerTagStopEverything() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.stopOperator();
      ConohaServer applied = bed.apply(server("twin", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      String uid = applied.getMetadata().getUid();
      bed.sim.admin().createServer("twin", V2_PLAN, "vmi-ubuntu-22.04-amd64", Map.of(Tags.OWNER, uid));
      bed.sim.admin().createServer("twin", V2_PLAN, "vmi-ubuntu-22.04-amd64", Map.of(Tags.OWNER, uid));

      bed.startOperator();

      bed.awaitServer("twin", "DuplicateServers", s -> "False/DuplicateServers".equals(synced(s)));
      assertThat(bed.hasEvent("twin", "DuplicateServers")).isTrue();
      List<SimServer> servers = bed.sim.ledger().state().servers();
      assertThat(servers).hasSize(2).allSatisfy(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
      assertThat(bed.sim.ledger().count("servers.action.os-stop")).isZero();
      assertThat(bed.sim.ledger().count("servers.create")).isZero();
    }
  }
}
