package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.operator.ConohaOperator;
import io.conoha.assistant.operator.Resources;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The chart's and kustomize's RBAC against the Kubernetes calls the operator really sends: one leader-elected
 * operator goes through a server's and an image's whole life (create, stop, archive, restore, snapshot, delete,
 * wrong credentials) while every request it sends is recorded as the (group, resource, verb) it needs.
 */
@DisplayName("RBAC is exactly what the operator calls")
class RbacMatchesCallsTest {
  static final String LEASE = "rbac-test-leader";
  static Set<String> operatorCalls;
  static Set<String> leaseCalls;
  static Set<String> leaseNames;

  @BeforeAll
  static void runTheOperatorThroughEveryStep() throws Exception {
    KubernetesCalls calls = new KubernetesCalls();
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
         KubernetesClient recorded = new KubernetesClientBuilder()
             .withConfig(new ConfigBuilder().withMasterUrl(kubernetes.url()).withTrustCerts(true).withNamespace("default").build())
             .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("rbac", calls)).build()) {
      KubernetesClient user = kubernetes.client();
      user.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName(Testbed.SECRET)
          .endMetadata().withStringData(sim.credentialKeys()).build()).create();
      var leadership = new ConohaOperator.Leadership(LEASE, "default", "rbac-test", false,
          Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200));
      ConohaOperator operator = new ConohaOperator(recorded, Testbed.fastSettings(),
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.of(leadership));
      operator.start();
      try {
        lifecycle(user, sim.credentialKeys());
      } finally {
        operator.close();
      }
    }
    Set<String> all = calls.triples();
    leaseCalls = new TreeSet<>(all.stream().filter(t -> t.startsWith("coordination.k8s.io ")).toList());
    operatorCalls = new TreeSet<>(all);
    operatorCalls.removeAll(leaseCalls);
    operatorCalls.removeAll(Rbac.GRANTED_TO_EVERYONE);
    leaseNames = calls.leaseNames();
  }

  private static void lifecycle(KubernetesClient user, Map<String, String> credentials) {
    var servers = user.resources(ConohaServer.class).inNamespace("default");
    var images = user.resources(ConohaImage.class).inNamespace("default");
    ConohaServer web = Resources.server("web", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running);
    web.getMetadata().setNamespace("default");
    user.resource(web).create();
    Testbed.awaitReadyInPhase(servers.withName("web"), ServerPhase.Running);

    ConohaImage snapshot = Resources.snapshotOf("web-snap", "web");
    snapshot.getMetadata().setNamespace("default");
    snapshot.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    user.resource(snapshot).create();
    org.awaitility.Awaitility.await().atMost(Testbed.WAIT).until(() -> {
      ConohaImage i = images.withName("web-snap").get();
      return i != null && i.getStatus() != null && i.getStatus().getPhase() == ImagePhase.Available;
    });

    for (ServerState state : new ServerState[] {ServerState.Stopped, ServerState.Archived, ServerState.Running}) {
      SpecEdits.edit(servers.withName("web"), s -> { s.getSpec().setState(state); return s; });
      Testbed.awaitReadyInPhase(servers.withName("web"), ServerPhase.valueOf(state.name()));
    }

    ConohaServer orphan = Resources.server("no-secret", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running);
    orphan.getMetadata().setNamespace("default");
    orphan.getSpec().setCredentialsSecretRef(new ResourceRef("missing"));
    user.resource(orphan).create();

    images.withName("web-snap").delete();
    servers.withName("web").delete();
    org.awaitility.Awaitility.await().atMost(Testbed.WAIT).until(() -> servers.withName("no-secret").get().getStatus() != null);
    servers.withName("no-secret").delete();
    // it cannot know what exists on ConoHa without credentials: the Secret it names lets the deletion finish
    user.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName("missing")
        .endMetadata().withStringData(credentials).build()).create();
    try {
      org.awaitility.Awaitility.await().atMost(Testbed.WAIT)
          .until(() -> servers.list().getItems().isEmpty() && images.list().getItems().isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("not deleted: " + servers.list().getItems().stream().map(s -> s.getMetadata().getName() + " " + s.getStatus()).toList()
          + images.list().getItems().stream().map(s -> s.getMetadata().getName() + " " + s.getStatus()).toList(), e);
    }
  }

  @Test
  @DisplayName("the calls listed in Rbac (and the README) are the recorded ones")
  void documentedCallsAreTheRecordedOnes() {
    Set<String> expected = new TreeSet<>(operatorCalls);
    expected.addAll(Rbac.ADMISSION_ONLY);
    assertThat(Rbac.OPERATOR_CALLS).isEqualTo(expected);
    assertThat(Rbac.LEADER_ELECTION_CALLS).isEqualTo(leaseCalls);
  }

  @Test
  @DisplayName("the chart's ClusterRole grants exactly the calls the operator made, and no more")
  void clusterRoleIsTheCalls() {
    Set<String> expected = new TreeSet<>(operatorCalls);
    expected.addAll(Rbac.ADMISSION_ONLY);
    assertThat(Rbac.triplesOfClusterRoles(Chart.objects(Chart.DEFAULTS))).isEqualTo(expected);
  }

  @Test
  @DisplayName("in namespace mode each watched namespace's Role grants exactly the same calls")
  void namespaceRolesAreTheCalls() {
    Set<String> expected = new TreeSet<>(operatorCalls);
    expected.addAll(Rbac.ADMISSION_ONLY);
    var objects = Chart.objects(Chart.NAMESPACE_MODE);
    for (String ns : new String[] {"team-a", "team-b"}) {
      assertThat(Rbac.triplesOfRoles(objects, ns)).as(ns).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("the leader-election Role grants exactly the lease calls, on the lease the Deployment is told to use")
  void leaseRoleIsTheCalls() {
    assertThat(leaseNames).as("the operator uses only the lease it is given").containsExactly(LEASE);
    assertThat(Rbac.triplesOfRoles(Chart.objects(Chart.DEFAULTS), Chart.NAMESPACE)).isEqualTo(leaseCalls);
  }

  @Test
  @DisplayName("kustomize's RBAC is the chart's")
  void kustomizeRbacIsTheCalls() {
    Set<String> expected = new TreeSet<>(operatorCalls);
    expected.addAll(Rbac.ADMISSION_ONLY);
    var objects = ShipFiles.objects(ShipFiles.read("deploy/rbac.yaml"));
    assertThat(Rbac.triplesOfClusterRoles(objects)).isEqualTo(expected);
    assertThat(Rbac.triplesOfRoles(objects, "conoha-assistant")).isEqualTo(leaseCalls);
  }
}
