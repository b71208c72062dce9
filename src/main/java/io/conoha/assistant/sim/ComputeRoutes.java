package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Nova on ConoHa's two path shapes: /v2/{tenant} (V2) and /v2.1 (V3). Servers, flavors, metadata, actions. */
final class ComputeRoutes {
  /** Nova's osapi max_limit. */
  private static final int MAX_LIMIT = 1000;

  private final SimWorld world;
  private final ServerLifecycle servers;
  private final Views views;
  private final VersionDocs docs;
  private final Links links;

  ComputeRoutes(SimWorld world, ServerLifecycle servers, Views views, VersionDocs docs, Links links) {
    this.world = world;
    this.servers = servers;
    this.views = views;
    this.docs = docs;
    this.links = links;
  }

  void mount(Api api) {
    api.scope(Family.COMPUTE, "/compute")
        .open("", "versions", c -> Reply.ok(docs.novaRoot()))
        .open("/", "versions", c -> Reply.ok(docs.novaRoot()))
        .open(links.v2() ? "/v2" : "/v2.1/", "versions", c -> Reply.ok(docs.novaVersionDoc()));
    api.scope(Family.COMPUTE, links.computeRoute())
        .open("", "versions", c -> Reply.ok(docs.novaVersionDoc()))
        .get("/flavors", "flavors.list", c -> flavors(false))
        .get("/flavors/detail", "flavors.list", c -> flavors(true))
        .get("/flavors/:id", "flavors.get", this::flavor)
        .get("/flavors/:id/os-extra_specs", "flavors.get", c -> extraSpecs(c.path("id")))
        .get("/servers", "servers.list", c -> listServers(c, false))
        .get("/servers/detail", "servers.list", c -> listServers(c, true))
        .post("/servers", "servers.create", this::createServer)
        .get("/servers/:id", "servers.get", c -> Reply.ok(Json.wrap("server", views.serverDetail(world.server(c.path("id"))))))
        .delete("/servers/:id", "servers.delete", this::deleteServer)
        .get("/servers/:id/metadata", "servers.metadata.get", c -> metadata(servers.metadata(c.path("id"))))
        .post("/servers/:id/metadata", "servers.metadata.update", c -> updateMetadata(c, false))
        .put("/servers/:id/metadata", "servers.metadata.update", c -> updateMetadata(c, true))
        .get("/servers/:id/metadata/:key", "servers.metadata.get", this::metadataItem)
        .put("/servers/:id/metadata/:key", "servers.metadata.update", this::putMetadataItem)
        .delete("/servers/:id/metadata/:key", "servers.metadata.update", this::deleteMetadataItem)
        .route(HttpMethod.POST, "/servers/:id/action", ComputeRoutes::actionOperation, true, this::action);
  }

  private Reply flavors(boolean detail) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("flavors");
    world.catalog.flavors().forEach(f -> array.add(views.flavor(f, detail)));
    return Reply.ok(body);
  }

  private Reply flavor(Call call) {
    String id = call.path("id");
    SeedCatalog.Flavor f = world.catalog.flavor(id)
        .orElseThrow(() -> ApiError.notFound("Flavor " + id + " could not be found."));
    return Reply.ok(Json.wrap("flavor", views.flavor(f, true)));
  }

  /** The openstack CLI asks each flavor's extra specs; ConoHa's plans have none a client needs. */
  private Reply extraSpecs(String id) {
    world.catalog.flavor(id).orElseThrow(() -> ApiError.notFound("Flavor " + id + " could not be found."));
    ObjectNode body = Json.object();
    body.putObject("extra_specs");
    return Reply.ok(body);
  }

  private Reply listServers(Call call, boolean detail) {
    List<ServerRecord> all = filter(world.listedServers(), call.query("status"), call.query("name"));
    Paging.Page<ServerRecord> page = Paging.page(all, s -> s.id, call.query("marker"), call.queryInt("limit"),
        MAX_LIMIT, MAX_LIMIT, m -> ApiError.badRequest("marker [" + m + "] not found"));
    return Reply.ok(Paging.listBody("servers", page, s -> detail ? views.serverDetail(s) : views.serverSummary(s),
        s -> s.id, links.compute() + (detail ? "/servers/detail" : "/servers"), call));
  }

  /** Nova's list filters: {@code status} exactly, {@code name} as a regular expression. */
  private static List<ServerRecord> filter(List<ServerRecord> all, String status, String name) {
    if (status == null && name == null) {
      return all;
    }
    Pattern pattern;
    try {
      pattern = name == null ? null : Pattern.compile(name);
    } catch (PatternSyntaxException e) {
      throw ApiError.badRequest("Invalid filter name: " + e.getDescription());
    }
    List<ServerRecord> out = new ArrayList<>();
    for (ServerRecord s : all) {
      if ((status == null || status.equalsIgnoreCase(s.status()))
          && (pattern == null || pattern.matcher(s.name).find())) {
        out.add(s);
      }
    }
    return out;
  }

  private Reply createServer(Call call) {
    JsonNode server = call.member("server");
    if (world.config.quirks().requireServerName() && Validation.optionalString(server, "name") == null) {
      // stock Nova's JSON-schema refusal; nothing is created
      throw ApiError.badRequest("Invalid input for field/attribute server. Value: " + server
          + ". 'name' is a required property");
    }
    String adminPass = Validation.optionalString(server, "adminPass");
    if (adminPass != null) {
      Validation.adminPass(adminPass, world.config.generation());
    }
    String userData = Validation.optionalString(server, "user_data");
    if (userData != null) {
      Validation.userData(userData);
    }
    ServerLifecycle.CreateRequest request = new ServerLifecycle.CreateRequest(
        Validation.optionalString(server, "name"),
        Validation.requiredString(server, "flavorRef", "server"),
        Validation.optionalString(server, "imageRef"),
        bootVolume(server.get("block_device_mapping_v2")),
        adminPass,
        Validation.optionalString(server, "key_name"),
        securityGroups(server.get("security_groups")),
        Validation.metadata(server.get("metadata"), "metadata"));
    ServerLifecycle.Created created = servers.create(request);
    ServerRecord s = created.server();
    ObjectNode body = Json.object();
    ObjectNode out = body.putObject("server").put("id", s.id);
    out.set("links", views.computeLinks("servers", s.id));
    out.put("OS-DCF:diskConfig", "MANUAL");
    ArrayNode groups = out.putArray("security_groups");
    s.securityGroups.forEach(g -> groups.addObject().put("name", g));
    out.put("adminPass", created.adminPass());
    return Reply.json(202, body).header("Location", links.compute() + "/servers/" + s.id);
  }

  /** ConoHa's form is just [{"uuid": "<volume id>"}]; an existing volume is the only supported source. */
  private static String bootVolume(JsonNode mappings) {
    if (mappings == null || mappings.isNull()) {
      return null;
    }
    if (!mappings.isArray() || mappings.isEmpty()) {
      throw ApiError.badRequest("Invalid input for field/attribute block_device_mapping_v2. It must be a non-empty "
          + "array");
    }
    for (JsonNode m : mappings) {
      String source = m.path("source_type").asText("volume");
      if (!"volume".equals(source)) {
        throw ApiError.badRequest("Block Device Mapping is Invalid: only source_type volume (an existing volume "
            + "given by uuid) is supported, not " + source + ".");
      }
      if (m.hasNonNull("uuid")) {
        return m.get("uuid").asText();
      }
    }
    throw ApiError.badRequest("Block Device Mapping is Invalid: a mapping needs the uuid of a volume.");
  }

  private static List<String> securityGroups(JsonNode groups) {
    List<String> out = new ArrayList<>();
    if (groups == null || groups.isNull()) {
      return out;
    }
    if (!groups.isArray()) {
      throw ApiError.badRequest("Invalid input for field/attribute security_groups. It must be an array");
    }
    for (JsonNode g : groups) {
      String ref = g.hasNonNull("name") ? g.get("name").asText() : g.path("id").asText("");
      if (ref.isEmpty()) {
        throw ApiError.badRequest("Invalid input for field/attribute security_groups. Each needs a name or id");
      }
      out.add(ref);
    }
    return out;
  }

  private Reply deleteServer(Call call) {
    servers.delete(call.path("id"));
    return Reply.empty(204);
  }

  private static Reply metadata(Map<String, String> metadata) {
    return Reply.ok(Json.wrap("metadata", Json.strings(metadata)));
  }

  private Reply updateMetadata(Call call, boolean replace) {
    Map<String, String> changes = Validation.metadata(call.member("metadata"), "metadata");
    Map<String, String> result = servers.updateMetadata(call.path("id"), changes, replace);
    return metadata(replace ? changes : result);
  }

  private Reply metadataItem(Call call) {
    String key = call.path("key");
    String value = servers.metadata(call.path("id")).get(key);
    if (value == null) {
      throw ApiError.notFound("Metadata item was not found");
    }
    return meta(key, value);
  }

  private Reply putMetadataItem(Call call) {
    String key = call.path("key");
    Map<String, String> item = Validation.metadata(call.member("meta"), "meta");
    if (item.size() != 1 || !item.containsKey(key)) {
      throw ApiError.badRequest("Request body and URI mismatch");
    }
    servers.updateMetadata(call.path("id"), item, false);
    return meta(key, item.get(key));
  }

  private Reply deleteMetadataItem(Call call) {
    servers.deleteMetadataItem(call.path("id"), call.path("key"));
    return Reply.empty(204);
  }

  private static Reply meta(String key, String value) {
    ObjectNode body = Json.object();
    body.putObject("meta").put(key, value);
    return Reply.ok(body);
  }

  /** servers.action.os-stop, servers.action.createImage, ...: the action is the body's first key. */
  private static String actionOperation(io.vertx.ext.web.RoutingContext ctx) {
    String action = Call.firstKey(ctx);
    return action == null ? "servers.action" : "servers.action." + action;
  }

  private Reply action(Call call) {
    String id = call.path("id");
    JsonNode body = call.body();
    String action = Call.firstKey(call.ctx);
    if (action == null) {
      throw ApiError.badRequest("Malformed request body");
    }
    JsonNode arg = body.get(action);
    switch (action) {
      case "os-start" -> servers.start(id);
      case "os-stop" -> servers.stop(id, arg.path("force_shutdown").asBoolean(false));
      case "reboot" -> servers.reboot(id, rebootType(arg));
      case "resize" -> servers.resize(id, Validation.requiredString(arg, "flavorRef", "resize"));
      case "confirmResize" -> servers.confirmResize(id);
      case "revertResize" -> servers.revertResize(id);
      case "createImage" -> {
        return createImage(id, arg);
      }
      default -> throw ApiError.badRequest("There is no such action: " + action);
    }
    return Reply.empty(202);
  }

  private static boolean rebootType(JsonNode arg) {
    String type = arg.path("type").asText("");
    if (!type.equals("SOFT") && !type.equals("HARD")) {
      throw ApiError.badRequest("Invalid input for field/attribute type. Value: " + type
          + ". 'type' must be one of ['HARD', 'Hard', 'SOFT', 'Soft']");
    }
    return type.equals("HARD");
  }

  /** V2 answers 202 with a Location header; V3 (microversion 2.45 and later) {"image_id": ...} in the body. */
  private Reply createImage(String id, JsonNode arg) {
    if (!arg.isObject()) {
      throw ApiError.badRequest("Invalid input for field/attribute createImage. It must be an object");
    }
    String name = Validation.requiredString(arg, "name", "createImage");
    if (name.length() > 255) {
      throw ApiError.badRequest("Invalid input for field/attribute name. Value is too long (at most 255)");
    }
    Map<String, String> metadata = Validation.metadata(arg.get("metadata"), "metadata");
    ImageRecord image = servers.createImage(id, name, metadata == null ? Map.of() : metadata);
    if (links.v2()) {
      return Reply.empty(202).header("Location", links.compute() + "/images/" + image.id);
    }
    return Reply.json(202, Json.object().put("image_id", image.id));
  }
}
