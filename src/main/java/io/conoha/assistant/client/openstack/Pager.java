package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows OpenStack paging to the end: Nova and Cinder put a {@code <collection>_links} entry with
 * {@code rel: next}, Glance a {@code next} link. Only the link's {@code marker} is used: the request is
 * rebuilt against our own base URL, because next links carry whatever host and scheme the service was
 * configured with, which behind a proxy is not the one we can reach.
 */
final class Pager {
  /** OpenStack's default maximum page (Nova osapi_max_limit, Glance api_limit_max, Cinder osapi_max_limit). */
  static final int PAGE_SIZE = 1000;
  /** A server that hands out the same marker again would otherwise page forever. */
  private static final int MAX_PAGES = 1000;

  private Pager() {}

  static Future<List<JsonObject>> all(ApiCaller caller, ApiRequest first, String collection) {
    return page(caller, first.withQuery("limit", PAGE_SIZE), collection, new ArrayList<>(), new HashSet<>());
  }

  private static Future<List<JsonObject>> page(ApiCaller caller, ApiRequest request, String collection,
      List<JsonObject> collected, Set<String> markersSeen) {
    return caller.call(request).compose(response -> {
      JsonObject body = response.json();
      List<JsonObject> items = Json.objects(body, collection);
      collected.addAll(items);
      Optional<String> marker = nextMarker(body, collection);
      if (items.isEmpty() || marker.isEmpty() || !markersSeen.add(marker.get()) || markersSeen.size() > MAX_PAGES) {
        return Future.succeededFuture(collected);
      }
      return page(caller, request.withQuery("marker", marker.get()), collection, collected, markersSeen);
    });
  }

  static Optional<String> nextMarker(JsonObject body, String collection) {
    Optional<String> link = Json.objects(body, collection + "_links").stream()
        .filter(l -> "next".equals(Json.string(l, "rel")))
        .map(l -> Json.string(l, "href"))
        .findFirst();
    if (link.isEmpty()) {
      link = Optional.ofNullable(Json.string(body, "next"));
    }
    return link.flatMap(Pager::markerOf);
  }

  private static Optional<String> markerOf(String href) {
    List<String> markers = new QueryStringDecoder(href).parameters().get("marker");
    return markers == null || markers.isEmpty() ? Optional.empty() : Optional.of(markers.get(0));
  }
}
