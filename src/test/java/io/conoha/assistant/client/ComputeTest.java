package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.Recorded;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeTest extends StubCloudTest {
  private static final String SERVERS = StubCloud.COMPUTE + "/servers";
  private static final String ACTION = SERVERS + "/s1/action";

  @Test
  void listingServersFollowsEveryPageByMarkerOnOurOwnHost() {
    cloud.on("GET", SERVERS + "/detail", r -> r.query().containsKey("marker")
        ? Reply.ok(Bodies.page("servers", null, Bodies.server("s3", "SHUTOFF")))
        : Reply.ok(Bodies.page("servers", "s2", Bodies.server("s1", "ACTIVE"), Bodies.server("s2", "BUILD"))));

    List<Server> servers = client().compute().listServers();

    assertThat(servers).extracting(Server::id).containsExactly("s1", "s2", "s3");
    assertThat(servers).extracting(Server::status)
        .containsExactly(ServerStatus.ACTIVE, ServerStatus.BUILD, ServerStatus.SHUTOFF);
    List<Recorded> pages = cloud.requests("GET", SERVERS + "/detail");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).query()).containsEntry("limit", "1000").doesNotContainKey("marker");
    assertThat(pages.get(1).query()).containsEntry("limit", "1000").containsEntry("marker", "s2");
  }

  @Test
  void aFlavorIsFoundByIdOrNameAndAMissNamesTheNearestPlans() {
    cloud.on("GET", StubCloud.COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));

    assertThat(client().compute().findFlavor("f-1g").name()).isEqualTo("g2l-t-c2m1");
    assertThat(client().compute().findFlavor("g2l-t-c3m2").id()).isEqualTo("f-2g");
    assertThatThrownBy(() -> client().compute().findFlavor("g2l-t-c2m2"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("flavors.find: no plan named or with id \"g2l-t-c2m2\"; nearest: g2l-t-c2m1, g2l-t-c3m2, "
            + "g2l-t-c1m512");
  }

  @Test
  void aDiskZeroServerIsCreatedWithItsBootVolumeAndEverythingTheCallerGave() {
    cloud.on("POST", SERVERS, Reply.json(202, Fixtures.text("server_create.json")));
    ServerCreateRequest request = new ServerCreateRequest("f-1g", null, "vol-1", "Root-Passw0rd!", "my-key",
        List.of("default", "IPv4v6-SSH"), "#cloud-config\npackages: [nginx]\n", Map.of("instance_name_tag", "web"));

    String id = client().compute().createServer(request);

    assertThat(id).isEqualTo("1fa4677b-4d53-47d2-a3ed-6793d7479e75");
    JsonObject server = cloud.requests("POST", SERVERS).get(0).json().getJsonObject("server");
    assertThat(server.getString("flavorRef")).isEqualTo("f-1g");
    assertThat(server.containsKey("imageRef")).isFalse();
    assertThat(server.getJsonArray("block_device_mapping_v2")).isEqualTo(new JsonArray().add(new JsonObject()
        .put("uuid", "vol-1").put("boot_index", 0).put("source_type", "volume").put("destination_type", "volume")));
    assertThat(server.getString("adminPass")).isEqualTo("Root-Passw0rd!");
    assertThat(server.getString("key_name")).isEqualTo("my-key");
    assertThat(server.getJsonArray("security_groups")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("name", "default")).add(new JsonObject().put("name", "IPv4v6-SSH")));
    assertThat(new String(Base64.getDecoder().decode(server.getString("user_data")), StandardCharsets.UTF_8))
        .isEqualTo("#cloud-config\npackages: [nginx]\n");
    assertThat(server.getJsonObject("metadata")).isEqualTo(new JsonObject().put("instance_name_tag", "web"));
  }

  @Test
  void aLocalDiskServerIsCreatedFromImageRefWithoutOptionalFields() {
    cloud.on("POST", SERVERS, Reply.json(202, Fixtures.text("server_create.json")));

    client().compute().createServer(new ServerCreateRequest("f-d30", "img-1", null, null, null, null, null, null));

    assertThat(cloud.requests("POST", SERVERS).get(0).json()).isEqualTo(new JsonObject()
        .put("server", new JsonObject().put("flavorRef", "f-d30").put("imageRef", "img-1")));
  }

  @Test
  void aCreateWithBothOrNoBootSourceIsRefusedBeforeAnythingIsSent() {
    ServerCreateRequest neither = new ServerCreateRequest("f-1g", null, null, null, null, null, null, null);
    ServerCreateRequest tooLarge = new ServerCreateRequest("f-1g", "img", null, null, null, null, "x".repeat(16 * 1024 + 1), null);

    assertThatThrownBy(() -> client().compute().createServer(neither))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST))
        .hasMessageContaining("exactly one of imageRef");
    assertThatThrownBy(() -> client().compute().createServer(tooLarge))
        .hasMessageContaining("user_data is 16385 bytes");
    assertThat(cloud.count("POST", SERVERS)).isZero();
  }

  @Test
  void powerAndResizeActionsSendNovasBodies() {
    cloud.on("POST", ACTION, Reply.status(202));
    ComputeService compute = client().compute();

    compute.start("s1");
    compute.stop("s1", false);
    compute.stop("s1", true);
    compute.reboot("s1", false);
    compute.reboot("s1", true);
    compute.resize("s1", "f-2g");
    compute.confirmResize("s1");

    assertThat(cloud.requests("POST", ACTION)).extracting(Recorded::body).containsExactly(
        "{\"os-start\":null}",
        "{\"os-stop\":null}",
        "{\"os-stop\":{\"force_shutdown\":true}}",
        "{\"reboot\":{\"type\":\"SOFT\"}}",
        "{\"reboot\":{\"type\":\"HARD\"}}",
        "{\"resize\":{\"flavorRef\":\"f-2g\"}}",
        "{\"confirmResize\":null}");
    assertThat(meters.get("conoha_assistant.api.requests").tag("operation", "servers.action.os-stop").counter().count())
        .isEqualTo(2);
  }

  @Test
  void createImageReadsTheImageIdFromTheLocationHeaderOrTheBody() {
    cloud.on("POST", ACTION,
        Reply.status(202).header("Location", "https://compute.tyo1.conoha.io/v2/t/images/img-from-location"),
        Reply.json(202, "{\"image_id\":\"img-from-body\"}"));

    String fromLocation = client().compute().createImage("s1", "snap-1", Map.of("purpose", "archive"));
    String fromBody = client().compute().createImage("s1", "snap-2", Map.of());

    assertThat(fromLocation).isEqualTo("img-from-location");
    assertThat(fromBody).isEqualTo("img-from-body");
    assertThat(cloud.requests("POST", ACTION).get(0).json()).isEqualTo(new JsonObject().put("createImage",
        new JsonObject().put("name", "snap-1").put("metadata", new JsonObject().put("purpose", "archive"))));
  }

  @Test
  void createImageWithoutAnyImageIdIsAnUnknownOutcomeNotASuccess() {
    cloud.on("POST", ACTION, Reply.status(202));

    assertThatThrownBy(() -> client().compute().createImage("s1", "snap", Map.of()))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue())
        .hasMessageContaining("look before repeating it");
  }

  @Test
  void metadataIsReadAndMerged() {
    cloud.on("GET", SERVERS + "/s1/metadata", Reply.ok(new JsonObject().put("metadata",
        new JsonObject().put("instance_name_tag", "web").put("IsDeleteLocked", "True"))));
    cloud.on("POST", SERVERS + "/s1/metadata", Reply.ok(new JsonObject().put("metadata", new JsonObject())));

    Map<String, String> metadata = client().compute().getMetadata("s1");
    client().compute().updateMetadata("s1", Map.of("owner", "operator"));

    assertThat(metadata).containsEntry("IsDeleteLocked", "True");
    assertThat(cloud.requests("POST", SERVERS + "/s1/metadata").get(0).json())
        .isEqualTo(new JsonObject().put("metadata", new JsonObject().put("owner", "operator")));
  }

  @Test
  void anAbsentServerIsNotFoundWithNovasMessageAndDeleteSendsADelete() {
    cloud.on("GET", SERVERS + "/gone", Reply.json(404, Fixtures.text("error_404_nova.json")));
    cloud.on("DELETE", SERVERS + "/s1", Reply.status(204));

    assertThatThrownBy(() -> client().compute().getServer("gone"))
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
          assertThat(e.isTerminal()).isTrue();
        })
        .hasMessage("servers.get: HTTP 404 itemNotFound: Instance 00000000-0000-0000-0000-000000000000 could not be found.");
    client().compute().deleteServer("s1");
    assertThat(cloud.count("DELETE", SERVERS + "/s1")).isEqualTo(1);
  }

  @Test
  void aStopConflictCarriesNovasReason() {
    cloud.on("POST", ACTION, Reply.json(409, Fixtures.text("error_409_nova.json")));

    assertThatThrownBy(() -> client().compute().stop("s1", false))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
        .hasMessageContaining("servers.action.os-stop: HTTP 409 conflictingRequest: Cannot 'stop' instance");
  }

  @Test
  void idsAreEncodedSoTheyCannotReachAnotherPath() {
    cloud.on("GET", SERVERS + "/a%2F..%2Fflavors", Reply.ok(new JsonObject().put("server", Bodies.server("x", "ACTIVE"))));

    assertThat(client().compute().getServer("a/../flavors").id()).isEqualTo("x");
  }
}
