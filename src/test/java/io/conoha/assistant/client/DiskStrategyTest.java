package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.client.model.VolumeCreateRequest;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The disk follows the plan and the server, not an API version flag. */
class DiskStrategyTest extends StubCloudTest {
  private static final Flavor SMALL_VOLUME_PLAN = new Flavor("f-512", "g2l-t-c1m512", 1, 512, 0);
  private static final Flavor VOLUME_PLAN = new Flavor("f-1g", "g2l-t-c2m1", 2, 1024, 0);
  private static final Flavor LOCAL_PLAN = new Flavor("f-d100", "g-c2m1d100", 2, 1024, 100);
  private static final String VOLUMES = StubCloud.VOLUME + "/volumes";
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void aDiskZeroPlanNeedsABootVolumeAndAPlanWithADiskDoesNot() {
    assertThat(DiskStrategy.forFlavor(VOLUME_PLAN).needsBootVolume()).isTrue();
    assertThat(DiskStrategy.forFlavor(LOCAL_PLAN).needsBootVolume()).isFalse();
    assertThatThrownBy(() -> DiskStrategy.forFlavor(LOCAL_PLAN).bootVolume(LOCAL_PLAN, "img", null, null, "n", null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bootVolumeSizesFollowConohasRuleFor512MbAndOtherPlansAndTheTypeIsLeftToTheAccountsList() {
    DiskStrategy strategy = DiskStrategy.forFlavor(VOLUME_PLAN);

    assertThat(strategy.bootVolume(SMALL_VOLUME_PLAN, "img", null, null, "a-boot", null))
        .isEqualTo(new VolumeCreateRequest("a-boot", 30, null, "img", Map.of(), SMALL_VOLUME_PLAN));
    assertThat(strategy.bootVolume(VOLUME_PLAN, "img", null, null, "b-boot", Map.of("k", "v")))
        .isEqualTo(new VolumeCreateRequest("b-boot", 100, null, "img", Map.of("k", "v"), VOLUME_PLAN));
    assertThat(strategy.bootVolume(VOLUME_PLAN, "img", 200, "c3j1-ds01-boot", "c-boot", null))
        .isEqualTo(new VolumeCreateRequest("c-boot", 200, "c3j1-ds01-boot", "img", Map.of(), VOLUME_PLAN));
  }

  @Test
  void withoutAReadableTypeListTheBootVolumeGetsConohasDocumentedType() {
    cloud.on("GET", StubCloud.VOLUME + "/types", Reply.status(403));
    cloud.on("POST", VOLUMES, Reply.json(202, Bodies.wrap("volume", Bodies.volume("vol-9", "creating", 30, true))));

    client().volumes().createVolume(DiskStrategy.forFlavor(SMALL_VOLUME_PLAN)
        .bootVolume(SMALL_VOLUME_PLAN, "img-1", null, null, "small-boot", null));

    assertThat(cloud.requests("POST", VOLUMES).get(0).json().getJsonObject("volume").getString("volume_type"))
        .isEqualTo("c3j1-as01-boot");
  }

  @Test
  void aV3ServerBootsFromANewVolumeAttachedThroughBlockDeviceMapping() {
    cloud.on("POST", VOLUMES, Reply.json(202, Bodies.wrap("volume", Bodies.volume("vol-9", "creating", 100, true))));
    cloud.on("POST", StubCloud.COMPUTE + "/servers", Reply.json(202, Fixtures.text("server_create.json")));
    DiskStrategy strategy = DiskStrategy.forFlavor(VOLUME_PLAN);

    Volume boot = client().volumes().createVolume(strategy.bootVolume(VOLUME_PLAN, "img-1", null, null, "web-boot", null));
    client().compute().createServer(new ServerCreateRequest(VOLUME_PLAN.id(), null, boot.id(), null, null, List.of(),
        null, Map.of("instance_name_tag", "web")));

    assertThat(cloud.requests("POST", VOLUMES).get(0).json().getJsonObject("volume"))
        .isEqualTo(new JsonObject().put("size", 100).put("name", "web-boot").put("volume_type", "c3j1-ds02-boot")
            .put("imageRef", "img-1"));
    JsonObject server = cloud.requests("POST", StubCloud.COMPUTE + "/servers").get(0).json().getJsonObject("server");
    assertThat(server.getJsonArray("block_device_mapping_v2").getJsonObject(0).getString("uuid")).isEqualTo("vol-9");
    assertThat(server.containsKey("imageRef")).isFalse();
  }

  @Test
  void aVolumeBackedServerIsSavedByUploadingItsBootVolumeWhenTheQuotaAllows() {
    Server server = volumeBackedServer();
    givenBootVolumeOf100Gb();
    givenImageQuota("550GB", 100 * GIB);
    cloud.on("POST", VOLUMES + "/vol-1/action", Reply.json(202, new JsonObject().put("os-volume_upload_image",
        new JsonObject().put("image_id", "img-saved"))));

    String imageId = DiskStrategy.forServer(server).startSave(client(), server, "web-archive", Map.of("k", "v"));

    assertThat(imageId).isEqualTo("img-saved");
    assertThat(cloud.requests("POST", VOLUMES + "/vol-1/action").get(0).json()
        .getJsonObject("os-volume_upload_image").getString("image_name")).isEqualTo("web-archive");
  }

  @Test
  void aSaveThatWouldExceedTheImageQuotaIsRefusedWithTheNumbersBeforeConohaSilentlySavesNothing() {
    Server server = volumeBackedServer();
    givenBootVolumeMadeFromAnImageOf(20 * GIB);
    givenImageQuota("50GB", (long) (37.7 * GIB));

    assertThatThrownBy(() -> DiskStrategy.forServer(server).startSave(client(), server, "web-archive", Map.of()))
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
          assertThat(e.isTerminal()).isTrue();
        })
        .hasMessageStartingWith("image storage would exceed the quota: at least 20 GB needed, 12.3 GB free of 50 GB");
    assertThat(cloud.count("POST", VOLUMES + "/vol-1/action")).as("nothing was uploaded").isZero();
  }

  @Test
  void aLocalDiskServerIsSavedWithCreateImageCarryingTheTagsAsMetadata() {
    Server server = new Server("s1", "s1", null, null, LOCAL_PLAN.id(), "img-0", Map.of(), List.of(), List.of(),
        List.of(), null, null);
    cloud.on("POST", StubCloud.COMPUTE + "/servers/s1/action",
        Reply.status(202).header("Location", cloud.url("/compute/v2.1/images/img-snap")));

    String imageId = DiskStrategy.forServer(server).startSave(client(), server, "web-archive", Map.of("owner", "me"));

    assertThat(imageId).isEqualTo("img-snap");
    assertThat(cloud.requests("POST", StubCloud.COMPUTE + "/servers/s1/action").get(0).json())
        .isEqualTo(new JsonObject().put("createImage", new JsonObject().put("name", "web-archive")
            .put("metadata", new JsonObject().put("owner", "me"))));
  }

  private Server volumeBackedServer() {
    cloud.on("GET", StubCloud.COMPUTE + "/servers/s1",
        Reply.ok(Bodies.wrap("server", Bodies.volumeBackedServer("s1", "SHUTOFF", "vol-1"))));
    Server server = client().compute().getServer("s1");
    assertThat(server.isVolumeBacked()).isTrue();
    return server;
  }

  @Test
  void aHundredGbBootVolumeFitsAFiftyGbQuotaBecauseAnImageHoldsOnlyUsedData() {
    Server server = volumeBackedServer();
    givenBootVolumeMadeFromAnImageOf(3 * GIB);
    givenImageQuota("50GB", 0);
    cloud.on("POST", VOLUMES + "/vol-1/action", Reply.json(202, new JsonObject().put("os-volume_upload_image",
        new JsonObject().put("image_id", "img-saved"))));

    assertThat(DiskStrategy.forServer(server).startSave(client(), server, "web-archive", Map.of())).isEqualTo("img-saved");
  }

  /** A 100 GB boot volume made from image img-0 of the given size. */
  private void givenBootVolumeMadeFromAnImageOf(long imageBytes) {
    JsonObject volume = Bodies.volume("vol-1", "in-use", 100, true)
        .put("volume_image_metadata", new JsonObject().put("image_id", "img-0"));
    cloud.on("GET", VOLUMES + "/vol-1", Reply.ok(Bodies.wrap("volume", volume)));
    cloud.on("GET", StubCloud.IMAGE + "/v2/images/img-0",
        Reply.ok(Bodies.image("img-0", "vmi-ubuntu-24.04-amd64", "active", "public").put("size", imageBytes)));
  }

  private void givenBootVolumeOf100Gb() {
    cloud.on("GET", VOLUMES + "/vol-1", Reply.ok(Bodies.wrap("volume", Bodies.volume("vol-1", "in-use", 100, true))));
  }

  private void givenImageQuota(String limit, long usedBytes) {
    cloud.on("GET", StubCloud.IMAGE + "/v2/quota", Reply.ok(new JsonObject().put("quota",
        new JsonObject().put("image_size", limit))));
    cloud.on("GET", StubCloud.IMAGE + "/v2/images/total", Reply.ok(new JsonObject().put("images",
        new JsonObject().put("size", usedBytes))));
  }
}
