package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A Secret's write-only {@code stringData} merged into {@code data} (base64), as the API server stores it. */
final class SecretData {
  private SecretData() {}

  static String encodeStringData(String secretJson) {
    JsonNode secret = Json.read(secretJson);
    if (!(secret instanceof ObjectNode object) || !secret.path("stringData").isObject()) {
      return secretJson;
    }
    ObjectNode data = object.path("data").isObject() ? (ObjectNode) object.get("data") : object.putObject("data");
    secret.path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(),
        Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    object.remove("stringData");
    return Json.write(object);
  }
}
