package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static io.conoha.assistant.operator.ServerScenariosTest.synced;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimImage;
import io.conoha.assistant.sim.SimTimings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money saver: Archived stops, saves and deletes; Running brings the server back from its image. */
class ArchiveScenariosTest {

  private static void setState(Testbed bed, String name, ServerState state) {
    bed.editServer(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  private static List<SimImage> privateImages(Testbed bed) {
    return bed.sim.ledger().state().images().stream().filter(i -> "private".equals(i.visibility())).toList();
  }

  @Test
  void archivingARunningV3ServerStopsSavesAndDeletesItAndItsBootVolume() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("mc", V3_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("mc", "running", s -> ready(s) && phase(s, ServerPhase.Running));

      setState(bed, "mc", ServerState.Archived);

      ConohaServer mc = bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived));
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
      assertThat(bed.sim.ledger().state().volumes()).as("boot volume deleted too").isEmpty();
      assertThat(privateImages(bed)).singleElement().satisfies(i -> {
        assertThat(i.status()).isEqualTo("active");
        assertThat(i.id()).isEqualTo(mc.getStatus().getArchive().getImageId());
      });
      assertThat(mc.getStatus().getServerId()).isNull();
      assertThat(bed.sim.ledger().count("volumes.action.os-volume_upload_image")).isEqualTo(1);
      assertThat(bed.hasEvent("mc", "Archived")).isTrue();
    }
  }

  @Test
  void restoringAV3ServerMakesExactlyOneNewBootVolumeAndKeepsItsIdInStatus() throws InterruptedException {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("mc", V3_PLAN, UBUNTU, ServerState.Running));
      String firstVolume = bed.awaitServer("mc", "running", s -> ready(s) && phase(s, ServerPhase.Running))
          .getStatus().getBootVolumeId();
      setState(bed, "mc", ServerState.Archived);
      bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived));

      setState(bed, "mc", ServerState.Running);
      ConohaServer restored = bed.awaitServer("mc", "restored", s -> ready(s) && phase(s, ServerPhase.Running));
      // Outlast the create grace: a stale boot volume id left in status would make the operator create another.
      Thread.sleep(3_000); // the Testbed's create grace is 2 s

      assertThat(bed.sim.ledger().count("volumes.create")).as("the first boot volume and the restore's").isEqualTo(2);
      assertThat(bed.sim.ledger().state().volumes()).singleElement().satisfies(v -> {
        assertThat(v.id()).isNotEqualTo(firstVolume).isEqualTo(restored.getStatus().getBootVolumeId());
        assertThat(v.status()).isEqualTo("in-use");
      });
    }
  }

  @Test
  void runningAgainRestoresFromTheArchiveAndPrunesOlderArchives() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("mc", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      String firstIp = bed.awaitServer("mc", "running", ServerScenariosTest::ready).getStatus().getAddresses().getIpv4().get(0);

      setState(bed, "mc", ServerState.Archived);
      String firstArchive = bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived))
          .getStatus().getArchive().getImageId();
      setState(bed, "mc", ServerState.Running);
      ConohaServer restored = bed.awaitServer("mc", "restored", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.imageId()).isEqualTo(firstArchive));
      assertThat(restored.getStatus().getAddresses().getIpv4().get(0)).isNotEqualTo(firstIp);

      setState(bed, "mc", ServerState.Archived);
      String secondArchive = bed.awaitServer("mc", "archived again",
          s -> ready(s) && phase(s, ServerPhase.Archived) && !firstArchive.equals(s.getStatus().getArchive().getImageId()))
          .getStatus().getArchive().getImageId();
      assertThat(privateImages(bed)).hasSize(2);
      setState(bed, "mc", ServerState.Running);
      ConohaServer again = bed.awaitServer("mc", "restored again", s -> ready(s) && phase(s, ServerPhase.Running)
          && s.getStatus().getPreviousArchives().isEmpty());

      assertThat(privateImages(bed)).extracting(SimImage::id).containsExactly(secondArchive);
      assertThat(again.getStatus().getArchive().getImageId()).isEqualTo(secondArchive);
      assertThat(bed.hasEvent("mc", "PrunedArchive")).isTrue();
      assertThat(bed.sim.ledger().state().servers()).hasSize(1);
    }
  }

  @Test
  void archivingOverTheImageQuotaIsRefusedBeforeSavingAndTheServerStays() {
    SimConfig config = SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()).withImageQuotaBytes(2L << 30);
    try (Testbed bed = Testbed.start(config)) {
      bed.apply(server("big", V3_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("big", "running", ServerScenariosTest::ready);

      setState(bed, "big", ServerState.Archived);

      ConohaServer big = bed.awaitServer("big", "QuotaExceeded", s -> "False/QuotaExceeded".equals(synced(s)));
      assertThat(big.getStatus().condition("Synced").orElseThrow().getMessage()).contains("GB");
      assertThat(bed.sim.ledger().count("volumes.action.os-volume_upload_image")).isZero();
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.status()).isEqualTo("SHUTOFF"));
      assertThat(bed.hasEvent("big", "QuotaExceeded")).isTrue();
    }
  }

  @Test
  void archivingAV2ServerOverTheImageQuotaIsReportedWithoutRetrying() {
    SimConfig config = SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()).withImageQuotaBytes(2L << 30);
    try (Testbed bed = Testbed.start(config)) {
      bed.apply(server("full", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      bed.awaitServer("full", "running", ServerScenariosTest::ready);

      setState(bed, "full", ServerState.Archived);

      bed.awaitServer("full", "QuotaExceeded", s -> "False/QuotaExceeded".equals(synced(s)));
      long saves = bed.sim.ledger().count("servers.action.createImage");
      org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1500)).atMost(java.time.Duration.ofSeconds(5))
          .until(() -> bed.sim.ledger().count("servers.action.createImage") == saves);
      assertThat(bed.sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.status()).isEqualTo("SHUTOFF"));
    }
  }

  @Test
  void deletingAnArchivedServerWithPolicyDeleteRemovesItsArchiveImage() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(server("old", V3_PLAN, UBUNTU, ServerState.Archived));
      bed.awaitServer("old", "archived (nothing existed)", s -> ready(s) && phase(s, ServerPhase.Archived));
      assertThat(bed.sim.ledger().count("servers.create")).as("Archived from the start creates nothing").isZero();
      setState(bed, "old", ServerState.Running);
      bed.awaitServer("old", "running", s -> ready(s) && phase(s, ServerPhase.Running));
      setState(bed, "old", ServerState.Archived);
      bed.awaitServer("old", "archived", s -> ready(s) && phase(s, ServerPhase.Archived) && s.getStatus().getArchive() != null);

      bed.deleteServer("old");

      bed.awaitServerGone("old");
      assertThat(privateImages(bed)).isEmpty();
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
      assertThat(bed.sim.ledger().state().volumes()).isEmpty();
    }
  }
}
