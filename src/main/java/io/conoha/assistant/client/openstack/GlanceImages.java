package io.conoha.assistant.client.openstack;

import static io.conoha.assistant.client.openstack.UrlPath.segment;

import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageQuota;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;

/** Glance v2: {@code /v2/images} (filters name, visibility, status; paged by {@code next}) and ConoHa's quota. */
public final class GlanceImages implements ImageService {
  private static final ApiService IMAGE = ApiService.IMAGE;

  private final ApiCaller caller;
  private final String region;

  public GlanceImages(ApiCaller caller, String region) {
    this.caller = caller;
    this.region = region;
  }

  @Override
  public List<Image> listImages(ImageQuery query) {
    ApiRequest request = ApiRequest.get(IMAGE, "images.list", "/v2/images")
        .withQuery("name", query.name())
        .withQuery("visibility", query.visibility())
        .withQuery("status", query.status() == null ? null : query.status().toLowerCase(Locale.ROOT));
    return Blocking.await(Pager.all(caller, request, "images")
        .map(all -> all.stream().map(GlanceJson::image).toList()), request.operation());
  }

  @Override
  public Image getImage(String id) {
    ApiRequest request = ApiRequest.get(IMAGE, "images.get", "/v2/images/" + segment(id));
    return Blocking.await(caller.call(request).map(r -> GlanceJson.image(r.json())), request.operation());
  }

  @Override
  public Image findImage(String nameOrId) {
    return ImageFinder.find(this, nameOrId);
  }

  @Override
  public void deleteImage(String id) {
    ApiRequest request = ApiRequest.delete(IMAGE, "images.delete", "/v2/images/" + segment(id));
    Blocking.await(caller.call(request).mapEmpty(), request.operation());
  }

  /** Limit and usage are asked for together. */
  @Override
  public ImageQuota quota() {
    ApiRequest limit = ApiRequest.get(IMAGE, "images.quota", "/v2/quota");
    ApiRequest usage = ApiRequest.get(IMAGE, "images.total", "/v2/images/total");
    Future<Long> limitBytes = caller.call(limit).map(r -> GlanceJson.quotaLimitBytes(r.json(), region));
    Future<Long> usedBytes = caller.call(usage).map(r -> GlanceJson.usedBytes(r.json()));
    return Blocking.await(Future.all(limitBytes, usedBytes).map(done -> quota(limitBytes.result(),
        usedBytes.result())), limit.operation());
  }

  private ImageQuota quota(long limitBytes, long usedBytes) {
    if (limitBytes < 0) {
      throw new ConohaException(Kind.SERVER_ERROR, "images.quota", 200,
          "images.quota: the answer has neither image_size nor " + region + "_image_size");
    }
    return new ImageQuota(limitBytes, usedBytes);
  }
}
