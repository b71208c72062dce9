package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.Credentials.KeystoneVersion;
import io.conoha.assistant.client.Token;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiResponse;
import io.conoha.assistant.client.http.ApiService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The password-authentication request of Keystone v2.0 and v3, and what their answers mean. */
final class KeystoneAuth {
  static final String OPERATION = "identity.tokens";

  /** A token with the catalog it came with. */
  record Grant(Token token, ServiceCatalog catalog) {}

  private KeystoneAuth() {}

  static ApiRequest request(Credentials c) {
    ApiRequest request = c.keystoneVersion() == KeystoneVersion.V2
        ? ApiRequest.post(ApiService.IDENTITY, OPERATION, "/tokens", v2Body(c))
        : ApiRequest.post(ApiService.IDENTITY, OPERATION, "/auth/tokens", v3Body(c));
    return request.withSecrets(c.password());
  }

  /** {@code {"auth":{"passwordCredentials":{"username","password"},"tenantId"|"tenantName"}}}. */
  static JsonObject v2Body(Credentials c) {
    JsonObject password = new JsonObject().put("password", c.password());
    if (c.username() != null) {
      password.put("username", c.username());
    } else {
      password.put("userId", c.userId());
    }
    JsonObject auth = new JsonObject().put("passwordCredentials", password);
    if (c.tenantId() != null) {
      auth.put("tenantId", c.tenantId());
    } else {
      auth.put("tenantName", c.tenantName());
    }
    return new JsonObject().put("auth", auth);
  }

  /**
   * ID form ({@code user.id}, {@code scope.project.id}) when ids are known, which is what ConoHa documents;
   * name form otherwise, with a domain only when one is configured (ConoHa's own name example has none).
   */
  static JsonObject v3Body(Credentials c) {
    JsonObject user = c.userId() != null
        ? new JsonObject().put("id", c.userId())
        : named(c.username(), c.domain());
    user.put("password", c.password());
    JsonObject identity = new JsonObject()
        .put("methods", new JsonArray().add("password"))
        .put("password", new JsonObject().put("user", user));
    JsonObject project = c.tenantId() != null
        ? new JsonObject().put("id", c.tenantId())
        : named(c.tenantName(), c.domain());
    JsonObject auth = new JsonObject()
        .put("identity", identity)
        .put("scope", new JsonObject().put("project", project));
    return new JsonObject().put("auth", auth);
  }

  private static JsonObject named(String name, String domain) {
    JsonObject o = new JsonObject().put("name", name);
    if (domain != null) {
      o.put("domain", new JsonObject().put("name", domain));
    }
    return o;
  }

  static Grant grant(KeystoneVersion version, ApiResponse response, Instant now) {
    return version == KeystoneVersion.V2 ? v2Grant(response.json(), now) : v3Grant(response, now);
  }

  /** v2.0: the token is in the body, {@code access.token.id}, expiry {@code access.token.expires}. */
  static Grant v2Grant(JsonObject body, Instant now) {
    JsonObject access = Json.object(body, "access");
    JsonObject token = Json.object(access, "token");
    String id = Json.string(token, "id");
    if (id == null) {
      throw new IllegalArgumentException("the Keystone v2.0 answer has no access.token.id");
    }
    String project = Json.string(Json.object(token, "tenant"), "id");
    return new Grant(new Token(id, expiry(Json.instant(token, "expires"), now), project),
        ServiceCatalog.fromV2(access));
  }

  /** v3: the token is the X-Subject-Token header; expiry and catalog are in the body. */
  static Grant v3Grant(ApiResponse response, Instant now) {
    String id = response.header("X-Subject-Token");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the Keystone v3 answer has no X-Subject-Token header");
    }
    JsonObject token = Json.object(response.json(), "token");
    String project = Json.string(Json.object(token, "project"), "id");
    return new Grant(new Token(id, expiry(Json.instant(token, "expires_at"), now), project),
        ServiceCatalog.fromV3(token));
  }

  /** ConoHa tokens live 24 h; a missing expiry is treated as one hour so we never trust a token forever. */
  private static Instant expiry(Instant stated, Instant now) {
    return stated != null ? stated : now.plusSeconds(3600);
  }
}
