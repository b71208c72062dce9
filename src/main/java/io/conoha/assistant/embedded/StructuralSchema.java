package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Kubernetes API server does with a CRD's structural schema besides validating: fill in {@code default}s
 * and drop fields the schema does not declare (reporting them, so {@code fieldValidation=Strict} can refuse them)
 * and nulls where the schema is not {@code nullable}.
 */
final class StructuralSchema {
  /** Kubernetes itself owns these at the root of every object. */
  private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private StructuralSchema() {}

  /** Sets every absent field that has a default, at every level that is present. */
  static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value instanceof ObjectNode object) {
      schema.path("properties").fields().forEachRemaining(p -> {
        if (!object.has(p.getKey()) && p.getValue().has("default")) {
          object.set(p.getKey(), p.getValue().get("default").deepCopy());
        }
        if (object.has(p.getKey())) {
          applyDefaults(p.getValue(), object.get(p.getKey()));
        }
      });
      JsonNode additional = schema.path("additionalProperties");
      if (additional.isObject()) {
        object.elements().forEachRemaining(v -> applyDefaults(additional, v));
      }
    } else if (value != null && value.isArray()) {
      value.forEach(item -> applyDefaults(schema.path("items"), item));
    }
  }

  /** Removes undeclared fields (returning their paths, {@code spec.foo}) and nulls the schema does not allow. */
  static List<String> pruneUnknown(JsonNode schema, JsonNode object) {
    List<String> unknown = new ArrayList<>();
    prune(schema, object, "", true, unknown);
    return unknown;
  }

  private static void prune(JsonNode schema, JsonNode value, String path, boolean root, List<String> unknown) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) || value == null) {
      return;
    }
    if (value instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (root && ROOT_FIELDS.contains(field.getKey())) {
          continue;
        }
        if (properties.has(field.getKey())) {
          if (field.getValue().isNull() && !properties.get(field.getKey()).path("nullable").asBoolean(false)) {
            it.remove(); // as in Kubernetes: a null where the schema does not allow one is dropped, not refused
            continue;
          }
          prune(properties.get(field.getKey()), field.getValue(), fieldPath, false, unknown);
        } else if (additional.isObject()) {
          prune(additional, field.getValue(), fieldPath, false, unknown);
        } else if (!additional.asBoolean(false)) {
          unknown.add(fieldPath);
          it.remove();
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        prune(schema.path("items"), value.get(i), path + "[" + i + "]", false, unknown);
      }
    }
  }
}
