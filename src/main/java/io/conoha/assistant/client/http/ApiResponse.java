package io.conoha.assistant.client.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A successful (2xx) answer. */
public record ApiResponse(int status, MultiMap headers, Buffer body) {

  public String header(String name) {
    return headers.get(name);
  }

  /** The body as a JSON object; an empty object for empty bodies (202/204 actions). */
  public JsonObject json() {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    return body.toJsonObject();
  }

  @Override
  public String toString() {
    return "ApiResponse[status=" + status + "]";
  }
}
