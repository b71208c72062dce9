package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The resource types served right now: the built-in ones and those of the CRDs stored in the API. Rebuilt only
 * after a CRD changed; reading it is cheap, so every request may ask.
 */
final class ApiCatalog {
  private final Supplier<List<JsonNode>> storedCrds;
  private volatile List<ApiResource> resources;

  ApiCatalog(Supplier<List<JsonNode>> storedCrds) {
    this.storedCrds = storedCrds;
  }

  /** A CRD was created, changed or deleted. */
  void invalidate() {
    resources = null;
  }

  List<ApiResource> all() {
    List<ApiResource> current = resources;
    if (current == null) {
      List<ApiResource> built = new ArrayList<>(ApiResource.BUILT_IN);
      storedCrds.get().forEach(crd -> built.addAll(ApiResource.fromCrd(crd)));
      current = Collections.unmodifiableList(built);
      resources = current;
    }
    return current;
  }

  Optional<ApiResource> find(String group, String version, String plural) {
    return all().stream().filter(r -> r.group().equals(group) && r.version().equals(version)
        && r.plural().equals(plural)).findFirst();
  }

  Optional<ApiResource> find(ApiPath path) {
    return path.isResource() ? find(path.group(), path.version(), path.plural()) : Optional.empty();
  }

  /** Group names in the order they were first seen; the core group ("") first. */
  List<String> groups() {
    return all().stream().map(ApiResource::group).distinct().toList();
  }

  List<ApiResource> inGroupVersion(String group, String version) {
    return all().stream().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
  }
}
