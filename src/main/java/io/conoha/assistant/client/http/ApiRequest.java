package io.conoha.assistant.client.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call to a ConoHa service: which service, the operation name (metrics, errors, the simulator's ledger),
 * method, path below the service's base URL, query, JSON body, and the secret strings of this request
 * (adminPass, user_data, password) that must be scrubbed from anything the response makes us say.
 */
public record ApiRequest(
    ApiService service,
    String operation,
    HttpMethod method,
    String path,
    Map<String, String> query,
    JsonObject body,
    List<String> secrets) {

  public ApiRequest {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
    secrets = List.copyOf(secrets == null ? List.of() : secrets);
  }

  public static ApiRequest get(ApiService service, String operation, String path) {
    return new ApiRequest(service, operation, HttpMethod.GET, path, Map.of(), null, List.of());
  }

  public static ApiRequest delete(ApiService service, String operation, String path) {
    return new ApiRequest(service, operation, HttpMethod.DELETE, path, Map.of(), null, List.of());
  }

  public static ApiRequest post(ApiService service, String operation, String path, JsonObject body) {
    return new ApiRequest(service, operation, HttpMethod.POST, path, Map.of(), body, List.of());
  }

  /** Adds a query parameter; a null or empty value is left out so optional filters read naturally. */
  public ApiRequest withQuery(String name, Object value) {
    if (value == null || value.toString().isEmpty()) {
      return this;
    }
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value.toString());
    return new ApiRequest(service, operation, method, path, q, body, secrets);
  }

  /** Marks strings of this request as secret; null and empty ones are ignored. */
  public ApiRequest withSecrets(String... values) {
    List<String> s = new ArrayList<>(secrets);
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        s.add(v);
      }
    }
    return new ApiRequest(service, operation, method, path, query, body, s);
  }

  /**
   * Only GET and DELETE are repeated after a failure. Every POST (creates, power actions, image saves) may
   * have taken effect although the answer was a 5xx or never came, so its caller must look before trying again.
   */
  public boolean idempotent() {
    return method == HttpMethod.GET || method == HttpMethod.DELETE;
  }

  /** Never shows the body: it may hold adminPass, user_data or a password. */
  @Override
  public String toString() {
    return operation + " " + method + " " + path + (query.isEmpty() ? "" : " " + query);
  }
}
