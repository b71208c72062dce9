package io.conoha.assistant.embedded;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes API request path taken apart: {@code /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{sub}]]}
 * (or {@code /api/v1/...} for the core group), plus its query parameters.
 */
record ApiPath(String path, String group, String version, String namespace, String plural, String name,
    String subresource, Map<String, String> query) {

  static ApiPath parse(String rawPath) {
    URI uri = URI.create(rawPath);
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group = null;
    String version = null;
    List<String> rest = List.of();
    if (segments.size() >= 2 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      rest = segments.subList(2, segments.size());
    } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      rest = segments.subList(3, segments.size());
    }
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    return new ApiPath(path, group, version, namespace, at(rest, 0), at(rest, 1), at(rest, 2), query);
  }

  private static String at(List<String> list, int i) {
    return list.size() > i ? list.get(i) : null;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return query;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** A path to a resource type or one object (not discovery, not a non-resource URL). */
  boolean isResource() {
    return plural != null;
  }

  boolean isWatch() {
    String watch = query.get("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  Optional<String> param(String key) {
    return Optional.ofNullable(query.get(key)).filter(v -> !v.isEmpty());
  }

  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
