package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The original notes' user story and its v3 twin, told through this project's own client instead of plain HTTP:
 * the simulator must satisfy the client the operator uses, not only curl.
 */
class UserStoriesThroughClientTest {

  private static void awaitTrue(String what, BooleanSupplier condition) {
    await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
  }

  private interface Story {
    void tell(ConohaSimulator sim, ConohaClient client);
  }

  private static void withClient(ApiGeneration generation, Story story) {
    Vertx vertx = Vertx.vertx();
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(generation).withTimings(SimTimings.fast()));
         ConohaClient client = ConohaClient.create(vertx, sim.credentials(), ClientSettings.defaults(), new SimpleMeterRegistry())) {
      story.tell(sim, client);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void theOriginalNotesOnV2TokenPlansCreateStopSaveFindAndPollUntilActive() {
    withClient(ApiGeneration.V2, (sim, client) -> {
      assertThat(client.identity().token().expiresAt()).isAfter(java.time.Instant.now());
      Flavor plan = client.compute().findFlavor("g-c2m1d100");
      assertThat(plan.diskGiB()).isEqualTo(100);
      String image = client.images().findImage("vmi-ubuntu-22.04-amd64").id();

      String id = client.compute().createServer(new ServerCreateRequest(plan.id(), image, null, "Notes-Passw0rd!", null,
          List.of("default"), null, Map.of("instance_name_tag", "notes")));
      awaitTrue("listed and ACTIVE", () -> client.compute().listServers().stream()
          .anyMatch(s -> s.id().equals(id) && s.status() == ServerStatus.ACTIVE));

      client.compute().stop(id, false);
      awaitTrue("SHUTOFF", () -> client.compute().getServer(id).status() == ServerStatus.SHUTOFF);

      String saved = client.compute().createImage(id, "Temporary", Map.of());
      assertThat(client.images().listImages(ImageQuery.named("Temporary"))).extracting(i -> i.id()).contains(saved);
      awaitTrue("image ACTIVE", () -> client.images().getImage(saved).status() == ImageStatus.ACTIVE);
      assertThat(sim.ledger().authCount()).isEqualTo(1);
    });
  }

  @Test
  void theSameStoryOnV3GoesThroughABootVolumeThatOutlivesTheServer() {
    withClient(ApiGeneration.V3, (sim, client) -> {
      Flavor plan = client.compute().findFlavor("g2l-t-c2m1");
      String image = client.images().findImage("vmi-ubuntu-24.04-amd64").id();
      DiskStrategy disk = DiskStrategy.forFlavor(plan);
      assertThat(disk.needsBootVolume()).isTrue();

      String volume = client.volumes().createVolume(disk.bootVolume(plan, image, null, null, "story-boot", Map.of())).id();
      awaitTrue("volume available", () -> client.volumes().getVolume(volume).isAvailable());
      String id = client.compute().createServer(new ServerCreateRequest(plan.id(), null, volume, null, null, List.of(),
          null, Map.of("instance_name_tag", "story")));
      awaitTrue("ACTIVE", () -> client.compute().getServer(id).status() == ServerStatus.ACTIVE);
      assertThat(client.volumes().getVolume(volume).isInUse()).isTrue();

      client.compute().stop(id, false);
      awaitTrue("SHUTOFF", () -> client.compute().getServer(id).status() == ServerStatus.SHUTOFF);
      var server = client.compute().getServer(id);
      String saved = DiskStrategy.forServer(server).startSave(client, server, "story-image", Map.of());
      awaitTrue("image active", () -> client.images().getImage(saved).status() == ImageStatus.ACTIVE);

      client.compute().deleteServer(id);
      awaitTrue("volume left behind, available", () -> client.volumes().getVolume(volume).isAvailable());
      client.volumes().deleteVolume(volume);
      awaitTrue("volume gone", () -> client.volumes().listVolumes().stream().noneMatch(v -> v.id().equals(volume)));
      assertThat(sim.ledger().count("volumes.action.os-volume_upload_image")).isEqualTo(1);
    });
  }
}
