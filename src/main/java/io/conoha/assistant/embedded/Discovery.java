package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The legacy discovery documents kubectl reads before anything else ({@code /api}, {@code /apis},
 * {@code /api/v1}, {@code /apis/{group}[/{version}]}): which kinds exist, their short names and categories, so
 * {@code kubectl get chs} and {@code kubectl get conoha} resolve. A client asking for aggregated discovery gets
 * these too (plain {@code application/json}), and falls back to them as it does with older servers.
 */
final class Discovery {
  private final ApiCatalog catalog;

  Discovery(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  /** The document for a discovery path, or empty when the path is not one. */
  Optional<ObjectNode> document(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    String[] s = p.substring(1).split("/");
    if (p.equals("/api")) {
      ObjectNode versions = Json.object().put("kind", "APIVersions");
      versions.set("versions", Json.strings(List.of("v1")));
      versions.putArray("serverAddressByClientCIDRs");
      return Optional.of(versions);
    }
    if (p.equals("/apis")) {
      ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
      ArrayNode groups = list.putArray("groups");
      catalog.groups().stream().filter(g -> !g.isEmpty()).forEach(g -> groups.add(group(g)));
      return Optional.of(list);
    }
    if (s.length == 2 && s[0].equals("api")) {
      return resourceList("", s[1]);
    }
    if (s.length == 2 && s[0].equals("apis") && catalog.groups().contains(s[1])) {
      return Optional.of(group(s[1]).put("kind", "APIGroup").put("apiVersion", "v1"));
    }
    if (s.length == 3 && s[0].equals("apis")) {
      return resourceList(s[1], s[2]);
    }
    return Optional.empty();
  }

  private ObjectNode group(String name) {
    ObjectNode group = Json.object().put("name", name);
    ArrayNode versions = group.putArray("versions");
    catalog.all().stream().filter(r -> r.group().equals(name)).map(ApiResource::version).distinct()
        .forEach(v -> versions.addObject().put("groupVersion", name + "/" + v).put("version", v));
    group.set("preferredVersion", versions.get(0));
    return group;
  }

  private Optional<ObjectNode> resourceList(String group, String version) {
    List<ApiResource> resources = catalog.inGroupVersion(group, version);
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1")
        .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode items = list.putArray("resources");
    for (ApiResource r : resources) {
      ObjectNode item = items.addObject().put("name", r.plural()).put("singularName", r.singular())
          .put("namespaced", r.namespaced()).put("kind", r.kind());
      item.set("verbs", Json.strings(r.verbs()));
      if (!r.shortNames().isEmpty()) {
        item.set("shortNames", Json.strings(r.shortNames()));
      }
      if (!r.categories().isEmpty()) {
        item.set("categories", Json.strings(r.categories()));
      }
      if (r.hasStatusSubresource()) {
        ObjectNode status = items.addObject().put("name", r.plural() + "/status").put("singularName", "")
            .put("namespaced", r.namespaced()).put("kind", r.kind());
        status.set("verbs", Json.strings(List.of("get", "patch", "update")));
      }
    }
    return Optional.of(list);
  }
}
