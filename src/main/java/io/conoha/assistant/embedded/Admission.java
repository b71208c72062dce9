package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conoha.assistant.embedded.ApiStatus.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a write of a custom resource goes through before it is stored, as in a real API server: undeclared fields
 * dropped (and reported), defaults filled in, then the OpenAPI schema and the CEL rules checked.
 */
final class Admission {
  /** The object to store, what is wrong with it, and the undeclared fields that were dropped. */
  record Outcome(ObjectNode object, List<Cause> causes, List<String> unknownFields) {}

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final SchemaCheck schemaCheck = new SchemaCheck();
  private final CelRules celRules = new CelRules();

  /** {@code old} is the stored object on an update, null on a create. */
  Outcome admit(ApiResource resource, ObjectNode object, JsonNode old) {
    JsonNode schema = resource.schema();
    List<String> unknown = StructuralSchema.pruneUnknown(schema, object);
    StructuralSchema.applyDefaults(schema, object);
    List<Cause> causes = new ArrayList<>();
    String name = object.path("metadata").path("name").asText("");
    if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
      causes.add(new Cause("metadata.name", "FieldValueInvalid", "Invalid value: \"" + name + "\": a lowercase RFC 1123"
          + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
          + " alphanumeric character"));
    }
    causes.addAll(schemaCheck.violations(schema, object));
    causes.addAll(celRules.violations(schema, object, old));
    return new Outcome(object, causes, unknown);
  }
}
