package io.conoha.assistant.client.testing;

import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the scenario tests: a fresh stub cloud with a v3 Keystone, a test clock and a meter registry per
 * test; one Vert.x per class. Settings are fast: short backoff, no rate limit, second-scale timeouts.
 */
public abstract class StubCloudTest {
  public static final String PASSWORD = "Acc0unt-Passw0rd!";
  public static final String USER_ID = "e49435d926a640d9ac15738e510fa909";
  public static final ClientSettings FAST = ClientSettings.defaults()
      .withRetries(3, Duration.ofMillis(10), Duration.ofSeconds(2))
      .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
      .withRateLimit(0, 1);

  protected static Vertx vertx;
  protected StubCloud cloud;
  protected MutableClock clock;
  protected KeystoneStub keystone;
  protected MeterRegistry meters;
  private ConohaClient client;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  @BeforeEach
  void startCloud() {
    cloud = StubCloud.start(vertx);
    clock = MutableClock.atNow();
    keystone = KeystoneStub.v3(cloud, clock).password(PASSWORD);
    meters = new SimpleMeterRegistry();
  }

  @AfterEach
  void stopCloud() {
    if (client != null) {
      client.close();
    }
    cloud.close();
  }

  /** The client of the v3 account, made on first use with {@link #FAST} settings. */
  protected ConohaClient client() {
    if (client == null) {
      client = client(credentialsV3(), FAST);
    }
    return client;
  }

  protected ConohaClient client(Credentials credentials, ClientSettings settings) {
    ConohaClient made = ConohaClient.create(vertx, credentials, settings, meters, clock);
    if (client == null) {
      client = made;
    }
    return made;
  }

  protected Map<String, String> v3Keys() {
    Map<String, String> keys = new HashMap<>();
    keys.put("identityUrl", cloud.url(StubCloud.IDENTITY_V3));
    keys.put("userId", USER_ID);
    keys.put("password", PASSWORD);
    keys.put("tenantId", StubCloud.PROJECT);
    keys.put("region", KeystoneStub.REGION_V3);
    return keys;
  }

  protected Credentials credentialsV3() {
    return Credentials.fromMap(v3Keys());
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
