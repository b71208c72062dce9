package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults through the Java API, the admin endpoint and the config file; deterministic for a seed. */
class FaultInjectionTest {

  private static SimHttp fast(long seed) {
    return new SimHttp(ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast())
        .withSeed(seed)));
  }

  @Test
  void latencyDelaysEveryAnswer() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().latency(Duration.ofMillis(250), Duration.ofMillis(300));
      long started = System.nanoTime();
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(http.sim.faults().injectedCounts()).containsEntry("latency:servers.list", 1L);
    }
  }

  @Test
  void errorRatesAreTheSameForTheSameSeedAndComeInEachServicesFaultShape() {
    List<Integer> first = statuses(7);
    List<Integer> again = statuses(7);
    List<Integer> otherSeed = statuses(8);

    assertThat(first).isEqualTo(again).contains(503, 200);
    assertThat(otherSeed).isNotEqualTo(first);

    try (SimHttp http = fast(7)) {
      http.login();
      http.sim.faults().errorRate("servers.list", 503, 1.0).errorRate("images.list", 500, 1.0);
      JsonNode nova = http.get(http.compute("/servers")).json();
      assertThat(nova.path("serviceUnavailable").path("code").asInt()).isEqualTo(503);
      SimHttp.Resp glance = http.get(http.image("/v2/images"));
      assertThat(glance.status()).isEqualTo(500);
      assertThat(glance.json().path("code").asText()).isEqualTo("500 Internal Server Error");
    }
  }

  private static List<Integer> statuses(long seed) {
    try (SimHttp http = fast(seed)) {
      http.login();
      http.sim.faults().errorRate("servers.list", 503, 0.5);
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        out.add(http.get(http.compute("/servers")).status());
        http.get(http.compute("/flavors")); // other operations do not disturb the draws
      }
      return out;
    }
  }

  @Test
  void failNextFailsExactlyThatManyRequestsWithComputeFault() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().failNext("servers.get", 500, 2);
      String id = http.sim.admin().createServer("x", "g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of());
      SimHttp.Resp failed = http.get(http.compute("/servers/" + id));
      assertThat(failed.status()).isEqualTo(500);
      assertThat(failed.json().path("computeFault").path("code").asInt()).isEqualTo(500);
      assertThat(http.get(http.compute("/servers/" + id)).status()).isEqualTo(500);
      assertThat(http.get(http.compute("/servers/" + id)).status()).isEqualTo(200);
      assertThat(http.sim.faults().injectedCounts()).containsEntry("500:servers.get", 2L);
    }
  }

  @Test
  void rateLimitsAnswer429WithRetryAfterAndAnOverLimitBody() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().rateLimitNext("servers.list", 1, Duration.ofMillis(1500));
      SimHttp.Resp limited = http.get(http.compute("/servers"));
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("Retry-After")).isEqualTo("2");
      assertThat(limited.json().path("overLimit").path("retryAfter").asText()).isEqualTo("2");
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);

      http.sim.faults().rateLimitRate("*", 1.0, Duration.ofSeconds(3));
      assertThat(http.get(http.image("/v2/images")).status()).isEqualTo(429);
      assertThat(http.get(http.admin("/ledger")).status()).isEqualTo(200);
    }
  }

  @Test
  void aHungRequestIsNeverAnsweredSoTheClientTimesOut() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().hangNext("servers.list", 1);
      assertThatThrownBy(() -> http.send(HttpMethod.GET, http.compute("/servers"), null, 300))
          .hasMessageContaining("failed");
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);
      assertThat(http.sim.ledger().count("servers.list")).isEqualTo(2);
    }
  }

  @Test
  void createThenFailCreatesTheServerButAnswers503() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().createThenFail("servers.create", 1);
      SimHttp.Resp r = http.post(http.compute("/servers"), Map.of("server", Map.of(
          "flavorRef", http.flavorId("g2d-t-c1m2d30"), "imageRef", http.imageId("vmi-debian-12-amd64"),
          "metadata", Map.of("instance_name_tag", "ghost"))));

      assertThat(r.status()).isEqualTo(503);
      assertThat(http.sim.ledger().state().servers()).extracting(SimServer::nameTag).containsExactly("ghost");
      JsonNode listed = http.get(http.compute("/servers/detail")).json().path("servers");
      assertThat(listed.get(0).path("metadata").path("instance_name_tag").asText()).isEqualTo("ghost");
      assertThat(http.sim.faults().injectedCounts()).containsEntry("createThenFail:servers.create", 1L);
    }
  }

  @Test
  void withListLagANewServerIsMissingFromListsButNotFromGet() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().listLag(Duration.ofMillis(600));
      String id = http.createServer("g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of());

      assertThat(http.get(http.compute("/servers/detail")).json().path("servers").size()).isZero();
      assertThat(http.get(http.compute("/servers/" + id)).status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(5))
          .until(() -> http.get(http.compute("/servers")).json().path("servers").size() == 1);
    }
  }

  @Test
  void revokedTokensAre401ButANewLoginWorks() {
    try (SimHttp http = fast(1)) {
      http.login();
      http.sim.faults().revokeTokens();
      SimHttp.Resp revoked = http.get(http.compute("/servers"));
      assertThat(revoked.status()).isEqualTo(401);
      assertThat(revoked.json().path("error").path("code").asInt()).isEqualTo(401);
      http.login();
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);
      assertThat(http.sim.faults().injectedCounts()).containsEntry("revoked:servers.list", 1L);
    }
  }

  @Test
  void theAdminEndpointSetsDescribesAndClearsFaults() {
    try (SimHttp http = fast(1)) {
      http.login();
      SimHttp.Resp set = http.post(http.admin("/faults"), Map.of(
          "failNext", List.of(Map.of("operation", "servers.list", "status", 503, "times", 1)),
          "rateLimitNext", List.of(Map.of("operation", "flavors.list", "times", 1, "retryAfter", "1s"))));
      assertThat(set.status()).isEqualTo(200);
      assertThat(set.json().path("description").asText())
          .contains("servers.list: answer 503, next 1 time(s)").contains("flavors.list: answer 429");

      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(503);
      JsonNode described = http.get(http.admin("/faults")).json();
      assertThat(described.path("injected").path("503:servers.list").asLong()).isEqualTo(1);

      assertThat(http.delete(http.admin("/faults")).status()).isEqualTo(200);
      assertThat(http.get(http.compute("/flavors")).status()).isEqualTo(200);
      assertThat(http.sim.faults().describe()).startsWith("no faults configured");

      SimHttp.Resp typo = http.post(http.admin("/faults"), Map.of("failNxt", List.of()));
      assertThat(typo.status()).isEqualTo(400);
      assertThat(typo.json().path("badRequest").path("message").asText()).contains("unknown fault 'failNxt'");
    }
  }

  @Test
  void faultsInTheConfigAreActiveFromTheStart() throws Exception {
    FaultPlan plan = FaultPlan.fromJson(SimHttp.JSON.readTree("""
        {"failNext": [{"operation": "identity.tokens", "status": 503, "times": 1}],
         "latency": {"min": "1ms", "max": "5ms"}}
        """));
    SimConfig config = SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()).withFaults(plan);
    try (SimHttp http = new SimHttp(ConohaSimulator.start(config))) {
      SimConfig c = http.sim.config();
      SimHttp.Resp first = http.post(http.sim.identityUrl() + "/tokens", Map.of("auth", Map.of("passwordCredentials",
          Map.of("username", c.username(), "password", c.password()), "tenantId", c.tenantId())));
      assertThat(first.status()).isEqualTo(503);
      assertThat(first.json().path("error").path("code").asInt()).isEqualTo(503);
      http.login();
      assertThat(http.sim.faults().describe()).contains("latency 1ms..5ms").contains("503:identity.tokens=1");
    }
  }
}
