package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Nova's image proxy (/images under the compute endpoint), which v2-era ConoHa tools poll: upper-case statuses
 * (SAVING, ACTIVE, ERROR), rising {@code progress}, {@code OS-EXT-IMG-SIZE:size}, {@code minDisk}, {@code metadata}.
 */
final class ComputeImageRoutes {
  private static final int MAX_LIMIT = 1000;

  private final SimWorld world;
  private final ImageSaves saves;
  private final Views views;
  private final Links links;

  ComputeImageRoutes(SimWorld world, ImageSaves saves, Views views, Links links) {
    this.world = world;
    this.saves = saves;
    this.views = views;
    this.links = links;
  }

  void mount(Api api) {
    api.scope(Family.COMPUTE, links.computeRoute())
        .get("/images", "images.list", c -> list(c, false))
        .get("/images/detail", "images.list", c -> list(c, true))
        .get("/images/:id", "images.get", this::get)
        .delete("/images/:id", "images.delete", this::delete);
  }

  private ImageRecord image(String id) {
    return world.image(id).orElseThrow(() -> ApiError.notFound("Image not found."));
  }

  private Reply list(Call call, boolean detail) {
    Instant now = world.now();
    String name = call.query("name");
    String status = call.query("status");
    List<ImageRecord> all = new ArrayList<>();
    for (ImageRecord i : world.listedImages()) {
      if ((name == null || name.equals(i.name)) && (status == null || status.equalsIgnoreCase(i.novaStatus()))) {
        all.add(i);
      }
    }
    Paging.Page<ImageRecord> page = Paging.page(all, i -> i.id, call.query("marker"), call.queryInt("limit"),
        MAX_LIMIT, MAX_LIMIT, m -> ApiError.badRequest("marker [" + m + "] not found"));
    return Reply.ok(Paging.listBody("images", page, i -> detail ? views.novaImage(i, now) : views.novaImageSummary(i),
        i -> i.id, links.compute() + (detail ? "/images/detail" : "/images"), call));
  }

  private Reply get(Call call) {
    return Reply.ok(Json.wrap("image", views.novaImage(image(call.path("id")), world.now())));
  }

  private Reply delete(Call call) {
    ImageRecord image = image(call.path("id"));
    saves.deleteOwned(image);
    return Reply.empty(204);
  }
}
