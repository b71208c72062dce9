package io.conoha.assistant.client.openstack;

import static io.conoha.assistant.client.openstack.UrlPath.segment;

import io.conoha.assistant.client.ImageService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageQuota;
import java.util.List;
import java.util.Locale;

/**
 * The compute image proxy ({@code /images/detail}) of v2 accounts, used only when the catalog has no Glance
 * endpoint. It knows no visibility (that filter is ignored) and no quota.
 */
public final class NovaProxyImages implements ImageService {
  private static final ApiService COMPUTE = ApiService.COMPUTE;

  private final ApiCaller caller;

  public NovaProxyImages(ApiCaller caller) {
    this.caller = caller;
  }

  @Override
  public List<Image> listImages(ImageQuery query) {
    ApiRequest request = ApiRequest.get(COMPUTE, "images.list", "/images/detail")
        .withQuery("name", query.name())
        .withQuery("status", query.status() == null ? null : query.status().toUpperCase(Locale.ROOT));
    return Blocking.await(Pager.all(caller, request, "images")
        .map(all -> all.stream().map(NovaJson::proxyImage).toList()), request.operation());
  }

  @Override
  public Image getImage(String id) {
    ApiRequest request = ApiRequest.get(COMPUTE, "images.get", "/images/" + segment(id));
    return Blocking.await(caller.call(request).map(r -> NovaJson.proxyImage(Json.object(r.json(), "image"))),
        request.operation());
  }

  @Override
  public Image findImage(String nameOrId) {
    return ImageFinder.find(this, nameOrId);
  }

  @Override
  public void deleteImage(String id) {
    ApiRequest request = ApiRequest.delete(COMPUTE, "images.delete", "/images/" + segment(id));
    Blocking.await(caller.call(request).mapEmpty(), request.operation());
  }

  @Override
  public ImageQuota quota() {
    throw ConohaException.configuration("images.quota needs Glance (/v2/quota), and the service catalog has no "
        + "image endpoint; set imageUrl in the credentials");
  }
}
