package io.conoha.assistant.metrics;

import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.cli.OperatorCommand;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.embedded.EmbeddedKubernetes;
import io.conoha.assistant.embedded.SpecEdits;
import io.conoha.assistant.operator.Resources;
import io.conoha.assistant.operator.Testbed;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * One scrape of the production process ({@code operator} command, as the container runs it) after a day in
 * its life compressed into seconds: a server named {@code web} in each of two namespaces, one archived and
 * restored, an imported image, ConoHa answering 503 and 429 now and then, and an account whose password is wrong. Taken once
 * per test JVM and written to {@code target/metrics/scrape.txt}, where promtool and the rule tests read it.
 */
public final class RealScrape {
  public static final String[] NAMESPACES = {"team-a", "team-b"};
  private static String text;

  private RealScrape() {}

  public static synchronized String text() {
    if (text == null) {
      text = take();
    }
    return text;
  }

  /** The scrape on disk, for command-line tools. */
  public static synchronized Path file() throws java.io.IOException {
    Path file = Path.of(System.getProperty("project.basedir", "."), "target", "metrics", "scrape.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text());
    return file;
  }

  private static String take() {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()));
         EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start()) {
      Path dir = Files.createTempDirectory("scrape");
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters: [{name: embedded, cluster: {server: "%s"}}]
          contexts: [{name: embedded, context: {cluster: embedded, user: embedded, namespace: default}}]
          current-context: embedded
          users: [{name: embedded, user: {token: test}}]
          """.formatted(kubernetes.url()));
      OperatorCommand command = new OperatorCommand();
      new CommandLine(command).parseArgs("--kubeconfig", kubeconfig.toString(), "--http-host", "127.0.0.1",
          "--http-port", "0", "--no-leader-election", "--fast-poll", "100ms", "--slow-poll", "1s", "--create-grace", "2s");
      try (OperatorCommand.Process process = command.startHttp()) {
        process.startOperator();
        KubernetesClient client = kubernetes.client();
        sim.faults().failNext("servers.list", 503, 1).rateLimitNext("servers.list", 1, Duration.ofMillis(200));
        for (String ns : NAMESPACES) {
          kubernetes.createNamespace(ns);
          secret(client, ns, Testbed.SECRET, sim.credentialKeys());
          create(client, ns, Resources.server("web", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running));
        }
        client.resource(inNamespace(Resources.importOf("ubuntu", Resources.UBUNTU), NAMESPACES[0])).create();
        var web = client.resources(ConohaServer.class).inNamespace(NAMESPACES[0]).withName("web");
        for (String ns : NAMESPACES) {
          Testbed.awaitReadyInPhase(client.resources(ConohaServer.class).inNamespace(ns).withName("web"), ServerPhase.Running);
        }
        SpecEdits.edit(web, s -> { s.getSpec().setState(ServerState.Archived); return s; });
        Testbed.awaitReadyInPhase(web, ServerPhase.Archived);
        SpecEdits.edit(web, s -> { s.getSpec().setState(ServerState.Running); return s; });
        Testbed.awaitReadyInPhase(web, ServerPhase.Running);

        Map<String, String> wrong = new HashMap<>(sim.credentialKeys());
        wrong.put("password", "Not-The-Passw0rd!");
        secret(client, NAMESPACES[1], "wrong", wrong);
        ConohaServer locked = Resources.server("locked-out", Resources.V3_PLAN, Resources.UBUNTU, ServerState.Running);
        locked.getSpec().setCredentialsSecretRef(new ResourceRef("wrong"));
        create(client, NAMESPACES[1], locked);
        int port = process.httpPort();
        await().atMost(Testbed.WAIT).until(() -> get(port).contains("conoha_assistant_auth_requests_total{result=\"failure\"} 1")
            && get(port).contains("conoha_assistant_resources{kind=\"ConohaImage\",phase=\"Available\"} 1"));
        return get(port);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not scrape a running operator", e);
    }
  }

  private static void secret(KubernetesClient client, String ns, String name, Map<String, String> data) {
    client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata()
        .withStringData(data).build()).create();
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T inNamespace(T resource, String ns) {
    resource.getMetadata().setNamespace(ns);
    return resource;
  }

  private static void create(KubernetesClient client, String ns, ConohaServer server) {
    server.getMetadata().setNamespace(ns);
    client.resource(server).create();
  }

  private static String get(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
