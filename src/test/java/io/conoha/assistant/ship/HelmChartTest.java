package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** charts/conoha-assistant rendered with the embedded Helm. */
@DisplayName("Helm chart")
class HelmChartTest {
  static final String APP_VERSION = ShipFiles.yamlDocuments(ShipFiles.read(Chart.DIR + "/Chart.yaml")).get(0).get("appVersion").asText();
  static final String IMAGE = "ghcr.io/conoha-assistant/conoha-assistant";

  static Deployment deployment(String values) {
    return ShipFiles.single(Chart.objects(values), Deployment.class);
  }

  static Container operatorContainer(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static Map<String, EnvVar> env(Container c) {
    return c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> {
      throw new AssertionError("env " + a.getName() + " set twice");
    }));
  }

  static Set<String> kinds(List<HasMetadata> objects) {
    return objects.stream().map(HasMetadata::getKind).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("passes helm lint --strict")
  void lintStrict() {
    LintResult lint = Chart.lintStrict();
    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  @DisplayName("Chart.yaml: apiVersion v2, version and appVersion 0.1.0")
  void chartMetadata() {
    JsonNode chart = ShipFiles.yamlDocuments(ShipFiles.read(Chart.DIR + "/Chart.yaml")).get(0);
    assertThat(chart.get("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.get("version").asText()).isEqualTo("0.1.0");
    assertThat(APP_VERSION).isEqualTo("0.1.0");
  }

  @ParameterizedTest(name = "values {0}")
  @ValueSource(strings = {Chart.DEFAULTS, Chart.EVERYTHING_ON, Chart.NAMESPACE_MODE})
  @DisplayName("every rendered document is a Kubernetes object with a name, namespaced ones in a namespace")
  void rendersKubernetesObjects(String values) {
    List<HasMetadata> objects = Chart.objects(values);
    assertThat(objects).isNotEmpty();
    Set<String> clusterScoped = Set.of("ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");
    for (HasMetadata o : objects) {
      assertThat(o.getMetadata().getName()).as("%s name", o.getKind()).isNotBlank();
      if (!clusterScoped.contains(o.getKind())) {
        assertThat(o.getMetadata().getNamespace()).as("%s %s namespace", o.getKind(), o.getMetadata().getName()).isNotBlank();
      }
      assertThat(o.getMetadata().getLabels()).as("%s labels", o.getKind())
          .containsEntry("app.kubernetes.io/name", "conoha-assistant")
          .containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
    }
  }

  @Test
  @DisplayName("default values: CRDs, ServiceAccount, cluster-wide RBAC, lease Role, Deployment and metrics Service; nothing optional")
  void defaultKinds() {
    assertThat(kinds(Chart.objects(Chart.DEFAULTS))).containsExactly(
        "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Role", "RoleBinding", "Service", "ServiceAccount");
  }

  @Test
  @DisplayName("everything on: adds ServiceMonitor, PrometheusRule, PodDisruptionBudget and the dashboard ConfigMap")
  void everythingOnKinds() {
    assertThat(kinds(Chart.objects(Chart.EVERYTHING_ON))).containsExactly(
        "ClusterRole", "ClusterRoleBinding", "ConfigMap", "CustomResourceDefinition", "Deployment", "PodDisruptionBudget", "PrometheusRule", "Role",
        "RoleBinding", "Service", "ServiceAccount", "ServiceMonitor");
  }

  @Nested
  @DisplayName("RBAC")
  class RbacRules {
    @Test
    @DisplayName("cluster-wide install: the ClusterRole grants exactly the operator's calls, the lease Role only leases")
    void clusterWide() {
      List<HasMetadata> objects = Chart.objects(Chart.DEFAULTS);
      assertThat(Rbac.triplesOfClusterRoles(objects)).isEqualTo(Rbac.OPERATOR_CALLS);
      assertThat(Rbac.triplesOfRoles(objects, Chart.NAMESPACE)).isEqualTo(Rbac.LEADER_ELECTION_CALLS);
      assertThat(ShipFiles.ofKind(objects, Role.class)).hasSize(1);
    }

    @Test
    @DisplayName("namespace mode: a Role with the operator's calls in each watched namespace and no ClusterRole")
    void namespaceMode() {
      List<HasMetadata> objects = Chart.objects(Chart.NAMESPACE_MODE);
      assertThat(ShipFiles.ofKind(objects, ClusterRole.class)).isEmpty();
      assertThat(ShipFiles.ofKind(objects, ClusterRoleBinding.class)).isEmpty();
      assertThat(Rbac.triplesOfRoles(objects, "team-a")).isEqualTo(Rbac.OPERATOR_CALLS);
      assertThat(Rbac.triplesOfRoles(objects, "team-b")).isEqualTo(Rbac.OPERATOR_CALLS);
      assertThat(Rbac.triplesOfRoles(objects, Chart.NAMESPACE)).isEqualTo(Rbac.LEADER_ELECTION_CALLS);
      assertThat(env(operatorContainer(deployment(Chart.NAMESPACE_MODE))).get("CONOHA_ASSISTANT_NAMESPACES").getValue())
          .isEqualTo("team-a,team-b");
    }

    @ParameterizedTest(name = "values {0}")
    @ValueSource(strings = {Chart.DEFAULTS, Chart.NAMESPACE_MODE})
    @DisplayName("every binding gives a role that exists to the operator's ServiceAccount")
    void bindingsPointAtTheServiceAccount(String values) {
      List<HasMetadata> objects = Chart.objects(values);
      String sa = ShipFiles.single(objects, ServiceAccount.class).getMetadata().getName();
      assertThat(operatorPod(values).getServiceAccountName()).isEqualTo(sa);
      Set<String> roles = ShipFiles.ofKind(objects, Role.class).stream()
          .map(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName()).collect(Collectors.toSet());
      Set<String> clusterRoles = ShipFiles.ofKind(objects, ClusterRole.class).stream()
          .map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
      List<Subject> subjects = new java.util.ArrayList<>();
      for (RoleBinding b : ShipFiles.ofKind(objects, RoleBinding.class)) {
        assertThat(roles).contains(b.getMetadata().getNamespace() + "/" + b.getRoleRef().getName());
        subjects.addAll(b.getSubjects());
      }
      for (ClusterRoleBinding b : ShipFiles.ofKind(objects, ClusterRoleBinding.class)) {
        assertThat(clusterRoles).contains(b.getRoleRef().getName());
        subjects.addAll(b.getSubjects());
      }
      assertThat(subjects).isNotEmpty().allSatisfy(s -> {
        assertThat(s.getKind()).isEqualTo("ServiceAccount");
        assertThat(s.getName()).isEqualTo(sa);
        assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
      });
    }

    @Test
    @DisplayName("each release has its own lease: the Deployment is told its name and only it may be read and renewed")
    void leasePerRelease() {
      Map<String, String> leaseOf = new java.util.TreeMap<>();
      for (String release : new String[] {"conoha-assistant", "staging"}) {
        List<HasMetadata> objects = ShipFiles.objects(Chart.template(release, Chart.DEFAULTS, Map.of()));
        String lease = ShipFiles.single(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0)
            .getEnv().stream().filter(e -> e.getName().equals("CONOHA_ASSISTANT_LEASE_NAME")).findFirst().orElseThrow().getValue();
        leaseOf.put(release, lease);
        for (Role r : ShipFiles.ofKind(objects, Role.class)) {
          for (PolicyRule rule : r.getRules()) {
            if (!rule.getVerbs().equals(List.of("create"))) {
              assertThat(rule.getResourceNames()).as(release + " " + rule).containsExactly(lease);
            }
          }
        }
      }
      assertThat(leaseOf).containsEntry("conoha-assistant", "conoha-assistant-leader")
          .containsEntry("staging", "staging-conoha-assistant-leader");
      assertThat(ShipFiles.single(Chart.objects(Chart.DEFAULTS), ClusterRole.class).getRules())
          .allSatisfy(rule -> assertThat(rule.getResourceNames()).isEmpty());
    }

    @Test
    @DisplayName("with leader election off there is no lease Role")
    void noLeaseRoleWithoutLeaderElection() {
      List<HasMetadata> objects = ShipFiles.objects(Chart.template(Chart.DEFAULTS,
          Map.of("leaderElection.enabled", "false", "replicaCount", "1")));
      assertThat(ShipFiles.ofKind(objects, Role.class)).isEmpty();
      assertThat(env(operatorContainer(ShipFiles.single(objects, Deployment.class))).get("CONOHA_ASSISTANT_LEADER_ELECTION").getValue())
          .isEqualTo("false");
    }
  }

  static PodSpec operatorPod(String values) {
    return deployment(values).getSpec().getTemplate().getSpec();
  }

  @Nested
  @DisplayName("operator pod")
  class OperatorPod {
    @ParameterizedTest(name = "values {0}")
    @ValueSource(strings = {Chart.DEFAULTS, Chart.EVERYTHING_ON, Chart.NAMESPACE_MODE})
    @DisplayName("meets Pod Security \"restricted\" with a read-only root filesystem and a non-zero user")
    void podSecurityRestricted(String values) {
      PodSpec pod = operatorPod(values);
      assertThat(PodSecurity.restrictedViolations(pod)).isEmpty();
      assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
      assertThat(pod.getAutomountServiceAccountToken()).as("the operator needs its token").isTrue();
    }

    @Test
    @DisplayName("still restricted when the platform picks the user (podSecurityContext.runAsUser null, OpenShift)")
    void restrictedWithoutFixedUser() {
      Deployment d = ShipFiles.single(ShipFiles.objects(Chart.template(Chart.DEFAULTS,
          Map.of("podSecurityContext.runAsUser", "null", "podSecurityContext.runAsGroup", "null"))), Deployment.class);
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
      assertThat(PodSecurity.restrictedViolations(pod)).isEmpty();
    }

    @Test
    @DisplayName("the checker itself flags a root, privileged, writable container")
    void checkerFlagsViolations() {
      PodSpec pod = operatorPod(Chart.DEFAULTS);
      PodSpec bad = new io.fabric8.kubernetes.api.model.PodSpecBuilder(pod)
          .editFirstContainer().editSecurityContext().withPrivileged(true).withAllowPrivilegeEscalation(true)
          .withReadOnlyRootFilesystem(false).withRunAsNonRoot(false).withNewCapabilities().withAdd("SYS_ADMIN").endCapabilities()
          .endSecurityContext().endContainer().build();
      assertThat(PodSecurity.restrictedViolations(bad)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    @DisplayName("writes only to an in-memory /tmp")
    void tmpInMemory() {
      PodSpec pod = operatorPod(Chart.DEFAULTS);
      assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
        assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory");
        assertThat(v.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("32Mi"));
      });
      assertThat(pod.getContainers().get(0).getVolumeMounts()).singleElement()
          .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    }

    @ParameterizedTest(name = "values {0}")
    @ValueSource(strings = {Chart.DEFAULTS, Chart.EVERYTHING_ON, Chart.NAMESPACE_MODE})
    @DisplayName("runs 2 replicas of a pinned image (appVersion tag or digest, never latest) with requests and limits")
    void replicasImageResources(String values) {
      Deployment d = deployment(values);
      assertThat(d.getSpec().getReplicas()).isEqualTo(2);
      Container c = operatorContainer(d);
      assertThat(c.getImage()).startsWith(IMAGE).doesNotEndWith(":latest").doesNotEndWith(IMAGE);
      if (values.equals(Chart.EVERYTHING_ON)) {
        assertThat(c.getImage()).matches(IMAGE + "@sha256:[0-9a-f]{64}");
      } else {
        assertThat(c.getImage()).isEqualTo(IMAGE + ":" + APP_VERSION);
      }
      for (Map<String, Quantity> r : List.of(c.getResources().getRequests(), c.getResources().getLimits())) {
        assertThat(r).containsKeys("cpu", "memory");
      }
    }

    @ParameterizedTest(name = "values {0}")
    @ValueSource(strings = {Chart.DEFAULTS, Chart.EVERYTHING_ON})
    @DisplayName("probes /healthz (startup, liveness) and /readyz (readiness) on the metrics port 8080")
    void probes(String values) {
      Container c = operatorContainer(deployment(values));
      assertThat(c.getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo("http-metrics");
        assertThat(p.getContainerPort()).isEqualTo(8080);
      });
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
      for (var probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http-metrics");
      }
      assertThat(env(c).get("CONOHA_ASSISTANT_HTTP_PORT").getValue()).isEqualTo("8080");
    }

    @Test
    @DisplayName("gets its settings from env: namespace from the downward API, leader election on, container-aware JVM")
    void environment() {
      Map<String, EnvVar> env = env(operatorContainer(deployment(Chart.DEFAULTS)));
      assertThat(env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
      Map<String, String> values = new HashMap<>();
      env.forEach((k, v) -> values.put(k, v.getValue()));
      assertThat(values).containsEntry("CONOHA_ASSISTANT_NAMESPACES", "")
          .containsEntry("CONOHA_ASSISTANT_LEADER_ELECTION", "true")
          .containsEntry("CONOHA_ASSISTANT_LOG_FORMAT", "json")
          .containsEntry("CONOHA_ASSISTANT_FAST_POLL", "5s")
          .containsEntry("CONOHA_ASSISTANT_SLOW_POLL", "60s")
          .containsEntry("CONOHA_ASSISTANT_RATE_LIMIT", "10")
          .containsEntry("CONOHA_ASSISTANT_REQUEST_TIMEOUT", "60s");
      assertThat(values.get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=75", "-Djava.io.tmpdir=/tmp")
          .as("what bench --operator-process starts the operator with").isEqualTo(
              io.conoha.assistant.bench.BenchRun.CHART_JAVA_TOOL_OPTIONS);
    }

    @Test
    @DisplayName("passes the values' operator settings and extra env through")
    void customSettings() {
      Map<String, EnvVar> env = env(operatorContainer(deployment(Chart.EVERYTHING_ON)));
      assertThat(env.get("CONOHA_ASSISTANT_LOG_FORMAT").getValue()).isEqualTo("text");
      assertThat(env.get("CONOHA_ASSISTANT_FAST_POLL").getValue()).isEqualTo("10s");
      assertThat(env.get("CONOHA_ASSISTANT_RATE_LIMIT").getValue()).isEqualTo("5");
      assertThat(env.get("HTTPS_PROXY").getValue()).isEqualTo("http://proxy.example.com:3128");
      assertThat(env.get("EXTRA_FROM_SECRET").getValueFrom().getSecretKeyRef().getName()).isEqualTo("extra");
      PodSpec pod = operatorPod(Chart.EVERYTHING_ON);
      assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
      assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
      assertThat(pod.getAffinity().getNodeAffinity()).isNotNull();
      assertThat(pod.getPriorityClassName()).isEqualTo("system-cluster-critical");
      assertThat(pod.getImagePullSecrets()).singleElement().satisfies(s -> assertThat(s.getName()).isEqualTo("regcred"));
    }
  }

  @Test
  @DisplayName("the metrics Service exposes port 8080 named http-metrics and selects the operator pods")
  void metricsService() {
    Service s = ShipFiles.single(Chart.objects(Chart.DEFAULTS), Service.class);
    assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http-metrics");
      assertThat(p.getPort()).isEqualTo(8080);
      assertThat(p.getTargetPort().getStrVal()).isEqualTo("http-metrics");
    });
    assertThat(deployment(Chart.DEFAULTS).getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(s.getSpec().getSelector());
  }

  @Test
  @DisplayName("the ServiceMonitor scrapes the metrics Service's http-metrics port, carrying the extra labels")
  void serviceMonitor() {
    List<HasMetadata> objects = Chart.objects(Chart.EVERYTHING_ON);
    JsonNode sm = ShipFiles.JSON.valueToTree(ShipFiles.ofKind(objects, "ServiceMonitor").get(0));
    Service s = ShipFiles.single(objects, Service.class);
    assertThat(sm.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    Map<String, String> selector = ShipFiles.JSON.convertValue(sm.at("/spec/selector/matchLabels"), Map.class);
    assertThat(s.getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(sm.at("/spec/endpoints/0/port").asText()).isEqualTo("http-metrics");
    assertThat(sm.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
  }

  @Test
  @DisplayName("the PodDisruptionBudget keeps one operator pod up")
  void podDisruptionBudget() {
    List<HasMetadata> objects = Chart.objects(Chart.EVERYTHING_ON);
    PodDisruptionBudget pdb = ShipFiles.single(objects, PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(deployment(Chart.EVERYTHING_ON).getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
  }

  @Test
  @DisplayName("the Grafana dashboard ConfigMap has label grafana_dashboard=1, the chosen namespace and valid JSON")
  void grafanaDashboard() throws Exception {
    ConfigMap cm = ShipFiles.ofKind(Chart.objects(Chart.EVERYTHING_ON), ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow();
    assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(cm.getMetadata().getNamespace()).isEqualTo("monitoring");
    assertThat(cm.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Operators");
    JsonNode dashboard = ShipFiles.JSON.readTree(cm.getData().get("conoha-assistant.json"));
    assertThat(dashboard.get("title").asText()).isEqualTo("ConoHa Assistant");
    assertThat(dashboard.get("panels").size()).isGreaterThan(10);
  }

  @Test
  @DisplayName("crds.enabled (default) installs and upgrades the generated CRDs with the release; crds.keep keeps them on uninstall")
  void crdsWithTheRelease() {
    List<CustomResourceDefinition> crds = ShipFiles.ofKind(Chart.objects(Chart.DEFAULTS), CustomResourceDefinition.class);
    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("conohaservers.conoha-assistant.io", "conohaimages.conoha-assistant.io");
    for (CustomResourceDefinition crd : crds) {
      assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
      assertThat(crd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", Chart.RELEASE);
      CustomResourceDefinition generated = ShipFiles.objects(ShipFiles.read("crds/" + crd.getMetadata().getName()
          .replace(".conoha-assistant.io", "") + ".conoha-assistant.io-v1.yml")).stream()
          .map(CustomResourceDefinition.class::cast).findFirst().orElseThrow();
      assertThat(crd.getSpec()).as("the chart's %s is the generated one", crd.getMetadata().getName())
          .isEqualTo(generated.getSpec());
    }
    List<HasMetadata> notKept = ShipFiles.objects(Chart.template(Chart.DEFAULTS, Map.of("crds.keep", "false")));
    assertThat(ShipFiles.ofKind(notKept, CustomResourceDefinition.class)).hasSize(2)
        .allSatisfy(c -> assertThat(c.getMetadata().getAnnotations()).doesNotContainKey("helm.sh/resource-policy"));
    List<HasMetadata> without = ShipFiles.objects(Chart.template(Chart.DEFAULTS, Map.of("crds.enabled", "false")));
    assertThat(ShipFiles.ofKind(without, CustomResourceDefinition.class)).isEmpty();
    assertThat(Chart.dir().resolve("crds")).as("no crds/ folder, which Helm would install once and never upgrade")
        .doesNotExist();
  }

  @Nested
  @DisplayName("values.schema.json")
  class Schema {
    @ParameterizedTest(name = "--set {0}")
    @ValueSource(strings = {"replicaCont=3", "image.tga=0.1.0", "metrics.serviceMonitor.enable=true",
        "resources.limits.memroy=1Gi", "podDisruptionBudget.minAvaliable=1"})
    @DisplayName("a misspelt key fails rendering instead of being ignored")
    void typoFails(String set) {
      String[] kv = set.split("=", 2);
      assertThatThrownBy(() -> Chart.template(Chart.DEFAULTS, Map.of(kv[0], kv[1])))
          .hasMessageContaining(kv[0].substring(kv[0].lastIndexOf('.') + 1))
          .hasMessageContaining("additional");
    }

    @ParameterizedTest(name = "--set {0}")
    @ValueSource(strings = {"image.tag=latest", "operator.logFormat=xml", "operator.fastPoll=5", "replicaCount=0",
        "podSecurityContext.runAsUser=0", "image.pullPolicy=Sometimes"})
    @DisplayName("a wrong value fails rendering")
    void wrongValueFails(String set) {
      String[] kv = set.split("=", 2);
      assertThatThrownBy(() -> Chart.template(Chart.DEFAULTS, Map.of(kv[0], kv[1])))
          .hasMessageContaining("values don't meet the specifications of the schema");
    }

    @Test
    @DisplayName("every object in the schema says what other keys it takes (additionalProperties), so typos cannot slip through")
    void everyObjectClosed() throws Exception {
      JsonNode schema = ShipFiles.JSON.readTree(ShipFiles.read(Chart.DIR + "/values.schema.json"));
      List<String> open = new java.util.ArrayList<>();
      walk(schema, "", open);
      // Only free-form Kubernetes types (affinity terms, env valueFrom) and Helm's globals are passed through.
      assertThat(open).containsExactlyInAnyOrder("/properties/global", "/properties/extraEnv/items/properties/valueFrom",
          "/properties/affinity/properties/nodeAffinity", "/properties/affinity/properties/podAffinity",
          "/properties/affinity/properties/podAntiAffinity");
    }

    private void walk(JsonNode node, String path, List<String> open) {
      if ("object".equals(node.path("type").asText())) {
        JsonNode ap = node.get("additionalProperties");
        assertThat(ap).as("%s declares additionalProperties", path.isEmpty() ? "/" : path).isNotNull();
        if (ap.isBoolean() && ap.asBoolean()) {
          open.add(path);
        }
      }
      node.fields().forEachRemaining(e -> {
        if (e.getValue().isObject()) {
          walk(e.getValue(), path + "/" + e.getKey(), open);
        }
      });
    }

    @Test
    @DisplayName("two active replicas without leader election are refused")
    void replicasNeedLeaderElection() {
      assertThatThrownBy(() -> Chart.template(Chart.DEFAULTS, Map.of("leaderElection.enabled", "false")))
          .hasMessageContaining("needs leaderElection.enabled");
    }

    @Test
    @DisplayName("a PodDisruptionBudget with a single replica is refused (it would block every node drain)")
    void pdbNeedsTwoReplicas() {
      assertThatThrownBy(() -> Chart.template(Chart.DEFAULTS, Map.of("podDisruptionBudget.enabled", "true", "replicaCount", "1")))
          .hasMessageContaining("needs replicaCount >= 2");
    }
  }
}
