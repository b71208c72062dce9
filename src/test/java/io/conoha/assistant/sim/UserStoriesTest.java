package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cost-saving story end to end: on v2 exactly as the original curl notes do it (shared/seed/000_*.txt), and
 * the same story on v3 with a boot volume.
 */
class UserStoriesTest {

  /** Each step is one request of the notes: token, plans, create, find the id, stop, save, find the image, poll. */
  @Test
  void theOriginalCurlNotesWorkStepByStepOnV2() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      SimConfig c = http.sim.config();

      // トークン取得
      SimHttp.Resp tokens = http.post(http.sim.identityUrl() + "/tokens", Map.of("auth", Map.of(
          "passwordCredentials", Map.of("username", c.username(), "password", c.password()),
          "tenantId", c.tenantId())));
      assertThat(tokens.status()).isEqualTo(200);
      JsonNode access = tokens.json().path("access");
      http.useToken(access.path("token").path("id").asText());
      String compute = computeUrl(access.path("serviceCatalog"));

      // VPSのプラン一覧取得: plans ending in d30 or d100 are the current ones
      JsonNode flavors = http.get(compute + "/flavors/detail").json().path("flavors");
      String flavorId = null;
      for (JsonNode f : flavors) {
        if (f.path("name").asText().equals("g-c2m1d100")) {
          flavorId = f.path("id").asText();
        }
      }
      assertThat(flavorId).isNotNull();

      // サーバー追加 (the notes send only adminPass, imageRef and flavorRef)
      String imageRef = null;
      for (JsonNode i : http.get(compute + "/images").json().path("images")) {
        if (i.path("name").asText().equals("vmi-ubuntu-20.04-amd64-30gb")) {
          imageRef = i.path("id").asText();
        }
      }
      SimHttp.Resp create = http.post(compute + "/servers", Map.of("server", Map.of(
          "adminPass", "Root-Pass-2021", "imageRef", imageRef, "flavorRef", flavorId)));
      assertThat(create.status()).isEqualTo(202);

      // サーバID取得: the only server, named after its IP address with hyphens
      JsonNode servers = http.get(compute + "/servers").json().path("servers");
      assertThat(servers).hasSize(1);
      String serverId = servers.get(0).path("id").asText();
      assertThat(servers.get(0).path("name").asText()).matches("\\d+-\\d+-\\d+-\\d+");
      assertThat(servers.get(0).path("links").get(0).path("href").asText()).isEqualTo(compute + "/servers/" + serverId);
      awaitStatus(http, compute + "/servers/" + serverId, "ACTIVE");

      // サーバシャットダウン
      SimHttp.Resp stop = http.post(compute + "/servers/" + serverId + "/action", "{\"os-stop\": null}");
      assertThat(stop.status()).isEqualTo(202);
      awaitStatus(http, compute + "/servers/" + serverId, "SHUTOFF");

      // イメージ保存
      SimHttp.Resp save = http.post(compute + "/servers/" + serverId + "/action",
          Map.of("createImage", Map.of("name", "Temporary")));
      assertThat(save.status()).isEqualTo(202);

      // イメージIDの取得: by name from the list, as the notes do
      String imageId = null;
      for (JsonNode i : http.get(compute + "/images").json().path("images")) {
        if (i.path("name").asText().equals("Temporary")) {
          imageId = i.path("id").asText();
        }
      }
      assertThat(imageId).isNotNull();
      assertThat(save.header("Location")).endsWith("/images/" + imageId);

      // イメージ保存のステータス取得: poll until ACTIVE
      String imageUrl = compute + "/images/" + imageId;
      await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
          .until(() -> http.get(imageUrl).json().path("image").path("status").asText().equals("ACTIVE"));
      JsonNode image = http.get(imageUrl).json().path("image");
      assertThat(image.path("name").asText()).isEqualTo("Temporary");
      assertThat(image.path("progress").asInt()).isEqualTo(100);
      assertThat(image.path("minDisk").asInt()).isEqualTo(100);
      assertThat(image.path("OS-EXT-IMG-SIZE:size").asLong()).isPositive();
      assertThat(image.path("server").path("id").asText()).isEqualTo(serverId);
      assertThat(image.path("metadata").path("instance_uuid").asText()).isEqualTo(serverId);
      assertThat(image.path("metadata").path("os_type").asText()).isEqualTo("lin");

      // then the server can go, and a new one comes back from the image with a new address
      assertThat(http.delete(compute + "/servers/" + serverId).status()).isEqualTo(204);
      SimHttp.Resp restore = http.post(compute + "/servers", Map.of("server", Map.of(
          "imageRef", imageId, "flavorRef", flavorId)));
      assertThat(restore.json().path("server").path("adminPass").asText()).isEmpty(); // private image keeps its own
      String restored = restore.json().path("server").path("id").asText();
      awaitStatus(http, compute + "/servers/" + restored, "ACTIVE");
      assertThat(http.get(compute + "/servers/" + restored).json().path("server").path("name").asText())
          .isNotEqualTo(servers.get(0).path("name").asText());
    }
  }

  @Test
  void theSameStoryOnV3GoesThroughABootVolumeThatOutlivesTheServer() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();

      // boot volume from a public image, then a server on it
      String volume = http.createBootVolume("vmi-ubuntu-24.04-amd64");
      SimHttp.Resp create = http.post(http.compute("/servers"), Map.of("server", Map.of(
          "flavorRef", http.flavorId("g2l-t-c2m1"), "adminPass", "Root-Pass-2024!",
          "block_device_mapping_v2", List.of(Map.of("uuid", volume)),
          "metadata", Map.of("instance_name_tag", "minecraft"))));
      assertThat(create.status()).isEqualTo(202);
      String server = create.json().path("server").path("id").asText();
      http.awaitServerStatus(server, "ACTIVE");
      assertThat(http.volumeStatus(volume)).isEqualTo("in-use");

      // stop, then save the boot volume as an image
      http.action(server, "{\"os-stop\": null}");
      http.awaitServerStatus(server, "SHUTOFF");
      SimHttp.Resp upload = http.post(http.volume("/volumes/" + volume + "/action"),
          Map.of("os-volume_upload_image", Map.of("image_name", "minecraft-2024-06-01")));
      assertThat(upload.status()).isEqualTo(202);
      String imageId = upload.json().path("os-volume_upload_image").path("image_id").asText();
      assertThat(http.glanceStatus(imageId)).isIn("queued", "saving");
      http.awaitGlanceStatus(imageId, "active");
      JsonNode listed = http.get(http.image("/v2/images?visibility=private&name=minecraft-2024-06-01")).json();
      assertThat(listed.path("images").get(0).path("id").asText()).isEqualTo(imageId);

      // delete the server: the boot volume stays behind, available, until deleted too
      assertThat(http.delete(http.compute("/servers/" + server)).status()).isEqualTo(204);
      await().until(() -> http.get(http.compute("/servers/" + server)).status() == 404);
      assertThat(http.volumeStatus(volume)).isEqualTo("available");
      assertThat(http.delete(http.volume("/volumes/" + volume)).status()).isEqualTo(202);
      await().until(() -> http.get(http.volume("/volumes/" + volume)).status() == 404);

      // restore: a new boot volume from the saved image, a new server on it
      SimHttp.Resp restoredVolume = http.post(http.volume("/volumes"), Map.of("volume", Map.of("size", 100,
          "volume_type", "c3j1-ds02-boot", "imageRef", imageId)));
      String newVolume = restoredVolume.json().path("volume").path("id").asText();
      http.awaitVolumeStatus(newVolume, "available");
      String restored = http.createVolumeServer("g2l-t-c2m1", newVolume);
      http.awaitServerStatus(restored, "ACTIVE");
      SimState state = http.sim.ledger().state();
      assertThat(state.servers()).extracting(SimServer::id).containsExactly(restored);
      assertThat(state.volumes()).extracting(SimVolume::id).containsExactly(newVolume);
      assertThat(state.privateImages()).extracting(SimImage::id).containsExactly(imageId);
    }
  }

  private static void awaitStatus(SimHttp http, String serverUrl, String status) {
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
        .until(() -> http.get(serverUrl).json().path("server").path("status").asText().equals(status));
  }

  private static String computeUrl(JsonNode catalog) {
    for (JsonNode s : catalog) {
      if (s.path("type").asText().equals("compute")) {
        return s.path("endpoints").get(0).path("publicURL").asText();
      }
    }
    throw new AssertionError("no compute endpoint");
  }
}
