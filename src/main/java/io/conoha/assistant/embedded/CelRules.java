package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.conoha.assistant.embedded.ApiStatus.Cause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRD's {@code x-kubernetes-validations}, evaluated with Google's CEL implementation where the rules stand in the
 * schema: {@code self} is the value at that node and, on an update, {@code oldSelf} the stored one. A transition rule
 * (one that reads {@code oldSelf}) is skipped on create, as in Kubernetes.
 */
final class CelRules {
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addLibraries(CelExtensions.strings())
      .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN).build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .addLibraries(CelExtensions.strings()).build();

  /** A rule compiled once; {@code error} says why it could not be. */
  private record Compiled(CelRuntime.Program program, boolean transition, String error) {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CelRules.class);
  private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

  /** Every rule broken by {@code object}, walking the schema; {@code old} is null on create. */
  List<Cause> violations(JsonNode schema, JsonNode object, JsonNode old) {
    List<Cause> causes = new ArrayList<>();
    walk(schema, object, old, "", causes);
    return causes;
  }

  private void walk(JsonNode schema, JsonNode value, JsonNode old, String path, List<Cause> causes) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      check(rule, value, old, path, causes);
    }
    if (value.isObject()) {
      schema.path("properties").fields().forEachRemaining(p -> walk(p.getValue(), value.get(p.getKey()),
          old == null ? null : old.get(p.getKey()), join(path, p.getKey()), causes));
      JsonNode additional = schema.path("additionalProperties");
      if (additional.isObject()) {
        value.fields().forEachRemaining(e -> walk(additional, e.getValue(), old == null ? null : old.get(e.getKey()),
            join(path, e.getKey()), causes));
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        // Kubernetes correlates old list items only for map lists; this keeps to the simple, safe part.
        walk(schema.path("items"), value.get(i), null, path + "[" + i + "]", causes);
      }
    }
  }

  private void check(JsonNode rule, JsonNode value, JsonNode old, String path, List<Cause> causes) {
    String expression = rule.path("rule").asText();
    Compiled program = compiled.computeIfAbsent(expression, CelRules::compile);
    String field = rule.hasNonNull("fieldPath") ? join(path, rule.path("fieldPath").asText().replaceFirst("^\\.", ""))
        : path.isEmpty() ? "<root>" : path;
    if (program.error() != null) {
      return; // the object is not at fault; the rule was reported when it failed to compile
    }
    if (program.transition() && (old == null || old.isNull())) {
      return;
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("self", toCel(value));
    if (old != null && !old.isNull()) {
      vars.put("oldSelf", toCel(old));
    }
    try {
      Object result = program.program().eval(vars);
      if (!Boolean.TRUE.equals(result)) {
        causes.add(new Cause(field, reason(rule), "Invalid value: " + kindOf(value) + ": " + message(rule, expression)));
      }
    } catch (CelEvaluationException e) {
      causes.add(new Cause(field, reason(rule), "Invalid value: " + kindOf(value) + ": rule " + expression
          + " could not be evaluated: " + e.getMessage()));
    }
  }

  /**
   * A rule that does not compile here (it uses a Kubernetes-only CEL library such as quantity(), url() or
   * isSorted(), or is wrong) is logged once and not checked: a real API server would have refused the CRD itself.
   */
  private static Compiled compile(String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return new Compiled(RUNTIME.createProgram(ast), expression.contains("oldSelf"), null);
    } catch (CelValidationException | CelEvaluationException e) {
      LOG.warn("CEL rule {} is not checked by the embedded Kubernetes API: {}", expression, e.getMessage());
      return new Compiled(null, false, e.getMessage());
    }
  }

  private static String message(JsonNode rule, String expression) {
    return rule.hasNonNull("message") ? rule.path("message").asText() : "failed rule: " + expression;
  }

  private static String reason(JsonNode rule) {
    return rule.path("reason").asText("FieldValueInvalid");
  }

  private static String kindOf(JsonNode value) {
    return value.isObject() ? "\"object\"" : value.isArray() ? "\"array\"" : Json.write(value);
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** JSON as CEL sees it: maps, lists, int64, double, string, bool. */
  static Object toCel(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), toCel(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(toCel(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? dev.cel.common.values.NullValue.NULL_VALUE : node.asText();
  }
}
