package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Cinder on the v3 simulator: boot volumes, attach on create, left behind on delete, uploads to images. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeTest {
  private SimHttp http;

  @BeforeAll
  void start() {
    http = SimHttp.fast(ApiGeneration.V3);
    http.login();
  }

  @AfterAll
  void stop() {
    http.close();
  }

  @Test
  void volumeTypesAreConohasC3j1Types() {
    List<String> names = new ArrayList<>();
    http.get(http.volume("/types")).json().path("volume_types").forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("c3j1-ds02-boot", "c3j1-as01-boot", "c3j1-ds02-add");
  }

  @Test
  void aBootVolumeIsCreatingThenAvailableWithItsImageAndMetadata() {
    String image = http.imageId("vmi-ubuntu-24.04-amd64");
    SimHttp.Resp r = http.post(http.volume("/volumes"), Map.of("volume", Map.of("size", 100, "name", "boot-a",
        "volume_type", "c3j1-ds02-boot", "imageRef", image, "metadata", Map.of("owner", "team-a"))));

    assertThat(r.status()).isEqualTo(202);
    JsonNode volume = r.json().path("volume");
    assertThat(volume.path("status").asText()).isEqualTo("creating");
    String id = volume.path("id").asText();
    http.awaitVolumeStatus(id, "available");
    JsonNode ready = http.volumeJson(id);
    assertThat(ready.path("bootable").asText()).isEqualTo("true");
    assertThat(ready.path("size").asInt()).isEqualTo(100);
    assertThat(ready.path("volume_type").asText()).isEqualTo("c3j1-ds02-boot");
    assertThat(ready.path("metadata").path("owner").asText()).isEqualTo("team-a");
    assertThat(ready.path("volume_image_metadata").path("image_id").asText()).isEqualTo(image);
    assertThat(ready.path("attachments").isEmpty()).isTrue();

    List<String> listed = new ArrayList<>();
    http.get(http.volume("/volumes/detail")).json().path("volumes").forEach(v -> listed.add(v.path("id").asText()));
    assertThat(listed).contains(id);
  }

  @Test
  void bootVolumesHaveConohasSizesAndNeedAnImage() {
    String image = http.imageId("vmi-ubuntu-24.04-amd64");
    assertThat(createVolume(Map.of("size", 50, "volume_type", "c3j1-ds02-boot", "imageRef", image)).status())
        .isEqualTo(400);
    assertThat(createVolume(Map.of("size", 100, "volume_type", "c3j1-ds02-boot")).status()).isEqualTo(400);
    assertThat(createVolume(Map.of("size", 30, "volume_type", "c3j1-as01-boot", "imageRef", image)).status())
        .isEqualTo(202);
    assertThat(createVolume(Map.of("size", 200, "volume_type", "c3j1-ds02-add")).status()).isEqualTo(202);
    SimHttp.Resp unknownType = createVolume(Map.of("size", 100, "volume_type", "fast-ssd", "imageRef", image));
    assertThat(unknownType.status()).isEqualTo(404);
    assertThat(unknownType.json().path("itemNotFound").path("message").asText()).contains("fast-ssd");
    assertThat(createVolume(Map.of("size", 100, "volume_type", "c3j1-ds02-boot",
        "imageRef", "00000000-0000-0000-0000-000000000000")).status()).isEqualTo(400);
  }

  @Test
  void aServerBootsFromAnAvailableVolumeWhichGoesInUse() {
    String volume = http.createBootVolume("vmi-ubuntu-24.04-amd64");
    String server = http.createVolumeServer("g2l-t-c2m1", volume);

    JsonNode attached = http.volumeJson(volume);
    assertThat(attached.path("status").asText()).isEqualTo("in-use");
    assertThat(attached.path("attachments").get(0).path("server_id").asText()).isEqualTo(server);
    http.awaitServerStatus(server, "ACTIVE");
    JsonNode detail = http.server(server);
    assertThat(detail.path("image").asText()).isEmpty();
    assertThat(detail.path("os-extended-volumes:volumes_attached").get(0).path("id").asText()).isEqualTo(volume);

    SimHttp.Resp again = http.post(http.compute("/servers"), Map.of("server", Map.of(
        "flavorRef", http.flavorId("g2l-t-c2m1"), "block_device_mapping_v2", List.of(Map.of("uuid", volume)))));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("badRequest").path("message").asText()).contains("in-use");
  }

  @Test
  void aVolumeStillCreatingCannotBootAServer() {
    SimHttp.Resp r = createVolume(Map.of("size", 100, "volume_type", "c3j1-ds02-boot",
        "imageRef", http.imageId("vmi-debian-12-amd64")));
    String volume = r.json().path("volume").path("id").asText();
    SimHttp.Resp create = http.post(http.compute("/servers"), Map.of("server", Map.of(
        "flavorRef", http.flavorId("g2l-t-c2m1"), "block_device_mapping_v2", List.of(Map.of("uuid", volume)))));
    assertThat(create.status()).isEqualTo(400);
    assertThat(create.json().path("badRequest").path("message").asText()).contains("creating");
  }

  @Test
  void theBootVolumeIsLeftBehindWhenTheServerIsDeletedAndCanBeDeletedThen() {
    String volume = http.createBootVolume("vmi-ubuntu-24.04-amd64");
    String server = http.createVolumeServer("g2l-t-c2m1", volume);
    http.awaitServerStatus(server, "ACTIVE");

    SimHttp.Resp refused = http.delete(http.volume("/volumes/" + volume));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("conflictingRequest").path("message").asText()).contains("in-use");

    assertThat(http.delete(http.compute("/servers/" + server)).status()).isEqualTo(204);
    await().until(() -> http.get(http.compute("/servers/" + server)).status() == 404);
    http.awaitVolumeStatus(volume, "available");
    assertThat(http.volumeJson(volume).path("attachments").isEmpty()).isTrue();

    assertThat(http.delete(http.volume("/volumes/" + volume)).status()).isEqualTo(202);
    await().until(() -> http.get(http.volume("/volumes/" + volume)).status() == 404);
    assertThat(http.get(http.volume("/volumes/" + volume)).json().path("itemNotFound").path("message").asText())
        .isEqualTo("Volume " + volume + " could not be found.");
  }

  @Test
  void uploadingAVolumeToAnImageNeedsTheServerStoppedAndBlocksDeletesUntilActive() {
    String volume = http.createBootVolume("vmi-ubuntu-24.04-amd64");
    String server = http.createVolumeServer("g2l-t-c2m1", volume);
    http.awaitServerStatus(server, "ACTIVE");
    String action = http.volume("/volumes/" + volume + "/action");

    SimHttp.Resp running = http.post(action, Map.of("os-volume_upload_image", Map.of("image_name", "save-1")));
    assertThat(running.status()).isEqualTo(409);

    http.action(server, "{\"os-stop\": null}");
    http.awaitServerStatus(server, "SHUTOFF");
    SimHttp.Resp r = http.post(action, Map.of("os-volume_upload_image", Map.of("image_name", "save-1")));

    assertThat(r.status()).isEqualTo(202);
    JsonNode upload = r.json().path("os-volume_upload_image");
    assertThat(upload.path("status").asText()).isEqualTo("uploading");
    assertThat(upload.path("image_name").asText()).isEqualTo("save-1");
    assertThat(upload.path("id").asText()).isEqualTo(volume);
    String imageId = upload.path("image_id").asText();
    assertThat(http.volumeStatus(volume)).isEqualTo("uploading");
    assertThat(http.delete(http.volume("/volumes/" + volume)).status()).isEqualTo(409);
    assertThat(http.delete(http.compute("/servers/" + server)).status()).isEqualTo(409);

    http.awaitGlanceStatus(imageId, "active");
    assertThat(http.volumeStatus(volume)).isEqualTo("in-use");
    JsonNode image = http.get(http.image("/v2/images/" + imageId)).json();
    assertThat(image.path("name").asText()).isEqualTo("save-1");
    assertThat(image.path("visibility").asText()).isEqualTo("private");
    assertThat(image.path("min_disk").asInt()).isEqualTo(100);
    assertThat(image.path("os_type").asText()).isEqualTo("linux");
    assertThat(http.sim.ledger().state().image(imageId).orElseThrow().sourceServerId()).isEqualTo(server);
    assertThat(http.delete(http.compute("/servers/" + server)).status()).isEqualTo(204);
  }

  @Test
  void anUploadOverTheImageQuotaIsAcceptedButProducesNoImage() {
    try (SimHttp small = SimHttp.fast(ApiGeneration.V3)) {
      small.login();
      small.sim.admin().setImageQuotaBytes(1024);
      String volume = small.createBootVolume("vmi-ubuntu-24.04-amd64");

      SimHttp.Resp r = small.post(small.volume("/volumes/" + volume + "/action"),
          Map.of("os-volume_upload_image", Map.of("image_name", "over-quota")));

      assertThat(r.status()).isEqualTo(202);
      String imageId = r.json().path("os-volume_upload_image").path("image_id").asText();
      assertThat(small.volumeStatus(volume)).isEqualTo("uploading");
      small.awaitVolumeStatus(volume, "available");
      assertThat(small.get(small.image("/v2/images/" + imageId)).status()).isEqualTo(404);
      assertThat(small.get(small.image("/v2/images?name=over-quota")).json().path("images").size()).isZero();
      assertThat(small.sim.ledger().state().privateImages()).isEmpty();
    }
  }

  private SimHttp.Resp createVolume(Map<String, Object> volume) {
    return http.post(http.volume("/volumes"), Map.of("volume", volume));
  }
}
