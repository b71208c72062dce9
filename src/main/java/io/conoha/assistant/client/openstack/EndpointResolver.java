package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.Endpoints;
import io.conoha.assistant.client.error.CredentialsException;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Picks each service's base URL: a credentials override wins, else the catalog in the credentials' region.
 * URLs are normalised so every service appends the same paths whatever shape the catalog uses:
 * compute keeps its version and tenant ({@code /v2/{tenant}} or {@code /v2.1}); image loses a trailing
 * {@code /v2} (Glance paths are written in full), and so does DNS its {@code /v1}; a volume URL without a path gets {@code /v3/{project}}.
 */
final class EndpointResolver {
  static final List<String> VOLUME_TYPES = List.of("volumev3", "block-storage", "volumev2", "volume");

  private EndpointResolver() {}

  /**
   * @throws CredentialsException (key {@code region}) when the catalog spans several regions and the
   *     credentials name none: the first match would be a guess (a v2 catalog lists sjc1 first). A region the
   *     catalog lacks fails at the first call of a service it has no endpoint for, naming the catalog's regions.
   */
  static Endpoints resolve(ServiceCatalog catalog, Credentials credentials, String projectId) {
    requireUsableRegion(catalog.regions(), credentials.region());
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

  static void requireUsableRegion(Set<String> offered, String region) {
    if (region == null && offered.size() > 1) {
      throw new CredentialsException("region", "credentials: the service catalog offers several regions ("
          + String.join(", ", offered) + "); set region (OS_REGION_NAME) to one of them");
    }
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
