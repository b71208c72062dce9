package io.conoha.assistant.client.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/** Small OpenStack bodies for scripted answers. */
public final class Bodies {
  private Bodies() {}

  public static JsonObject flavor(String id, String name, int vcpus, int ramMiB, int diskGiB) {
    return new JsonObject().put("id", id).put("name", name).put("vcpus", vcpus).put("ram", ramMiB).put("disk", diskGiB);
  }

  public static JsonObject v3Flavors() {
    return list("flavors",
        flavor("f-512", "g2l-t-c1m512", 1, 512, 0),
        flavor("f-1g", "g2l-t-c2m1", 2, 1024, 0),
        flavor("f-2g", "g2l-t-c3m2", 3, 2048, 0),
        flavor("f-d30", "g2d-t-c1m2d30", 1, 2048, 30));
  }

  public static JsonObject list(String collection, JsonObject... items) {
    return new JsonObject().put(collection, new JsonArray(Arrays.asList((Object[]) items)));
  }

  /** A page with a Nova/Cinder style next link on a host we must not follow. */
  public static JsonObject page(String collection, String nextMarker, JsonObject... items) {
    JsonObject page = list(collection, items);
    if (nextMarker != null) {
      page.put(collection + "_links", new JsonArray().add(new JsonObject().put("rel", "next")
          .put("href", "http://public.invalid:8774/v2.1/" + collection + "/detail?limit=100&marker=" + nextMarker)));
    }
    return page;
  }

  public static JsonObject server(String id, String status) {
    return new JsonObject().put("id", id).put("name", "name-" + id).put("status", status)
        .put("flavor", new JsonObject().put("id", "f-1g")).put("image", "")
        .put("metadata", new JsonObject().put("instance_name_tag", "tag-" + id))
        .put("addresses", new JsonObject())
        .put("os-extended-volumes:volumes_attached", new JsonArray());
  }

  public static JsonObject volumeBackedServer(String id, String status, String volumeId) {
    return server(id, status).put("os-extended-volumes:volumes_attached",
        new JsonArray().add(new JsonObject().put("id", volumeId)));
  }

  public static JsonObject volume(String id, String status, int sizeGB, boolean bootable) {
    return new JsonObject().put("id", id).put("name", "vol-" + id).put("status", status).put("size", sizeGB)
        .put("volume_type", "c3j1-ds02-boot").put("bootable", Boolean.toString(bootable))
        .put("attachments", new JsonArray()).put("metadata", new JsonObject());
  }

  public static JsonObject image(String id, String name, String status, String visibility) {
    return new JsonObject().put("id", id).put("name", name).put("status", status).put("visibility", visibility)
        .put("size", 1024).put("min_disk", 30).put("created_at", "2026-11-27T04:54:13Z");
  }

  public static JsonObject wrap(String key, JsonObject value) {
    return new JsonObject().put(key, value);
  }
}
