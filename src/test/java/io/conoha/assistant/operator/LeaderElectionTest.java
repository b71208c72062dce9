package io.conoha.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two replicas on one API server: only the leader reconciles, and stopping it hands over. */
class LeaderElectionTest {

  private static ConohaOperator replica(EmbeddedKubernetes kubernetes, PrometheusMeterRegistry registry, String identity) {
    return replica(kubernetes, registry, identity, java.time.Clock.systemUTC());
  }

  private static ConohaOperator replica(EmbeddedKubernetes kubernetes, PrometheusMeterRegistry registry, String identity,
      java.time.Clock calendar) {
    var leadership = new ConohaOperator.Leadership(ConohaOperator.DEFAULT_LEASE_NAME, "default", identity, false,
        Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(200));
    ConohaOperator operator = new ConohaOperator(kubernetes.newClient(), Testbed.fastSettings(), registry,
        Optional.of(leadership), calendar);
    operator.start();
    return operator;
  }

  private static double reconciliations(PrometheusMeterRegistry registry) {
    return registry.find("conoha_assistant.reconciliations.started.total").counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  @Test
  void onlyTheLeaderReconcilesAndStoppingItHandsOver() {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      kubernetes.client().secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata()
          .withName(Testbed.SECRET).endMetadata().withStringData(sim.credentialKeys()).build()).create();
      PrometheusMeterRegistry firstMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      PrometheusMeterRegistry secondMetrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ConohaOperator first = replica(kubernetes, firstMetrics, "replica-a");
      await().atMost(Duration.ofSeconds(15)).until(first::leading);
      ConohaOperator second = replica(kubernetes, secondMetrics, "replica-b");
      try {
        ConohaServer server = Resources.server("ha", Resources.V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running);
        server.getMetadata().setNamespace("default");
        kubernetes.client().resource(server).create();
        var resource = kubernetes.client().resources(ConohaServer.class).inNamespace("default").withName("ha");
        Testbed.awaitReadyInPhase(resource, ServerPhase.Running);

        assertThat(second.leading()).isFalse();
        assertThat(second.ready()).as("a standby replica is ready, so rollouts finish").isTrue();
        assertThat(reconciliations(firstMetrics)).isPositive();
        assertThat(reconciliations(secondMetrics)).as("the standby did not reconcile").isZero();

        first.close();
        await().atMost(Duration.ofSeconds(20)).until(second::leading);
        SpecEdits.edit(resource, s -> { s.getSpec().setState(ServerState.Stopped); return s; });
        Testbed.awaitReadyInPhase(resource, ServerPhase.Stopped);
        assertThat(reconciliations(secondMetrics)).isPositive();
        assertThat(sim.ledger().count("servers.create")).isEqualTo(1);
      } finally {
        second.close();
      }
    }
  }

  @Test
  void aWindowEdgePassedDuringALeaderChangeIsFollowedByTheNewLeader() {
    java.time.Instant edge = ScheduleScenariosTest.FRI_1800_TOKYO;
    ScaledClock calendar = ScaledClock.startingAt(edge.minus(Duration.ofHours(1)));
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      kubernetes.client().secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata()
          .withName(Testbed.SECRET).endMetadata().withStringData(sim.credentialKeys()).build()).create();
      ConohaOperator first = replica(kubernetes, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "replica-a", calendar);
      await().atMost(Duration.ofSeconds(15)).until(first::leading);
      ConohaOperator second = replica(kubernetes, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), "replica-b", calendar);
      try {
        ConohaServer server = ScheduleScenariosTest.weekendGameServer("mc");
        server.getMetadata().setNamespace("default");
        kubernetes.client().resource(server).create();
        var resource = kubernetes.client().resources(ConohaServer.class).inNamespace("default").withName("mc");
        Testbed.awaitReadyInPhase(resource, ServerPhase.Archived);

        first.close();
        ScheduleScenariosTest.setCalendar(calendar, edge.plusSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(second::leading);
        Testbed.awaitReadyInPhase(resource, ServerPhase.Running);
        assertThat(resource.get().getStatus().getEffectiveStateSource()).isEqualTo("window weekend-nights");
        assertThat(sim.ledger().count("servers.create")).isEqualTo(1);
      } finally {
        second.close();
      }
    }
  }
}
