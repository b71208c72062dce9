package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Glance v2 at /image: images (filters, paging with "next"), get, delete, ConoHa's /v2/quota and /v2/images/total. */
final class ImageRoutes {
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 1000;

  private final SimWorld world;
  private final ImageSaves saves;
  private final Views views;
  private final VersionDocs docs;

  ImageRoutes(SimWorld world, ImageSaves saves, Views views, VersionDocs docs) {
    this.world = world;
    this.saves = saves;
    this.views = views;
    this.docs = docs;
  }

  void mount(Api api) {
    api.scope(Family.IMAGE, "/image")
        .open("", "versions", c -> Reply.json(300, docs.glanceVersions()))
        .open("/", "versions", c -> Reply.json(300, docs.glanceVersions()))
        .open("/versions", "versions", c -> Reply.ok(docs.glanceVersions()))
        .get("/v2/images", "images.list", this::list)
        .get("/v2/images/total", "images.total", c -> total())
        .get("/v2/images/:id", "images.get", c -> Reply.ok(views.glanceImage(image(c.path("id")), world.now())))
        .delete("/v2/images/:id", "images.delete", this::delete)
        .get("/v2/quota", "images.quota", c -> quota())
        .put("/v2/quota", "images.quota.update", this::setQuota);
  }

  private ImageRecord image(String id) {
    return world.image(id).orElseThrow(() -> ApiError.notFound("No image found with ID " + id));
  }

  private Reply list(Call call) {
    Instant now = world.now();
    String name = call.query("name");
    String visibility = call.query("visibility");
    String status = call.query("status");
    List<ImageRecord> all = new ArrayList<>();
    for (ImageRecord i : world.listedImages()) {
      if ((name == null || name.equals(i.name))
          && (visibility == null || visibility.equals("all") || visibility.equals(i.visibility))
          && (status == null || status.equals(i.glanceStatus(now)))) {
        all.add(i);
      }
    }
    sort(all, call.query("sort_key"), call.query("sort_dir"));
    Paging.Page<ImageRecord> page = Paging.page(all, i -> i.id, call.query("marker"), call.queryInt("limit"),
        DEFAULT_LIMIT, MAX_LIMIT, m -> ApiError.badRequest("Invalid marker. Image " + m + " could not be found."));
    ObjectNode body = Json.object();
    ArrayNode images = body.putArray("images");
    page.items().forEach(i -> images.add(views.glanceImage(i, now)));
    body.put("first", "/v2/images").put("schema", "/v2/schemas/images");
    if (page.full()) {
      body.put("next", Paging.nextHref("/v2/images", call.queryMap(), page.items().size(),
          page.lastId(i -> i.id)));
    }
    return Reply.ok(body);
  }

  /** Newest first unless asked otherwise; sort_key created_at (default) or name. */
  private static void sort(List<ImageRecord> images, String key, String dir) {
    boolean ascending = "asc".equals(dir);
    if (dir != null && !ascending && !"desc".equals(dir)) {
      throw ApiError.badRequest("Invalid sort direction: " + dir);
    }
    if (key == null || key.equals("created_at")) {
      if (ascending) {
        java.util.Collections.reverse(images);
      }
      return;
    }
    if (!key.equals("name")) {
      throw ApiError.badRequest("Invalid sort key: " + key + ". The simulator sorts by created_at or name.");
    }
    Comparator<ImageRecord> byName = Comparator.comparing(i -> i.name);
    images.sort(ascending ? byName : byName.reversed());
  }

  private Reply delete(Call call) {
    ImageRecord image = image(call.path("id"));
    saves.deleteOwned(image);
    return Reply.empty(204);
  }

  private String quotaKey() {
    return world.config.generation() == io.conoha.assistant.client.ApiGeneration.V2
        ? world.config.region() + "_image_size" : "image_size";
  }

  private Reply quota() {
    ObjectNode body = Json.object();
    body.putObject("quota").put(quotaKey(), Units.gigabytes(world.imageQuotaBytes()));
    return Reply.ok(body);
  }

  /** ConoHa sells image storage as 50 GB plus steps of 500 GB, never below what is stored. */
  private Reply setQuota(Call call) {
    JsonNode value = call.member("quota").get(quotaKey());
    if (value == null || !value.isTextual()) {
      throw ApiError.badRequest("Invalid quota: expected {\"quota\": {\"" + quotaKey() + "\": \"550GB\"}}");
    }
    long bytes;
    try {
      bytes = Units.bytes(value.asText());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid " + quotaKey() + ": " + value.asText());
    }
    long base = 50 * Units.GIB;
    long step = 500 * Units.GIB;
    if (bytes < base || (bytes - base) % step != 0) {
      throw ApiError.badRequest("Invalid " + quotaKey() + ": " + value.asText() + " (50GB, 550GB, 1050GB, ...)");
    }
    if (bytes < world.imageUsageBytes()) {
      throw ApiError.badRequest("Invalid " + quotaKey() + ": smaller than the " + Units.gigabytes(
          world.imageUsageBytes()) + " already stored");
    }
    world.imageQuotaBytes(bytes);
    return quota();
  }

  private Reply total() {
    ObjectNode body = Json.object();
    body.putObject("images").put("size", world.imageUsageBytes());
    return Reply.ok(body);
  }
}
