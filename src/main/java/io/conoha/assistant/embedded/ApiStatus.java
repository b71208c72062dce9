package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;

/** A {@code Status} answer, the way a real API server reports a failure (kubectl prints its message). */
final class ApiStatus {
  /** One problem with one field, e.g. {@code spec.state}: {@code Unsupported value: "Paused"}. */
  record Cause(String field, String reason, String message) {}

  private ApiStatus() {}

  static MockResponse failure(int code, String reason, String message) {
    return response(code, status(code, reason, message));
  }

  static MockResponse notFound(ApiResource resource, String name) {
    ObjectNode status = status(404, "NotFound", resource.qualifiedName() + " \"" + name + "\" not found");
    status.putObject("details").put("name", name).put("group", resource.group()).put("kind", resource.plural());
    return response(404, status);
  }

  /** 422 Invalid, as for an object that breaks its schema or a validation rule. */
  static MockResponse invalid(ApiResource resource, String name, List<Cause> causes) {
    String summary = String.join(", ", causes.stream().map(c -> c.field() + ": " + c.message()).toList());
    ObjectNode status = status(422, "Invalid",
        resource.kind() + "." + resource.group() + " \"" + name + "\" is invalid: " + summary);
    ObjectNode details = status.putObject("details").put("name", name).put("group", resource.group())
        .put("kind", resource.kind());
    ArrayNode list = details.putArray("causes");
    causes.forEach(c -> list.addObject().put("reason", c.reason()).put("message", c.message()).put("field", c.field()));
    return response(422, status);
  }

  private static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
  }

  static MockResponse json(int code, Object body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
        .setBody(body instanceof String s ? s : Json.write((com.fasterxml.jackson.databind.JsonNode) body));
  }

  private static MockResponse response(int code, ObjectNode status) {
    return json(code, status);
  }
}
