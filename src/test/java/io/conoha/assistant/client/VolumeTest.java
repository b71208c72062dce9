package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeTest extends StubCloudTest {
  private static final String VOLUMES = StubCloud.VOLUME + "/volumes";
  private static final String IMAGES = StubCloud.IMAGE + "/v2/images";

  @Test
  void aBootVolumeIsCreatedUnderTheProjectPathWithTypeImageAndMetadata() {
    cloud.on("POST", VOLUMES, Reply.json(202, Bodies.wrap("volume", Bodies.volume("v1", "creating", 100, true))));

    Volume volume = client().volumes().createVolume(
        new VolumeCreateRequest("web-boot", 100, "c3j1-ds02-boot", "img-1", Map.of("owner", "operator")));

    assertThat(volume.id()).isEqualTo("v1");
    assertThat(volume.status()).isEqualTo("creating");
    assertThat(cloud.requests("POST", VOLUMES).get(0).json()).isEqualTo(new JsonObject().put("volume", new JsonObject()
        .put("size", 100).put("name", "web-boot").put("volume_type", "c3j1-ds02-boot").put("imageRef", "img-1")
        .put("metadata", new JsonObject().put("owner", "operator"))));
  }

  @Test
  void volumesAreReadWithBootableAttachmentsAndAllPages() {
    JsonObject attached = Bodies.volume("v2", "in-use", 100, true).put("attachments",
        new JsonArray().add(new JsonObject().put("server_id", "s1").put("device", "/dev/vda")));
    cloud.on("GET", VOLUMES + "/detail", r -> r.query().containsKey("marker")
        ? Reply.ok(Bodies.page("volumes", null, attached))
        : Reply.ok(Bodies.page("volumes", "v1", Bodies.volume("v1", "available", 30, false))));
    cloud.on("GET", VOLUMES + "/v2", Reply.ok(Bodies.wrap("volume", attached)));

    List<Volume> volumes = client().volumes().listVolumes();
    Volume one = client().volumes().getVolume("v2");

    assertThat(volumes).extracting(Volume::id).containsExactly("v1", "v2");
    assertThat(volumes.get(0).isAvailable()).isTrue();
    assertThat(one.isInUse()).isTrue();
    assertThat(one.bootable()).isTrue();
    assertThat(one.attachedServerIds()).containsExactly("s1");
  }

  @Test
  void typesAreListedByNameAndDeleteSendsADelete() {
    cloud.on("GET", StubCloud.VOLUME + "/types", Reply.ok(new JsonObject().put("volume_types", new JsonArray()
        .add(new JsonObject().put("id", "t1").put("name", "c3j1-ds02-boot"))
        .add(new JsonObject().put("id", "t2").put("name", "c3j1-as01-boot")))));
    cloud.on("DELETE", VOLUMES + "/v1", Reply.status(202));

    assertThat(client().volumes().listVolumeTypes()).containsExactly("c3j1-ds02-boot", "c3j1-as01-boot");
    client().volumes().deleteVolume("v1");
    assertThat(cloud.count("DELETE", VOLUMES + "/v1")).isEqualTo(1);
  }

  @Test
  void uploadingAVolumeAsImageTakesTheImageIdFromTheAnswer() {
    cloud.on("POST", VOLUMES + "/v1/action", Reply.json(202, new JsonObject().put("os-volume_upload_image",
        new JsonObject().put("id", "v1").put("status", "uploading").put("image_id", "img-new"))));

    assertThat(client().volumes().uploadImage("v1", "web-archive")).isEqualTo("img-new");
    assertThat(cloud.requests("POST", VOLUMES + "/v1/action").get(0).json()).isEqualTo(new JsonObject()
        .put("os-volume_upload_image", new JsonObject().put("image_name", "web-archive")
            .put("disk_format", "qcow2").put("container_format", "ovf")));
  }

  @Test
  void withoutAnImageIdInTheAnswerTheNewestPrivateImageOfThatNameIsTaken() {
    cloud.on("POST", VOLUMES + "/v1/action", Reply.json(202, new JsonObject().put("os-volume_upload_image",
        new JsonObject().put("id", "v1").put("status", "uploading"))));
    cloud.on("GET", IMAGES, Reply.ok(Bodies.list("images",
        Bodies.image("img-old", "web-archive", "active", "private").put("created_at", "2026-01-01T00:00:00Z"),
        Bodies.image("img-new", "web-archive", "queued", "private").put("created_at", "2026-11-27T05:00:00Z"))));

    assertThat(client().volumes().uploadImage("v1", "web-archive")).isEqualTo("img-new");
    assertThat(cloud.requests("GET", IMAGES).get(0).query())
        .containsEntry("name", "web-archive").containsEntry("visibility", "private");
  }

  @Test
  void anAcceptedUploadWhoseImageCannotBeFoundIsAnUnknownOutcome() {
    cloud.on("POST", VOLUMES + "/v1/action", Reply.status(202));
    cloud.on("GET", IMAGES, Reply.ok(Bodies.list("images")));

    assertThatThrownBy(() -> client().volumes().uploadImage("v1", "web-archive"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue())
        .hasMessageContaining("look again before repeating the save");
    assertThat(cloud.count("POST", VOLUMES + "/v1/action")).isEqualTo(1);
  }
}
