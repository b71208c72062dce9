package io.conoha.assistant.client.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.Endpoints;
import io.conoha.assistant.client.http.ApiResponse;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.testing.Fixtures;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every body captured from a real OpenStack (zed) and every JSON example of the ConoHa seed notes. */
class FixtureParsingTest {
  private static final String SERVER_ID = "1fa4677b-4d53-47d2-a3ed-6793d7479e75";
  private static final String PROJECT = "854bb517ec4a4b9198ce4dd299af340a";

  @Test
  void anActiveServerDetailGivesStatusFlavorImageNameTagAndNoVolumes() {
    Server s = NovaJson.server(Fixtures.json("server_detail_active.json").getJsonObject("server"));

    assertThat(s.id()).isEqualTo(SERVER_ID);
    assertThat(s.status()).isEqualTo(ServerStatus.ACTIVE);
    assertThat(s.taskState()).isNull();
    assertThat(s.flavorId()).isEqualTo("4ff178c1-7751-4e49-a0a1-295bed6ff2c2");
    assertThat(s.imageId()).isEqualTo("0308079a-51a9-4910-b47d-2a3956a7b5fa");
    assertThat(s.nameTag()).isEqualTo("smoke-curl");
    assertThat(s.ipv4()).isEmpty();
    assertThat(s.attachedVolumeIds()).isEmpty();
    assertThat(s.isVolumeBacked()).isFalse();
    assertThat(s.created()).isEqualTo(Instant.parse("2026-11-27T04:54:08Z"));
  }

  @Test
  void aShutoffServerDetailSaysShutoff() {
    Server s = NovaJson.server(Fixtures.json("server_detail_shutoff.json").getJsonObject("server"));

    assertThat(s.status()).isEqualTo(ServerStatus.SHUTOFF);
    assertThat(s.updated()).isEqualTo(Instant.parse("2026-11-27T04:54:12Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"servers_detail.json", "servers_detail_v2_path.json"})
  void serverListsOfBothComputePathShapesReadTheSame(String fixture) {
    List<Server> servers = Json.objects(Fixtures.json(fixture), "servers").stream().map(NovaJson::server).toList();

    assertThat(servers).singleElement().satisfies(s -> {
      assertThat(s.id()).isEqualTo(SERVER_ID);
      assertThat(s.status()).isEqualTo(ServerStatus.ACTIVE);
      assertThat(s.metadata()).containsEntry("instance_name_tag", "smoke-curl");
    });
  }

  @Test
  void theServerSummaryListHasIdAndNameButNoStatus() {
    Server s = NovaJson.server(Json.objects(Fixtures.json("servers_list.json"), "servers").get(0));

    assertThat(s.id()).isEqualTo(SERVER_ID);
    assertThat(s.name()).isEqualTo("smoke-curl");
    assertThat(s.status()).isEqualTo(ServerStatus.UNKNOWN);
  }

  @Test
  void addressesSplitByIpVersionAndVolumeBackedServersHaveNoImage() {
    JsonObject server = Fixtures.json("server_detail_active.json").getJsonObject("server")
        .put("image", "")
        .put("OS-EXT-STS:task_state", "image_uploading")
        .put("os-extended-volumes:volumes_attached", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("id", "vol-1").put("delete_on_termination", false)))
        .put("addresses", new JsonObject().put("ext-133-130-48-0-xxx", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("addr", "133.130.48.10").put("version", 4))
            .add(new JsonObject().put("addr", "2400:8500::10").put("version", 6))));

    Server s = NovaJson.server(server);

    assertThat(s.ipv4()).containsExactly("133.130.48.10");
    assertThat(s.ipv6()).containsExactly("2400:8500::10");
    assertThat(s.imageId()).isNull();
    assertThat(s.attachedVolumeIds()).containsExactly("vol-1");
    assertThat(s.isVolumeBacked()).isTrue();
    assertThat(s.taskState()).isEqualTo("image_uploading");
  }

  @ParameterizedTest
  @ValueSource(strings = {"flavors_detail.json", "flavors_detail_v2_path.json"})
  void flavorsOfBothPathShapesGiveRamDiskAndCores(String fixture) {
    List<Flavor> flavors = Json.objects(Fixtures.json(fixture), "flavors").stream().map(NovaJson::flavor).toList();

    assertThat(flavors).extracting(Flavor::name).containsExactly("g-c2m1d100", "g-c1m512d30", "g-c3m2d100");
    assertThat(flavors.get(1)).isEqualTo(new Flavor("4ff178c1-7751-4e49-a0a1-295bed6ff2c2", "g-c1m512d30", 1, 512, 30));
    assertThat(flavors).noneMatch(Flavor::needsBootVolume);
  }

  @Test
  void aGlanceImageListEntryIsActiveAndPublic() {
    Image i = GlanceJson.image(Json.objects(Fixtures.json("glance_images_list.json"), "images").get(0));

    assertThat(i.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(i.visibility()).isEqualTo("public");
    assertThat(i.sizeBytes()).isEqualTo(8L);
    assertThat(i.minDiskGB()).isZero();
    assertThat(i.properties()).containsEntry("os_type", "linux").doesNotContainKeys("disk_format", "checksum");
  }

  @Test
  void aQueuedGlanceSnapshotKeepsItsExtraPropertiesAndHasNoSizeYet() {
    Image i = GlanceJson.image(Fixtures.json("image_detail_glance.json"));

    assertThat(i.id()).isEqualTo("d4cdb46c-281a-4e36-809e-5d10d21f447a");
    assertThat(i.status()).isEqualTo(ImageStatus.QUEUED);
    assertThat(i.status().isInProgress()).isTrue();
    assertThat(i.sizeBytes()).isNull();
    assertThat(i.minDiskGB()).isEqualTo(30);
    assertThat(i.visibility()).isEqualTo("private");
    assertThat(i.createdAt()).isEqualTo(Instant.parse("2026-11-27T04:54:13Z"));
    assertThat(i.properties()).containsEntry("purpose", "smoke").containsEntry("instance_uuid", SERVER_ID)
        .containsEntry("image_type", "snapshot").doesNotContainKeys("id", "name", "status", "visibility");
  }

  @Test
  void theNovaImageProxySpeaksUpperCaseAndItsOwnFieldNames() {
    Image saving = NovaJson.proxyImage(Fixtures.json("image_detail_nova_proxy.json").getJsonObject("image"));
    Image active = NovaJson.proxyImage(Json.objects(Fixtures.json("nova_proxy_images_detail.json"), "images").get(0));

    assertThat(saving.status()).isEqualTo(ImageStatus.SAVING);
    assertThat(saving.progress()).isEqualTo(25);
    assertThat(saving.minDiskGB()).isEqualTo(30);
    assertThat(saving.sizeBytes()).isZero();
    assertThat(saving.properties()).containsEntry("purpose", "smoke");
    assertThat(active.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(active.sizeBytes()).isEqualTo(8L);
  }

  @Test
  void aV3TokenGivesExpiryProjectAndPublicEndpointsOfTheRegion() {
    ApiResponse response = new ApiResponse(201, MultiMap.caseInsensitiveMultiMap().add("X-Subject-Token", "gAAAA-token"),
        Buffer.buffer(Fixtures.text("token_v3.json")));

    KeystoneAuth.Grant grant = KeystoneAuth.v3Grant(response, Instant.EPOCH);
    Credentials credentials = new Credentials("http://127.0.0.1:5000/v3", null, "u", "pw", PROJECT, null,
        "RegionOne", null, null, Map.of());
    Endpoints endpoints = EndpointResolver.resolve(grant.catalog(), credentials, grant.token().projectId());

    assertThat(grant.token().id()).isEqualTo("gAAAA-token");
    assertThat(grant.token().expiresAt()).isEqualTo(Instant.parse("2026-11-28T04:54:04Z"));
    assertThat(grant.token().projectId()).isEqualTo(PROJECT);
    assertThat(endpoints.compute()).isEqualTo("http://127.0.0.1:8774/v2.1/" + PROJECT);
    assertThat(endpoints.image()).isEqualTo("http://127.0.0.1:9292");
    assertThat(endpoints.volume()).as("this cloud has no Cinder in its catalog").isNull();
    assertThat(grant.catalog().regions()).containsExactly("RegionOne");
  }

  @Test
  void versionDocumentsOfKeystoneAndNovaListTheirVersions() {
    assertThat(ApiVersions.offered(Fixtures.json("keystone_versions.json"))).containsExactly("v3.14");
    assertThat(ApiVersions.offered(Fixtures.json("nova_versions.json"))).containsExactly("v2.0", "v2.1");
  }

  @Test
  void everyJsonExampleOfTheSeedNotesParses() {
    List<JsonObject> examples = jsonBlocks(Fixtures.text("000_be72a33cc65372db.txt"));

    assertThat(examples).hasSize(5);
    for (JsonObject example : examples) {
      String kind = example.fieldNames().iterator().next();
      switch (kind) {
        case "access" -> {
          KeystoneAuth.Grant grant = KeystoneAuth.v2Grant(example, Instant.EPOCH);
          assertThat(grant.token().id()).isEqualTo("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
          assertThat(grant.token().expiresAt()).isEqualTo(Instant.parse("2021-11-21T14:54:41Z"));
        }
        case "flavors" -> assertThat(Json.objects(example, "flavors").stream().map(NovaJson::flavor))
            .extracting(Flavor::name, Flavor::diskGiB)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("g-c1m512d30", 30),
                org.assertj.core.groups.Tuple.tuple("g-512mb", 20));
        case "servers" -> assertThat(NovaJson.server(Json.objects(example, "servers").get(0)).id())
            .isEqualTo("${サーバID}");
        case "images" -> assertThat(Json.objects(example, "images").stream().map(NovaJson::proxyImage))
            .extracting(Image::name).contains("Temporary", "vmi-lamp-latest-ubuntu-20.04-amd64-30gb");
        case "image" -> {
          Image image = NovaJson.proxyImage(example.getJsonObject("image"));
          assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
          assertThat(image.sizeBytes()).isEqualTo(20026818560L);
          assertThat(image.minDiskGB()).isEqualTo(30);
          assertThat(image.progress()).isEqualTo(100);
          assertThat(image.properties()).containsEntry("os_type", "lin");
        }
        default -> throw new AssertionError("unexpected example " + kind);
      }
    }
  }

  private static List<JsonObject> jsonBlocks(String markdown) {
    Matcher m = Pattern.compile("```json\\s*\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    List<JsonObject> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(new JsonObject(m.group(1)));
    }
    return blocks;
  }
}
