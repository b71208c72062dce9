package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The body of POST /servers: {@code flavorRef}, then {@code imageRef} (local-disk plans) or a
 * {@code block_device_mapping_v2} boot volume (disk-0 plans), and the optional adminPass, key_name,
 * security_groups, user_data (base64) and metadata (which carries instance_name_tag, ConoHa's display name).
 */
final class ServerCreateBody {
  static final String OPERATION = "servers.create";
  /** ConoHa's limit on user_data before encoding. */
  static final int MAX_USER_DATA_BYTES = 16 * 1024;
  static final String NAME_TAG = "instance_name_tag";
  /** The name sent when a cloud requires one and the request has no name tag. */
  static final String FALLBACK_NAME = "conoha-assistant";

  private ServerCreateBody() {}

  static JsonObject of(ServerCreateRequest r) {
    return of(r, false);
  }

  /** @param withName also send {@code name} (the name tag): stock Nova requires it, ConoHa documents none */
  static JsonObject of(ServerCreateRequest r, boolean withName) {
    requireExactlyOneBootSource(r);
    JsonObject server = new JsonObject();
    if (withName) {
      String tag = r.metadata() == null ? null : r.metadata().get(NAME_TAG);
      server.put("name", tag == null || tag.isBlank() ? FALLBACK_NAME : tag);
    }
    server.put("flavorRef", require(r.flavorId(), "flavorId"));
    if (r.imageRef() != null) {
      server.put("imageRef", r.imageRef());
    } else {
      server.put("block_device_mapping_v2", new JsonArray().add(new JsonObject()
          .put("uuid", r.bootVolumeId())
          .put("boot_index", 0)
          .put("source_type", "volume")
          .put("destination_type", "volume")));
    }
    putIfPresent(server, "adminPass", r.adminPass());
    putIfPresent(server, "key_name", r.keyName());
    if (r.securityGroups() != null && !r.securityGroups().isEmpty()) {
      JsonArray groups = new JsonArray();
      r.securityGroups().forEach(name -> groups.add(new JsonObject().put("name", name)));
      server.put("security_groups", groups);
    }
    String userData = encodedUserData(r.userData());
    putIfPresent(server, "user_data", userData);
    if (r.metadata() != null && !r.metadata().isEmpty()) {
      server.put("metadata", new JsonObject(new java.util.LinkedHashMap<>(r.metadata())));
    }
    return new JsonObject().put("server", server);
  }

  /** user_data plain and encoded: both must be scrubbed from anything the answer makes us say. */
  static String[] secretsOf(ServerCreateRequest r) {
    return new String[] {r.adminPass(), r.userData(), encodedUserData(r.userData())};
  }

  static String encodedUserData(String userData) {
    if (userData == null || userData.isEmpty()) {
      return null;
    }
    byte[] bytes = userData.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_USER_DATA_BYTES) {
      throw invalid("user_data is " + bytes.length + " bytes; ConoHa accepts at most " + MAX_USER_DATA_BYTES
          + " before encoding");
    }
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void requireExactlyOneBootSource(ServerCreateRequest r) {
    if ((r.imageRef() == null) == (r.bootVolumeId() == null)) {
      throw invalid("set exactly one of imageRef (plans with a disk) and bootVolumeId (disk-0 plans)");
    }
  }

  private static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw invalid(name + " is required");
    }
    return value;
  }

  private static void putIfPresent(JsonObject o, String key, String value) {
    if (value != null && !value.isEmpty()) {
      o.put(key, value);
    }
  }

  private static ConohaException invalid(String why) {
    return new ConohaException(Kind.BAD_REQUEST, OPERATION, 0, OPERATION + ": " + why);
  }
}
