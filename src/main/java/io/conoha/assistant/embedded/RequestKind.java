package io.conoha.assistant.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a Kubernetes API request by what it does, for the benchmark's cost breakdown: the method, the resource
 * type, a subresource if any, and whether it reads one object, a list or a watch ("GET conohaservers (list)",
 * "PATCH conohaservers/status").
 */
final class RequestKind {
  /** .../namespaces/{ns}/{type}[/{name}[/{sub}]] or .../{type}[/{name}[/{sub}]] (cluster-scoped). */
  private static final Pattern PATH = Pattern.compile(
      "^/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/[^/]+)?/([^/?]+)(?:/([^/?]+))?(?:/([^/?]+))?");

  private RequestKind() {}

  static String of(String method, String pathAndQuery) {
    String path = pathAndQuery == null ? "" : pathAndQuery;
    Matcher m = PATH.matcher(path);
    if (!m.find()) {
      return method + " " + path.replaceAll("\\?.*$", "");
    }
    String type = m.group(1);
    String kind = method + " " + type + (m.group(3) != null ? "/" + m.group(3) : "");
    if ("GET".equals(method) && m.group(2) == null) {
      kind += path.contains("watch=true") ? " (watch)" : " (list)";
    }
    return kind;
  }
}
