package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conoha.assistant.client.ApiGeneration;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A plain HTTP client for driving a simulator as any OpenStack client would: log in, read the endpoints from the
 * token's service catalog, send JSON. Blocking, for test readability.
 */
final class SimHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An HTTP answer. */
  record Resp(int status, MultiMap headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  final ConohaSimulator sim;
  private final Vertx vertx;
  private final WebClient client;
  private final Map<String, String> endpoints = new HashMap<>();
  private String token;

  SimHttp(ConohaSimulator sim) {
    this.sim = sim;
    this.vertx = Vertx.vertx();
    this.client = WebClient.create(vertx);
  }

  /** A client for a simulator running elsewhere (e.g. started by the sim command); only absolute URLs work. */
  static SimHttp clientOnly() {
    return new SimHttp(null);
  }

  /** A fast simulator of this generation and a client for it. */
  static SimHttp fast(ApiGeneration generation) {
    return new SimHttp(ConohaSimulator.start(SimConfig.defaults(generation).withTimings(SimTimings.fast())));
  }

  boolean v2() {
    return sim.config().generation() == ApiGeneration.V2;
  }

  /** Authenticates with the simulator's own credentials and remembers token and catalog. */
  String login() {
    SimConfig c = sim.config();
    token = null; // clients authenticate without a token
    Resp r = v2()
        ? post(sim.identityUrl() + "/tokens", Map.of("auth", Map.of("passwordCredentials",
            Map.of("username", c.username(), "password", c.password()), "tenantId", c.tenantId())))
        : post(sim.identityUrl() + "/auth/tokens", Map.of("auth", Map.of(
            "identity", Map.of("methods", new String[] {"password"},
                "password", Map.of("user", Map.of("id", c.userId(), "password", c.password()))),
            "scope", Map.of("project", Map.of("id", c.tenantId())))));
    if (r.status() != (v2() ? 200 : 201)) {
      throw new AssertionError("login failed: " + r);
    }
    JsonNode catalog = v2() ? r.json().path("access").path("serviceCatalog") : r.json().path("token").path("catalog");
    for (JsonNode service : catalog) {
      JsonNode endpoint = service.path("endpoints").get(0);
      endpoints.put(service.path("type").asText(), endpoint.has("publicURL") ? endpoint.path("publicURL").asText()
          : endpoint.path("url").asText());
    }
    token = v2() ? r.json().path("access").path("token").path("id").asText() : r.header("X-Subject-Token");
    return token;
  }

  String token() {
    return token;
  }

  void useToken(String newToken) {
    this.token = newToken;
  }

  String compute(String path) {
    return endpoint("compute") + path;
  }

  String image(String path) {
    return endpoint("image") + path;
  }

  String volume(String path) {
    return endpoint(v2() ? "volume" : "volumev3") + path;
  }

  String admin(String path) {
    return sim.baseUrl() + "/admin" + path;
  }

  private String endpoint(String type) {
    String url = endpoints.get(type);
    if (url == null) {
      throw new AssertionError("no " + type + " endpoint in the catalog (log in first): " + endpoints);
    }
    return url;
  }

  Resp get(String url) {
    return send(HttpMethod.GET, url, null, 10_000);
  }

  Resp delete(String url) {
    return send(HttpMethod.DELETE, url, null, 10_000);
  }

  Resp post(String url, Object body) {
    return send(HttpMethod.POST, url, json(body), 10_000);
  }

  Resp put(String url, Object body) {
    return send(HttpMethod.PUT, url, json(body), 10_000);
  }

  /** A POST with a body sent as it is (for malformed JSON). */
  Resp postRaw(String url, String body) {
    return send(HttpMethod.POST, url, body, 10_000);
  }

  Resp send(HttpMethod method, String url, String body, long timeoutMillis) {
    HttpRequest<Buffer> request = client.requestAbs(method, url).timeout(timeoutMillis)
        .putHeader("Accept", "application/json");
    if (token != null) {
      request.putHeader("X-Auth-Token", token);
    }
    try {
      var future = body == null ? request.send()
          : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body));
      var response = future.toCompletionStage().toCompletableFuture().get(timeoutMillis + 5_000, TimeUnit.MILLISECONDS);
      return new Resp(response.statusCode(), response.headers(), response.bodyAsString() == null ? ""
          : response.bodyAsString());
    } catch (Exception e) {
      throw new RuntimeException(method + " " + url + " failed: " + e.getMessage(), e);
    }
  }

  private static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  // --- small scenario helpers ---

  String flavorId(String name) {
    for (JsonNode f : get(compute("/flavors")).json().path("flavors")) {
      if (f.path("name").asText().equals(name)) {
        return f.path("id").asText();
      }
    }
    throw new AssertionError("no flavor " + name);
  }

  String imageId(String name) {
    JsonNode images = get(image("/v2/images?name=" + name)).json().path("images");
    if (images.size() != 1) {
      throw new AssertionError("expected one image named " + name + ": " + images);
    }
    return images.get(0).path("id").asText();
  }

  JsonNode server(String id) {
    return get(compute("/servers/" + id)).json().path("server");
  }

  String serverStatus(String id) {
    return server(id).path("status").asText();
  }

  JsonNode volumeJson(String id) {
    return get(volume("/volumes/" + id)).json().path("volume");
  }

  String volumeStatus(String id) {
    return volumeJson(id).path("status").asText();
  }

  String glanceStatus(String id) {
    return get(image("/v2/images/" + id)).json().path("status").asText();
  }

  void awaitServerStatus(String id, String status) {
    org.awaitility.Awaitility.await("server " + id + " " + status).atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(20)).until(() -> serverStatus(id).equals(status));
  }

  void awaitVolumeStatus(String id, String status) {
    org.awaitility.Awaitility.await("volume " + id + " " + status).atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(20)).until(() -> volumeStatus(id).equals(status));
  }

  void awaitGlanceStatus(String id, String status) {
    org.awaitility.Awaitility.await("image " + id + " " + status).atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(20)).until(() -> glanceStatus(id).equals(status));
  }

  /** POST /servers from an image (local-disk plans); returns the new id. */
  String createServer(String flavorName, String imageName, Map<String, Object> extra) {
    Map<String, Object> server = new HashMap<>(extra);
    server.put("flavorRef", flavorId(flavorName));
    server.put("imageRef", imageId(imageName));
    Resp r = post(compute("/servers"), Map.of("server", server));
    if (r.status() != 202) {
      throw new AssertionError("create failed: " + r);
    }
    return r.json().path("server").path("id").asText();
  }

  /** A V3 boot volume from an image, waited until available; returns its id. */
  String createBootVolume(String imageName) {
    Resp r = post(volume("/volumes"), Map.of("volume", Map.of("size", 100, "name", "boot",
        "volume_type", "c3j1-ds02-boot", "imageRef", imageId(imageName))));
    if (r.status() != 202) {
      throw new AssertionError("volume create failed: " + r);
    }
    String id = r.json().path("volume").path("id").asText();
    awaitVolumeStatus(id, "available");
    return id;
  }

  /** A V3 server booting from {@code volumeId}; returns its id. */
  String createVolumeServer(String flavorName, String volumeId) {
    Resp r = post(compute("/servers"), Map.of("server", Map.of("flavorRef", flavorId(flavorName),
        "block_device_mapping_v2", java.util.List.of(Map.of("uuid", volumeId)))));
    if (r.status() != 202) {
      throw new AssertionError("create failed: " + r);
    }
    return r.json().path("server").path("id").asText();
  }

  Resp action(String serverId, Object body) {
    return post(compute("/servers/" + serverId + "/action"), body);
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
    if (sim != null) {
      sim.close();
    }
  }
}
