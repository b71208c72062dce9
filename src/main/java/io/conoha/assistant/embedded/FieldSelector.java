package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A field selector such as {@code involvedObject.name=web-v3,involvedObject.kind=ConohaServer} or
 * {@code metadata.name!=x}: what {@code kubectl describe} (events of one object), {@code kubectl wait} and
 * {@code kubectl delete} send. Any dotted field path of the object can be compared.
 */
record FieldSelector(List<Requirement> requirements) {
  record Requirement(String field, boolean equal, String value) {
    boolean matches(JsonNode object) {
      JsonNode node = object;
      for (String part : field.split("\\.")) {
        node = node.path(part);
      }
      String actual = node.isValueNode() ? node.asText() : "";
      return actual.equals(value) == equal;
    }
  }

  static FieldSelector parse(String selector) {
    List<Requirement> requirements = new ArrayList<>();
    for (String term : selector.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      int not = term.indexOf("!=");
      if (not > 0) {
        requirements.add(new Requirement(term.substring(0, not).trim(), false, term.substring(not + 2).trim()));
        continue;
      }
      int eq = term.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("invalid field selector \"" + term + "\": expected field=value or field!=value");
      }
      String value = term.substring(term.startsWith("=", eq + 1) ? eq + 2 : eq + 1).trim();
      requirements.add(new Requirement(term.substring(0, eq).trim(), true, value));
    }
    return new FieldSelector(requirements);
  }

  boolean matches(JsonNode object) {
    return requirements.stream().allMatch(r -> r.matches(object));
  }

  /** The metadata.name this selector pins, if any (the one selector a watch of the mock understands). */
  java.util.Optional<String> name() {
    return requirements.stream().filter(r -> r.equal() && r.field().equals("metadata.name")).map(Requirement::value)
        .findFirst();
  }
}
