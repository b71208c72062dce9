package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.metrics.DocumentedMetrics;
import io.conoha.assistant.operator.Resources;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The production process: health, readiness and every documented metric, over HTTP as Kubernetes and Prometheus see it. */
class OperatorCommandTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static int get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  static String body(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static Path kubeconfig(Path dir, String url) throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters: [{name: embedded, cluster: {server: "%s"}}]
        contexts: [{name: embedded, context: {cluster: embedded, user: embedded, namespace: default}}]
        current-context: embedded
        users: [{name: embedded, user: {token: test}}]
        """.formatted(url));
    return file;
  }

  @Test
  void healthReadinessAndEveryDocumentedMetricOverHttp(@TempDir Path dir) throws Exception {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      OperatorCommand command = new OperatorCommand();
      new CommandLine(command).parseArgs("--kubeconfig", kubeconfig(dir, kubernetes.url()).toString(),
          "--http-host", "127.0.0.1", "--http-port", "0", "--no-leader-election", "--fast-poll", "100ms",
          "--slow-poll", "1s", "--create-grace", "2s");
      try (OperatorCommand.Process process = command.startHttp()) {
        int port = process.httpPort();
        assertThat(get(port, "/healthz")).isEqualTo(200);
        assertThat(get(port, "/readyz")).as("not ready before the controllers start").isEqualTo(503);

        process.startOperator();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/readyz") == 200);

        sim.faults().failNext("servers.list", 503, 1); // so the error counter has a sample too
        var client = kubernetes.client();
        client.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName(Testbed.SECRET)
            .endMetadata().withStringData(sim.credentialKeys()).build()).create();
        ConohaServer server = Resources.server("metrics", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running);
        server.getMetadata().setNamespace("default");
        client.resource(server).create();
        var resource = client.resources(ConohaServer.class).inNamespace("default").withName("metrics");
        Testbed.awaitReadyInPhase(resource, ServerPhase.Running);
        SpecEdits.edit(resource, s -> { s.getSpec().setState(ServerState.Archived); return s; });
        Testbed.awaitReadyInPhase(resource, ServerPhase.Archived);
        SpecEdits.edit(resource, s -> { s.getSpec().setState(ServerState.Running); return s; });
        Testbed.awaitReadyInPhase(resource, ServerPhase.Running);

        String scrape = body(port, "/metrics");
        Set<String> documented = DocumentedMetrics.NAMES;
        assertThat(documented).hasSizeGreaterThan(15);
        for (String name : documented) {
          assertThat(scrape).as("scrape exposes documented metric " + name).containsPattern("(?m)^" + name + "(_bucket|_count|_sum)?[{ ]");
        }
        assertThat(scrape).contains("conoha_assistant_resources{kind=\"ConohaServer\",phase=\"Running\"} 1.0");
      }
    }
  }
}
