package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The health check lives once in deploy/argocd/health.lua (both kinds); Argo CD's resource_customizations layout
 * and the argocd-cm snippet carry copies, and the kustomize Component really puts them into argocd-cm.
 */
@DisplayName("Argo CD health check copies")
class ArgoCdHealthCopiesTest {
  static final String SOURCE_DIR = "deploy/argocd/";
  static final String CUSTOMIZATIONS = SOURCE_DIR + "resource_customizations/conoha-assistant.io/";
  static final String[] KINDS = {"ConohaServer", "ConohaImage"};
  static final String REFRESH = "Run deploy/argocd/refresh.sh after editing deploy/argocd/health.lua.";

  /** The argocd-cm keys Argo CD reads for a kind (argo-cd util/settings: resource.customizations.<what>.<group>_<kind>). */
  static Map<String, String> expectedKeys() {
    String script = ShipFiles.read(SOURCE_DIR + "health.lua");
    Map<String, String> keys = new java.util.TreeMap<>();
    for (String kind : KINDS) {
      keys.put("resource.customizations.health.conoha-assistant.io_" + kind, script);
      keys.put("resource.customizations.useOpenLibs.conoha-assistant.io_" + kind, "true");
    }
    return keys;
  }

  @Test
  @DisplayName("resource_customizations/conoha-assistant.io/<Kind>/health.lua equals deploy/argocd/health.lua, next to health_test.yaml")
  void customizationsLayout() {
    for (String kind : KINDS) {
      assertThat(ShipFiles.read(CUSTOMIZATIONS + kind + "/health.lua")).as("%s. %s", kind, REFRESH)
          .isEqualTo(ShipFiles.read(SOURCE_DIR + "health.lua"));
      JsonNode tests = ShipFiles.yamlDocuments(ShipFiles.read(CUSTOMIZATIONS + kind + "/health_test.yaml")).get(0).get("tests");
      assertThat(tests).as(kind).isNotEmpty();
      tests.forEach(t -> assertThat(ShipFiles.path(CUSTOMIZATIONS + kind + "/" + t.get("inputPath").asText())).exists());
    }
  }

  @Test
  @DisplayName("argocd-cm-patch.yaml is a ConfigMap argocd-cm in namespace argocd carrying each script and its useOpenLibs key")
  void argocdCmPatch() {
    JsonNode cm = ShipFiles.yamlDocuments(ShipFiles.read(SOURCE_DIR + "argocd-cm-patch.yaml")).get(0);
    assertThat(cm.at("/kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("argocd-cm");
    assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("argocd");
    Map<String, String> data = ShipFiles.JSON.convertValue(cm.get("data"), Map.class);
    assertThat(data).as(REFRESH).isEqualTo(expectedKeys());
  }

  @Test
  @DisplayName("kustomize with deploy/argocd as a component merges the checks into an Argo CD install's argocd-cm")
  void kustomizeComponentReachesArgocdCm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(KustomizeTest.kubectl() != null, "kubectl is not installed");
    java.nio.file.Files.writeString(dir.resolve("argocd-cm.yaml"), """
        # what Argo CD's install.yaml ships
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-cm
          namespace: argocd
          labels: {app.kubernetes.io/name: argocd-cm, app.kubernetes.io/part-of: argocd}
        data:
          url: https://argocd.example.com
        """);
    java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [argocd-cm.yaml]
        components: [%s]
        """.formatted(dir.toAbsolutePath().relativize(ShipFiles.path(SOURCE_DIR).toAbsolutePath())));
    JsonNode cm = ShipFiles.yamlDocuments(KustomizeTest.kustomize(dir)).get(0);
    Map<String, String> data = ShipFiles.JSON.convertValue(cm.get("data"), Map.class);
    Map<String, String> expected = new java.util.TreeMap<>(expectedKeys());
    expected.put("url", "https://argocd.example.com");
    assertThat(data).isEqualTo(expected);
  }
}
