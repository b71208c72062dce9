package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server actions with ConoHa's state rules: stop/start, reboot, resize, createImage, and 409s in wrong states. */
class ServerActionsTest extends OnBothGenerations {
  private String activeServer() {
    String id = v2.createServer("g-c2m1d100", "vmi-ubuntu-22.04-amd64", Map.of());
    v2.awaitServerStatus(id, "ACTIVE");
    return id;
  }

  private String stoppedServer() {
    String id = activeServer();
    assertThat(v2.action(id, "{\"os-stop\": null}").status()).isEqualTo(202);
    v2.awaitServerStatus(id, "SHUTOFF");
    return id;
  }

  @Test
  void osStopShutsTheServerOffAndOsStartBringsItBack() {
    String id = activeServer();

    SimHttp.Resp stop = v2.action(id, "{\"os-stop\": null}");
    assertThat(stop.status()).isEqualTo(202);
    assertThat(stop.body()).isEmpty();
    assertThat(v2.server(id).path("OS-EXT-STS:task_state").asText()).isEqualTo("powering-off");
    v2.awaitServerStatus(id, "SHUTOFF");
    JsonNode stopped = v2.server(id);
    assertThat(stopped.path("OS-EXT-STS:vm_state").asText()).isEqualTo("stopped");
    assertThat(stopped.path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);

    assertThat(v2.action(id, "{\"os-start\": null}").status()).isEqualTo(202);
    v2.awaitServerStatus(id, "ACTIVE");
    assertThat(v2.server(id).path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
  }

  @Test
  void aForcedStopIsAcceptedToo() {
    String id = activeServer();
    assertThat(v2.action(id, Map.of("os-stop", Map.of("force_shutdown", true))).status()).isEqualTo(202);
    v2.awaitServerStatus(id, "SHUTOFF");
  }

  @Test
  void actionsInTheWrongStateAre409WithNovasConflictingRequest() {
    String id = stoppedServer();

    SimHttp.Resp stopAgain = v2.action(id, "{\"os-stop\": null}");
    assertThat(stopAgain.status()).isEqualTo(409);
    assertThat(stopAgain.json().path("conflictingRequest").path("code").asInt()).isEqualTo(409);
    assertThat(stopAgain.json().path("conflictingRequest").path("message").asText())
        .isEqualTo("Cannot 'stop' instance " + id + " while it is in vm_state stopped");

    v2.action(id, "{\"os-start\": null}");
    SimHttp.Resp whileStarting = v2.action(id, "{\"os-start\": null}");
    assertThat(whileStarting.status()).isEqualTo(409);
    assertThat(whileStarting.json().path("conflictingRequest").path("message").asText())
        .isEqualTo("Cannot 'start' instance " + id + " while it is in task_state powering-on");
    assertThat(v2.action(id, Map.of("confirmResize", Map.of())).status()).isEqualTo(409);
  }

  @Test
  void rebootGoesThroughRebootOrHardRebootBackToActive() {
    String id = activeServer();
    assertThat(v2.action(id, Map.of("reboot", Map.of("type", "SOFT"))).status()).isEqualTo(202);
    assertThat(v2.serverStatus(id)).isEqualTo("REBOOT");
    v2.awaitServerStatus(id, "ACTIVE");

    assertThat(v2.action(id, Map.of("reboot", Map.of("type", "HARD"))).status()).isEqualTo(202);
    assertThat(v2.serverStatus(id)).isEqualTo("HARD_REBOOT");
    v2.awaitServerStatus(id, "ACTIVE");

    assertThat(v2.action(id, Map.of("reboot", Map.of("type", "GENTLE"))).status()).isEqualTo(400);
  }

  @Test
  void resizeWaitsInVerifyResizeUntilConfirmed() {
    String id = activeServer();
    String bigger = v2.flavorId("g-c4m4d100");

    assertThat(v2.action(id, Map.of("resize", Map.of("flavorRef", bigger))).status()).isEqualTo(202);
    assertThat(v2.serverStatus(id)).isEqualTo("RESIZE");
    v2.awaitServerStatus(id, "VERIFY_RESIZE");
    assertThat(v2.server(id).path("flavor").path("id").asText()).isEqualTo(bigger);

    assertThat(v2.action(id, Map.of("confirmResize", Map.of())).status()).isEqualTo(202);
    assertThat(v2.serverStatus(id)).isEqualTo("ACTIVE");
    assertThat(v2.action(id, Map.of("resize", Map.of("flavorRef", bigger))).status()).isEqualTo(400);
    SimHttp.Resp down = v2.action(id, Map.of("resize", Map.of("flavorRef", v2.flavorId("g-c1m512d30"))));
    assertThat(down.json().path("badRequest").path("message").asText()).contains("resize disk down");

    v2.action(id, Map.of("resize", Map.of("flavorRef", v2.flavorId("g-c8m16d100"))));
    v2.awaitServerStatus(id, "VERIFY_RESIZE");
    assertThat(v2.action(id, Map.of("revertResize", Map.of())).status()).isEqualTo(202);
    assertThat(v2.server(id).path("flavor").path("id").asText()).isEqualTo(bigger);
  }

  @Test
  void createImageNeedsAStoppedServer() {
    String id = activeServer();
    SimHttp.Resp r = v2.action(id, Map.of("createImage", Map.of("name", "too-early")));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().path("conflictingRequest").path("message").asText())
        .isEqualTo("Cannot 'createImage' instance " + id + " while it is in vm_state active");
    assertThat(v2.get(v2.image("/v2/images?name=too-early")).json().path("images").size()).isZero();
  }

  @Test
  void createImageOnV2AnswersWithALocationAndSavesWithRisingProgress() {
    String id = stoppedServer();

    SimHttp.Resp r = v2.action(id, Map.of("createImage", Map.of("name", "backup-1",
        "metadata", Map.of("conoha-assistant:server", "minecraft"))));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
    String location = r.header("Location");
    assertThat(location).startsWith(v2.compute("/images/"));
    String imageId = location.substring(location.lastIndexOf('/') + 1);
    assertThat(v2.server(id).path("OS-EXT-STS:task_state").asText()).isEqualTo("image_snapshot");

    List<Integer> progress = new ArrayList<>();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(15)).until(() -> {
      JsonNode image = v2.get(location).json().path("image");
      if (image.path("status").asText().equals("SAVING")) {
        progress.add(image.path("progress").asInt());
      }
      return image.path("status").asText().equals("ACTIVE");
    });
    assertThat(progress).hasSizeGreaterThan(2).isSorted();
    assertThat(progress.get(progress.size() - 1)).isGreaterThan(progress.get(0));

    JsonNode image = v2.get(location).json().path("image");
    assertThat(image.path("progress").asInt()).isEqualTo(100);
    assertThat(image.path("OS-EXT-IMG-SIZE:size").asLong()).isEqualTo(v2.sim.config().savedImageBytes());
    assertThat(image.path("minDisk").asInt()).isEqualTo(100);
    assertThat(image.path("metadata").path("instance_uuid").asText()).isEqualTo(id);
    assertThat(image.path("metadata").path("conoha-assistant:server").asText()).isEqualTo("minecraft");
    assertThat(image.path("server").path("id").asText()).isEqualTo(id);

    JsonNode glance = v2.get(v2.image("/v2/images/" + imageId)).json();
    assertThat(glance.path("status").asText()).isEqualTo("active");
    assertThat(glance.path("visibility").asText()).isEqualTo("private");
    assertThat(glance.path("instance_uuid").asText()).isEqualTo(id);
    assertThat(v2.server(id).path("OS-EXT-STS:task_state").isNull()).isTrue();
  }

  @Test
  void glanceShowsQueuedThenSavingThenActive() {
    SimTimings fast = SimTimings.fast();
    SimTimings slowSave = new SimTimings(fast.build(), fast.volumeCreate(), fast.stop(), fast.start(), fast.reboot(),
        fast.resize(), Duration.ofSeconds(1), fast.serverDelete(), fast.volumeDelete());
    try (SimHttp http = new SimHttp(ConohaSimulator.start(
        SimConfig.defaults(ApiGeneration.V2).withTimings(slowSave)))) {
      http.login();
      String id = http.sim.admin().createServer("watched", "g-c1m512d30", "vmi-debian-12-amd64", Map.of());
      http.sim.admin().setServerStatus(id, "SHUTOFF");
      String location = http.action(id, Map.of("createImage", Map.of("name", "watched"))).header("Location");
      String imageId = location.substring(location.lastIndexOf('/') + 1);

      List<String> statuses = new ArrayList<>();
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
        String status = http.glanceStatus(imageId);
        if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
          statuses.add(status);
        }
        return status.equals("active");
      });
      assertThat(statuses).containsExactly("queued", "saving", "active");
      JsonNode glance = http.get(http.image("/v2/images/" + imageId)).json();
      assertThat(glance.path("size").asLong()).isEqualTo(http.sim.config().savedImageBytes());
    }
  }

  @Test
  void deletingAServerWhoseImageIsSavingIs409UntilTheImageIsActive() {
    String id = stoppedServer();
    String location = v2.action(id, Map.of("createImage", Map.of("name", "in-flight"))).header("Location");

    SimHttp.Resp refused = v2.delete(v2.compute("/servers/" + id));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("conflictingRequest").path("message").asText()).contains("being saved");

    await().until(() -> v2.get(location).json().path("image").path("status").asText().equals("ACTIVE"));
    assertThat(v2.delete(v2.compute("/servers/" + id)).status()).isEqualTo(204);
  }

  @Test
  void createImageOnV3AnswersImageIdInTheBody() {
    String id = v3.createServer("g2d-t-c1m2d30", "vmi-ubuntu-24.04-amd64", Map.of());
    v3.awaitServerStatus(id, "ACTIVE");
    v3.action(id, "{\"os-stop\": null}");
    v3.awaitServerStatus(id, "SHUTOFF");

    SimHttp.Resp r = v3.action(id, Map.of("createImage", Map.of("name", "local-disk-save")));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("Location")).isNull();
    String imageId = r.json().path("image_id").asText();
    v3.awaitGlanceStatus(imageId, "active");
    assertThat(v3.get(v3.image("/v2/images/" + imageId)).json().path("min_disk").asInt()).isEqualTo(30);
  }

  @Test
  void unknownActionsAndUnknownServersAreRefused() {
    String id = activeServer();
    SimHttp.Resp unknown = v2.action(id, Map.of("os-explode", Map.of()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("badRequest").path("message").asText()).isEqualTo("There is no such action: os-explode");

    SimHttp.Resp missing = v2.action("00000000-0000-0000-0000-000000000000", "{\"os-stop\": null}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("itemNotFound").path("message").asText()).contains("could not be found");
    assertThat(v2.sim.ledger().count("servers.action.os-explode")).isEqualTo(1);
  }
}
