package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers; the gate writes it (or swaps it for an injected fault). */
record Reply(int status, Map<String, String> headers, String contentType, byte[] body) {
  static Reply json(int status, JsonNode body) {
    return new Reply(status, new LinkedHashMap<>(), "application/json", Json.bytes(body));
  }

  static Reply ok(JsonNode body) {
    return json(200, body);
  }

  /** 202/204 without a body, as Nova answers actions and deletes. */
  static Reply empty(int status) {
    return new Reply(status, new LinkedHashMap<>(), null, new byte[0]);
  }

  static Reply html(int status, String html) {
    return new Reply(status, new LinkedHashMap<>(), "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
