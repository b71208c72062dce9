package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One resource type the embedded API serves: a built-in kind it stores, or one served version of a stored CRD
 * ({@code definition} is then that CRD's {@code spec.versions[]} entry: schema, printer columns, subresources).
 */
record ApiResource(String group, String version, String kind, String plural, String singular, boolean namespaced,
    List<String> shortNames, List<String> categories, List<String> verbs, JsonNode definition) {

  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** The kinds of the core and built-in groups this API stores like any other object (no behaviour behind them). */
  static final List<ApiResource> BUILT_IN = List.of(
      builtIn("", "Namespace", "namespaces", false, "ns"),
      builtIn("", "Secret", "secrets", true),
      builtIn("", "ConfigMap", "configmaps", true, "cm"),
      builtIn("", "Event", "events", true, "ev"),
      builtIn("", "ServiceAccount", "serviceaccounts", true, "sa"),
      builtIn("coordination.k8s.io", "Lease", "leases", true),
      builtIn("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions", false, "crd", "crds"),
      new ApiResource("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews",
          "selfsubjectrulesreview", false, List.of(), List.of(), List.of("create"), MissingNode.getInstance()));

  private static ApiResource builtIn(String group, String kind, String plural, boolean namespaced, String... shortNames) {
    return new ApiResource(group, "v1", kind, plural, kind.toLowerCase(), namespaced, List.of(shortNames), List.of(),
        ALL_VERBS, MissingNode.getInstance());
  }

  /** The served versions of a CustomResourceDefinition object. */
  static List<ApiResource> fromCrd(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ApiResource> served = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (version.path("served").asBoolean(true)) {
        served.add(new ApiResource(spec.path("group").asText(), version.path("name").asText(),
            names.path("kind").asText(), names.path("plural").asText(),
            names.path("singular").asText(names.path("kind").asText().toLowerCase()),
            !"Cluster".equals(spec.path("scope").asText()), texts(names.path("shortNames")),
            texts(names.path("categories")), ALL_VERBS, version));
      }
    }
    return served;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  boolean isCustom() {
    return !definition.isMissingNode();
  }

  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code conohaservers.conoha-assistant.io}, as API errors name a resource. */
  String qualifiedName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  boolean hasStatusSubresource() {
    return definition.path("subresources").has("status");
  }

  JsonNode schema() {
    return definition.path("schema").path("openAPIV3Schema");
  }

  JsonNode printerColumns() {
    return definition.path("additionalPrinterColumns");
  }
}
