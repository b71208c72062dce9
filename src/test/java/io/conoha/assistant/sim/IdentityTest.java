package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keystone as ConoHa serves it: v2.0 tokens on tyo1, v3 tokens on c3j1, version discovery, 401s. */
class IdentityTest {

  @Test
  void v2TokenCarriesIdExpiryAndACatalogPointingAtTheSimulatorInTyo1() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      SimConfig c = http.sim.config();
      SimHttp.Resp r = http.post(http.sim.identityUrl() + "/tokens", Map.of("auth", Map.of("passwordCredentials",
          Map.of("username", c.username(), "password", c.password()), "tenantId", c.tenantId())));

      assertThat(r.status()).isEqualTo(200);
      JsonNode access = r.json().path("access");
      assertThat(access.path("token").path("id").asText()).hasSize(32);
      Instant expires = Instant.parse(access.path("token").path("expires").asText());
      assertThat(expires).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
      assertThat(access.path("token").path("tenant").path("tyo1_image_size").asText()).isEqualTo("50GB");
      assertThat(types(access.path("serviceCatalog")))
          .containsExactlyInAnyOrder("identity", "compute", "image", "volume", "network", "dns");
      for (JsonNode service : access.path("serviceCatalog")) {
        JsonNode endpoint = service.path("endpoints").get(0);
        assertThat(endpoint.path("region").asText()).isEqualTo("tyo1");
        assertThat(endpoint.path("publicURL").asText()).startsWith(http.sim.baseUrl());
      }
      assertThat(catalogUrl(access.path("serviceCatalog"), "compute"))
          .isEqualTo(http.sim.baseUrl() + "/compute/v2/" + c.tenantId());
    }
  }

  @Test
  void v2AcceptsTheTenantNameInsteadOfTheId() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      SimConfig c = http.sim.config();
      SimHttp.Resp r = http.post(http.sim.identityUrl() + "/tokens", Map.of("auth", Map.of("passwordCredentials",
          Map.of("username", c.username(), "password", c.password()), "tenantName", c.tenantName())));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().path("access").path("token").path("tenant").path("id").asText()).isEqualTo(c.tenantId());
    }
  }

  @Test
  void v3TokenComesInXSubjectTokenWith201AndAC3j1CatalogWithVolumev3() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      SimConfig c = http.sim.config();
      SimHttp.Resp r = http.post(http.sim.identityUrl() + "/auth/tokens", v3IdForm(c.userId(), c.password(),
          c.tenantId()));

      assertThat(r.status()).isEqualTo(201);
      assertThat(r.header("X-Subject-Token")).startsWith("gAAAAA");
      JsonNode token = r.json().path("token");
      assertThat(Instant.parse(token.path("expires_at").asText()))
          .isAfter(Instant.now().plus(Duration.ofHours(23)));
      assertThat(token.path("project").path("id").asText()).isEqualTo(c.tenantId());
      assertThat(token.path("user").path("id").asText()).isEqualTo(c.userId());
      assertThat(types(token.path("catalog")))
          .containsExactlyInAnyOrder("identity", "compute", "image", "volumev3", "network", "dns");
      for (JsonNode service : token.path("catalog")) {
        assertThat(service.path("endpoints").get(0).path("region_id").asText()).isEqualTo("c3j1");
        assertThat(service.path("endpoints").get(0).path("interface").asText()).isEqualTo("public");
      }
      assertThat(catalogUrl(token.path("catalog"), "compute")).isEqualTo(http.sim.baseUrl() + "/compute/v2.1");
      assertThat(catalogUrl(token.path("catalog"), "volumev3"))
          .isEqualTo(http.sim.baseUrl() + "/volume/v3/" + c.tenantId());
    }
  }

  @Test
  void v3AcceptsTheNameAndDomainForm() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      SimConfig c = http.sim.config();
      Map<String, Object> body = Map.of("auth", Map.of(
          "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
              "name", c.username(), "domain", Map.of("name", c.domain()), "password", c.password()))),
          "scope", Map.of("project", Map.of("name", c.tenantName(), "domain", Map.of("name", c.domain())))));

      SimHttp.Resp r = http.post(http.sim.identityUrl() + "/auth/tokens", body);

      assertThat(r.status()).isEqualTo(201);
      assertThat(r.json().path("token").path("project").path("id").asText()).isEqualTo(c.tenantId());
    }
  }

  @Test
  void aWrongPasswordIs401OnBothGenerations() {
    try (SimHttp v2 = SimHttp.fast(ApiGeneration.V2); SimHttp v3 = SimHttp.fast(ApiGeneration.V3)) {
      SimConfig c2 = v2.sim.config();
      SimHttp.Resp r2 = v2.post(v2.sim.identityUrl() + "/tokens", Map.of("auth", Map.of("passwordCredentials",
          Map.of("username", c2.username(), "password", "wrong"), "tenantId", c2.tenantId())));
      SimHttp.Resp r3 = v3.post(v3.sim.identityUrl() + "/auth/tokens",
          v3IdForm(v3.sim.config().userId(), "wrong", v3.sim.config().tenantId()));

      for (SimHttp.Resp r : List.of(r2, r3)) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asInt()).isEqualTo(401);
        assertThat(r.json().path("error").path("title").asText()).isEqualTo("Unauthorized");
      }
      assertThat(v2.sim.ledger().authCount()).isEqualTo(1);
    }
  }

  @Test
  void theV3SimulatorAnswersAV2TokenRequestWithKeystonesHtml404() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      SimHttp.Resp r = http.post(http.sim.baseUrl() + "/identity/v2.0/tokens", Map.of("auth", Map.of()));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.header("Content-Type")).startsWith("text/html");
      assertThat(r.body()).contains("<title>404 Not Found</title>");
    }
  }

  @Test
  void everyServiceRootServesAVersionDocumentForDiscovery() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      String base = http.sim.baseUrl();
      SimHttp.Resp keystone = http.get(base + "/identity/");
      assertThat(keystone.status()).isEqualTo(300);
      assertThat(keystone.json().path("versions").path("values").get(0).path("id").asText()).startsWith("v3");
      assertThat(http.get(base + "/identity/v3").json().path("version").path("links").get(0).path("href").asText())
          .isEqualTo(base + "/identity/v3/");

      SimHttp.Resp nova = http.get(base + "/compute/");
      assertThat(nova.status()).isEqualTo(200);
      assertThat(nova.json().path("versions").get(0).path("id").asText()).isEqualTo("v2.1");
      assertThat(http.get(base + "/compute/v2.1").json().path("version").path("min_version").asText())
          .isEqualTo("2.1");

      assertThat(http.get(base + "/image/").status()).isEqualTo(300);
      SimHttp.Resp glance = http.get(base + "/image/versions");
      assertThat(glance.status()).isEqualTo(200);
      assertThat(glance.json().path("versions").get(0).path("links").get(0).path("href").asText())
          .isEqualTo(base + "/image/v2/");

      SimHttp.Resp cinder = http.get(base + "/volume/");
      assertThat(cinder.status()).isEqualTo(300);
      assertThat(cinder.json().path("versions").get(0).path("id").asText()).isEqualTo("v3.0");
      assertThat(http.get(base + "/network/").json().path("versions").get(0).path("id").asText()).isEqualTo("v2.0");
    }
  }

  @Test
  void theV2SimulatorDiscoversKeystoneV2AndNovaV2() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      String base = http.sim.baseUrl();
      assertThat(http.get(base + "/identity").json().path("versions").path("values").get(0).path("id").asText())
          .isEqualTo("v2.0");
      assertThat(http.get(base + "/compute/").json().path("versions").get(0).path("id").asText()).isEqualTo("v2.0");
      assertThat(http.post(base + "/identity/v3/auth/tokens", Map.of()).status()).isEqualTo(404);
    }
  }

  @Test
  void tokensExpireAfterTheConfiguredLifetime() {
    SimConfig config = SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast())
        .withTokenLifetime(Duration.ofMillis(400));
    try (SimHttp http = new SimHttp(ConohaSimulator.start(config))) {
      http.login();
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(5)).until(() -> http.get(http.compute("/servers")).status() == 401);
      SimHttp.Resp expired = http.get(http.compute("/servers"));
      assertThat(expired.json().path("error").path("message").asText()).contains("expired");
      assertThat(expired.header("WWW-Authenticate")).contains(http.sim.identityUrl());

      http.login();
      assertThat(http.get(http.compute("/servers")).status()).isEqualTo(200);
    }
  }

  @Test
  void unknownAndMissingTokensAre401InKeystoneMiddlewaresShape() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String compute = http.compute("/servers");
      http.useToken("0123456789abcdef0123456789abcdef");
      SimHttp.Resp unknown = http.get(compute);
      http.useToken(null);
      SimHttp.Resp missing = http.get(compute);

      for (SimHttp.Resp r : List.of(unknown, missing)) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("message").asText())
            .isEqualTo("The request you have made requires authentication.");
      }
      assertThat(http.sim.ledger().countsByToken()).containsEntry("unknown", 1L).containsKey("none");
    }
  }

  private static Map<String, Object> v3IdForm(String userId, String password, String projectId) {
    return Map.of("auth", Map.of(
        "identity", Map.of("methods", List.of("password"),
            "password", Map.of("user", Map.of("id", userId, "password", password))),
        "scope", Map.of("project", Map.of("id", projectId))));
  }

  private static List<String> types(JsonNode catalog) {
    List<String> types = new ArrayList<>();
    catalog.forEach(s -> types.add(s.path("type").asText()));
    return types;
  }

  private static String catalogUrl(JsonNode catalog, String type) {
    for (JsonNode s : catalog) {
      if (s.path("type").asText().equals(type)) {
        JsonNode e = s.path("endpoints").get(0);
        return e.has("publicURL") ? e.path("publicURL").asText() : e.path("url").asText();
      }
    }
    throw new AssertionError("no " + type);
  }
}
