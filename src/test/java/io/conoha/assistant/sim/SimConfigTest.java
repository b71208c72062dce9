package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration: ConoHa-like defaults, timings, the JSON config file, and the credentials a simulator hands out. */
class SimConfigTest {

  @Test
  void defaultsLookLikeAFreshConohaAccountOfEachGeneration() {
    SimConfig v2 = SimConfig.defaults(ApiGeneration.V2);
    SimConfig v3 = SimConfig.defaults(ApiGeneration.V3);
    assertThat(v2.region()).isEqualTo("tyo1");
    assertThat(v3.region()).isEqualTo("c3j1");
    assertThat(v3.host()).isEqualTo("127.0.0.1");
    assertThat(v3.port()).isZero();
    assertThat(v3.imageQuotaBytes()).isEqualTo(50L * 1024 * 1024 * 1024);
    assertThat(v3.tokenLifetime()).isEqualTo(Duration.ofHours(24));
    assertThat(v3.timings()).isEqualTo(SimTimings.realistic());
    assertThat(v3.faults().isEmpty()).isTrue();
    assertThat(v3.withPort(8774).withSeed(9).withImageQuotaBytes(1).withTokenLifetime(Duration.ofMinutes(5)))
        .extracting(SimConfig::port, SimConfig::seed, SimConfig::imageQuotaBytes, SimConfig::tokenLifetime)
        .containsExactly(8774, 9L, 1L, Duration.ofMinutes(5));
  }

  @Test
  void timingsAreRealisticFastOrScaled() {
    assertThat(SimTimings.realistic().build()).isEqualTo(Duration.ofSeconds(30));
    assertThat(SimTimings.realistic().imageSave()).isEqualTo(Duration.ofSeconds(60));
    SimTimings fast = SimTimings.fast();
    for (Duration d : new Duration[] {fast.build(), fast.volumeCreate(), fast.stop(), fast.start(), fast.reboot(),
        fast.resize(), fast.serverDelete(), fast.volumeDelete()}) {
      assertThat(d).isBetween(Duration.ofMillis(20), Duration.ofMillis(200));
    }
    assertThat(fast.imageSave()).isEqualTo(Duration.ofMillis(300));
    assertThat(SimTimings.parse("0.1").build()).isEqualTo(Duration.ofSeconds(3));
    assertThat(SimTimings.parse("fast")).isEqualTo(fast);
    assertThat(fast.scaled(2).stop()).isEqualTo(fast.stop().multipliedBy(2));
    assertThatThrownBy(() -> SimTimings.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fast.scaled(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConfigFileOverridesDefaultsFieldByField() throws Exception {
    SimConfig c = SimConfig.fromFile(Path.of(SimConfigTest.class.getResource("/sim/example-config.json").toURI()));
    assertThat(c.generation()).isEqualTo(ApiGeneration.V2);
    assertThat(c.region()).isEqualTo("tyo1");
    assertThat(c.username()).isEqualTo("gncu00000042");
    assertThat(c.password()).isEqualTo("it's-Secret-42");
    assertThat(c.tokenLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(c.timings().build()).isEqualTo(SimTimings.fast().build());
    assertThat(c.timings().imageSave()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.imageQuotaBytes()).isEqualTo(550L * 1024 * 1024 * 1024);
    assertThat(c.savedImageBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
    assertThat(c.seed()).isEqualTo(7);
    assertThat(c.faults().failNext()).containsExactly(new FaultPlan.FailNext("servers.create", 503, 1));
    assertThat(c.faults().listLag()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void typosInConfigsAndFaultPlansAreRefusedByName() throws Exception {
    assertThatThrownBy(() -> SimConfig.fromJson(SimHttp.JSON.readTree("{\"regoin\": \"c3j1\"}")))
        .hasMessageContaining("regoin");
    assertThatThrownBy(() -> FaultPlan.fromJson(SimHttp.JSON.readTree("{\"hangNext\": [{\"times\": 1}]}")))
        .hasMessageContaining("operation");
    assertThatThrownBy(() -> SimConfig.fromJson(SimHttp.JSON.readTree("{\"generation\": \"v4\"}")))
        .hasMessageContaining("v2 or v3");
  }

  @Test
  void aSimulatorHandsOutCredentialsSecretKeysAndAnOpenrcForItsGeneration() {
    try (ConohaSimulator v3 = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3))) {
      Credentials c = v3.credentials();
      assertThat(c.identityUrl()).isEqualTo("http://127.0.0.1:" + v3.port() + "/identity/v3");
      assertThat(c.userId()).isEqualTo(v3.config().userId());
      assertThat(c.tenantId()).isEqualTo(v3.config().tenantId());
      assertThat(c.region()).isEqualTo("c3j1");
      assertThat(c.domain()).isEqualTo("gnc");
      assertThat(v3.credentialKeys()).containsOnlyKeys("identityUrl", "userId", "password", "tenantId", "region");
      assertThat(v3.openrc()).contains("export OS_USER_ID='" + v3.config().userId() + "'")
          .contains("export OS_PROJECT_DOMAIN_NAME='gnc'");
    }
    try (ConohaSimulator v2 = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2))) {
      assertThat(v2.identityUrl()).endsWith("/identity/v2.0");
      assertThat(v2.credentials().userId()).isNull();
      assertThat(v2.credentials().username()).isEqualTo("gncu12345678");
      assertThat(v2.credentialKeys()).containsOnlyKeys("identityUrl", "username", "password", "tenantId", "region");
      assertThat(SimCommandTest.exports(v2.openrc())).containsEntry("OS_TENANT_ID", v2.config().tenantId())
          .containsEntry("OS_PASSWORD", "Sim-Passw0rd!").doesNotContainKey("OS_USER_ID");
    }
  }
}
