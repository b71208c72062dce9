package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.conoha.assistant.embedded.ApiStatus.Cause;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an object against its CRD's {@code openAPIV3Schema} with a JSON-schema validator (the OpenAPI 3.0
 * dialect that CRD schemas are written in) and reports each problem against the field it is about.
 */
final class SchemaCheck {
  /** OpenAPI 3.0 plus the Kubernetes extensions, which other parts of the admission handle (CEL, pruning, lists). */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialect.builder(Dialects.getOpenApi30()).keywords(java.util.stream.Stream.of("x-kubernetes-validations",
          "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
          "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type")
          .map(NonValidationKeyword::new).toList()).build());
  private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();

  List<Cause> violations(JsonNode openApiSchema, JsonNode object) {
    Schema schema = schemas.computeIfAbsent(openApiSchema, REGISTRY::getSchema);
    return schema.validate(object).stream().map(SchemaCheck::cause).toList();
  }

  private static Cause cause(Error error) {
    String field = field(error.getInstanceLocation().toString());
    String message = error.getMessage();
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      return new Cause(field.isEmpty() ? error.getProperty() : field + "." + error.getProperty(), "FieldValueRequired",
          "Required value");
    }
    String reason = "enum".equals(error.getKeyword()) ? "FieldValueNotSupported" : "FieldValueInvalid";
    return new Cause(field.isEmpty() ? "<root>" : field, reason, "Invalid value: "
        + Json.write(error.getInstanceNode()) + ": " + message);
  }

  /** {@code $.spec.bootVolume.size} → {@code spec.bootVolume.size}. */
  private static String field(String location) {
    return location.replaceFirst("^\\$\\.?", "").replaceFirst("^/", "").replace("/", ".");
  }
}
