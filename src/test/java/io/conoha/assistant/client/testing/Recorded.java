package io.conoha.assistant.client.testing;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A request the stub received. Header names are lower-case. */
public record Recorded(String method, String path, Map<String, String> query, Map<String, String> headers,
    String body, long receivedNanos) {

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public String token() {
    return header("X-Auth-Token");
  }

  public JsonObject json() {
    return body == null || body.isEmpty() ? new JsonObject() : new JsonObject(body);
  }
}
