package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.operator.Resources;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The operator as a separate OS process (the operator-only jar, or the container image's entrypoint) against
 * an in-process Kubernetes API and the ConoHa simulator: a Secret and a ConohaServer are applied, the process
 * must bring the server to Running, answer /readyz and serve /metrics, and stop on SIGTERM.
 */
final class OperatorProcess {
  /** What the process printed and served. */
  record Outcome(String metrics, String log, int exitCode) {}

  private OperatorProcess() {}

  /**
   * @param command builds the command line from the kubeconfig file and the HTTP port (the operator flags
   *     {@code --kubeconfig} and {@code --http-port} are the command's business, so a wrapper can map paths)
   */
  static Outcome runLifecycle(Path workDir, BiFunction<Path, Integer, List<String>> command) throws Exception {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      Path kubeconfig = workDir.resolve("kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters: [{name: embedded, cluster: {server: "%s"}}]
          contexts: [{name: embedded, context: {cluster: embedded, user: embedded, namespace: default}}]
          current-context: embedded
          users: [{name: embedded, user: {token: test}}]
          """.formatted(kubernetes.url()));
      int port = freePort();
      File log = workDir.resolve("operator.log").toFile();
      Process process = new ProcessBuilder(command.apply(kubeconfig, port)).redirectErrorStream(true)
          .redirectOutput(log).start();
      try {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
            .until(() -> { assertThat(process.isAlive()).as(Files.readString(log.toPath())).isTrue(); return get(port, "/readyz"); },
                body -> body.startsWith("ok"));
        var client = kubernetes.client();
        client.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName(Testbed.SECRET)
            .endMetadata().withStringData(sim.credentialKeys()).build()).create();
        ConohaServer server = Resources.server("web", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running);
        server.getMetadata().setNamespace("default");
        client.resource(server).create();
        Testbed.awaitReadyInPhase(client.resources(ConohaServer.class).inNamespace("default").withName("web"), ServerPhase.Running);
        String metrics = get(port, "/metrics");
        // SIGTERM, as the kubelet sends, to the operator itself (a wrapper such as unshare does not forward it)
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
        return new Outcome(metrics, Files.readString(log.toPath()), process.exitValue());
      } finally {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  static List<String> javaJar(Path jar, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    return command;
  }

  static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
