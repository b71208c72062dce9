package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.Locale;

/**
 * Keystone: v2.0 tokens on the V2 simulator, v3 tokens (ID form and name+domain form) on the V3 one. The other
 * version's paths are not served and answer Keystone's HTML 404, as ConoHa's v3 identity does for v2.0.
 */
final class IdentityRoutes {
  private static final String AUTH_FAILED = "The request you have made requires authentication.";

  private final SimConfig config;
  private final TokenStore tokens;
  private final ServiceCatalog catalog;
  private final VersionDocs docs;
  private final Links links;

  IdentityRoutes(SimConfig config, TokenStore tokens, ServiceCatalog catalog, VersionDocs docs, Links links) {
    this.config = config;
    this.tokens = tokens;
    this.catalog = catalog;
    this.docs = docs;
    this.links = links;
  }

  void mount(Api api) {
    Api.Scope scope = api.scope(Family.IDENTITY, "/identity");
    scope.open("", "versions", c -> Reply.json(300, docs.keystoneRoot()));
    scope.open("/", "versions", c -> Reply.json(300, docs.keystoneRoot()));
    String version = links.v2() ? "/v2.0" : "/v3";
    scope.open(version, "versions", c -> Reply.ok(docs.keystoneVersionDoc()));
    scope.open(version + "/", "versions", c -> Reply.ok(docs.keystoneVersionDoc()));
    if (links.v2()) {
      scope.route(HttpMethod.POST, "/v2.0/tokens", c -> "identity.tokens", false, this::tokensV2);
    } else {
      scope.route(HttpMethod.POST, "/v3/auth/tokens", c -> "identity.tokens", false, this::tokensV3);
    }
  }

  /** POST /v2.0/tokens {"auth": {"passwordCredentials": {...}, "tenantId"|"tenantName": ...}} → 200. */
  private Reply tokensV2(Call call) {
    JsonNode auth = call.member("auth");
    JsonNode credentials = auth.get("passwordCredentials");
    if (credentials == null || !credentials.isObject()) {
      throw ApiError.badRequest("Expecting to find passwordCredentials in auth - the server could not comply with "
          + "the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
    }
    if (!config.username().equals(credentials.path("username").asText())
        || !config.password().equals(credentials.path("password").asText())) {
      throw ApiError.unauthorized("Invalid user / password");
    }
    String tenantId = auth.path("tenantId").asText(null);
    String tenantName = auth.path("tenantName").asText(null);
    boolean scoped = tenantId != null || tenantName != null;
    if (tenantId != null && !tenantId.equals(config.tenantId())
        || tenantName != null && !tenantName.equals(config.tenantName())) {
      throw ApiError.unauthorized("Invalid tenant");
    }
    TokenStore.Token token = tokens.issue(scoped ? config.tenantId() : null, false);
    ObjectNode access = Json.object();
    ObjectNode body = access.putObject("access");
    ObjectNode t = body.putObject("token")
        .put("issued_at", Times.micros(token.issuedAt()))
        .put("expires", Times.seconds(token.expiresAt()))
        .put("id", token.id());
    if (scoped) {
      t.putObject("tenant").put("domain_id", config.domain()).put("description", "")
          .put("enabled", true).put("id", config.tenantId()).put("name", config.tenantName())
          .put(config.region() + "_image_size", Units.gigabytes(config.imageQuotaBytes()));
    }
    t.putArray("audit_ids").add(token.auditId());
    body.set("serviceCatalog", scoped ? catalog.v2() : Json.array());
    ObjectNode user = body.putObject("user").put("username", config.username());
    user.putArray("roles_links");
    user.put("id", config.userId());
    user.putArray("roles").addObject().put("name", "_member_");
    user.put("name", config.username());
    ObjectNode meta = body.putObject("metadata").put("is_admin", 0);
    meta.putArray("roles").add(IdSource.stableUuid("role:_member_").replace("-", ""));
    return Reply.ok(access);
  }

  /** POST /v3/auth/tokens → 201, the token in X-Subject-Token. */
  private Reply tokensV3(Call call) {
    JsonNode auth = call.member("auth");
    JsonNode identity = auth.get("identity");
    if (identity == null || !identity.isObject()) {
      throw ApiError.badRequest("Expecting to find identity in auth. The server could not comply with the request "
          + "because it is either malformed or otherwise incorrect. The client is assumed to be in error.");
    }
    boolean password = false;
    for (JsonNode m : identity.path("methods")) {
      password |= "password".equals(m.asText());
    }
    if (!password) {
      throw ApiError.unauthorized("Attempted to authenticate with an unsupported method.");
    }
    JsonNode user = identity.path("password").path("user");
    if (!user.isObject()) {
      throw ApiError.badRequest("Expecting to find user in password. The server could not comply with the request "
          + "because it is either malformed or otherwise incorrect. The client is assumed to be in error.");
    }
    if (!userMatches(user) || !config.password().equals(user.path("password").asText())) {
      throw ApiError.unauthorized(AUTH_FAILED);
    }
    String projectId = scopedProject(auth.get("scope"));
    TokenStore.Token token = tokens.issue(projectId, true);
    ObjectNode body = Json.object();
    ObjectNode t = body.putObject("token");
    t.putArray("methods").add("password");
    ObjectNode u = t.putObject("user");
    u.set("domain", domain());
    u.put("id", config.userId()).put("name", config.username()).putNull("password_expires_at");
    t.putArray("audit_ids").add(token.auditId());
    t.put("expires_at", Times.microsZ(token.expiresAt())).put("issued_at", Times.microsZ(token.issuedAt()));
    if (projectId != null) {
      ObjectNode p = t.putObject("project");
      p.set("domain", domain());
      p.put("id", config.tenantId()).put("name", config.tenantName());
      t.put("is_domain", false);
      t.putArray("roles").addObject().put("id", IdSource.stableUuid("role:member").replace("-", ""))
          .put("name", "member");
      if (call.query("nocatalog") == null) {
        t.set("catalog", catalog.v3());
      }
    }
    return Reply.json(201, body).header("X-Subject-Token", token.id());
  }

  /** By id, or by name (with or without a domain: ConoHa's documented name form has none). */
  private boolean userMatches(JsonNode user) {
    if (user.hasNonNull("id")) {
      return config.userId().equals(user.get("id").asText());
    }
    return config.username().equals(user.path("name").asText()) && domainMatches(user.get("domain"));
  }

  private boolean domainMatches(JsonNode domain) {
    if (domain == null || domain.isNull()) {
      return true;
    }
    String wanted = config.domain().toLowerCase(Locale.ROOT);
    return wanted.equals(domain.path("id").asText("").toLowerCase(Locale.ROOT))
        || wanted.equals(domain.path("name").asText("").toLowerCase(Locale.ROOT));
  }

  /** The project a v3 scope names, null for an unscoped token; 401 for a project or scope we do not have. */
  private String scopedProject(JsonNode scope) {
    if (scope == null || scope.isNull() || scope.isTextual() && "unscoped".equals(scope.asText())) {
      return null;
    }
    JsonNode project = scope.get("project");
    if (project == null || !project.isObject()) {
      throw ApiError.unauthorized(AUTH_FAILED + " (only project scopes are supported)");
    }
    boolean matches = project.hasNonNull("id") ? config.tenantId().equals(project.get("id").asText())
        : config.tenantName().equals(project.path("name").asText()) && domainMatches(project.get("domain"));
    if (!matches) {
      throw ApiError.unauthorized(AUTH_FAILED);
    }
    return config.tenantId();
  }

  private ObjectNode domain() {
    return Json.object().put("id", config.domain()).put("name", config.domain());
  }
}
