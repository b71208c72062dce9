package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.conoha.assistant.client.ApiGeneration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's switches for what ConoHa leaves undocumented, seen over plain HTTP. */
class QuirksTest {

  private static SimHttp with(CloudQuirks quirks) {
    SimHttp http = new SimHttp(ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3)
        .withTimings(SimTimings.fast()).withQuirks(quirks)));
    http.login();
    return http;
  }

  private static Map<String, Object> bootVolume(SimHttp http, String type, int size) {
    return Map.of("volume", Map.of("size", size, "volume_type", type, "imageRef",
        http.imageId("vmi-ubuntu-24.04-amd64")));
  }

  @Test
  void aServerCreateWithoutANameGetsStockNovasRefusalWhenTheNameIsRequired() {
    try (SimHttp http = with(CloudQuirks.stockNova())) {
      SimHttp.Resp refused = http.post(http.compute("/servers"), Map.of("server", Map.of("flavorRef",
          http.flavorId("g2d-t-c1m2d30"), "imageRef", http.imageId("vmi-ubuntu-24.04-amd64"))));

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("badRequest").path("message").asText())
          .startsWith("Invalid input for field/attribute server. Value: ")
          .endsWith("'name' is a required property");
      assertThat(http.sim.ledger().state().servers()).isEmpty();
    }
  }

  @Test
  void conohasVolumeTypesAreServedAndDs02BootIsAcceptedAt30Gb() {
    try (SimHttp http = with(CloudQuirks.conoha())) {
      assertThat(http.get(http.volume("/types")).json().path("volume_types").findValuesAsText("name"))
          .containsExactly("c3j1-ds02-boot", "c3j1-as01-boot", "c3j1-ds02-add");
      assertThat(http.post(http.volume("/volumes"), bootVolume(http, "c3j1-ds02-boot", 30)).status()).isEqualTo(202);
      assertThat(http.post(http.volume("/volumes"), bootVolume(http, "c3j1-as01-boot", 100)).status()).isEqualTo(400);
    }
  }

  @Test
  void theOfferedTypesCanBeReplacedAndUnofferedOnesAreNotFound() {
    try (SimHttp http = with(CloudQuirks.conoha().withVolumeTypes(List.of("c3j1-ds02-boot", "c3j1-ds03-boot")))) {
      assertThat(http.get(http.volume("/types")).json().path("volume_types").findValuesAsText("name"))
          .containsExactly("c3j1-ds02-boot", "c3j1-ds03-boot");
      assertThat(http.post(http.volume("/volumes"), bootVolume(http, "c3j1-as01-boot", 30)).status()).isEqualTo(404);
    }
  }

  @Test
  void quirksAreReadFromTheConfigFileAndAnUnknownOneIsRefusedByName() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SimConfig config = SimConfig.fromJson(json.readTree(
        "{\"quirks\": {\"dropUnknownMetadata\": true, \"refuseRunningResize\": true, \"volumeTypes\": [\"a-boot\"]}}"));
    assertThat(config.quirks()).isEqualTo(new CloudQuirks(false, true, true, List.of("a-boot")));
    assertThat(SimConfig.fromJson(json.readTree("{}")).quirks()).isEqualTo(CloudQuirks.conoha());
    assertThatThrownBy(() -> SimConfig.fromJson(json.readTree("{\"quirks\": {\"dropMetadata\": true}}")))
        .hasMessageContaining("unknown quirk 'dropMetadata'");
  }
}
