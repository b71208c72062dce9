package io.conoha.assistant.client.openstack;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The public endpoints of a Keystone token's service catalog (v2.0 serviceCatalog or v3 catalog). */
record ServiceCatalog(List<Entry> entries) {

  record Entry(String type, String region, String url) {}

  /** v3: {@code catalog[].endpoints[] = {interface, region|region_id, url}}; only public endpoints count. */
  static ServiceCatalog fromV3(JsonObject token) {
    List<Entry> entries = new ArrayList<>();
    for (JsonObject service : Json.objects(token, "catalog")) {
      for (JsonObject endpoint : Json.objects(service, "endpoints")) {
        String iface = Json.string(endpoint, "interface");
        if (iface == null || iface.equals("public")) {
          String region = Json.string(endpoint, "region");
          entries.add(new Entry(Json.string(service, "type"),
              region != null ? region : Json.string(endpoint, "region_id"), Json.string(endpoint, "url")));
        }
      }
    }
    return new ServiceCatalog(entries);
  }

  /** v2.0: {@code access.serviceCatalog[].endpoints[] = {region, publicURL}}. */
  static ServiceCatalog fromV2(JsonObject access) {
    List<Entry> entries = new ArrayList<>();
    for (JsonObject service : Json.objects(access, "serviceCatalog")) {
      for (JsonObject endpoint : Json.objects(service, "endpoints")) {
        entries.add(new Entry(Json.string(service, "type"), Json.string(endpoint, "region"),
            Json.string(endpoint, "publicURL")));
      }
    }
    return new ServiceCatalog(entries);
  }

  /** The first URL of the first type that has one, in {@code region} when a region is given. */
  Optional<String> url(List<String> types, String region) {
    for (String type : types) {
      Optional<String> found = entries.stream()
          .filter(e -> type.equals(e.type()) && e.url() != null)
          .filter(e -> region == null || region.equals(e.region()))
          .map(Entry::url)
          .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  Set<String> regions() {
    Set<String> regions = new TreeSet<>();
    entries.forEach(e -> {
      if (e.region() != null) {
        regions.add(e.region());
      }
    });
    return regions;
  }
}
