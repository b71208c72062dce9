package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.model.Volume;
import io.vertx.core.json.JsonObject;

/** Reads Cinder volumes; {@code bootable} arrives as the string "true"/"false". */
public final class CinderJson {
  private CinderJson() {}

  public static Volume volume(JsonObject v) {
    return new Volume(Json.string(v, "id"), Json.string(v, "name"), Json.string(v, "status"),
        Json.integer(v, "size", 0), Json.string(v, "volume_type"), Json.bool(v, "bootable"),
        Json.objects(v, "attachments").stream().map(a -> Json.string(a, "server_id")).toList(),
        Json.stringMap(Json.object(v, "metadata")),
        Json.string(Json.object(v, "volume_image_metadata"), "image_id"));
  }

  /** The new image's id in an os-volume_upload_image answer, or null when the service does not say. */
  public static String uploadedImageId(JsonObject body) {
    String id = Json.string(Json.object(body, "os-volume_upload_image"), "image_id");
    return id == null || id.isBlank() ? null : id;
  }
}
