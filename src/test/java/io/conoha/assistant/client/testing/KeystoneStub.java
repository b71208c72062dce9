package io.conoha.assistant.client.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keystone on a {@link StubCloud}: issues token-1, token-2, ... valid for {@code lifetime} from the test
 * clock, with a catalog pointing at the stub's own service prefixes in region c3j1 (v3) or tyo1 (v2), plus a
 * decoy region "elsewhere" whose URLs nothing answers.
 */
public final class KeystoneStub {
  public static final String REGION_V3 = "c3j1";
  public static final String REGION_V2 = "tyo1";

  private final StubCloud cloud;
  private final Clock clock;
  private final boolean v3;
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicReference<Recorded> lastRequest = new AtomicReference<>();
  private volatile Duration lifetime = Duration.ofHours(24);
  private volatile Duration delay = Duration.ZERO;
  private volatile String password;
  private volatile boolean withVolume = true;
  private volatile boolean withImage = true;

  private KeystoneStub(StubCloud cloud, Clock clock, boolean v3) {
    this.cloud = cloud;
    this.clock = clock;
    this.v3 = v3;
    cloud.on("POST", v3 ? StubCloud.IDENTITY_V3 + "/auth/tokens" : StubCloud.IDENTITY_V2 + "/tokens", this::answer);
  }

  public static KeystoneStub v3(StubCloud cloud, Clock clock) {
    return new KeystoneStub(cloud, clock, true);
  }

  public static KeystoneStub v2(StubCloud cloud, Clock clock) {
    return new KeystoneStub(cloud, clock, false);
  }

  public KeystoneStub lifetime(Duration value) {
    this.lifetime = value;
    return this;
  }

  /** Answers late, so that concurrent callers pile up behind one authentication. */
  public KeystoneStub delay(Duration value) {
    this.delay = value;
    return this;
  }

  /** Refuses (401) any other password. */
  public KeystoneStub password(String value) {
    this.password = value;
    return this;
  }

  public KeystoneStub withoutVolumeService() {
    this.withVolume = false;
    return this;
  }

  public KeystoneStub withoutImageService() {
    this.withImage = false;
    return this;
  }

  public int authentications() {
    return issued.get();
  }

  public String currentToken() {
    return "token-" + issued.get();
  }

  public Recorded lastRequest() {
    return lastRequest.get();
  }

  private Reply answer(Recorded request) {
    lastRequest.set(request);
    if (password != null && !request.body().contains("\"" + password + "\"")) {
      return Reply.json(401, new JsonObject().put("error", new JsonObject().put("code", 401)
          .put("title", "Unauthorized").put("message", "The request you have made requires authentication.")));
    }
    String token = "token-" + issued.incrementAndGet();
    Instant expires = clock.instant().plus(lifetime);
    Reply reply = v3
        ? Reply.json(201, v3Body(expires)).header("X-Subject-Token", token)
        : Reply.json(200, v2Body(token, expires));
    return reply.after(delay);
  }

  private JsonObject v3Body(Instant expires) {
    JsonArray catalog = new JsonArray()
        .add(v3Service("compute", REGION_V3, StubCloud.COMPUTE))
        .add(v3Service("compute", "elsewhere", "/elsewhere/compute"));
    if (withImage) {
      catalog.add(v3Service("image", REGION_V3, StubCloud.IMAGE));
    }
    if (withVolume) {
      catalog.add(v3Service("volumev3", REGION_V3, StubCloud.VOLUME));
    }
    return new JsonObject().put("token", new JsonObject()
        .put("expires_at", expires.toString())
        .put("project", new JsonObject().put("id", StubCloud.PROJECT))
        .put("catalog", catalog));
  }

  private JsonObject v3Service(String type, String region, String path) {
    JsonArray endpoints = new JsonArray()
        .add(new JsonObject().put("interface", "internal").put("region", region).put("url", cloud.url("/internal" + path)))
        .add(new JsonObject().put("interface", "public").put("region", region).put("url", cloud.url(path)));
    return new JsonObject().put("type", type).put("endpoints", endpoints);
  }

  private JsonObject v2Body(String token, Instant expires) {
    JsonArray catalog = new JsonArray()
        .add(v2Service("compute", StubCloud.COMPUTE_V2))
        .add(v2Service("identity", StubCloud.IDENTITY_V2));
    if (withImage) {
      catalog.add(v2Service("image", StubCloud.IMAGE));
    }
    return new JsonObject().put("access", new JsonObject()
        .put("token", new JsonObject().put("id", token).put("expires", expires.toString())
            .put("tenant", new JsonObject().put("id", StubCloud.PROJECT)))
        .put("serviceCatalog", catalog));
  }

  private JsonObject v2Service(String type, String path) {
    JsonArray endpoints = new JsonArray()
        .add(new JsonObject().put("region", "elsewhere").put("publicURL", cloud.url("/elsewhere" + path)))
        .add(new JsonObject().put("region", REGION_V2).put("publicURL", cloud.url(path)));
    return new JsonObject().put("type", type).put("name", type).put("endpoints", endpoints);
  }
}
