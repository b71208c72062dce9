package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the real OpenStack (Nova Zed, no Cinder) answered in the live suite, replayed against a stub. */
class RealNovaProbesTest extends StubCloudTest {
  private static final String SERVERS = StubCloud.COMPUTE + "/servers";
  private static final String ID = "1fa4677b-4d53-47d2-a3ed-6793d7479e75";
  private static final ServerCreateRequest CREATE = new ServerCreateRequest("f-d30", "img-1", null, null, null,
      List.of(), null, Map.of("instance_name_tag", "web", "conoha-assistant:owner", "uid-1"));

  @Test
  void aServerThatShowsNoMetadataYetLeavesTheMetadataProbeUnknownUntilTheNextCreate() {
    cloud.on("POST", SERVERS, Reply.json(202, Fixtures.text("server_create.json")));
    // a build request: Nova shows the server before its metadata can be read
    cloud.on("GET", SERVERS + "/" + ID, Reply.ok(new JsonObject().put("server",
        Bodies.server(ID, "BUILD").put("metadata", new JsonObject()))),
        Reply.ok(new JsonObject().put("server", Bodies.server(ID, "BUILD").put("metadata", new JsonObject()
            .put("instance_name_tag", "web").put("conoha-assistant:owner", "uid-1")))));

    client().compute().createServer(CREATE);
    assertThat(client().capabilities().customMetadataKept()).isEqualTo(Finding.UNKNOWN);

    client().compute().createServer(CREATE);
    assertThat(client().capabilities().customMetadataKept()).isEqualTo(Finding.YES);
  }

  @Test
  void aCatalogWithoutAVolumeServiceHasNoVolumesButCannotCreateOne() {
    keystone.withoutVolumeService();

    assertThat(client().volumes().listVolumes()).isEmpty();
    assertThatThrownBy(() -> client().volumes().getVolume("v1"))
        .isInstanceOfSatisfying(ConohaException.class,
            e -> assertThat(e.kind()).isEqualTo(ConohaException.Kind.CONFIGURATION));
  }
}
