package io.conoha.assistant.ship;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders charts/conoha-assistant with the embedded Helm (helm-java); renders are cached per values. */
final class Chart {
  static final String DIR = "charts/conoha-assistant";
  static final String RELEASE = "conoha-assistant";
  static final String NAMESPACE = "conoha-assistant";

  /** Values files under src/test/resources/ship/values/. */
  static final String DEFAULTS = "";
  static final String EVERYTHING_ON = "everything-on.yaml";
  static final String NAMESPACE_MODE = "namespace-mode.yaml";

  /**
   * helm-java's embedded Helm is built without the Kubernetes version ldflags, so it assumes v1.20.0, which the
   * chart's kubeVersion (>=1.25, for CEL rules in the CRDs) refuses; the helm CLI assumes its client-go version.
   */
  static final String KUBE_VERSION = "v1.30.0";

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Chart() {}

  static Path dir() {
    return ShipFiles.path(DIR);
  }

  static LintResult lintStrict() {
    return new Helm(dir()).lint().strict().call();
  }

  /** The rendered manifests for one of the values files above (DEFAULTS = the chart's own values). */
  static String render(String valuesFile) {
    return CACHE.computeIfAbsent(valuesFile, f -> template(f, Map.of()));
  }

  static List<HasMetadata> objects(String valuesFile) {
    return ShipFiles.objects(render(valuesFile));
  }

  /** Renders uncached with extra --set values; throws IllegalStateException carrying Helm's error. */
  static String template(String valuesFile, Map<String, Object> sets) {
    return template(RELEASE, valuesFile, sets);
  }

  /** As above, as release {@code release} (in the same namespace). */
  static String template(String release, String valuesFile, Map<String, Object> sets) {
    TemplateCommand t = new Helm(dir()).template().withName(release).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    if (!valuesFile.isEmpty()) {
      t = t.withValuesFile(ShipFiles.path("src/test/resources/ship/values/" + valuesFile));
    }
    for (Map.Entry<String, Object> e : sets.entrySet()) {
      t = t.set(e.getKey(), e.getValue());
    }
    return t.call();
  }
}
