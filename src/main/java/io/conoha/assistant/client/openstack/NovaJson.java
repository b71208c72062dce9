package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads Nova's flavors, servers and (image proxy) images. */
public final class NovaJson {
  private NovaJson() {}

  public static Flavor flavor(JsonObject f) {
    return new Flavor(Json.string(f, "id"), Json.string(f, "name"), Json.integer(f, "vcpus", 0),
        Json.integer(f, "ram", 0), Json.integer(f, "disk", 0));
  }

  public static Server server(JsonObject s) {
    List<String> ipv4 = new ArrayList<>();
    List<String> ipv6 = new ArrayList<>();
    JsonObject addresses = Json.object(s, "addresses");
    if (addresses != null) {
      for (String network : addresses.fieldNames()) {
        for (JsonObject address : Json.objects(addresses, network)) {
          (Json.integer(address, "version", 4) == 6 ? ipv6 : ipv4).add(Json.string(address, "addr"));
        }
      }
    }
    List<String> volumes = Json.objects(s, "os-extended-volumes:volumes_attached").stream()
        .map(v -> Json.string(v, "id"))
        .toList();
    return new Server(Json.string(s, "id"), Json.string(s, "name"), ServerStatus.parse(Json.string(s, "status")),
        Json.string(s, "OS-EXT-STS:task_state"), flavorId(Json.object(s, "flavor")), imageId(s),
        Json.stringMap(Json.object(s, "metadata")), ipv4, ipv6, volumes, Json.instant(s, "created"),
        Json.instant(s, "updated"));
  }

  /** Microversion 2.47+ embeds the flavor without an id; its original_name is what is left to go on. */
  private static String flavorId(JsonObject flavor) {
    String id = Json.string(flavor, "id");
    return id != null ? id : Json.string(flavor, "original_name");
  }

  /** Volume-backed servers report {@code "image": ""}; others an object with an id. */
  private static String imageId(JsonObject s) {
    JsonObject image = Json.object(s, "image");
    String id = image == null ? null : Json.string(image, "id");
    return id == null || id.isEmpty() ? null : id;
  }

  /** The compute image proxy (/images/detail): upper-case status, size and min disk under Nova's names. */
  public static Image proxyImage(JsonObject i) {
    return new Image(Json.string(i, "id"), Json.string(i, "name"), ImageStatus.parse(Json.string(i, "status")),
        Json.integer(i, "progress"), Json.longValue(i, "OS-EXT-IMG-SIZE:size"), Json.integer(i, "minDisk"),
        null, Json.instant(i, "created"), Json.stringMap(Json.object(i, "metadata")));
  }
}
