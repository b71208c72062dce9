package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/** The committed CRDs as kubectl shows them: explain, get columns, validation of required strings and conditions. */
@DisplayName("CRDs that read well in kubectl")
class CrdReadsWellTest {
  static JsonNode version(String crd) {
    return ShipFiles.yamlDocuments(ShipFiles.read("crds/" + crd + ".conoha-assistant.io-v1.yml")).get(0).at("/spec/versions/0");
  }

  /** Paths of schema nodes without a description: what `kubectl explain` would show blank. */
  static List<String> undescribed(JsonNode schema, String path) {
    List<String> missing = new ArrayList<>();
    if (!schema.has("description")) {
      missing.add(path.isEmpty() ? "(root)" : path);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!(path.isEmpty() && (e.getKey().equals("apiVersion") || e.getKey().equals("kind") || e.getKey().equals("metadata")))) {
        missing.addAll(undescribed(e.getValue(), path + "." + e.getKey()));
      }
    }
    JsonNode items = schema.path("items");
    if (items.has("properties")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = items.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        missing.addAll(undescribed(e.getValue(), path + "[]." + e.getKey()));
      }
    }
    return missing;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"conohaservers", "conohaimages"})
  @DisplayName("kubectl explain has a description for the resource, spec, status, the conditions and every field")
  void everythingDescribed(String crd) {
    assertThat(undescribed(version(crd).at("/schema/openAPIV3Schema"), "")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"conohaservers", "conohaimages"})
  @DisplayName("printer columns: Age last, no raw byte count or ConoHa id unless -o wide")
  void columns(String crd) {
    List<String> names = new ArrayList<>();
    version(crd).get("additionalPrinterColumns").forEach(c -> {
      names.add(c.get("name").asText());
      String path = c.get("jsonPath").asText();
      if (path.endsWith("Bytes") || path.endsWith("Id")) {
        assertThat(c.get("priority").asInt()).as("%s is for -o wide only", path).isEqualTo(1);
      }
    });
    assertThat(names.get(names.size() - 1)).isEqualTo("Age");
    assertThat(names).startsWith(crd.equals("conohaservers") ? new String[] {"State", "Phase", "Ready"} : new String[] {"Phase", "Ready"});
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"conohaservers", "conohaimages"})
  @DisplayName("a required string cannot be empty (minLength 1)")
  void requiredStringsNotEmpty(String crd) {
    List<String> emptyAllowed = new ArrayList<>();
    walk(version(crd).at("/schema/openAPIV3Schema/properties/spec"), ".spec", emptyAllowed);
    assertThat(emptyAllowed).isEmpty();
  }

  private static void walk(JsonNode schema, String path, List<String> emptyAllowed) {
    Set<String> required = new TreeSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode p = e.getValue();
      if (required.contains(e.getKey()) && p.path("type").asText().equals("string")
          && p.path("minLength").asInt(0) < 1 && !p.has("enum")) {
        emptyAllowed.add(path + "." + e.getKey());
      }
      walk(p, path + "." + e.getKey(), emptyAllowed);
      walk(p.path("items"), path + "." + e.getKey() + "[]", emptyAllowed);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"conohaservers", "conohaimages"})
  @DisplayName("status.conditions is a map list keyed by type (server-side apply and kubectl merge them by type)")
  void conditionsAreAMapList(String crd) {
    JsonNode conditions = version(crd).at("/schema/openAPIV3Schema/properties/status/properties/conditions");
    assertThat(conditions.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    assertThat(conditions.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"type\"]");
    assertThat(conditions.at("/items/required").toString()).contains("\"type\"");
  }
}
