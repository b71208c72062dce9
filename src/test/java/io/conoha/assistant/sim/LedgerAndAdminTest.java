package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger benchmarks and leak checks read, and the "outside the operator" admin actions. */
class LedgerAndAdminTest {

  @Test
  void theLedgerCountsEveryRequestByOperationAndByTokenLabel() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      http.get(http.compute("/servers"));
      http.get(http.compute("/servers/detail"));
      http.get(http.compute("/flavors/detail"));
      String firstToken = http.token();
      http.login();
      http.get(http.compute("/servers"));
      http.get(http.sim.baseUrl() + "/nowhere");

      Ledger ledger = http.sim.ledger();
      assertThat(ledger.count("servers.list")).isEqualTo(3);
      assertThat(ledger.count("flavors.list")).isEqualTo(1);
      assertThat(ledger.authCount()).isEqualTo(2);
      assertThat(ledger.count("unknown")).isEqualTo(1);
      assertThat(ledger.total()).isEqualTo(7);
      assertThat(ledger.countsByToken()).containsEntry("token-1", 3L).containsEntry("token-2", 2L)
          .containsEntry("none", 2L);
      assertThat(ledger.countsByToken().keySet()).noneMatch(label -> label.contains(firstToken));

      ledger.reset();
      assertThat(ledger.total()).isZero();
      assertThat(ledger.countsByOperation()).isEmpty();
    }
  }

  @Test
  void theAdminEndpointServesLedgerStateAndReset() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String id = http.createServer("g-c1m512d30", "vmi-debian-12-amd64", Map.of("metadata",
          Map.of("instance_name_tag", "web")));

      JsonNode ledger = http.get(http.admin("/ledger")).json();
      assertThat(ledger.path("operations").path("servers.create").asLong()).isEqualTo(1);
      assertThat(ledger.path("authCount").asLong()).isEqualTo(1);
      assertThat(ledger.path("tokens").path("token-1").asLong()).isGreaterThan(0);

      JsonNode state = http.get(http.admin("/state")).json();
      JsonNode server = state.path("servers").get(0);
      assertThat(server.path("id").asText()).isEqualTo(id);
      assertThat(server.path("nameTag").asText()).isEqualTo("web");
      assertThat(server.path("flavorName").asText()).isEqualTo("g-c1m512d30");
      assertThat(server.path("ipv4").get(0).asText()).startsWith("133.130.");
      assertThat(server.path("created").asText()).endsWith("Z");
      assertThat(state.path("images").size()).isEqualTo(10);

      assertThat(http.post(http.admin("/reset"), Map.of()).json().path("total").asLong()).isZero();
      assertThat(http.sim.ledger().count("servers.create")).isZero();
      assertThat(http.sim.ledger().count("admin")).isZero();
    }
  }

  @Test
  void stateIsAnImmutableSnapshotOfServersVolumesAndImages() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      String id = http.sim.admin().createServer("db", "g2l-t-c2m1", "vmi-ubuntu-24.04-amd64",
          Map.of("role", "database"));
      SimState state = http.sim.ledger().state();

      SimServer server = state.server(id).orElseThrow();
      assertThat(server.status()).isEqualTo("ACTIVE");
      assertThat(server.imageId()).isNull();
      assertThat(server.metadata()).containsEntry("role", "database").containsEntry("instance_name_tag", "db");
      SimVolume boot = state.volume(server.volumeIds().get(0)).orElseThrow();
      assertThat(boot.status()).isEqualTo("in-use");
      assertThat(boot.attachedServerId()).isEqualTo(id);
      assertThat(boot.sizeGB()).isEqualTo(100);
      assertThat(boot.volumeType()).isEqualTo("c3j1-ds02-boot");
      assertThat(state.privateImages()).isEmpty();

      http.sim.admin().setServerStatus(id, "SHUTOFF");
      assertThat(server.status()).isEqualTo("ACTIVE");
      assertThat(http.sim.ledger().state().server(id).orElseThrow().status()).isEqualTo("SHUTOFF");
    }
  }

  @Test
  void adminActionsChangeTheWorldAsTheControlPanelWould() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      SimAdmin admin = http.sim.admin();
      String small = admin.createServer("tiny", "g2l-t-c1m512", "vmi-debian-12-amd64", Map.of());
      String volume = http.server(small).path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
      assertThat(http.volumeJson(volume).path("volume_type").asText()).isEqualTo("c3j1-as01-boot");
      assertThat(http.volumeJson(volume).path("size").asInt()).isEqualTo(30);

      admin.setServerStatus(small, "ERROR");
      JsonNode broken = http.server(small);
      assertThat(broken.path("status").asText()).isEqualTo("ERROR");
      assertThat(broken.path("fault").path("code").asInt()).isEqualTo(500);

      admin.putServerMetadata(small, "IsDeleteLocked", "True");
      assertThat(http.server(small).path("metadata").path("IsDeleteLocked").asText()).isEqualTo("True");

      admin.deleteServer(small);
      assertThat(http.get(http.compute("/servers/" + small)).status()).isEqualTo(404);
      assertThat(http.volumeStatus(volume)).isEqualTo("available");

      String image = admin.createPrivateImage("old-save", Map.of());
      admin.deleteImage(image);
      assertThat(http.get(http.image("/v2/images/" + image)).status()).isEqualTo(404);

      assertThatThrownBy(() -> admin.setServerStatus("nope", "ERROR")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> admin.createServer("x", "g9-huge", "vmi-debian-12-amd64", Map.of()))
          .hasMessageContaining("g2l-t-c2m1");
    }
  }

  @Test
  void theAdminEndpointMirrorsTheJavaAdminApi() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      SimHttp.Resp created = http.post(http.admin("/servers"), Map.of("nameTag", "panel", "flavor", "g-c2m1d100",
          "image", "vmi-ubuntu-24.04-amd64", "metadata", Map.of("a", "b")));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().path("id").asText();
      assertThat(http.serverStatus(id)).isEqualTo("ACTIVE");

      assertThat(http.put(http.admin("/servers/" + id + "/metadata"), Map.of("IsDeleteLocked", "True")).status())
          .isEqualTo(204);
      assertThat(http.post(http.admin("/servers/" + id + "/status"), Map.of("status", "SHUTOFF")).status())
          .isEqualTo(204);
      assertThat(http.serverStatus(id)).isEqualTo("SHUTOFF");
      assertThat(http.post(http.admin("/servers/" + id + "/status"), Map.of("status", "MELTED")).status())
          .isEqualTo(400);

      assertThat(http.put(http.admin("/quota"), Map.of("imageQuota", "550GB")).status()).isEqualTo(204);
      assertThat(http.get(http.image("/v2/quota")).json().path("quota").path("tyo1_image_size").asText())
          .isEqualTo("550GB");

      assertThat(http.post(http.admin("/images/fail-next-save"), Map.of()).status()).isEqualTo(204);
      String location = http.action(id, Map.of("createImage", Map.of("name", "will-fail"))).header("Location");
      String imageId = location.substring(location.lastIndexOf('/') + 1);
      http.awaitGlanceStatus(imageId, "killed");
      assertThat(http.delete(http.admin("/images/" + imageId)).status()).isEqualTo(204);

      assertThat(http.post(http.admin("/tokens/revoke"), Map.of()).status()).isEqualTo(200);
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(401);
      assertThat(http.delete(http.admin("/servers/" + id)).status()).isEqualTo(204);
      assertThat(http.sim.ledger().state().servers()).isEmpty();
    }
  }
}
