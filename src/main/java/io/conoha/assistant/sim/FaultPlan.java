package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Faults written down rather than called: the {@code faults} object of a config file and the body of
 * {@code POST /admin/faults}. Applying a plan adds to what the {@link FaultInjector} already has.
 *
 * <pre>{@code
 * {"latency": {"min": "5ms", "max": "40ms"},
 *  "errorRates": [{"operation": "servers.list", "status": 503, "probability": 0.1}],
 *  "failNext": [{"operation": "servers.create", "status": 500, "times": 1}],
 *  "rateLimitNext": [{"operation": "servers.get", "times": 2, "retryAfter": "1s"}],
 *  "rateLimitRates": [{"operation": "*", "probability": 0.05, "retryAfter": "2s"}],
 *  "hangNext": [{"operation": "images.get", "times": 1}],
 *  "createThenFail": [{"operation": "servers.create", "times": 1}],
 *  "listLag": "3s",
 *  "revokeTokens": true}
 * }</pre>
 */
public record FaultPlan(
    Latency latency,
    List<ErrorRate> errorRates,
    List<FailNext> failNext,
    List<RateLimitNext> rateLimitNext,
    List<RateLimitRate> rateLimitRates,
    List<Times> hangNext,
    List<Times> createThenFail,
    Duration listLag,
    boolean revokeTokens) {

  public record Latency(Duration min, Duration max) {}

  public record ErrorRate(String operation, int status, double probability) {}

  public record FailNext(String operation, int status, int times) {}

  public record RateLimitNext(String operation, int times, Duration retryAfter) {}

  public record RateLimitRate(String operation, double probability, Duration retryAfter) {}

  public record Times(String operation, int times) {}

  public FaultPlan {
    errorRates = List.copyOf(errorRates);
    failNext = List.copyOf(failNext);
    rateLimitNext = List.copyOf(rateLimitNext);
    rateLimitRates = List.copyOf(rateLimitRates);
    hangNext = List.copyOf(hangNext);
    createThenFail = List.copyOf(createThenFail);
  }

  public static FaultPlan none() {
    return new FaultPlan(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, false);
  }

  public boolean isEmpty() {
    return equals(none());
  }

  /** Reads the JSON form shown in the class comment; unknown fields are refused so typos do not go unnoticed. */
  public static FaultPlan fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return none();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("faults must be a JSON object");
    }
    List<String> known = List.of("latency", "errorRates", "failNext", "rateLimitNext", "rateLimitRates", "hangNext",
        "createThenFail", "listLag", "revokeTokens");
    node.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown fault '" + f + "' (known: " + String.join(", ", known) + ")");
      }
    });
    Latency latency = null;
    if (node.hasNonNull("latency")) {
      JsonNode l = node.get("latency");
      latency = new Latency(Units.duration(l.get("min")), Units.duration(l.has("max") ? l.get("max") : l.get("min")));
    }
    return new FaultPlan(latency,
        list(node, "errorRates", e -> new ErrorRate(op(e), e.path("status").asInt(503), e.path("probability").asDouble())),
        list(node, "failNext", e -> new FailNext(op(e), e.path("status").asInt(503), e.path("times").asInt(1))),
        list(node, "rateLimitNext", e -> new RateLimitNext(op(e), e.path("times").asInt(1), retryAfter(e))),
        list(node, "rateLimitRates", e -> new RateLimitRate(op(e), e.path("probability").asDouble(), retryAfter(e))),
        list(node, "hangNext", e -> new Times(op(e), e.path("times").asInt(1))),
        list(node, "createThenFail", e -> new Times(op(e), e.path("times").asInt(1))),
        Units.duration(node.get("listLag")),
        node.path("revokeTokens").asBoolean(false));
  }

  private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> read) {
    List<T> out = new ArrayList<>();
    JsonNode array = node.get(field);
    if (array == null || array.isNull()) {
      return out;
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(field + " must be a JSON array");
    }
    array.forEach(e -> out.add(read.apply(e)));
    return out;
  }

  private static String op(JsonNode e) {
    String op = e.path("operation").asText("");
    if (op.isEmpty()) {
      throw new IllegalArgumentException("every fault needs an \"operation\" (or \"*\"): " + e);
    }
    return op;
  }

  private static Duration retryAfter(JsonNode e) {
    Duration d = Units.duration(e.get("retryAfter"));
    return d == null ? Duration.ofSeconds(1) : d;
  }
}
