package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdentityTest extends StubCloudTest {

  @Test
  void v3AuthenticationSendsTheIdFormAndReadsTheTokenFromXSubjectToken() {
    Token token = client().identity().token();

    assertThat(token.id()).isEqualTo("token-1");
    assertThat(token.projectId()).isEqualTo(StubCloud.PROJECT);
    JsonObject auth = keystone.lastRequest().json().getJsonObject("auth");
    assertThat(auth.getJsonObject("identity").getJsonArray("methods")).containsExactly("password");
    assertThat(auth.getJsonObject("identity").getJsonObject("password").getJsonObject("user"))
        .isEqualTo(new JsonObject().put("id", USER_ID).put("password", PASSWORD));
    assertThat(auth.getJsonObject("scope")).isEqualTo(new JsonObject()
        .put("project", new JsonObject().put("id", StubCloud.PROJECT)));
    assertThat(client().generation()).isEqualTo(ApiGeneration.V3);
  }

  @Test
  void v3NameFormCarriesTheDomainOnUserAndProject() {
    Map<String, String> keys = v3Keys();
    keys.remove("userId");
    keys.remove("tenantId");
    keys.put("username", "gncu00000001");
    keys.put("tenantName", "gnct00000001");
    keys.put("domain", "gnc");

    client(Credentials.fromMap(keys), FAST).identity().token();

    JsonObject auth = keystone.lastRequest().json().getJsonObject("auth");
    JsonObject gnc = new JsonObject().put("name", "gnc");
    assertThat(auth.getJsonObject("identity").getJsonObject("password").getJsonObject("user"))
        .isEqualTo(new JsonObject().put("name", "gncu00000001").put("domain", gnc).put("password", PASSWORD));
    assertThat(auth.getJsonObject("scope").getJsonObject("project"))
        .isEqualTo(new JsonObject().put("name", "gnct00000001").put("domain", gnc));
  }

  @Test
  void theCatalogGivesThePublicEndpointsOfTheConfiguredRegion() {
    Endpoints endpoints = client().identity().endpoints();

    assertThat(endpoints.compute()).isEqualTo(cloud.url(StubCloud.COMPUTE));
    assertThat(endpoints.image()).isEqualTo(cloud.url(StubCloud.IMAGE));
    assertThat(endpoints.volume()).isEqualTo(cloud.url(StubCloud.VOLUME));
    assertThat(endpoints.network()).isNull();
  }

  @Test
  void anEndpointOverrideWinsOverTheCatalog() {
    Map<String, String> keys = v3Keys();
    keys.put("computeUrl", cloud.url("/proxy/compute/v2.1/"));

    Endpoints endpoints = client(Credentials.fromMap(keys), FAST).identity().endpoints();

    assertThat(endpoints.compute()).isEqualTo(cloud.url("/proxy/compute/v2.1"));
    assertThat(endpoints.image()).isEqualTo(cloud.url(StubCloud.IMAGE));
  }

  @Test
  void aServiceMissingFromTheCatalogIsAConfigurationErrorThatSaysWhatToSet() {
    keystone.withoutVolumeService();

    assertThatThrownBy(() -> client().volumes().getVolume("v1"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION))
        .hasMessageContaining("no volume endpoint in region c3j1")
        .hasMessageContaining("set volumeUrl");
  }

  @Test
  void v2AuthenticationReadsTheTokenFromTheBodyAndUsesTheTenantComputePath() {
    KeystoneStub v2 = KeystoneStub.v2(cloud, clock).password(PASSWORD);
    cloud.on("GET", StubCloud.COMPUTE_V2 + "/flavors/detail", Reply.json(200, Fixtures.text("flavors_detail_v2_path.json")));
    Credentials credentials = Credentials.fromMap(Map.of("identityUrl", cloud.url(StubCloud.IDENTITY_V2),
        "username", "gncu12345678", "password", PASSWORD, "tenantId", StubCloud.PROJECT,
        "region", KeystoneStub.REGION_V2));
    ConohaClient client = client(credentials, FAST);

    List<Flavor> flavors = client.compute().listFlavors();

    assertThat(client.generation()).isEqualTo(ApiGeneration.V2);
    assertThat(flavors).extracting(Flavor::name).contains("g-c2m1d100");
    assertThat(v2.lastRequest().json()).isEqualTo(new JsonObject().put("auth", new JsonObject()
        .put("passwordCredentials", new JsonObject().put("password", PASSWORD).put("username", "gncu12345678"))
        .put("tenantId", StubCloud.PROJECT)));
    assertThat(cloud.requests("GET", StubCloud.COMPUTE_V2 + "/flavors/detail").get(0).token()).isEqualTo("token-1");
    assertThat(client.identity().endpoints().volume()).as("this v2 catalog has no volume service").isNull();
  }

  @Test
  void aV2UrlAgainstAKeystoneThatOffersOnlyV3SaysToUseTheV3Url() {
    cloud.on("POST", StubCloud.IDENTITY_V2 + "/tokens",
        Reply.text(404, "text/html; charset=utf-8", Fixtures.text("keystone_v2_tokens_error.txt")));
    cloud.on("GET", "/identity/", Reply.json(300, Fixtures.text("keystone_versions.json")));
    Map<String, String> keys = v3Keys();
    keys.put("identityUrl", cloud.url(StubCloud.IDENTITY_V2));

    assertThatThrownBy(() -> client(Credentials.fromMap(keys), FAST).identity().token())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION))
        .hasMessageContaining("this Keystone does not offer v2.0 (it offers v3.14); use the /v3 URL");
  }

  @Test
  void aWrongPasswordIsUnauthorizedWithAHintAndCountsAsAFailedAuthentication() {
    Map<String, String> keys = v3Keys();
    keys.put("password", "Wrong-Passw0rd!");

    assertThatThrownBy(() -> client(Credentials.fromMap(keys), FAST).compute().listFlavors())
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
          assertThat(e.operation()).isEqualTo("identity.tokens");
        })
        .hasMessageContaining("identity.tokens: HTTP 401 Unauthorized")
        .hasMessageContaining("check the user, password and tenant/project");
    assertThat(meters.get("conoha_assistant.auth.requests").tag("result", "failure").counter().count()).isEqualTo(1);
  }

  @Test
  void theTokenIsReusedUntilTheRefreshMarginAndRenewedBeforeItExpires() {
    keystone.lifetime(Duration.ofHours(1));
    ConohaClient client = client(credentialsV3(), FAST.withTokenRefreshMargin(Duration.ofMinutes(5)));

    client.identity().token();
    clock.advance(Duration.ofMinutes(54));
    Token stillValid = client.identity().token();
    clock.advance(Duration.ofMinutes(2));
    Token renewed = client.identity().token();

    assertThat(stillValid.id()).isEqualTo("token-1");
    assertThat(renewed.id()).as("renewed at 56 of 60 minutes, before it expired").isEqualTo("token-2");
    assertThat(keystone.authentications()).isEqualTo(2);
  }

  @Test
  void fiftyCallersFindingAnExpiredTokenCauseExactlyOneAuthentication() throws Exception {
    keystone.lifetime(Duration.ofHours(1)).delay(Duration.ofMillis(300));
    cloud.on("GET", StubCloud.COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));
    ConohaClient client = client();
    client.identity().token();
    clock.advance(Duration.ofHours(2));

    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Flavor>>> calls = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        calls.add(pool.submit(() -> {
          start.await();
          return client.compute().listFlavors();
        }));
      }
      start.countDown();
      for (Future<List<Flavor>> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS)).hasSize(4);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(keystone.authentications()).as("one at the start, one for all 50 callers").isEqualTo(2);
    assertThat(cloud.requests("GET", StubCloud.COMPUTE + "/flavors/detail"))
        .allSatisfy(r -> assertThat(r.token()).isEqualTo("token-2"));
  }

  @Test
  void callingFromAVertxEventLoopIsRefusedBecauseItWouldBlockIt() {
    java.util.concurrent.CompletableFuture<Throwable> thrown = new java.util.concurrent.CompletableFuture<>();
    ConohaClient client = client();

    vertx.runOnContext(v -> {
      try {
        client.identity().token();
        thrown.complete(null);
      } catch (Throwable t) {
        thrown.complete(t);
      }
    });

    assertThat(thrown.join()).isInstanceOf(IllegalStateException.class).hasMessageContaining("event loop");
  }
}
