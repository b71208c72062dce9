package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.importOf;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.Resources.snapshotOf;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ImageSource;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimImage;
import io.conoha.assistant.sim.SimTimings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.Test;

/** ConohaImage as a user lives it: snapshots with progress, imports, failures, deletion and the in-use guard. */
class ImageScenariosTest {

  static boolean available(ConohaImage i) {
    return i.getStatus() != null && i.getStatus().getPhase() == ImagePhase.Available && i.getStatus().isReady();
  }

  static String synced(ConohaImage i) {
    return i.getStatus() == null ? null
        : i.getStatus().condition("Synced").map(c -> c.getStatus() + "/" + c.getReason()).orElse(null);
  }

  private static List<SimImage> privateImages(Testbed bed) {
    return bed.sim.ledger().state().images().stream().filter(i -> "private".equals(i.visibility())).toList();
  }

  /** Snapshots a running server and records every progress value the status showed on the way. */
  private static Set<Integer> snapshotRunningServer(Testbed bed, String plan, String image) {
    bed.apply(server("src", plan, image, ServerState.Running));
    bed.awaitServer("src", "running", s -> ready(s) && phase(s, ServerPhase.Running));
    Set<Integer> progress = new ConcurrentSkipListSet<>();
    bed.apply(snapshotOf("snap", "src"));
    await().atMost(Testbed.WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
      ConohaImage snap = bed.image("snap");
      if (snap != null && snap.getStatus() != null && snap.getStatus().getProgress() != null) {
        progress.add(snap.getStatus().getProgress());
      }
      return snap != null && available(snap);
    });
    return progress;
  }

  @Test
  void snapshotOfARunningV2ServerShowsProgressAndPutsTheServerBackToRunning() {
    SimConfig slowSave = SimConfig.defaults(ApiGeneration.V2)
        .withTimings(Testbed.fastWithImageSave(Duration.ofMillis(1500)));
    try (Testbed bed = Testbed.start(slowSave)) {
      Set<Integer> progress = snapshotRunningServer(bed, V2_PLAN, "vmi-ubuntu-22.04-amd64");

      assertThat(progress).as("progress seen in status over time").contains(100)
          .anySatisfy(p -> assertThat(p).isBetween(1, 99));
      ConohaImage snap = bed.image("snap");
      assertThat(snap.getStatus().getRestoredServerState()).isEqualTo("Running");
      assertThat(snap.getStatus().getSizeBytes()).isPositive();
      assertThat(privateImages(bed)).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(snap.getStatus().getImageId()));
      bed.awaitServer("src", "running again", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
      assertThat(bed.sim.ledger().count("servers.action.createImage")).isEqualTo(1);
    }
  }

  @Test
  void snapshotOfARunningV3ServerUploadsItsVolumeAndPutsTheServerBack() {
    SimConfig slowSave = SimConfig.defaults(ApiGeneration.V3)
        .withTimings(Testbed.fastWithImageSave(Duration.ofMillis(1500)));
    try (Testbed bed = Testbed.start(slowSave)) {
      Set<Integer> progress = snapshotRunningServer(bed, V3_PLAN, UBUNTU);

      assertThat(progress).anySatisfy(p -> assertThat(p).isBetween(1, 99));
      assertThat(bed.sim.ledger().count("volumes.action.os-volume_upload_image")).isEqualTo(1);
      bed.awaitServer("src", "running again", s -> ready(s) && phase(s, ServerPhase.Running));
    }
  }

  @Test
  void theServerControllerDoesNotRestartTheServerWhileTheSnapshotSaves() {
    SimConfig slowSave = SimConfig.defaults(ApiGeneration.V2)
        .withTimings(Testbed.fastWithImageSave(Duration.ofMillis(2000)));
    try (Testbed bed = Testbed.start(slowSave)) {
      bed.apply(server("src", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      bed.awaitServer("src", "running", ServerScenariosTest::ready);

      bed.apply(snapshotOf("snap", "src"));

      awaitHeldWhileSavingThenRunningAgain(bed, "src", "snap");
    }
  }

  /**
   * While ConohaImage {@code image} saves ConohaServer {@code server}, the server shows Snapshotting and is left
   * alone; afterwards it runs again, stopped once and started once (by the snapshot).
   */
  static void awaitHeldWhileSavingThenRunningAgain(Testbed bed, String server, String image) {
    ConohaServer held = bed.awaitServer(server, "held by the snapshot", s -> phase(s, ServerPhase.Snapshotting));
    assertThat(held.getStatus().getHeldBy()).isEqualTo(image);
    bed.awaitImage(image, "available", ImageScenariosTest::available);
    bed.awaitServer(server, "running again", s -> ready(s) && phase(s, ServerPhase.Running));
    assertThat(bed.sim.ledger().count("servers.action.os-start")).as("one start, by the snapshot").isEqualTo(1);
    assertThat(bed.sim.ledger().count("servers.action.os-stop")).isEqualTo(1);
  }

  @Test
  void snapshotOfAStoppedServerLeavesItStopped() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("cold", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      bed.awaitServer("cold", "stopped", s -> ready(s) && phase(s, ServerPhase.Stopped));

      bed.apply(snapshotOf("cold-snap", "cold"));

      ConohaImage snap = bed.awaitImage("cold-snap", "available", ImageScenariosTest::available);
      assertThat(snap.getStatus().getRestoredServerState()).isEqualTo("Stopped");
      assertThat(bed.sim.ledger().count("servers.action.os-start")).isZero();
      assertThat(bed.sim.ledger().state().servers()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("SHUTOFF"));
    }
  }

  @Test
  void aServerBootsFromASnapshotThroughImageRef() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("golden", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      bed.awaitServer("golden", "stopped", ServerScenariosTest::ready);
      bed.apply(snapshotOf("golden-image", "golden"));
      String imageId = bed.awaitImage("golden-image", "available", ImageScenariosTest::available).getStatus().getImageId();

      ConohaServer clone = server("clone", V2_PLAN, null, ServerState.Running);
      clone.getSpec().setImageRef(new ResourceRef("golden-image"));
      bed.apply(clone);

      bed.awaitServer("clone", "running from the snapshot", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(bed.sim.ledger().state().servers()).filteredOn(s -> s.nameTag().equals("clone"))
          .singleElement().satisfies(s -> assertThat(s.imageId()).isEqualTo(imageId));
    }
  }

  @Test
  void importingAPublicImageObservesItAndNeverDeletesIt() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(importOf("ubuntu", UBUNTU));

      ConohaImage ubuntu = bed.awaitImage("ubuntu", "available", ImageScenariosTest::available);
      assertThat(ubuntu.getStatus().getImageId()).isNotBlank();

      bed.deleteImage("ubuntu");
      bed.awaitImageGone("ubuntu");
      assertThat(bed.sim.ledger().count("images.delete")).isZero();
      assertThat(bed.sim.ledger().state().images()).anySatisfy(i -> assertThat(i.name()).isEqualTo(UBUNTU));
    }
  }

  @Test
  void aSnapshotOverTheImageQuotaIsRefusedWithTheNumbers() {
    SimConfig tiny = SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()).withImageQuotaBytes(2L << 30);
    try (Testbed bed = Testbed.start(tiny)) {
      bed.apply(server("src", V3_PLAN, UBUNTU, ServerState.Stopped));
      bed.awaitServer("src", "stopped", ServerScenariosTest::ready);

      bed.apply(snapshotOf("too-big", "src"));

      ConohaImage image = bed.awaitImage("too-big", "QuotaExceeded", i -> "False/QuotaExceeded".equals(synced(i)));
      assertThat(image.getStatus().condition("Synced").orElseThrow().getMessage()).contains("GB");
      assertThat(bed.hasEvent("too-big", "QuotaExceeded")).isTrue();
      assertThat(bed.sim.ledger().count("volumes.action.os-volume_upload_image")).isZero();
    }
  }

  @Test
  void aFailedSaveIsReportedAndNotRetried() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("src", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      bed.awaitServer("src", "running", ServerScenariosTest::ready);
      bed.sim.admin().failNextImageSave();

      bed.apply(snapshotOf("doomed", "src"));

      ConohaImage doomed = bed.awaitImage("doomed", "SaveFailed", i -> "False/SaveFailed".equals(synced(i)));
      assertThat(doomed.getStatus().getPhase()).isEqualTo(ImagePhase.Failed);
      assertThat(bed.hasEvent("doomed", "SaveFailed")).isTrue();
      bed.awaitServer("src", "server put back to running", s -> ready(s) && phase(s, ServerPhase.Running));
      await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
          .until(() -> bed.sim.ledger().count("servers.action.createImage") == 1);
    }
  }

  @Test
  void deletingWithPolicyDeleteRemovesTheImageAndRetainKeepsIt() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("src", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      bed.awaitServer("src", "stopped", ServerScenariosTest::ready);
      ConohaImage kept = snapshotOf("kept", "src");
      bed.apply(kept);
      String keptId = bed.awaitImage("kept", "available", ImageScenariosTest::available).getStatus().getImageId();
      ConohaImage dropped = snapshotOf("dropped", "src");
      dropped.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      bed.apply(dropped);
      String droppedId = bed.awaitImage("dropped", "available", ImageScenariosTest::available).getStatus().getImageId();

      bed.deleteImage("kept");
      bed.deleteImage("dropped");

      bed.awaitImageGone("kept");
      bed.awaitImageGone("dropped");
      assertThat(privateImages(bed)).extracting(SimImage::id).containsExactly(keptId).doesNotContain(droppedId);
    }
  }

  @Test
  void anImageAServerBootsFromIsNotDeletedWhileInUse() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("src", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      bed.awaitServer("src", "stopped", ServerScenariosTest::ready);
      ConohaImage base = snapshotOf("base", "src");
      base.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
      bed.apply(base);
      bed.awaitImage("base", "available", ImageScenariosTest::available);
      ConohaServer user = server("user", V2_PLAN, null, ServerState.Running);
      user.getSpec().setImageRef(new ResourceRef("base"));
      bed.apply(user);
      bed.awaitServer("user", "running", ServerScenariosTest::ready);

      bed.deleteImage("base");

      ConohaImage blocked = bed.awaitImage("base", "in use", i -> i.getStatus().getInUseBy().contains("user"));
      assertThat(blocked.getStatus().condition("Ready").orElseThrow().getMessage()).contains("user");
      assertThat(bed.sim.ledger().count("images.delete")).isZero();

      bed.deleteServer("user");
      bed.awaitImageGone("base");
      assertThat(privateImages(bed)).isEmpty();
    }
  }

  @Test
  void aSaveThatAnswers503AfterSavingLeavesOneImage() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("src", V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Stopped));
      bed.awaitServer("src", "stopped", ServerScenariosTest::ready);
      bed.sim.faults().createThenFail("servers.action.createImage", 1);

      bed.apply(snapshotOf("once", "src"));

      bed.awaitImage("once", "available", ImageScenariosTest::available);
      assertThat(privateImages(bed)).hasSize(1);
      assertThat(bed.sim.ledger().count("servers.action.createImage")).isEqualTo(1);
    }
  }

  @Test
  void aSnapshotOfAServerIdThatDoesNotExistSaysSo() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      ConohaImage orphan = Resources.importOf("orphan", "x");
      orphan.getSpec().setImportImage(null);
      ImageSource source = new ImageSource();
      source.setServerId("00000000-0000-0000-0000-000000000000");
      orphan.getSpec().setSource(source);

      bed.apply(orphan);

      bed.awaitImage("orphan", "SourceNotFound", i -> "False/SourceNotFound".equals(synced(i)));
      assertThat(bed.hasEvent("orphan", "SourceNotFound")).isTrue();
    }
  }
}
