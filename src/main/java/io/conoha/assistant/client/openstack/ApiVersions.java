package io.conoha.assistant.client.openstack;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The version document at a service root: Keystone's {@code {"versions":{"values":[{id,status}]}}} or Nova's
 * {@code {"versions":[{id,status}]}}. Used to tell a person which API a Keystone offers when it refuses ours.
 */
public final class ApiVersions {
  private ApiVersions() {}

  /** Version ids such as "v3.14" or "v2.1", in the order listed. */
  public static List<String> offered(JsonObject root) {
    Object versions = root == null ? null : root.getValue("versions");
    JsonObject holder = versions instanceof JsonObject keystoneStyle
        ? keystoneStyle
        : new JsonObject().put("values", versions);
    return Json.objects(holder, "values").stream()
        .map(v -> Json.string(v, "id"))
        .filter(id -> id != null && !id.isBlank())
        .toList();
  }
}
