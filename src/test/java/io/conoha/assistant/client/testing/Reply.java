package io.conoha.assistant.client.testing;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the stub answers: status, headers, body, optionally late or never. */
public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean silent) {

  public static Reply json(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, false);
  }

  public static Reply json(int status, JsonObject body) {
    return json(status, body.encode());
  }

  public static Reply ok(JsonObject body) {
    return json(200, body);
  }

  public static Reply status(int status) {
    return new Reply(status, Map.of(), "", Duration.ZERO, false);
  }

  public static Reply text(int status, String contentType, String body) {
    return new Reply(status, Map.of("Content-Type", contentType), body, Duration.ZERO, false);
  }

  /** Never answers: the client's timeout must end the wait. */
  public static Reply never() {
    return new Reply(0, Map.of(), "", Duration.ZERO, true);
  }

  public Reply header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body, delay, silent);
  }

  public Reply after(Duration wait) {
    return new Reply(status, headers, body, wait, silent);
  }
}
