package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/** Cinder at /volume/v3/{project} (V3; /volume/v2/{project} on V2): volumes, types, os-volume_upload_image. */
final class VolumeRoutes {
  private static final int MAX_LIMIT = 1000;

  private final SimWorld world;
  private final VolumeLifecycle volumes;
  private final Views views;
  private final VersionDocs docs;
  private final Links links;

  VolumeRoutes(SimWorld world, VolumeLifecycle volumes, Views views, VersionDocs docs, Links links) {
    this.world = world;
    this.volumes = volumes;
    this.views = views;
    this.docs = docs;
    this.links = links;
  }

  void mount(Api api) {
    api.scope(Family.VOLUME, "/volume")
        .open("", "versions", c -> Reply.json(300, docs.cinderVersions()))
        .open("/", "versions", c -> Reply.json(300, docs.cinderVersions()))
        .open(links.v2() ? "/v2" : "/v3", "versions", c -> Reply.ok(docs.cinderVersions()));
    api.scope(Family.VOLUME, links.volumeRoute())
        .get("/types", "volumes.types", c -> types())
        .post("/volumes", "volumes.create", this::create)
        .get("/volumes", "volumes.list", c -> list(c, false))
        .get("/volumes/detail", "volumes.list", c -> list(c, true))
        .get("/volumes/:id", "volumes.get", c -> volume(world.volume(c.path("id"))))
        .delete("/volumes/:id", "volumes.delete", this::delete)
        .route(HttpMethod.POST, "/volumes/:id/action", VolumeRoutes::actionOperation, true, this::action);
  }

  private Reply types() {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("volume_types");
    world.catalog.volumeTypes().forEach(t -> array.add(views.volumeType(t)));
    return Reply.ok(body);
  }

  private Reply create(Call call) {
    JsonNode v = call.member("volume");
    JsonNode size = v.get("size");
    if (size != null && !size.isNull() && !size.canConvertToInt()) {
      throw ApiError.badRequest("Invalid input received: size must be an integer greater than 0");
    }
    VolumeRecord volume = volumes.create(new VolumeLifecycle.CreateRequest(
        Validation.optionalString(v, "name"),
        Validation.optionalString(v, "description"),
        size == null || size.isNull() ? null : size.asInt(),
        Validation.optionalString(v, "volume_type"),
        Validation.optionalString(v, "imageRef"),
        Validation.metadata(v.get("metadata"), "metadata")));
    return Reply.json(202, Json.wrap("volume", views.volume(volume)));
  }

  private Reply list(Call call, boolean detail) {
    List<VolumeRecord> all = world.listedVolumes();
    Paging.Page<VolumeRecord> page = Paging.page(all, v -> v.id, call.query("marker"), call.queryInt("limit"),
        MAX_LIMIT, MAX_LIMIT, m -> ApiError.badRequest("Marker " + m + " could not be found."));
    return Reply.ok(Paging.listBody("volumes", page, v -> detail ? views.volume(v) : views.volumeSummary(v),
        v -> v.id, links.volume() + (detail ? "/volumes/detail" : "/volumes"), call));
  }

  private Reply volume(VolumeRecord v) {
    return Reply.ok(Json.wrap("volume", views.volume(v)));
  }

  private Reply delete(Call call) {
    volumes.delete(call.path("id"));
    return Reply.empty(202);
  }

  private static String actionOperation(io.vertx.ext.web.RoutingContext ctx) {
    String action = Call.firstKey(ctx);
    return action == null ? "volumes.action" : "volumes.action." + action;
  }

  private Reply action(Call call) {
    String action = Call.firstKey(call.ctx);
    if (action == null) {
      throw ApiError.badRequest("Malformed request body");
    }
    if (!action.equals("os-volume_upload_image")) {
      throw ApiError.badRequest("There is no such action: " + action);
    }
    JsonNode arg = call.member(action);
    VolumeLifecycle.Upload upload = volumes.upload(call.path("id"),
        Validation.requiredString(arg, "image_name", action),
        Validation.optionalString(arg, "disk_format"), Validation.optionalString(arg, "container_format"));
    VolumeRecord v = upload.volume();
    ObjectNode body = Json.object();
    ObjectNode out = body.putObject(action)
        .put("id", v.id)
        .put("updated_at", Times.micros(v.updated))
        .put("status", v.status);
    if (v.description == null) {
      out.putNull("display_description");
    } else {
      out.put("display_description", v.description);
    }
    out.put("size", v.sizeGB);
    out.set("volume_type", views.volumeType(v.type));
    out.put("image_id", upload.imageId()).put("container_format", upload.containerFormat())
        .put("disk_format", upload.diskFormat()).put("image_name", upload.imageName())
        .put("protected", false).put("visibility", "private");
    return Reply.json(202, body);
  }
}
