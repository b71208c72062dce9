package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The health check lives once in deploy/argocd/health.lua (both kinds); every shipped copy must equal it. */
@DisplayName("Argo CD health check copies")
class ArgoCdHealthCopiesTest {
  static final String SOURCE_DIR = "deploy/argocd/";
  static final String CHART_COPY_DIR = "charts/conoha-assistant/files/argocd/";
  /** argocd-cm key -> source file. */
  static final Map<String, String> KEYS = Map.of(
      "resource.customizations.health.conoha-assistant.io_ConohaServer", "health.lua",
      "resource.customizations.health.conoha-assistant.io_ConohaImage", "health.lua");
  static final String REFRESH = "Run deploy/argocd/refresh.sh after editing the .lua files in deploy/argocd/.";

  @Test
  @DisplayName("the chart's copies (files/argocd/) equal deploy/argocd/*.lua")
  void chartCopies() {
    KEYS.values().stream().distinct().forEach(file -> assertThat(ShipFiles.read(CHART_COPY_DIR + file))
        .as("%s%s. %s", CHART_COPY_DIR, file, REFRESH).isEqualTo(ShipFiles.read(SOURCE_DIR + file)));
  }

  @Test
  @DisplayName("argocd-cm-patch.yaml is a ConfigMap argocd-cm in namespace argocd carrying each script under its key")
  void argocdCmPatch() {
    JsonNode cm = ShipFiles.yamlDocuments(ShipFiles.read(SOURCE_DIR + "argocd-cm-patch.yaml")).get(0);
    assertThat(cm.at("/kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("argocd-cm");
    assertThat(cm.at("/metadata/namespace").asText()).isEqualTo("argocd");
    Map<String, String> data = ShipFiles.JSON.convertValue(cm.get("data"), Map.class);
    assertThat(data).containsOnlyKeys(KEYS.keySet());
    KEYS.forEach((key, file) -> assertThat(data.get(key)).as("%s. %s", key, REFRESH).isEqualTo(ShipFiles.read(SOURCE_DIR + file)));
  }

  /** Argo CD opens only the base, table and a safe os library (util/lua/lua.go) unless useOpenLibs is set. */
  @Test
  @DisplayName("the scripts use no library Argo CD leaves closed (string, math, io, debug, require, string methods)")
  void noClosedLibraries() {
    Pattern closed = Pattern.compile("\\b(string|math|io|debug|coroutine|utf8)\\s*\\.|\\brequire\\b|\\bload(string|file)?\\s*\\(|\\bdofile\\b|:\\s*[a-z]+\\s*\\(");
    for (String file : new java.util.TreeSet<>(KEYS.values())) {
      String code = ShipFiles.read(SOURCE_DIR + file).replaceAll("--[^\n]*", "");
      Matcher m = closed.matcher(code);
      assertThat(m.find()).as("%s uses %s", file, m.hitEnd() ? "" : safeGroup(m)).isFalse();
    }
  }

  private static String safeGroup(Matcher m) {
    try {
      return m.group();
    } catch (IllegalStateException e) {
      return "";
    }
  }
}
