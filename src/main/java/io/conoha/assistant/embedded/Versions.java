package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Kubernetes version the embedded API answers {@code /version} with (the API level it imitates). */
final class Versions {
  static final String KUBERNETES = "v1.32.0";

  private Versions() {}

  static ObjectNode document() {
    return Json.object().put("major", "1").put("minor", "32").put("gitVersion", KUBERNETES + "+conoha-assistant-embedded")
        .put("platform", System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"))
        .put("goVersion", "none (Fabric8 mock server, Java " + Runtime.version().feature() + ")");
  }
}
