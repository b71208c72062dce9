package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * OpenAPI documents built from the served types, as {@code kubectl explain} and {@code kubectl apply} read them:
 * the v3 index ({@code /openapi/v3}), one v3 document per group version, and a v2 (JSON) document. A custom
 * resource's schema is its CRD's {@code openAPIV3Schema} with {@code apiVersion}, {@code kind} and
 * {@code metadata} added, as a real API server publishes it. Every PATCH operation declares the
 * {@code fieldValidation} parameter, so kubectl leaves validation to this server.
 */
final class OpenApiDocs {
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private final ApiCatalog catalog;

  OpenApiDocs(ApiCatalog catalog) {
    this.catalog = catalog;
  }

  Optional<ObjectNode> document(String path) {
    if (path.equals("/openapi/v3")) {
      return Optional.of(index());
    }
    if (path.equals("/openapi/v2")) {
      return Optional.of(v2());
    }
    if (path.startsWith("/openapi/v3/")) {
      String[] s = path.substring("/openapi/v3/".length()).split("/");
      if (s.length == 2 && s[0].equals("api")) {
        return v3("", s[1]);
      }
      if (s.length == 3 && s[0].equals("apis")) {
        return v3(s[1], s[2]);
      }
    }
    return Optional.empty();
  }

  private ObjectNode index() {
    ObjectNode index = Json.object();
    ObjectNode paths = index.putObject("paths");
    catalog.all().stream().map(r -> r.group().isEmpty() ? "api/" + r.version() : "apis/" + r.groupVersion()).distinct()
        .forEach(p -> paths.putObject(p).put("serverRelativeURL",
            "/openapi/v3/" + p + "?hash=" + Integer.toHexString(catalog.all().hashCode())));
    return index;
  }

  private Optional<ObjectNode> v3(String group, String version) {
    List<ApiResource> resources = catalog.inGroupVersion(group, version);
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode doc = Json.object().put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes (embedded)").put("version", Versions.KUBERNETES);
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    schemas.set(OBJECT_META, objectMeta());
    for (ApiResource r : resources) {
      String name = definitionName(r);
      schemas.set(name, schemaOf(r, "#/components/schemas/"));
      ObjectNode operation = paths.putObject(itemPath(r)).putObject("patch");
      operation.set("x-kubernetes-group-version-kind", gvk(r).get(0));
      operation.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
          .put("description", "Strict, Warn or Ignore: what to do with fields the schema does not declare.")
          .putObject("schema").put("type", "string");
      operation.putObject("responses").putObject("200").put("description", "OK");
    }
    return Optional.of(doc);
  }

  private ObjectNode v2() {
    ObjectNode doc = Json.object().put("swagger", "2.0");
    doc.putObject("info").put("title", "Kubernetes (embedded)").put("version", Versions.KUBERNETES);
    doc.putObject("paths");
    ObjectNode definitions = doc.putObject("definitions");
    definitions.set(OBJECT_META, objectMeta());
    catalog.all().forEach(r -> definitions.set(definitionName(r), schemaOf(r, "#/definitions/")));
    return doc;
  }

  private static String itemPath(ApiResource r) {
    String prefix = r.group().isEmpty() ? "/api/" + r.version() : "/apis/" + r.groupVersion();
    return prefix + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.plural() + "/{name}";
  }

  /** {@code io.conoha-assistant.v1alpha1.ConohaServer}: the group reversed, as Kubernetes names CRD schemas. */
  private static String definitionName(ApiResource r) {
    if (r.group().isEmpty()) {
      return "io.k8s.api.core." + r.version() + "." + r.kind();
    }
    List<String> parts = new java.util.ArrayList<>(List.of(r.group().split("\\.")));
    java.util.Collections.reverse(parts);
    return String.join(".", parts) + "." + r.version() + "." + r.kind();
  }

  private static ObjectNode schemaOf(ApiResource r, String refPrefix) {
    ObjectNode schema = r.isCustom() ? r.schema().deepCopy() : Json.object().put("type", "object")
        .put("description", r.kind() + " (stored as given: the embedded API has no schema for built-in kinds)")
        .put("x-kubernetes-preserve-unknown-fields", true);
    ObjectNode properties = schema.with("properties");
    properties.putObject("apiVersion").put("type", "string")
        .put("description", "APIVersion defines the versioned schema of this representation of an object.");
    properties.putObject("kind").put("type", "string")
        .put("description", "Kind is a string value representing the REST resource this object represents.");
    if (refPrefix.startsWith("#/components")) {
      properties.putObject("metadata").put("description", "Standard object's metadata.")
          .putArray("allOf").addObject().put("$ref", refPrefix + OBJECT_META);
    } else {
      properties.putObject("metadata").put("$ref", refPrefix + OBJECT_META); // v2 readers ignore allOf
    }
    schema.set("x-kubernetes-group-version-kind", gvk(r));
    return schema;
  }

  private static ArrayNode gvk(ApiResource r) {
    ArrayNode gvk = Json.MAPPER.createArrayNode();
    gvk.addObject().put("group", r.group()).put("kind", r.kind()).put("version", r.version());
    return gvk;
  }

  private static JsonNode objectMeta() {
    ObjectNode meta = Json.object().put("type", "object")
        .put("description", "Standard metadata every persisted resource must have.");
    ObjectNode p = meta.putObject("properties");
    p.putObject("name").put("type", "string").put("description", "Unique within a namespace.");
    p.putObject("namespace").put("type", "string").put("description", "The namespace the object is in.");
    p.putObject("uid").put("type", "string").put("description", "Unique in time and space; set by the server.");
    p.putObject("resourceVersion").put("type", "string").put("description", "Changes with every write.");
    p.putObject("generation").put("type", "integer").put("description", "Changes with every spec write.");
    p.putObject("creationTimestamp").put("type", "string").put("format", "date-time");
    p.putObject("deletionTimestamp").put("type", "string").put("format", "date-time");
    p.putObject("labels").put("type", "object").putObject("additionalProperties").put("type", "string");
    p.putObject("annotations").put("type", "object").putObject("additionalProperties").put("type", "string");
    p.putObject("finalizers").put("type", "array").putObject("items").put("type", "string");
    return meta;
  }
}
