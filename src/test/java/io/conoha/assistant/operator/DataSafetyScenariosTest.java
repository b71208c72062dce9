package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static io.conoha.assistant.operator.ServerScenariosTest.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.SecretKeyRef;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimImage;
import io.conoha.assistant.sim.SimServer;
import io.conoha.assistant.sim.SimTimings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The ways a hostile user lost data or money on the first version, each replayed against the simulator: they
 * must never happen again.
 */
class DataSafetyScenariosTest {
  private static final String V2_IMAGE = "vmi-ubuntu-22.04-amd64";

  private static Testbed slowSaves(ApiGeneration generation) {
    return Testbed.start(SimConfig.defaults(generation).withTimings(Testbed.fastWithImageSave(Duration.ofMillis(2500))));
  }

  private static ConohaServer running(Testbed bed, ApiGeneration generation, String name) {
    bed.apply(server(name, generation == ApiGeneration.V2 ? V2_PLAN : V3_PLAN,
        generation == ApiGeneration.V2 ? V2_IMAGE : UBUNTU, ServerState.Running));
    return bed.awaitServer(name, "running", s -> ready(s) && phase(s, ServerPhase.Running));
  }

  private static void setState(Testbed bed, String name, ServerState state) {
    bed.editServer(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  private static long saves(Testbed bed) {
    return bed.sim.ledger().count("servers.action.createImage") + bed.sim.ledger().count("volumes.action.os-volume_upload_image");
  }

  /** Fails the test if the server is ever running, or gone, while the given image is still being saved. */
  private static AtomicBoolean watchNoStartOrDeleteDuringSave(Testbed bed, String serverId, String imageId) {
    AtomicBoolean violated = new AtomicBoolean();
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        var state = bed.sim.ledger().state();
        boolean saving = state.image(imageId).map(i -> !"active".equals(i.status()) && !"killed".equals(i.status()))
            .orElse(false);
        var server = state.server(serverId);
        if (saving && (server.isEmpty() || "ACTIVE".equals(server.get().status()))) {
          violated.set(true);
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.setDaemon(true);
    watcher.start();
    return violated;
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void takingArchivedBackDuringTheSaveWaitsForItKeepsTheImageAndTheNextArchiveSavesAgain(ApiGeneration generation) {
    try (Testbed bed = slowSaves(generation)) {
      String serverId = running(bed, generation, "mc").getStatus().getServerId();

      setState(bed, "mc", ServerState.Archived);
      String firstImage = bed.awaitServer("mc", "saving", s -> s.getStatus().getPendingArchive() != null
          && s.getStatus().getPendingArchive().getImageId() != null).getStatus().getPendingArchive().getImageId();
      AtomicBoolean violated = watchNoStartOrDeleteDuringSave(bed, serverId, firstImage);
      setState(bed, "mc", ServerState.Running);

      ConohaServer back = bed.awaitServer("mc", "running again", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(violated).as("started or deleted while its image was saving").isFalse();
      assertThat(back.getStatus().getServerId()).isEqualTo(serverId);
      assertThat(back.getStatus().getPendingArchive()).isNull();
      assertThat(back.getStatus().getArchive().getImageId()).as("the finished image is kept as an archive")
          .isEqualTo(firstImage);
      assertThat(bed.hasEvent("mc", "ArchiveKept")).isTrue();

      setState(bed, "mc", ServerState.Archived);
      ConohaServer archived = bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived));
      assertThat(saves(bed)).as("the running server was saved again before it was deleted").isEqualTo(2);
      assertThat(archived.getStatus().getArchive().getImageId()).isNotEqualTo(firstImage);
      assertThat(bed.sim.ledger().state().image(archived.getStatus().getArchive().getImageId()))
          .hasValueSatisfying(i -> assertThat(i.status()).isEqualTo("active"));
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void anImageTheListingDoesNotShowYetIsNeitherForgottenNorLeaked(ApiGeneration generation) {
    try (Testbed bed = slowSaves(generation)) {
      running(bed, generation, "mc");
      bed.sim.faults().listLag(Duration.ofSeconds(2));

      setState(bed, "mc", ServerState.Archived);
      String image = bed.awaitServer("mc", "saving", s -> s.getStatus().getPendingArchive() != null
          && s.getStatus().getPendingArchive().getImageId() != null).getStatus().getPendingArchive().getImageId();
      setState(bed, "mc", ServerState.Running);

      ConohaServer back = bed.awaitServer("mc", "running again", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(back.getStatus().getArchive()).as("tracked as an archive").isNotNull();
      assertThat(back.getStatus().getArchive().getImageId()).isEqualTo(image);

      bed.deleteServer("mc");
      bed.awaitServerGone("mc");
      assertThat(bed.sim.ledger().state().privateImages()).as("deletionPolicy Delete leaves no image").isEmpty();
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
      assertThat(bed.sim.ledger().state().volumes()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void aServerIdOwnedByAnotherResourceIsNeverAdoptedStartedStoppedOrDeleted(ApiGeneration generation) {
    try (Testbed bed = Testbed.start(generation)) {
      ConohaServer owner = running(bed, generation, "first");
      String serverId = owner.getStatus().getServerId();
      ConohaServer thief = server("second", generation == ApiGeneration.V2 ? V2_PLAN : V3_PLAN,
          generation == ApiGeneration.V2 ? V2_IMAGE : UBUNTU, ServerState.Stopped);
      thief.getSpec().setServerId(serverId);
      bed.apply(thief);

      ConohaServer refused = bed.awaitServer("second", "refused", s -> "False/OwnedByAnother".equals(synced(s)));
      assertThat(refused.getStatus().condition("Synced").orElseThrow().getMessage()).contains("default.first");
      assertThat(bed.hasEvent("second", "OwnedByAnother")).isTrue();
      long powerCalls = bed.sim.ledger().count("servers.action.os-stop") + bed.sim.ledger().count("servers.action.os-start");
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
          bed.sim.ledger().count("servers.action.os-stop") + bed.sim.ledger().count("servers.action.os-start") == powerCalls);
      SimServer onConoha = bed.sim.ledger().state().server(serverId).orElseThrow();
      assertThat(onConoha.metadata().get(Tags.OWNER)).isEqualTo(owner.getMetadata().getUid());
      assertThat(onConoha.status()).isEqualTo("ACTIVE");

      bed.deleteServer("second");
      bed.awaitServerGone("second");
      assertThat(bed.sim.ledger().state().server(serverId)).as("the owner's server survives").isPresent();
      assertThat(bed.sim.ledger().state().volumes()).hasSize(generation == ApiGeneration.V3 ? 1 : 0);
      assertThat(bed.server("first")).satisfies(s -> assertThat(ready(s)).isTrue());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-header", "too-long", "weak-password", "missing-key"})
  void aV3ServerWhoseSecretsCanNeverWorkCreatesNoBilledVolume(String flaw) {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      String userData = switch (flaw) {
        case "no-header" -> "apt-get install -y minecraft\n";
        case "too-long" -> "#cloud-config\n" + "#".repeat(17 * 1024);
        default -> "#cloud-config\npackages: [git]\n";
      };
      bed.writeCredentials("boot", Map.of("userData", userData,
          "password", "weak-password".equals(flaw) ? "password" : "Str0ng!Passw0rd"));
      ConohaServer broken = server("broken", V3_PLAN, UBUNTU, ServerState.Running);
      broken.getSpec().setUserDataSecretRef(new SecretKeyRef("boot", "userData"));
      broken.getSpec().setAdminPasswordSecretRef(new SecretKeyRef("boot", "missing-key".equals(flaw) ? "rootPassword" : "password"));
      bed.apply(broken);

      String expected = "missing-key".equals(flaw) ? "False/SecretNotFound" : "False/InvalidSpec";
      ConohaServer failed = bed.awaitServer("broken", expected, s -> expected.equals(synced(s)));
      assertThat(failed.getStatus().condition("Synced").orElseThrow().getMessage()).doesNotContain("Str0ng");
      assertThat(bed.sim.ledger().count("volumes.create")).as("no volume is created for a server that cannot boot").isZero();
      assertThat(bed.sim.ledger().state().volumes()).isEmpty();
      assertThat(bed.hasEvent("broken", expected.substring(6))).isTrue();
    }
  }

  @Test
  void twoAccountsWhoseListingsHangDoNotDelayAHealthyAccount() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2);
        ConohaSimulator hung1 = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()));
        ConohaSimulator hung2 = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()))) {
      long start = System.nanoTime();
      running(bed, ApiGeneration.V2, "baseline");
      Duration baseline = Duration.ofNanos(System.nanoTime() - start);
      int i = 0;
      for (ConohaSimulator hung : List.of(hung1, hung2)) {
        hung.faults().hangNext("servers.list", 10_000);
        String secret = "hung" + ++i;
        bed.writeCredentials(secret, hung.credentialKeys());
        for (int n = 0; n < 3; n++) {
          ConohaServer stuck = server(secret + "-" + n, V2_PLAN, V2_IMAGE, ServerState.Running);
          stuck.getSpec().getCredentialsSecretRef().setName(secret);
          bed.apply(stuck);
        }
      }
      bed.awaitServer("hung1-0", "waiting on its hung account", s -> s.getStatus() != null);

      long began = System.nanoTime();
      running(bed, ApiGeneration.V2, "healthy");
      Duration took = Duration.ofNanos(System.nanoTime() - began);

      System.out.println("healthy account: " + baseline + " alone, " + took + " beside two hung accounts");
      assertThat(took).as("a healthy account's server is not held up by hung ones (request timeout 3 s); alone: "
          + baseline).isLessThan(baseline.plusSeconds(2));
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void aSnapshotByServerIdOfAManagedServerCoordinatesWithItLikeAServerRef(ApiGeneration generation) {
    try (Testbed bed = slowSaves(generation)) {
      String serverId = running(bed, generation, "src").getStatus().getServerId();
      ConohaImage snap = Resources.snapshotOf("snap", "src");
      snap.getSpec().getSource().setServerRef(null);
      snap.getSpec().getSource().setServerId(serverId);
      bed.apply(snap);

      ImageScenariosTest.awaitHeldWhileSavingThenRunningAgain(bed, "src", "snap");
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void aConohaImageRecreatedWithTheSameNameNeverAdoptsOrDeletesTheRetainedBackup(ApiGeneration generation) {
    try (Testbed bed = Testbed.start(generation)) {
      running(bed, generation, "src");
      bed.apply(Resources.snapshotOf("backup", "src"));
      String retained = bed.awaitImage("backup", "available", ImageScenariosTest::available).getStatus().getImageId();
      bed.deleteImage("backup");
      bed.awaitImageGone("backup");
      bed.awaitServer("src", "running again", s -> ready(s) && phase(s, ServerPhase.Running));

      bed.sim.faults().createThenFail(generation == ApiGeneration.V2 ? "servers.action.createImage"
          : "volumes.action.os-volume_upload_image", 1);
      ConohaImage again = Resources.snapshotOf("backup", "src");
      again.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      bed.apply(again);

      ConohaImage mine = bed.awaitImage("backup", "its own image", ImageScenariosTest::available);
      assertThat(mine.getStatus().getImageId()).as("not the retained backup").isNotEqualTo(retained);
      bed.deleteImage("backup");
      bed.awaitImageGone("backup");
      assertThat(bed.sim.ledger().state().image(retained)).as("the retained backup survives").isPresent();
      assertThat(bed.sim.ledger().state().image(mine.getStatus().getImageId())).as("its own image went").isEmpty();
    }
  }

  @Test
  void onACloudThatDropsCustomMetadataALostCreateIsAdoptedByItsNameTagNeverMadeTwice() {
    SimConfig dropping = SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast())
        .withQuirks(io.conoha.assistant.sim.CloudQuirks.conoha().withDropUnknownMetadata(true));
    try (Testbed bed = Testbed.start(dropping)) {
      running(bed, ApiGeneration.V2, "first");
      bed.sim.faults().createThenFail("servers.create", 1);

      bed.apply(server("second", V2_PLAN, V2_IMAGE, ServerState.Running));

      ConohaServer second = bed.awaitServer("second", "running", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.hasEvent("second", "CreateUncertain")).isTrue();
      assertThat(bed.sim.ledger().count("servers.create")).as("the uncertain create is not repeated").isEqualTo(2);
      assertThat(bed.sim.ledger().state().servers()).hasSize(2)
          .anySatisfy(s -> assertThat(s.id()).isEqualTo(second.getStatus().getServerId()));
    }
  }
}
