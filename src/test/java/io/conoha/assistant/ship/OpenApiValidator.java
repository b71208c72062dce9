package io.conoha.assistant.ship;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an object against a CRD's openAPIV3Schema the way the API server would for the parts that matter to
 * hand-written manifests: types, required fields, enums, patterns, minimum/maximum, unknown fields (a structural
 * schema prunes them, and `kubectl apply` with server-side field validation rejects them), and the CEL rules of the
 * form {@code has(self.a) != has(self.b)} ("exactly one of"). Other CEL rules and transition rules (oldSelf) are
 * not evaluated; {@link #unevaluatedRules()} lists them.
 */
final class OpenApiValidator {
  private static final Pattern ONE_OF = Pattern.compile("^has\\(self\\.(\\w+)\\) != has\\(self\\.(\\w+)\\)$");

  private final JsonNode schema;
  private final List<String> unevaluated = new ArrayList<>();

  private OpenApiValidator(JsonNode schema) {
    this.schema = schema;
  }

  /** The validator for the served version of a CRD file's schema. */
  static OpenApiValidator forCrd(String crdFile, String version) {
    JsonNode crd = ShipFiles.yamlDocuments(ShipFiles.read(crdFile)).get(0);
    for (JsonNode v : crd.at("/spec/versions")) {
      if (version.equals(v.get("name").asText())) {
        return new OpenApiValidator(v.at("/schema/openAPIV3Schema"));
      }
    }
    throw new AssertionError(crdFile + " has no version " + version);
  }

  List<String> unevaluatedRules() {
    return unevaluated;
  }

  /** The violations, one line each ("spec.flavor: ..."); empty = valid. */
  List<String> validate(JsonNode object) {
    List<String> errors = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("apiVersion") || e.getKey().equals("kind") || e.getKey().equals("metadata")) {
        continue; // checked by the API server itself, not by the CRD schema
      }
      JsonNode property = schema.path("properties").get(e.getKey());
      if (property == null) {
        errors.add(e.getKey() + ": unknown field");
      } else {
        check(e.getValue(), property, e.getKey(), errors);
      }
    }
    return errors;
  }

  private void check(JsonNode value, JsonNode s, String path, List<String> errors) {
    if (value.isNull()) {
      if (!s.path("nullable").asBoolean(false)) {
        errors.add(path + ": must not be null");
      }
      return;
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          errors.add(path + ": must be an object");
          return;
        }
        checkObject(value, s, path, errors);
      }
      case "array" -> {
        if (!value.isArray()) {
          errors.add(path + ": must be an array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), s.path("items"), path + "[" + i + "]", errors);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(path + ": must be a string");
          return;
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(value.asText()).find()) {
          errors.add(path + ": \"" + value.asText() + "\" does not match " + s.get("pattern").asText());
        }
        if (s.has("maxLength") && value.asText().length() > s.get("maxLength").asInt()) {
          errors.add(path + ": longer than " + s.get("maxLength").asInt());
        }
        if (s.has("minLength") && value.asText().length() < s.get("minLength").asInt()) {
          errors.add(path + ": shorter than " + s.get("minLength").asInt());
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(path + ": must be an integer");
          return;
        }
        checkRange(value, s, path, errors);
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(path + ": must be a number");
          return;
        }
        checkRange(value, s, path, errors);
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(path + ": must be a boolean");
        }
      }
      default -> { }
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : s.get("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        errors.add(path + ": " + value + " is not one of " + s.get("enum"));
      }
    }
    for (JsonNode rule : s.path("x-kubernetes-validations")) {
      String expr = rule.get("rule").asText();
      Matcher oneOf = ONE_OF.matcher(expr);
      if (oneOf.matches() && value.isObject()) {
        if (value.has(oneOf.group(1)) == value.has(oneOf.group(2))) {
          errors.add(path + ": " + rule.path("message").asText(expr));
        }
      } else if (!expr.contains("oldSelf")) {
        unevaluated.add(path + ": " + expr);
      }
    }
  }

  private void checkObject(JsonNode value, JsonNode s, String path, List<String> errors) {
    for (JsonNode required : s.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(path + "." + required.asText() + ": required");
      }
    }
    JsonNode props = s.path("properties");
    JsonNode additional = s.get("additionalProperties");
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String child = path + "." + e.getKey();
      if (props.has(e.getKey())) {
        check(e.getValue(), props.get(e.getKey()), child, errors);
      } else if (additional != null && additional.isObject()) {
        check(e.getValue(), additional, child, errors);
      } else if (!preserve) {
        errors.add(child + ": unknown field");
      }
    }
  }

  private static void checkRange(JsonNode value, JsonNode s, String path, List<String> errors) {
    if (s.has("minimum") && value.asDouble() < s.get("minimum").asDouble()) {
      errors.add(path + ": " + value + " is less than " + s.get("minimum").asText());
    }
    if (s.has("maximum") && value.asDouble() > s.get("maximum").asDouble()) {
      errors.add(path + ": " + value + " is more than " + s.get("maximum").asText());
    }
  }
}
