package io.conoha.assistant.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request as a handler sees it: path and query parameters, the JSON body (parsed once) and the token. */
final class Call {
  private static final String PARSED = "sim.json";
  private static final String MALFORMED = "sim.malformed";

  final RoutingContext ctx;
  final String operation;
  final TokenStore.Token token;

  Call(RoutingContext ctx, String operation, TokenStore.Token token) {
    this.ctx = ctx;
    this.operation = operation;
    this.token = token;
  }

  String path(String name) {
    return ctx.pathParam(name);
  }

  String query(String name) {
    return ctx.queryParams().get(name);
  }

  /** The query parameters, the first value of each. */
  Map<String, String> queryMap() {
    Map<String, String> map = new LinkedHashMap<>();
    ctx.queryParams().forEach(e -> map.putIfAbsent(e.getKey(), e.getValue()));
    return map;
  }

  /** An integer query parameter; 400 when it is not one. */
  Integer queryInt(String name) {
    String value = query(name);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("Invalid input for query parameters " + name + ". Value: " + value
          + ". It must be a non-negative integer");
    }
  }

  /** The body as JSON; 400 "Malformed request body" when it is missing or not JSON. */
  JsonNode body() {
    JsonNode node = parse(ctx);
    if (node == null) {
      throw ApiError.badRequest("Malformed request body");
    }
    return node;
  }

  /** The object under a body's root key ({"server": {...}}); 400 with Nova's schema message when absent. */
  JsonNode member(String root) {
    JsonNode node = body().get(root);
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("Invalid input for field/attribute " + root + ". Value: " + body()
          + ". '" + root + "' is a required property");
    }
    return node;
  }

  /** The first key of a JSON body, for action endpoints whose operation is named by it; null when unreadable. */
  static String firstKey(RoutingContext ctx) {
    JsonNode node = parse(ctx);
    if (node == null || !node.isObject()) {
      return null;
    }
    Iterator<String> names = node.fieldNames();
    return names.hasNext() ? names.next() : null;
  }

  private static JsonNode parse(RoutingContext ctx) {
    if (ctx.get(MALFORMED) != null) {
      return null;
    }
    JsonNode cached = ctx.get(PARSED);
    if (cached != null) {
      return cached;
    }
    String text = ctx.body() == null ? null : ctx.body().asString();
    try {
      JsonNode node = text == null || text.isBlank() ? null : Json.parse(text);
      if (node == null || node.isMissingNode()) {
        ctx.put(MALFORMED, Boolean.TRUE);
        return null;
      }
      ctx.put(PARSED, node);
      return node;
    } catch (JsonProcessingException e) {
      ctx.put(MALFORMED, Boolean.TRUE);
      return null;
    }
  }
}
