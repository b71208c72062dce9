package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.Recorded;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResilienceTest extends StubCloudTest {
  private static final String FLAVORS = StubCloud.COMPUTE + "/flavors/detail";
  private static final String SERVERS = StubCloud.COMPUTE + "/servers";
  private static final Reply UNAUTHORIZED = Reply.json(401, new JsonObject().put("error",
      new JsonObject().put("code", 401).put("title", "Unauthorized").put("message", "token expired")));
  private static final Reply UNAVAILABLE = Reply.json(503, new JsonObject().put("computeFault",
      new JsonObject().put("code", 503).put("message", "Service Unavailable")));

  private static ServerCreateRequest bootFromImage() {
    return new ServerCreateRequest("f-d30", "img-1", null, null, null, List.of(), null,
        Map.of("instance_name_tag", "web"));
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheCallRepeatedOnce() {
    cloud.on("GET", FLAVORS, r -> r.token().equals("token-1") ? UNAUTHORIZED : Reply.ok(Bodies.v3Flavors()));

    assertThat(client().compute().listFlavors()).hasSize(4);
    assertThat(keystone.authentications()).isEqualTo(2);
    assertThat(cloud.requests("GET", FLAVORS)).extracting(Recorded::token).containsExactly("token-1", "token-2");
  }

  @Test
  void aCreateRefusedWith401IsRepeatedBecauseARefusedTokenMeansNothingHappened() {
    cloud.on("POST", SERVERS, r -> r.token().equals("token-1") ? UNAUTHORIZED
        : Reply.json(202, Fixtures.text("server_create.json")));

    assertThat(client().compute().createServer(bootFromImage())).isEqualTo("1fa4677b-4d53-47d2-a3ed-6793d7479e75");
    assertThat(cloud.count("POST", SERVERS)).isEqualTo(2);
  }

  @Test
  void a401AfterRenewingTheTokenIsReportedInsteadOfLooping() {
    cloud.on("GET", FLAVORS, UNAUTHORIZED);

    assertThatThrownBy(() -> client().compute().listFlavors())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
        .hasMessage("flavors.list: HTTP 401 Unauthorized: token expired");
    assertThat(cloud.count("GET", FLAVORS)).isEqualTo(2);
    assertThat(keystone.authentications()).isEqualTo(2);
  }

  @Test
  void a429OnAReadIsRetriedAfterTheRetryAfterTheServerAskedFor() {
    cloud.on("GET", FLAVORS, Reply.json(429, "{\"message\":\"slow down\"}").header("Retry-After", "1"),
        Reply.ok(Bodies.v3Flavors()));

    assertThat(client().compute().listFlavors()).hasSize(4);

    List<Recorded> calls = cloud.requests("GET", FLAVORS);
    assertThat(calls).hasSize(2);
    assertThat(Duration.ofNanos(calls.get(1).receivedNanos() - calls.get(0).receivedNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(meters.get("conoha_assistant.api.requests").tag("status", "429").counter().count()).isEqualTo(1);
  }

  @Test
  void a413OverLimitOnACreateIsHandedBackWithItsRetryAfterAndNotRepeated() {
    cloud.on("POST", SERVERS, Reply.json(413, "{\"overLimit\":{\"code\":413,\"message\":\"This request was rate-limited.\"}}")
        .header("Retry-After", "30"));

    assertThatThrownBy(() -> client().compute().createServer(bootFromImage()))
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        });
    assertThat(cloud.count("POST", SERVERS)).isEqualTo(1);
  }

  @Test
  void a503OnCreateIsNotRetriedBecauseTheServerMayExist() {
    cloud.on("POST", SERVERS, UNAVAILABLE);

    assertThatThrownBy(() -> client().compute().createServer(bootFromImage()))
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
          assertThat(e.isOutcomeUnknown()).isTrue();
          assertThat(e.operation()).isEqualTo("servers.create");
        })
        .hasMessage("servers.create: HTTP 503 computeFault: Service Unavailable");
    assertThat(cloud.count("POST", SERVERS)).isEqualTo(1);
  }

  @Test
  void a503OnAPowerActionIsNotRetriedEither() {
    cloud.on("POST", SERVERS + "/s1/action", UNAVAILABLE);

    assertThatThrownBy(() -> client().compute().stop("s1", false)).isInstanceOf(ConohaException.class);
    assertThat(cloud.count("POST", SERVERS + "/s1/action")).isEqualTo(1);
  }

  @Test
  void a503OnAReadIsRetriedWithBackoffUntilItPasses() {
    cloud.on("GET", FLAVORS, UNAVAILABLE, UNAVAILABLE, Reply.ok(Bodies.v3Flavors()));

    assertThat(client().compute().listFlavors()).hasSize(4);
    assertThat(cloud.count("GET", FLAVORS)).isEqualTo(3);
  }

  @Test
  void aDeleteThatKeepsFailingGivesUpAfterMaxRetries() {
    cloud.on("DELETE", SERVERS + "/s1", UNAVAILABLE);

    assertThatThrownBy(() -> client().compute().deleteServer("s1"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
    assertThat(cloud.count("DELETE", SERVERS + "/s1")).isEqualTo(1 + FAST.maxRetries());
  }

  @Test
  void aReadWithoutAnswerTimesOutAndIsRetriedButACreateTimesOutOnceWithItsOutcomeUnknown() {
    ConohaClient client = client(credentialsV3(), FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300))
        .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(50)));
    cloud.on("GET", FLAVORS, Reply.never());
    cloud.on("POST", SERVERS, Reply.never());

    assertThatThrownBy(() -> client.compute().listFlavors())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
        .hasMessageContaining("flavors.list: no answer within 300 ms");
    assertThatThrownBy(() -> client.compute().createServer(bootFromImage()))
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
          assertThat(e.isOutcomeUnknown()).isTrue();
        });

    assertThat(cloud.count("GET", FLAVORS)).isEqualTo(2);
    assertThat(cloud.count("POST", SERVERS)).isEqualTo(1);
    assertThat(meters.get("conoha_assistant.api.requests").tag("status", "timeout").counters())
        .extracting(c -> c.getId().getTag("operation")).containsExactlyInAnyOrder("flavors.list", "servers.create");
  }

  @Test
  void anUnreachableServiceIsATransportError() {
    StubCloud gone = StubCloud.start(vertx);
    String deadUrl = gone.url("/compute/v2.1");
    gone.close();
    Map<String, String> keys = v3Keys();
    keys.put("computeUrl", deadUrl);

    assertThatThrownBy(() -> client(Credentials.fromMap(keys), FAST).compute().listServers())
        .isInstanceOfSatisfying(ConohaException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
          assertThat(e.statusCode()).isZero();
        })
        .hasMessageContaining("servers.list: could not reach the service");
  }

  @Test
  void theOutboundRateLimitSpacesRequestsOfOneAccount() {
    cloud.on("GET", FLAVORS, Reply.ok(Bodies.v3Flavors()));
    ConohaClient client = client(credentialsV3(), FAST.withRateLimit(20, 1));

    for (int i = 0; i < 4; i++) {
      client.compute().listFlavors();
    }

    List<Recorded> all = cloud.requests();
    Duration spread = Duration.ofNanos(all.get(all.size() - 1).receivedNanos() - all.get(0).receivedNanos());
    assertThat(all).hasSize(5);
    assertThat(spread).as("5 requests at 20/s with no burst").isGreaterThanOrEqualTo(Duration.ofMillis(180));
  }
}
