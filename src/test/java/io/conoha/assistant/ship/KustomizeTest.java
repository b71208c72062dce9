package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * deploy/ rendered by `kubectl kustomize` (offline) holds the same operator as the chart with default values.
 * Skipped, with a message, where kubectl is not installed.
 */
@DisplayName("kustomize base deploy/")
class KustomizeTest {
  static List<HasMetadata> kustomized;
  static List<HasMetadata> chart;

  /** $KUBECTL if set (a path; skipped if not executable), else kubectl on the PATH, else null. */
  static String kubectl() {
    String explicit = System.getenv("KUBECTL");
    if (explicit != null && !explicit.isBlank()) {
      return new File(explicit).canExecute() ? explicit : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File f = new File(dir, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  static final String SKIP = "kubectl not found ($KUBECTL or PATH): skipping the kustomize checks of deploy/"
      + " (install kubectl to run them)";

  @BeforeAll
  static void render() throws IOException, InterruptedException {
    String kubectl = kubectl();
    if (kubectl == null) {
      System.err.println("KustomizeTest: " + SKIP);
      return;
    }
    kustomized = ShipFiles.objects(kustomize(ShipFiles.path("deploy")));
    chart = Chart.objects(Chart.DEFAULTS);
  }

  /** The output of {@code kubectl kustomize dir} (offline: kustomize needs no cluster). */
  static String kustomize(java.nio.file.Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(kubectl(), "kustomize", dir.toString());
    pb.environment().put("KUBECONFIG", "/dev/null");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize %s: %s", dir, err).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Per test, so each one is reported as skipped with the reason. */
  @BeforeEach
  void needsKubectl() {
    Assumptions.assumeTrue(kustomized != null, SKIP);
  }

  static Set<String> ids(List<HasMetadata> objects) {
    return objects.stream().map(o -> o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Deployment deployment(List<HasMetadata> objects) {
    return ShipFiles.single(objects, Deployment.class);
  }

  @Test
  @DisplayName("has the chart's objects (same kinds, names, namespaces) plus the Namespace and the CRDs")
  void sameObjects() {
    List<HasMetadata> rest = kustomized.stream()
        .filter(o -> !(o instanceof Namespace) && !(o instanceof CustomResourceDefinition)).toList();
    assertThat(ids(rest)).isEqualTo(ids(chart.stream().filter(o -> !(o instanceof CustomResourceDefinition)).toList()));
    assertThat(ShipFiles.single(kustomized, Namespace.class).getMetadata().getName()).isEqualTo(Chart.NAMESPACE);
  }

  @Test
  @DisplayName("enforces Pod Security \"restricted\" on its namespace")
  void namespaceEnforcesRestricted() {
    assertThat(ShipFiles.single(kustomized, Namespace.class).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  @DisplayName("installs exactly the committed CRDs")
  void crds() {
    List<CustomResourceDefinition> crds = ShipFiles.ofKind(kustomized, CustomResourceDefinition.class);
    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("conohaservers.conoha-assistant.io", "conohaimages.conoha-assistant.io");
    for (CustomResourceDefinition crd : crds) {
      JsonNode committed = ShipFiles.yamlDocuments(ShipFiles.read("crds/" + crd.getSpec().getNames().getPlural()
          + ".conoha-assistant.io-v1.yml")).get(0);
      JsonNode rendered = ShipFiles.JSON.valueToTree(crd);
      ((ObjectNode) rendered.get("metadata")).remove("labels"); // kustomize adds the common labels
      assertThat(rendered.get("spec")).isEqualTo(ShipFiles.JSON.valueToTree(ShipFiles.object(committed)).get("spec"));
    }
  }

  @Test
  @DisplayName("grants the same RBAC triples as the chart: the operator's calls cluster-wide, leases in its namespace")
  void sameRbac() {
    assertThat(Rbac.triplesOfClusterRoles(kustomized)).isEqualTo(Rbac.OPERATOR_CALLS).isEqualTo(Rbac.triplesOfClusterRoles(chart));
    assertThat(Rbac.triplesOfRoles(kustomized, Chart.NAMESPACE)).isEqualTo(Rbac.LEADER_ELECTION_CALLS);
    List<List<String>> names = ShipFiles.ofKind(kustomized, Role.class).stream().flatMap(r -> r.getRules().stream())
        .map(PolicyRule::getResourceNames).toList();
    assertThat(names).isEqualTo(ShipFiles.ofKind(chart, Role.class).stream().flatMap(r -> r.getRules().stream())
        .map(PolicyRule::getResourceNames).toList());
  }

  @Test
  @DisplayName("runs the same pod: replicas, image, env, ports, probes, resources, security, volumes, scheduling")
  void samePod() {
    Deployment k = deployment(kustomized);
    Deployment c = deployment(chart);
    assertThat(k.getSpec().getReplicas()).isEqualTo(c.getSpec().getReplicas()).isEqualTo(2);
    assertThat(k.getSpec().getSelector()).isEqualTo(c.getSpec().getSelector());
    PodSpec kp = k.getSpec().getTemplate().getSpec();
    PodSpec cp = c.getSpec().getTemplate().getSpec();
    assertThat(PodSecurity.restrictedViolations(kp)).isEmpty();
    assertThat(kp.getSecurityContext()).isEqualTo(cp.getSecurityContext());
    assertThat(kp.getServiceAccountName()).isEqualTo(cp.getServiceAccountName());
    assertThat(kp.getAutomountServiceAccountToken()).isEqualTo(cp.getAutomountServiceAccountToken()).isTrue();
    assertThat(kp.getVolumes()).isEqualTo(cp.getVolumes());
    assertThat(kp.getTopologySpreadConstraints()).isEqualTo(cp.getTopologySpreadConstraints());
    assertThat(kp.getTerminationGracePeriodSeconds()).isEqualTo(cp.getTerminationGracePeriodSeconds());
    Container kc = kp.getContainers().get(0);
    Container cc = cp.getContainers().get(0);
    assertThat(kc.getImage()).isEqualTo(cc.getImage());
    assertThat(kc.getImagePullPolicy()).isEqualTo(cc.getImagePullPolicy());
    assertThat(kc.getEnv()).isEqualTo(cc.getEnv());
    assertThat(kc.getArgs()).isEqualTo(cc.getArgs());
    assertThat(kc.getPorts()).isEqualTo(cc.getPorts());
    assertThat(kc.getStartupProbe()).isEqualTo(cc.getStartupProbe());
    assertThat(kc.getLivenessProbe()).isEqualTo(cc.getLivenessProbe());
    assertThat(kc.getReadinessProbe()).isEqualTo(cc.getReadinessProbe());
    assertThat(kc.getResources()).isEqualTo(cc.getResources());
    assertThat(kc.getSecurityContext()).isEqualTo(cc.getSecurityContext());
    assertThat(kc.getVolumeMounts()).isEqualTo(cc.getVolumeMounts());
  }

  @Test
  @DisplayName("exposes metrics the same way: Service port 8080 http-metrics selecting the pods")
  void sameService() {
    Service k = ShipFiles.single(kustomized, Service.class);
    Service c = ShipFiles.single(chart, Service.class);
    assertThat(k.getSpec().getPorts()).isEqualTo(c.getSpec().getPorts());
    assertThat(k.getSpec().getSelector()).isEqualTo(c.getSpec().getSelector());
    assertThat(k.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "metrics");
  }

  @Test
  @DisplayName("mounts the ServiceAccount token only in the operator pod")
  void serviceAccountToken() {
    assertThat(ShipFiles.single(kustomized, ServiceAccount.class).getAutomountServiceAccountToken()).isFalse();
    assertThat(ShipFiles.single(chart, ServiceAccount.class).getAutomountServiceAccountToken()).isFalse();
  }
}
