package io.conoha.assistant.ship;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every Kubernetes API request a client sends as the RBAC triple it needs ("group resource verb"),
 * the way the API server's authorizer sees it: GET of a collection is list (watch with watch=true), GET of
 * one object get, POST create, PUT update, PATCH patch, DELETE delete; subresources keep their suffix.
 */
final class KubernetesCalls implements Interceptor {
  private static final Pattern PATH = Pattern.compile(
      "^/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/]+))?/([^/]+)(?:/([^/]+))?(?:/([^/]+))?$");

  private final Set<String> triples = new TreeSet<>();
  private final Set<String> leaseNames = new TreeSet<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    record(request.method(), request.uri().getRawPath(), request.uri().getRawQuery());
  }

  synchronized void record(String method, String path, String query) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      triples.add("nonResource " + path + " " + method.toLowerCase());
      return;
    }
    String group = m.group(1) == null ? "core" : m.group(1);
    String resource = m.group(3);
    String name = m.group(4);
    String sub = m.group(5);
    if (m.group(2) == null && resource.equals("namespaces") && name != null) {
      // /api/v1/namespaces/{ns} itself is a namespace object; never called by the operator
      resource = "namespaces";
    }
    String verb = switch (method) {
      case "GET" -> name == null ? (query != null && query.contains("watch=true") ? "watch" : "list") : "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> name == null ? "deletecollection" : "delete";
      default -> method.toLowerCase();
    };
    triples.add(group + " " + resource + (sub == null ? "" : "/" + sub) + " " + verb);
    if (resource.equals("leases") && name != null) {
      leaseNames.add(name);
    }
  }

  synchronized Set<String> triples() {
    return new TreeSet<>(triples);
  }

  synchronized Set<String> leaseNames() {
    return new TreeSet<>(leaseNames);
  }
}
