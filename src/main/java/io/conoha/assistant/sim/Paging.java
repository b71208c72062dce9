package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OpenStack's marker/limit paging. Like Nova, Glance and Cinder, a page that is full gets a "next" link even
 * when nothing follows (clients must cope with a last, empty page).
 */
final class Paging {
  record Page<T>(List<T> items, boolean full) {
    String lastId(Function<T, String> id) {
      return id.apply(items.get(items.size() - 1));
    }
  }

  private Paging() {}

  static <T> Page<T> page(List<T> all, Function<T, String> id, String marker, Integer limit, int defaultLimit,
      int maxLimit, Function<String, ApiError> markerNotFound) {
    int start = 0;
    if (marker != null) {
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id.apply(all.get(i)).equals(marker)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw markerNotFound.apply(marker);
      }
    }
    int size = Math.min(limit == null ? defaultLimit : limit, maxLimit);
    List<T> items = all.subList(start, Math.min(all.size(), start + size));
    return new Page<>(items, !items.isEmpty() && items.size() == size);
  }

  /**
   * Nova's and Cinder's list body: {@code {"servers": [...], "servers_links": [{"rel": "next", "href": ...}]}},
   * the link only after a full page.
   */
  static <T> ObjectNode listBody(String collection, Page<T> page, Function<T, JsonNode> view, Function<T, String> id,
      String base, Call call) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray(collection);
    page.items().forEach(item -> array.add(view.apply(item)));
    if (page.full()) {
      body.putArray(collection + "_links").add(VersionDocs.link("next",
          nextHref(base, call.queryMap(), page.items().size(), page.lastId(id))));
    }
    return body;
  }

  /** {@code base?<the request's other parameters>&limit=..&marker=..}. */
  static String nextHref(String base, Map<String, String> query, int limit, String marker) {
    String kept = query.entrySet().stream()
        .filter(e -> !e.getKey().equals("marker") && !e.getKey().equals("limit"))
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return base + "?" + (kept.isEmpty() ? "" : kept + "&") + "limit=" + limit + "&marker=" + encode(marker);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
