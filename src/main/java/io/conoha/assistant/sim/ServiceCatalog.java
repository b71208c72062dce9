package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The service catalog a token carries: every service points back at this simulator, with ConoHa's service types
 * ({@code volume} on V2, {@code volumev3} on V3) and region.
 */
final class ServiceCatalog {
  private record Service(String type, String name, String url) {}

  private final Links links;
  private final String region;

  ServiceCatalog(Links links, String region) {
    this.links = links;
    this.region = region;
  }

  private List<Service> services() {
    return List.of(
        new Service("identity", "Identity Service", links.identity()),
        new Service("compute", "Compute Service", links.compute()),
        new Service("image", "Image Service", links.image()),
        new Service(links.v2() ? "volume" : "volumev3", "Block Storage Service", links.volume()),
        new Service("network", "Network Service", links.network()),
        new Service("dns", "DNS Service", links.dns()));
  }

  /** Keystone v2.0: {@code access.serviceCatalog}. */
  ArrayNode v2() {
    ArrayNode catalog = Json.array();
    for (Service s : services()) {
      ObjectNode entry = catalog.addObject();
      entry.putArray("endpoints").addObject().put("region", region).put("publicURL", s.url());
      entry.putArray("endpoints_links");
      entry.put("type", s.type()).put("name", s.name());
    }
    return catalog;
  }

  /** Keystone v3: {@code token.catalog}. */
  ArrayNode v3() {
    ArrayNode catalog = Json.array();
    for (Service s : services()) {
      ObjectNode entry = catalog.addObject();
      entry.putArray("endpoints").addObject()
          .put("id", IdSource.stableUuid("endpoint:" + s.type()).replace("-", ""))
          .put("interface", "public")
          .put("region_id", region)
          .put("url", s.url())
          .put("region", region);
      entry.put("id", IdSource.stableUuid("service:" + s.type()).replace("-", ""))
          .put("type", s.type())
          .put("name", s.name());
    }
    return catalog;
  }
}
