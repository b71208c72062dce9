package io.conoha.assistant.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.Capabilities;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.Finding;
import io.conoha.assistant.client.WaitDeadlines;
import io.conoha.assistant.client.Waits;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's user story through this project's client, against a real cloud: token, plans, create (the
 * documented body, a name only if the cloud asks for one), list, stop, snapshot, poll until active, delete.
 * Then the v3 boot-volume path, which needs a volume service.
 */
class ClientContractLiveIT {
  private static final WaitDeadlines DEADLINES = WaitDeadlines.defaults()
      .withImageSave(Duration.ofMinutes(20)).withPollInterval(Duration.ofSeconds(2));
  private static Vertx vertx;
  private static Credentials credentials;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  /** Per test, so a run without credentials reports each test as skipped, with the reason. */
  @BeforeEach
  void cloud() {
    credentials = LiveCloud.credentials();
  }

  @AfterAll
  static void close() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void theSeedsStoryTokenPlansCreateListStopSnapshotPollDelete() {
    try (ConohaClient client = LiveCloud.client(vertx, credentials); LiveCleanup cleanup = new LiveCleanup(client)) {
      Waits waits = client.waits(DEADLINES);
      assertThat(client.identity().token().expiresAt()).isAfter(Instant.now());
      Image image = LiveCloud.image(client);
      Flavor plan = LiveCloud.localDiskPlan(client, image);
      String nameTag = LiveCloud.tag("story");

      String id = cleanup.server(client.compute().createServer(new ServerCreateRequest(plan.id(), image.id(), null,
          LiveCloud.ADMIN_PASS, null, List.of(), null,
          Map.of("instance_name_tag", nameTag, LiveCloud.RUN_KEY, LiveCloud.RUN_TAG))));
      Capabilities learned = client.capabilities();
      System.out.println("live: " + nameTag + " created " + id + " on plan " + plan.name() + " from " + image.name()
          + "; capabilities " + learned);
      assertThat(learned.nameRequired().isKnown()).isTrue();
      assertThat(learned.customMetadataKept().isKnown()).as("metadata read back after the first create").isTrue();

      Server active = waits.untilActive(id);
      assertThat(client.compute().listServers()).extracting(Server::id).contains(id);
      assertThat(active.nameTag()).isEqualTo(nameTag);

      client.compute().stop(id, false);
      assertThat(waits.untilStopped(id).status()).isEqualTo(ServerStatus.SHUTOFF);

      String imageName = LiveCloud.tag("story-snapshot");
      String saved = cleanup.image(DiskStrategy.forServer(active).startSave(client, client.compute().getServer(id),
          imageName, Map.of(LiveCloud.RUN_KEY, LiveCloud.RUN_TAG)));
      assertThat(client.images().listImages(ImageQuery.named(imageName))).extracting(Image::id).contains(saved);
      assertThat(waits.untilImageActive(saved).status()).isEqualTo(ImageStatus.ACTIVE);

      client.compute().deleteServer(id);
      waits.untilServerGone(id);
      client.images().deleteImage(saved);
    }
  }

  @Test
  void aDiskZeroPlanBootsFromAVolumeOfATypeTheAccountOffers() {
    try (ConohaClient client = LiveCloud.client(vertx, credentials); LiveCleanup cleanup = new LiveCleanup(client)) {
      Capabilities probed = client.probe();
      Assumptions.assumeTrue(client.identity().endpoints().volume() != null,
          "v3 boot-volume path skipped: this cloud's catalog has no volume service (Cinder)");
      Flavor plan = LiveCloud.volumePlan(client);
      Assumptions.assumeTrue(plan != null, "v3 boot-volume path skipped: this cloud has no disk-0 plan");
      Waits waits = client.waits(DEADLINES);
      Image image = LiveCloud.image(client);
      System.out.println("live: volume types offered " + probed.volumeTypes());

      Volume boot = client.volumes().createVolume(DiskStrategy.forFlavor(plan).bootVolume(plan, image.id(), null,
          null, LiveCloud.tag("boot"), Map.of()));
      cleanup.volume(boot.id());
      waits.untilVolumeAvailable(boot.id());
      String id = cleanup.server(client.compute().createServer(new ServerCreateRequest(plan.id(), null, boot.id(),
          LiveCloud.ADMIN_PASS, null, List.of(), null,
          Map.of("instance_name_tag", LiveCloud.tag("volume-story"), LiveCloud.RUN_KEY, LiveCloud.RUN_TAG))));
      assertThat(waits.untilActive(id).isVolumeBacked()).isTrue();
      client.compute().deleteServer(id);
      waits.untilServerGone(id);
      assertThat(client.capabilities().nameRequired()).isNotEqualTo(Finding.UNKNOWN);
    }
  }
}
