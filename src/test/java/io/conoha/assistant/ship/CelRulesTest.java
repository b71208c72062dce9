package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CRDs' CEL rules (x-kubernetes-validations on a ConohaImage's spec) evaluated with Google's CEL for Java, as
 * the API server evaluates them on an update: {@code self} is the new spec, {@code oldSelf} the stored one.
 */
@DisplayName("CEL rules of the ConohaImage spec")
class CelRulesTest {
  static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN).addVar("oldSelf", SimpleType.DYN).build();
  static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /** The messages of the rules the update breaks. */
  static List<String> broken(JsonNode rules, Map<String, Object> self, Map<String, Object> oldSelf) throws Exception {
    List<String> messages = new ArrayList<>();
    for (JsonNode rule : rules) {
      CelAbstractSyntaxTree ast = COMPILER.compile(rule.get("rule").asText()).getAst();
      Object ok = RUNTIME.createProgram(ast).eval(Map.of("self", self, "oldSelf", oldSelf));
      if (!Boolean.TRUE.equals(ok)) {
        messages.add(rule.get("message").asText());
      }
    }
    return messages;
  }

  static Map<String, Object> spec(String imageName) {
    Map<String, Object> spec = new HashMap<>();
    spec.put("credentialsSecretRef", Map.of("name", "conoha"));
    spec.put("source", Map.of("serverRef", Map.of("name", "web")));
    if (!imageName.isEmpty()) {
      spec.put("imageName", imageName);
    }
    return spec;
  }

  @ParameterizedTest(name = "imageName ''{0}'' -> ''{1}'': {2}")
  @CsvSource({
      "'', '', accepted",
      "web-1, web-1, accepted",
      "'', web-1, refused",
      "web-1, web-2, refused",
      "web-1, '', refused"})
  @DisplayName("imageName cannot be added, changed or removed once the resource exists")
  void imageNameImmutable(String before, String after, String expected) throws Exception {
    JsonNode rules = ShipFiles.yamlDocuments(ShipFiles.read("crds/conohaimages.conoha-assistant.io-v1.yml")).get(0)
        .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/x-kubernetes-validations");
    List<String> broken = broken(rules, spec(after), spec(before));
    if (expected.equals("accepted")) {
      assertThat(broken).isEmpty();
    } else {
      assertThat(broken).containsExactly(
          "imageName is immutable: it cannot be added, changed or removed once the resource exists");
    }
  }
}
