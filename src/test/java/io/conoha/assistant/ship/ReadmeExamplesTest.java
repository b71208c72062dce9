package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every full ConohaServer and ConohaImage the README shows is a valid resource, as the CRD schema says. */
class ReadmeExamplesTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  static List<JsonNode> readmeResources() {
    List<JsonNode> resources = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(ShipFiles.read("README.md"));
    while (m.find()) {
      String block = m.group(1);
      if (block.contains("kind: ConohaServer") || block.contains("kind: ConohaImage")) {
        resources.addAll(ShipFiles.yamlDocuments(block));
      }
    }
    return resources;
  }

  @Test
  void theReadmesResourceExamplesAreValidAgainstTheCrds() {
    List<JsonNode> resources = readmeResources();
    assertThat(resources).extracting(r -> r.path("kind").asText()).contains("ConohaServer", "ConohaImage");
    for (JsonNode resource : resources) {
      OpenApiValidator schema = "ConohaServer".equals(resource.path("kind").asText())
          ? ExamplesTest.SERVER_SCHEMA : ExamplesTest.IMAGE_SCHEMA;
      assertThat(schema.validate(resource)).as(resource.path("metadata").path("name").asText()).isEmpty();
      assertThat(ShipFiles.object(resource)).as("parses as the typed resource").isNotNull();
    }
  }
}
