package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.Endpoints;
import java.net.URI;
import java.util.List;

/**
 * Picks each service's base URL: a credentials override wins, else the catalog in the credentials' region.
 * URLs are normalised so every service appends the same paths whatever shape the catalog uses:
 * compute keeps its version and tenant ({@code /v2/{tenant}} or {@code /v2.1}); image loses a trailing
 * {@code /v2} (Glance paths are written in full), and so does DNS its {@code /v1}; a volume URL without a path gets {@code /v3/{project}}.
 */
final class EndpointResolver {
  static final List<String> VOLUME_TYPES = List.of("volumev3", "block-storage", "volumev2", "volume");

  private EndpointResolver() {}

  static Endpoints resolve(ServiceCatalog catalog, Credentials credentials, String projectId) {
    String compute = pick("compute", List.of("compute"), catalog, credentials);
    String image = pick("image", List.of("image"), catalog, credentials);
    String volume = pick("volume", VOLUME_TYPES, catalog, credentials);
    String network = pick("network", List.of("network"), catalog, credentials);
    String dns = pick("dns", List.of("dns"), catalog, credentials);
    return new Endpoints(
        compute == null ? null : withDefaultPath(compute, "/v2.1"),
        image == null ? null : image.replaceAll("/v2$", ""),
        volume == null ? null : withDefaultPath(volume, "/v3/" + projectId),
        network,
        dns == null ? null : dns.replaceAll("/v1$", ""));
  }

  private static String pick(String service, List<String> types, ServiceCatalog catalog, Credentials credentials) {
    String override = credentials.endpointOverrides().get(service);
    String url = override != null ? override : catalog.url(types, credentials.region()).orElse(null);
    return url == null ? null : url.replaceAll("/+$", "");
  }

  private static String withDefaultPath(String url, String path) {
    String current = URI.create(url).getPath();
    return current == null || current.isEmpty() ? url + path : url;
  }
}
